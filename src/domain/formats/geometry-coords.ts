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
