import type { FeatureCollection, Geometry, Position } from 'geojson';

/** [minLon, minLat, maxLon, maxLat] */
export type BBox = [number, number, number, number];

/**
 * The bounding box of every coordinate in a feature collection.
 * Throws on an empty collection: there is no box to give.
 * @example bboxOf(fc) // [108.1, 21.5, 109.9, 22.7]
 */
export function bboxOf(fc: FeatureCollection): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (p: Position) => {
    const [x = Number.NaN, y = Number.NaN] = p;
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  };
  for (const f of fc.features) if (f.geometry) visit(f.geometry, add);
  if (!Number.isFinite(box[0])) throw new Error('bboxOf: no coordinates');
  return box;
}

/**
 * The bounding box of points ([x, y] each); throws on none.
 * @example bboxOfPoints([[108.6, 22], [108.5, 22.1]]) // [108.5, 22, 108.6, 22.1]
 */
export function bboxOfPoints(points: readonly Position[]): BBox {
  return bboxOf({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: { type: 'MultiPoint', coordinates: [...points] },
      },
    ],
  });
}

function visit(g: Geometry, add: (p: Position) => void): void {
  switch (g.type) {
    case 'Point':
      add(g.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      g.coordinates.forEach(add);
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of g.coordinates) line.forEach(add);
      break;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const ring of poly) ring.forEach(add);
      break;
    case 'GeometryCollection':
      for (const child of g.geometries) visit(child, add);
      break;
  }
}
