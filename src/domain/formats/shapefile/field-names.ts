/** DBF field names: at most 10 ASCII bytes, unique regardless of case, starting with a letter. */
const MAX = 10;

function baseName(key: string, index: number): string {
  const ascii = key.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (!/[A-Za-z0-9]/.test(ascii)) return `FIELD${index + 1}`;
  return /^[A-Za-z]/.test(ascii) ? ascii : `F${ascii}`;
}

/**
 * Maps property keys to DBF field names: characters other than ASCII letters, digits and `_` become
 * `_`; a name not starting with a letter gets `F` in front; a key with no ASCII letter or digit
 * becomes `FIELDn` (n = its position, 1-based); names are cut to 10 bytes; a name already taken
 * (case-insensitive, `reserved` first) ends in `_1`, `_2`… instead.
 * @example mapFieldNames(['leftProtectionM', '名称'], ['LAYER']) // leftProtec, FIELD2
 */
export function mapFieldNames(
  keys: readonly string[],
  reserved: readonly string[],
): Map<string, string> {
  const taken = new Set(reserved.map((r) => r.toUpperCase()));
  const names = new Map<string, string>();
  keys.forEach((key, i) => {
    const base = baseName(key, i);
    let name = base.slice(0, MAX);
    for (let n = 1; taken.has(name.toUpperCase()); n++) {
      const suffix = `_${n}`;
      name = base.slice(0, MAX - suffix.length) + suffix;
    }
    taken.add(name.toUpperCase());
    names.set(key, name);
  });
  return names;
}
