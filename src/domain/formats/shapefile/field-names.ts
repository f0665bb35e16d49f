import { encodeGbk } from '../../text/gbk';
import type { TextEncoding } from '../types';

/** DBF field names: at most 10 bytes in the table's encoding, unique regardless of case. */
const MAX = 10;
/** CJK ideographs (and their punctuation-free extensions) a Chinese GIS desktop shows as field names. */
const CJK = /\p{Script=Han}/u;

/** Bytes of a field name in the encoding (a name GBK cannot hold counts as too long). */
function byteLength(name: string, encoding: TextEncoding): number {
  if (encoding === 'utf-8') return new TextEncoder().encode(name).length;
  const r = encodeGbk(name);
  return r.ok ? r.bytes.length : Number.POSITIVE_INFINITY;
}

/** The longest prefix (whole characters) of `name` within `max` bytes. */
function cut(name: string, max: number, encoding: TextEncoding): string {
  const chars = Array.from(name);
  while (chars.length > 0 && byteLength(chars.join(''), encoding) > max) chars.pop();
  return chars.join('');
}

function baseName(key: string, index: number): string {
  const safe = key.replace(/[^A-Za-z0-9_\p{Script=Han}]+/gu, '_').replace(/^_+|_+$/g, '');
  if (!/[A-Za-z0-9]/.test(safe) && !CJK.test(safe)) return `FIELD${index + 1}`;
  return /^[A-Za-z\p{Script=Han}]/u.test(safe) ? safe : `F${safe}`;
}

/**
 * Maps property keys to DBF field names: characters other than ASCII letters, digits, `_` and
 * Chinese characters become `_`; a name not starting with a letter or a Chinese character gets `F`
 * in front; a key with nothing left becomes `FIELDn` (n = its position, 1-based); names are cut to 10
 * bytes in the encoding (5 Chinese characters in GBK, 3 in UTF-8) at a character boundary; a name
 * already taken (case-insensitive, `reserved` first) ends in `_1`, `_2`… instead.
 * @example mapFieldNames(['leftProtectionM', '名称', '@'], ['LAYER'], 'gbk') // leftProtec, 名称, FIELD3
 */
export function mapFieldNames(
  keys: readonly string[],
  reserved: readonly string[],
  encoding: TextEncoding,
): Map<string, string> {
  const taken = new Set(reserved.map((r) => r.toUpperCase()));
  const names = new Map<string, string>();
  keys.forEach((key, i) => {
    const base = baseName(key, i);
    let name = cut(base, MAX, encoding);
    for (let n = 1; taken.has(name.toUpperCase()); n++) {
      const suffix = `_${n}`;
      name = cut(base, MAX - suffix.length, encoding) + suffix;
    }
    taken.add(name.toUpperCase());
    names.set(key, name);
  });
  return names;
}
