// What an import adds to the working copy: its lines and polygons as EditFeatures (multi-part
// geometries split into parts), with the file's attributes kept; points are only counted.
import type { Feature, FeatureCollection, Geometry, LineString, Polygon } from 'geojson';
import type { EditFeature, EditProperties, EditRole } from '../../../domain/editor/edit-types';
import { LINE_ROLES } from '../../../domain/editor/edit-types';

const ROLES: readonly string[] = [...LINE_ROLES, 'water'];

/** How many lines, polygons and points a collection holds (multi-part geometries count their parts). */
export interface GeometryCounts {
  lines: number;
  polygons: number;
  points: number;
}

/** The single-part geometries of a geometry: a MultiLineString's lines, a collection's members… */
function partsOf(g: Geometry | null): Geometry[] {
  if (!g) return [];
  switch (g.type) {
    case 'MultiPoint':
      return g.coordinates.map((coordinates) => ({ type: 'Point', coordinates }));
    case 'MultiLineString':
      return g.coordinates.map((coordinates) => ({ type: 'LineString', coordinates }));
    case 'MultiPolygon':
      return g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
    case 'GeometryCollection':
      return g.geometries.flatMap(partsOf);
    default:
      return [g];
  }
}

/** Counts the parts of each kind. */
export function countGeometries(fc: FeatureCollection): GeometryCounts {
  const counts: GeometryCounts = { lines: 0, polygons: 0, points: 0 };
  for (const f of fc.features) {
    for (const part of partsOf(f.geometry)) {
      if (part.type === 'LineString') counts.lines++;
      else if (part.type === 'Polygon') counts.polygons++;
      else counts.points++;
    }
  }
  return counts;
}

/** The planner's properties of an imported feature: its attributes, a reach, a role if it has one. */
function editProperties(f: Feature): EditProperties {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  return {
    ...p,
    reach: typeof p.reach === 'string' && p.reach !== '' ? p.reach : 'reach-1',
    // a Hejie export carries its role; anything else is for the planner to set
    role: typeof p.role === 'string' && ROLES.includes(p.role) ? (p.role as EditRole) : null,
  };
}

/**
 * The lines and polygons of imported collections as new features of the working copy, with ids
 * `<prefix>-1`, `<prefix>-2`… that no feature in `taken` has. The inputs are not modified.
 */
export function toImportedFeatures(
  collections: readonly FeatureCollection[],
  taken: ReadonlySet<string>,
  prefix: string,
): EditFeature[] {
  const out: EditFeature[] = [];
  let n = 0;
  const nextId = () => {
    let id = `${prefix}-${++n}`;
    while (taken.has(id)) id = `${prefix}-${++n}`;
    return id;
  };
  for (const fc of collections) {
    for (const f of fc.features) {
      for (const part of partsOf(f.geometry)) {
        if (part.type !== 'LineString' && part.type !== 'Polygon') continue;
        out.push({
          type: 'Feature',
          id: nextId(),
          geometry: structuredClone(part) as LineString | Polygon,
          properties: editProperties(f),
        });
      }
    }
  }
  return out;
}

/**
 * What the map previews while the import waits for confirmation: every part, with an `id`
 * (`<file>-<n>`) for the map's queries and nothing else of the attributes.
 */
export function previewCollection(collections: readonly FeatureCollection[]): FeatureCollection {
  const features: Feature[] = collections.flatMap((fc, i) =>
    fc.features
      .flatMap((f) => partsOf(f.geometry))
      .map((geometry, j) => ({
        type: 'Feature' as const,
        geometry,
        properties: { id: `${i + 1}-${j + 1}` },
      })),
  );
  return { type: 'FeatureCollection', features };
}
