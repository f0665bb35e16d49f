// The flood's edge: the zero contour of the cell-centre field g (W − z where flooded, ≤ 0 elsewhere)
// under bilinear interpolation, by marching squares on cell centres. Along a square's side the
// bilinear surface is linear, so the crossing points are exact; a saddle square is resolved by the
// value at its centre (the mean of its corners), and loops come out with the flood on their left.
import type { Position } from 'geojson';
import type { FloodGrid } from './flood-grid';

/** A closed ring (first = last), flood on the left: outer edges counter-clockwise, islands clockwise. */
export type Loop = Position[];

/**
 * Traces every loop of the flood's edge.
 * @example traceContour(grid) // [[[x, y], …, [x, y]]]
 */
export function traceContour(grid: FloodGrid): Loop[] {
  const W = grid.raster.width;
  const stride = W + 2;
  const seen = new Set<number>();
  const next = new Map<number, number>();
  const points = new Map<number, Position>();
  const square = (c: number, r: number) => {
    const key = (r + 1) * stride + (c + 1);
    if (seen.has(key)) return;
    seen.add(key);
    marchSquare(grid, c, r, stride, next, points);
  };
  grid.forEachRimCell((c, r) => {
    square(c - 1, r - 1);
    square(c, r - 1);
    square(c - 1, r);
    square(c, r);
  });
  const loops: Loop[] = [];
  for (const start of next.keys()) {
    if (!next.has(start)) continue;
    const ring: Position[] = [];
    let k = start;
    for (;;) {
      ring.push(points.get(k) as Position);
      const n = next.get(k);
      next.delete(k);
      if (n === undefined || n === start) break;
      k = n;
    }
    ring.push(ring[0] as Position);
    if (ring.length >= 4) loops.push(ring);
  }
  return loops;
}

// corners in counter-clockwise order (y up, rows down): bottom-left, bottom-right, top-right, top-left
const DC = [0, 1, 1, 0];
const DR = [1, 1, 0, 0];

function marchSquare(
  grid: FloodGrid,
  c: number,
  r: number,
  stride: number,
  next: Map<number, number>,
  points: Map<number, Position>,
): void {
  const v = [0, 0, 0, 0];
  let pos = 0;
  for (let k = 0; k < 4; k++) {
    v[k] = grid.g(c + (DC[k] as number), r + (DR[k] as number));
    if ((v[k] as number) > 0) pos++;
  }
  if (pos === 0 || pos === 4) return;
  // crossings along the counter-clockwise walk: A where + → −, B where − → +
  const keys: number[] = [];
  const isA: boolean[] = [];
  for (let k = 0; k < 4; k++) {
    const k1 = (k + 1) % 4;
    const pa = (v[k] as number) > 0;
    const pb = (v[k1] as number) > 0;
    if (pa === pb) continue;
    const ca = c + (DC[k] as number);
    const ra = r + (DR[k] as number);
    const cb = c + (DC[k1] as number);
    const rb = r + (DR[k1] as number);
    // edge key: horizontal edges (same row) even, vertical odd; by their left / top cell
    const key =
      ra === rb
        ? 2 * ((ra + 1) * stride + Math.min(ca, cb) + 1)
        : 2 * ((Math.min(ra, rb) + 1) * stride + ca + 1) + 1;
    if (!points.has(key)) {
      // from the positive corner: the same number whichever square computes it
      const [pc, pr, gp, nc, nr, gn] = pa
        ? [ca, ra, v[k] as number, cb, rb, v[k1] as number]
        : [cb, rb, v[k1] as number, ca, ra, v[k] as number];
      const t = gp / (gp - gn);
      const x0 = grid.cx(pc);
      const y0 = grid.cy(pr);
      points.set(key, [x0 + t * (grid.cx(nc) - x0), y0 + t * (grid.cy(nr) - y0)]);
    }
    keys.push(key);
    isA.push(pa);
  }
  const n = keys.length;
  if (n === 2) {
    const a = isA[0] ? 0 : 1;
    next.set(keys[a] as number, keys[1 - a] as number);
    return;
  }
  // saddle: the centre's sign says whether the positive corners join (then each A goes to the B after
  // it, cutting off the negative corners) or not (each A goes to the B before it)
  const centre = ((v[0] as number) + (v[1] as number) + (v[2] as number) + (v[3] as number)) / 4;
  for (let k = 0; k < 4; k++) {
    if (!isA[k]) continue;
    const b = centre > 0 ? (k + 1) % 4 : (k + 3) % 4;
    next.set(keys[k] as number, keys[b] as number);
  }
}
