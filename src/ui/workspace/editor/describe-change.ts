import type { EditChange } from '../../../domain/editor/diff-edits';
import type { EditRole } from '../../../domain/editor/edit-types';
import type { WT } from '../messages';

/** A role in words (左岸堤脚线), or 未定类型. */
export function roleLabel(role: EditRole | null, t: WT): string {
  return role ? t(`saveRole.${role}`) : t('saveRoleNone');
}

const PROPS = [
  'widthM',
  'protectionM',
  'embankmentClass',
  'role',
  'reach',
  'reachName',
  'sideFrom',
  'sameBothBanks',
] as const;
/** Values said in words rather than as the data has them. */
const VALUES = new Set(['geometry', 'chosen', 'true', 'false']);

function propLabel(key: string, t: WT): string {
  return (PROPS as readonly string[]).includes(key)
    ? t(`saveProp.${key as (typeof PROPS)[number]}`)
    : key;
}

function value(v: unknown, key: string, t: WT): string {
  if (v === undefined || v === null || v === '') return '—';
  if (key === 'role') return roleLabel(v as EditRole, t);
  if ((key === 'sideFrom' || key === 'sameBothBanks') && VALUES.has(String(v)))
    return t(`saveValue.${String(v) as 'geometry' | 'chosen' | 'true' | 'false'}`);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * A change in a few words: what changed of the feature (geometry, which properties from → to),
 * or its size when it was added or removed.
 */
export function describeChange(c: EditChange, t: WT): string {
  if (c.kind !== 'changed') return t('saveChangeVertices', { n: c.vertices });
  // a reach is never shown by its id (reach-1): a move between reaches is said as such
  const parts = c.properties.map((p) =>
    p.key === 'reach'
      ? t('saveReachMoved')
      : `${propLabel(p.key, t)} ${value(p.from, p.key, t)} → ${value(p.to, p.key, t)}`,
  );
  if (c.geometry) parts.unshift(t('saveChangeGeometry', { n: c.vertices }));
  return parts.join('；');
}
