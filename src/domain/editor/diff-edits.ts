// What changed between two feature lists of a plan (a saved version and a newer one, or a
// version and the working copy): the summary a 409 shows before a merge.
import type { Position } from 'geojson';
import { changedProperties, sameGeometry } from './compare-features';
import type { EditFeature, EditRole } from './edit-types';

/** One feature that was added, removed or changed. */
export interface EditChange {
  id: string;
  kind: 'added' | 'removed' | 'changed';
  /** the role after the change (before it, for a removed feature) */
  role: EditRole | null;
  reach: string;
  /** vertices of the geometry after the change (before it, for a removed feature) */
  vertices: number;
  /** whether the geometry changed (a changed feature only) */
  geometry: boolean;
  /** the properties whose values changed, with both values (a changed feature only) */
  properties: { key: string; from: unknown; to: unknown }[];
}

/** The changes from one feature list to another, in the order of `after`, removals last. */
export interface EditDiff {
  added: EditChange[];
  removed: EditChange[];
  changed: EditChange[];
}

function vertexCount(f: EditFeature): number {
  const g = f.geometry;
  if (g.type === 'Point') return 1;
  const rings: Position[][] = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
  return rings.reduce((n, ring) => n + ring.length, 0);
}

function change(kind: EditChange['kind'], f: EditFeature, before?: EditFeature): EditChange {
  const properties = before
    ? changedProperties(before, f).map((key) => ({
        key,
        from: before.properties[key],
        to: f.properties[key],
      }))
    : [];
  return {
    id: f.id,
    kind,
    role: f.properties.role,
    reach: f.properties.reach,
    vertices: vertexCount(f),
    geometry: before ? !sameGeometry(before, f) : false,
    properties,
  };
}

/**
 * The features added, removed and changed (geometry or properties, by value) from `before` to
 * `after`, matched by id. The inputs are never mutated.
 * @example diffEdits(base, theirs).changed[0] // { id: 'f1', geometry: false, properties: [{ key: 'widthM', from: 30, to: 40 }], … }
 */
export function diffEdits(before: readonly EditFeature[], after: readonly EditFeature[]): EditDiff {
  const old = new Map(before.map((f) => [f.id, f]));
  const now = new Set(after.map((f) => f.id));
  const diff: EditDiff = { added: [], removed: [], changed: [] };
  for (const f of after) {
    const was = old.get(f.id);
    if (!was) diff.added.push(change('added', f));
    else {
      const c = change('changed', f, was);
      if (c.geometry || c.properties.length > 0) diff.changed.push(c);
    }
  }
  for (const f of before) if (!now.has(f.id)) diff.removed.push(change('removed', f));
  return diff;
}
