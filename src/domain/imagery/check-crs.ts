import { type Message, msg } from '../message';

/** Datums named in a WKT (WKT1 and WKT2 both write `DATUM["<name>"`). */
const ACCEPTED = [/China[ _]2000/i, /CGCS[ _]?2000/i, /WGS[ _]?(19)?84/i];
const NEEDS_TRANSFORMATION: readonly [RegExp, string][] = [
  [/Xian[ _]1980|Xi'an[ _]1980/i, 'Xian 1980'],
  [/Beijing[ _]1954/i, 'Beijing 1954'],
];

/**
 * Whether an image's coordinate system may be converted: CGCS2000 (EPSG:4490 and its
 * Gauss-Krüger zones) or WGS 84 are taken; none, Xian 1980, Beijing 1954 (they need a
 * transformation the bureau must supply) or any other datum are refused with the reason.
 * @example checkImageCrs('') // → { ok: false, reason: { code: 'imagery.crs.missing' } }
 */
export function checkImageCrs(wkt: string): { ok: true } | { ok: false; reason: Message } {
  if (wkt.trim() === '') return { ok: false, reason: msg('imagery.crs.missing') };
  const datum = /DATUM\["([^"]+)"/.exec(wkt)?.[1] ?? '';
  for (const [re, name] of NEEDS_TRANSFORMATION)
    if (re.test(datum)) return { ok: false, reason: msg('imagery.crs.oldDatum', { datum: name }) };
  if (ACCEPTED.some((re) => re.test(datum))) return { ok: true };
  return { ok: false, reason: msg('imagery.crs.otherDatum', { datum: datum || '?' }) };
}
