import type { CrsCode } from '../../crs/crs';
import { CRS } from '../../crs/crs';
import { type Message, type MessageParam, msg } from '../../message';

/** A .prj (or other declaration) understood: the CRS, and a note to show (e.g. WGS 84 taken as CGCS2000). */
export type PrjResult =
  | { ok: true; crs: CrsCode; note: Message | null }
  | { ok: false; error: Message };

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Datums named in WKT that are refused, with the name the error uses. */
const FOREIGN_DATUMS: [RegExp, MessageParam][] = [
  [/xian1980|xian80|xian_?1980/, msg('formats.datum.xian80')],
  [/beijing1954|beijing54/, msg('formats.datum.beijing54')],
  [/gcj|mars/, msg('formats.datum.gcj02')],
  [/bd09|baidu/, msg('formats.datum.bd09')],
];

function datumOf(wkt: string): MessageParam {
  const all = norm(wkt);
  const datum = /DATUM\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? '';
  const d = norm(datum);
  for (const [re, name] of FOREIGN_DATUMS) if (re.test(all)) return name;
  if (/china2000|cgcs2000|chinageodeticcoordinatesystem2000/.test(d || all)) return 'cgcs2000';
  if (/wgs84|wgs1984|worldgeodeticsystem1984/.test(d || all)) return 'wgs84';
  return datum || msg('formats.datum.unnamed');
}

function parameter(wkt: string, names: RegExp): number | null {
  for (const m of wkt.matchAll(/PARAMETER\s*\[\s*"([^"]+)"\s*,\s*([-+\d.eE]+)/gi)) {
    if (names.test(norm(m[1] as string))) return Number(m[2]);
  }
  return null;
}

/**
 * Reads a .prj (ESRI or OGC WKT 1/2) as one of Hejie's CRSs. Refuses other datums and zones with a
 * reason naming them; never guesses.
 * @example parsePrj('GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",…]]', 'a.prj') // { ok: true, crs: 'EPSG:4490', note: null }
 */
export function parsePrj(wkt: string, file: string): PrjResult {
  const text = wkt.trim();
  const top = /^\s*([A-Z]+)\s*\[\s*"([^"]*)"/i.exec(text);
  if (!top) return { ok: false, error: msg('formats.prj.notWkt', { file }) };
  const [, keyword = '', name = ''] = top;
  const datum = datumOf(text);
  const projected = /^PROJ/i.test(keyword);
  if (datum !== 'cgcs2000' && datum !== 'wgs84') {
    return {
      ok: false,
      error: msg('formats.prj.foreignDatum', { file, datum, name }),
    };
  }
  if (!projected) {
    if (datum === 'cgcs2000') return { ok: true, crs: 'EPSG:4490', note: null };
    return {
      ok: true,
      crs: 'EPSG:4490',
      note: msg('formats.prj.wgs84LonLat', { file }),
    };
  }
  if (datum === 'wgs84') {
    return {
      ok: false,
      error: msg('formats.prj.wgs84Projected', { file, name }),
    };
  }
  return matchGk(text, name, file);
}

function matchGk(text: string, name: string, file: string): PrjResult {
  const cm = parameter(text, /^(centralmeridian|longitudeofnaturalorigin|longitudeoforigin)$/);
  const fe = parameter(text, /^falseeasting$/) ?? 0;
  const fn = parameter(text, /^falsenorthing$/) ?? 0;
  const k = parameter(text, /^(scalefactor|scalefactoratnaturalorigin)$/) ?? 1;
  const tm = /transverse_?mercator|gauss|kruger|tmerc/i.test(text);
  const code = (Object.values(CRS) as (typeof CRS)[CrsCode][]).find(
    (c) =>
      c.centralMeridian === cm && Math.abs(Number(c.proj4.match(/x_0=(\d+)/)?.[1]) - fe) < 1e-6,
  )?.code;
  if (!tm || code === undefined || fn !== 0 || Math.abs(k - 1) > 1e-9) {
    return {
      ok: false,
      error: msg('formats.prj.otherZone', { file, name, cm: cm ?? '?', fe }),
    };
  }
  return { ok: true, crs: code, note: null };
}
