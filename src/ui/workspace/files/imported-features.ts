// What an import adds to the working copy: its lines and polygons as EditFeatures (multi-part
// geometries split into parts), with the file's attributes kept, and the points the file marks as
// works (role `work` or a work type: 泵站, 水文站…). Other points (a coordinate table's 界桩, survey
// points) are only counted: markers are computed, and a point is never guessed to be a work.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type {
  EditFeature,
  EditGeometry,
  EditProperties,
  EditRole,
} from '../../../domain/editor/edit-types';
import { LINE_ROLES } from '../../../domain/editor/edit-types';
import {
  applyFieldMapping,
  type FieldMapping,
} from '../../../domain/formats/import/guess-field-mapping';
import { WORK_ROLE, WORK_TYPES } from '../../../domain/works/work-types';

const ROLES: readonly string[] = [...LINE_ROLES, 'water', 'approved-boundary', WORK_ROLE];

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
 * Reach ids for reach names: the working copy's reach of that name, else a new `reach-n` past the
 * highest number in use.
 */
function reachIds(existing: readonly EditFeature[]): (name: string) => string {
  const byName = new Map<string, string>();
  let highest = 0;
  for (const f of existing) {
    const n = /^reach-(\d+)$/.exec(f.properties.reach)?.[1];
    if (n) highest = Math.max(highest, Number(n));
    const name = f.properties.reachName?.trim();
    if (name && !byName.has(name)) byName.set(name, f.properties.reach);
  }
  return (name) => {
    let id = byName.get(name);
    if (!id) {
      // the first named reach of an empty working copy is reach-1
      id = `reach-${existing.length === 0 && byName.size === 0 ? 1 : ++highest}`;
      highest = Math.max(highest, Number(id.slice(6)));
      byName.set(name, id);
    }
    return id;
  };
}

/** The properties with what the confirmed field mapping reads from the attributes. */
function withMapping(
  p: EditProperties,
  mapping: FieldMapping | null | undefined,
  reachOf: (name: string) => string,
): EditProperties {
  if (!mapping) return p;
  const m = applyFieldMapping(p, mapping);
  const out: EditProperties = { ...p };
  if (m.role) out.role = m.role;
  if (m.embankmentClass !== undefined) out.embankmentClass = m.embankmentClass;
  if (m.widthM !== undefined) out.widthM = m.widthM;
  if (m.protectionM !== undefined) out.protectionM = m.protectionM;
  if (m.reachName !== undefined) {
    out.reachName = m.reachName;
    out.reach = reachOf(m.reachName);
  }
  return out;
}

/** Whether the file marks a point as a work: its role is `work`, or it has a work type. */
function isWorkPoint(p: Readonly<EditProperties>): boolean {
  return (
    p.role === WORK_ROLE ||
    (typeof p.workType === 'string' && (WORK_TYPES as readonly string[]).includes(p.workType))
  );
}

/** How many points of the collections the files mark as works (the rest are not added). */
export function countWorkPoints(collections: readonly FeatureCollection[]): number {
  let n = 0;
  for (const fc of collections)
    for (const f of fc.features)
      for (const part of partsOf(f.geometry))
        if (part.type === 'Point' && isWorkPoint(editProperties(f))) n += 1;
  return n;
}

/** A work point as a work, keeping the type and name the file gave it. */
function asWork(part: Geometry, p: EditProperties): EditProperties {
  if (part.type !== 'Point' || p.role === WORK_ROLE) return p;
  const name = typeof p.name === 'string' ? p.name : '';
  return { ...p, role: WORK_ROLE, workType: p.workType ?? null, name };
}

/**
 * The lines, polygons and work points of imported collections as new features of the working copy, with ids
 * `<prefix>-1`, `<prefix>-2`… that no feature in `taken` has. The inputs are not modified.
 */
export function toImportedFeatures(
  collections: readonly FeatureCollection[],
  taken: ReadonlySet<string>,
  prefix: string,
  /** per collection, the confirmed field mapping (none: the attributes are only kept) */
  mappings: readonly (FieldMapping | null)[] = [],
  /** the working copy (its reaches are reused by name) */
  existing: readonly EditFeature[] = [],
): EditFeature[] {
  const reachOf = reachIds(existing);
  const out: EditFeature[] = [];
  let n = 0;
  const nextId = () => {
    let id = `${prefix}-${++n}`;
    while (taken.has(id)) id = `${prefix}-${++n}`;
    return id;
  };
  for (const [c, fc] of collections.entries()) {
    for (const f of fc.features) {
      for (const part of partsOf(f.geometry)) {
        if (part.type !== 'LineString' && part.type !== 'Polygon' && part.type !== 'Point')
          continue;
        const properties = withMapping(editProperties(f), mappings[c], reachOf);
        if (part.type === 'Point' && !isWorkPoint(properties)) continue;
        out.push({
          type: 'Feature',
          id: nextId(),
          geometry: structuredClone(part) as EditGeometry,
          properties: asWork(part, properties),
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
