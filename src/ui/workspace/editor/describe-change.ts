import type { EditChange } from '../../../domain/editor/diff-edits';
import type { EditRole } from '../../../domain/editor/edit-types';
import type { WT } from '../messages';

/** A role in words (左岸堤脚线), or 未定类型. */
export function roleLabel(role: EditRole | null, t: WT): string {
  return role ? t(`saveRole.${role}`) : t('saveRoleNone');
}

const PROPS = ['widthM', 'protectionM', 'embankmentClass', 'role', 'reach'] as const;

function propLabel(key: string, t: WT): string {
  return (PROPS as readonly string[]).includes(key)
    ? t(`saveProp.${key as (typeof PROPS)[number]}`)
    : key;
}

function value(v: unknown, key: string, t: WT): string {
  if (v === undefined || v === null || v === '') return '—';
  if (key === 'role') return roleLabel(v as EditRole, t);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * A change in a few words: what changed of the feature (geometry, which properties from → to),
 * or its size when it was added or removed.
 */
export function describeChange(c: EditChange, t: WT): string {
  if (c.kind !== 'changed') return t('saveChangeVertices', { n: c.vertices });
  const parts = c.properties.map(
    (p) => `${propLabel(p.key, t)} ${value(p.from, p.key, t)} → ${value(p.to, p.key, t)}`,
  );
  if (c.geometry) parts.unshift(t('saveChangeGeometry', { n: c.vertices }));
  return parts.join('；');
}
