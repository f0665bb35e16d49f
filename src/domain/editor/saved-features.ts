import type { Feature } from 'geojson';
import type { EditFeature, EditGeometry, EditProperties, EditRole } from './edit-types';
import { LINE_ROLES } from './edit-types';

const ROLES: readonly string[] = [...LINE_ROLES, 'water', 'approved-boundary', 'work'];

/**
 * The working copy of a saved version's features: lines, polygons and points (works) get a stable
 * id (their saved id, else `f1`, `f2`, … by position); a role the engine does not know becomes null.
 * Multi-geometries are not edited here and are left out (they are counted).
 * @example toEditFeatures(saved.features).features[0].id // 'f1'
 */
export function toEditFeatures(features: readonly Feature[]): {
  features: EditFeature[];
  skipped: number;
} {
  const out: EditFeature[] = [];
  const used = new Set<string>();
  let skipped = 0;
  features.forEach((f, i) => {
    const g = f.geometry;
    if (g?.type !== 'LineString' && g?.type !== 'Polygon' && g?.type !== 'Point') {
      skipped++;
      return;
    }
    let id = typeof f.id === 'string' || typeof f.id === 'number' ? String(f.id) : `f${i + 1}`;
    while (used.has(id)) id = `${id}-${i + 1}`;
    used.add(id);
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const role = ROLES.includes(p.role as string) ? (p.role as EditRole) : null;
    const properties: EditProperties = {
      ...p,
      reach: typeof p.reach === 'string' && p.reach !== '' ? p.reach : 'reach-1',
      role,
    };
    out.push({ type: 'Feature', id, geometry: g as EditGeometry, properties });
  });
  return { features: out, skipped };
}

/**
 * The features a save sends (`PUT /api/plans/:id/geometry`): ids kept, properties as they are.
 * @example toSavedFeatures(state.features)[0].id // 'f1'
 */
export function toSavedFeatures(features: readonly EditFeature[]): Feature[] {
  return features.map((f) => ({
    type: 'Feature',
    id: f.id,
    geometry: f.geometry,
    properties: { ...f.properties },
  }));
}
