import type { MultiPolygon, Position } from 'geojson';
import type { Loop } from './trace-contour';

/**
 * The signed area of a closed ring (counter-clockwise positive).
 * @example ringArea([[0, 0], [1, 0], [1, 1], [0, 0]]) // 0.5
 */
export function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) {
    const p = ring[i - 1] as Position;
    const q = ring[i] as Position;
    a += (p[0] as number) * (q[1] as number) - (q[0] as number) * (p[1] as number);
  }
  return a / 2;
}

/**
 * A multipolygon from loops with the flood on their left: counter-clockwise loops are outer rings,
 * clockwise ones holes (islands), each put in the outer ring that holds it.
 * @example assemblePolygons(traceContour(grid)).coordinates.length // 1
 */
export function assemblePolygons(loops: readonly Loop[]): MultiPolygon {
  const outers: Position[][][] = [];
  const holes: Loop[] = [];
  for (const l of loops) {
    if (ringArea(l) > 0) outers.push([l]);
    else holes.push(l);
  }
  for (const h of holes) {
    const p = h[0] as Position;
    const home = outers.find((poly) => contains(poly[0] as Position[], p)) ?? outers[0];
    home?.push(h);
  }
  return { type: 'MultiPolygon', coordinates: outers };
}

function contains(ring: readonly Position[], p: Position): boolean {
  const x = p[0] as number;
  const y = p[1] as number;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as Position;
    const b = ring[j] as Position;
    const ay = a[1] as number;
    const by = b[1] as number;
    if (ay > y !== by > y) {
      const xi = (a[0] as number) + ((y - ay) / (by - ay)) * ((b[0] as number) - (a[0] as number));
      if (x < xi) inside = !inside;
    }
  }
  return inside;
}
