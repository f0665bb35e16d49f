import type { Geometry, Position } from 'geojson';

/** The geometry types the exports write (GeometryCollection is refused at the boundary). */
export type ExportGeometry = Exclude<Geometry, { type: 'GeometryCollection' }>;

/**
 * A copy of a geometry with every position passed through `fn` (the input is not touched).
 * @example mapPositions(point, (p) => projector('EPSG:4545').forward(p))
 */
export function mapPositions<G extends ExportGeometry>(g: G, fn: (p: Position) => Position): G {
  const line = (ps: Position[]) => ps.map(fn);
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: fn(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: line(g.coordinates) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map(line) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map(line)) };
  }
}

/**
 * Twice the signed area of a ring (shoelace): positive when counter-clockwise with y up.
 * @example signedArea2([[0, 0], [1, 0], [1, 1], [0, 0]]) // 1
 */
export function signedArea2(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    s += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return s;
}

/** A ring turned the requested way (a reversed copy, or the same ring when it already turns so). */
function orientRing(ring: Position[], turn: 'cw' | 'ccw'): Position[] {
  const ccw = signedArea2(ring) > 0;
  return ccw === (turn === 'ccw') ? ring : [...ring].reverse();
}

/**
 * The polygons of a Polygon or MultiPolygon with the outer ring turned `outer` and holes the other way.
 * @example orientPolygons(g, 'ccw') // RFC 7946 right-hand rule
 */
export function orientPolygons(
  g: Extract<ExportGeometry, { type: 'Polygon' | 'MultiPolygon' }>,
  outer: 'cw' | 'ccw',
): Position[][][] {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const inner = outer === 'cw' ? 'ccw' : 'cw';
  return polygons.map((rings) => rings.map((r, i) => orientRing(r, i === 0 ? outer : inner)));
}

/**
 * Whether a point lies inside a ring (even-odd ray casting; a point on an edge may go either way).
 * @example pointInRing([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]], [1, 1]) // true
 */
export function pointInRing(ring: readonly Position[], [x, y]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (
      yi > (y as number) !== yj > (y as number) &&
      (x as number) < ((xj - xi) * ((y as number) - yi)) / (yj - yi) + xi
    )
      inside = !inside;
  }
  return inside;
}

/**
 * How deeply positions nest in each geometry type's `coordinates` (GeometryCollection has none).
 * @example POSITION_DEPTH.Polygon // 2
 */
export const POSITION_DEPTH: Readonly<Record<string, number>> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};
