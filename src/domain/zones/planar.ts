// The planar geometry the zone engine needs, in metres (a Gauss-Krüger plane), on JSTS (a port of
// JTS, the library GEOS is a port of). Pure JavaScript: runs in the browser, a worker and Node.
import Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import type Polygon from 'jsts/org/locationtech/jts/geom/Polygon.js';
import BufferOp from 'jsts/org/locationtech/jts/operation/buffer/BufferOp.js';
import BufferParameters from 'jsts/org/locationtech/jts/operation/buffer/BufferParameters.js';
import IsSimpleOp from 'jsts/org/locationtech/jts/operation/IsSimpleOp.js';
import SnapIfNeededOverlayOp from 'jsts/org/locationtech/jts/operation/overlay/snap/SnapIfNeededOverlayOp.js';
import RelateOp from 'jsts/org/locationtech/jts/operation/relate/RelateOp.js';
import UnaryUnionOp from 'jsts/org/locationtech/jts/operation/union/UnaryUnionOp.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';

/** A point in the plane: [x = easting, y = northing], metres. */
export type XY = [number, number];

const factory = new GeometryFactory();

const coords = (points: readonly XY[]) => points.map(([x, y]) => new Coordinate(x, y));

/** A planar line. */
export function line(points: readonly XY[]): Geometry {
  return factory.createLineString(coords(points)) as unknown as Geometry;
}

/** A planar polygon from GeoJSON-style rings (first outer, then holes), each closed. */
export function polygon(rings: readonly (readonly XY[])[]): Geometry {
  const [outer, ...holes] = rings.map((r) => factory.createLinearRing(coords(r)));
  if (!outer) throw new Error('polygon needs an outer ring');
  return factory.createPolygon(outer, holes) as unknown as Geometry;
}

/**
 * Quadrant segments so that the chord of a round join is never more than `tolerance` from the
 * true arc of radius `radius`: r·(1 − cos(π/4q)) ≤ tolerance.
 * @example quadrantSegmentsFor(90, 0.005) // 75
 */
export function quadrantSegmentsFor(radius: number, tolerance: number): number {
  if (radius <= tolerance) return 1;
  const halfAngle = Math.acos(1 - tolerance / radius);
  return Math.max(8, Math.ceil(Math.PI / 2 / (2 * halfAngle)));
}

/** Both-sided buffer with flat end caps and round joins. */
export function bufferFlat(g: Geometry, distance: number, quadrantSegments: number): Geometry {
  const params = new BufferParameters(quadrantSegments, BufferParameters.CAP_FLAT);
  params.setJoinStyle(BufferParameters.JOIN_ROUND);
  return BufferOp.bufferOp(g, distance, params);
}

/** Union of many polygons (cascaded). */
export function unionAll(parts: readonly Geometry[]): Geometry {
  return UnaryUnionOp.union(factory.createGeometryCollection(parts as Geometry[]));
}

/** a − b, snapping when the plain overlay is not robust enough. */
export function difference(a: Geometry, b: Geometry): Geometry {
  return SnapIfNeededOverlayOp.difference(a, b);
}

/** Whether a line has no self-intersection. */
export function isSimple(g: Geometry): boolean {
  return new IsSimpleOp(g).isSimple();
}

/** Whether two geometries share at least one point. */
export function intersects(a: Geometry, b: Geometry): boolean {
  return RelateOp.intersects(a, b);
}

/** Whether a geometry has no points. */
export function isEmpty(g: Geometry): boolean {
  return (g as unknown as { isEmpty(): boolean }).isEmpty();
}

/** Why a polygon is invalid, or null when it is valid. */
export function invalidReason(g: Geometry): string | null {
  const op = new IsValidOp(g);
  if (op.isValid()) return null;
  const err = op.getValidationError();
  const at = err.getCoordinate();
  return `${err.getMessage()}${at ? ` at (${at.x.toFixed(2)}, ${at.y.toFixed(2)})` : ''}`;
}

/** GeoJSON coordinates of a polygonal result: always a MultiPolygon's array (may be empty). */
export function multiPolygonCoordinates(g: Geometry): XY[][][] {
  const out: XY[][][] = [];
  for (let i = 0; i < g.getNumGeometries(); i++) {
    const p = g.getGeometryN(i) as unknown as Polygon;
    if (p.isEmpty() || p.getGeometryType() !== 'Polygon') continue;
    const rings = [
      p.getExteriorRing(),
      ...Array.from({ length: p.getNumInteriorRing() }, (_, k) => p.getInteriorRingN(k)),
    ];
    out.push(rings.map((r) => r.getCoordinates().map((c: Coordinate) => [c.x, c.y] as XY)));
  }
  return out;
}

export type { Geometry };
