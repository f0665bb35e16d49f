import type { EditFeature } from './edit-types';

/** Deep equality of JSON values; object key order does not matter, a missing key equals undefined. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameValue(ra[k], rb[k])) return false;
  return true;
}

/**
 * Whether two features of a working copy are the same by value: id, geometry and properties
 * (key order does not matter).
 * @example sameFeature(f, structuredClone(f)) // true
 */
export function sameFeature(a: EditFeature, b: EditFeature): boolean {
  return (
    a.id === b.id && sameValue(a.geometry, b.geometry) && sameValue(a.properties, b.properties)
  );
}

/**
 * Whether two feature lists hold the same features by value, whatever their order.
 * @example sameFeatures([a, b], [b, a]) // true
 */
export function sameFeatures(a: readonly EditFeature[], b: readonly EditFeature[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((f) => [f.id, f]));
  return a.every((f) => {
    const other = byId.get(f.id);
    return other !== undefined && sameFeature(f, other);
  });
}

/**
 * The properties whose values differ between two features (sorted), by value.
 * @example changedProperties(a, { ...a, properties: { ...a.properties, widthM: 40 } }) // ['widthM']
 */
export function changedProperties(a: EditFeature, b: EditFeature): string[] {
  const keys = new Set([...Object.keys(a.properties), ...Object.keys(b.properties)]);
  return [...keys].filter((k) => !sameValue(a.properties[k], b.properties[k])).sort();
}

/**
 * Whether two features have the same geometry by value.
 * @example sameGeometry(f, reversed(f)) // false
 */
export function sameGeometry(a: EditFeature, b: EditFeature): boolean {
  return sameValue(a.geometry, b.geometry);
}
