// The confirmation's words for what the import found: how the CRS was known, the axis swap, the
// extent. Read from the import's result; its warnings are also shown as they are.
import type { CrsCode } from '../../../domain/crs/crs';
import { CRS } from '../../../domain/crs/crs';
import { IMPORT_FORMATS } from '../../../domain/formats/import-formats';
import type { ImportFormat, ImportResult } from '../../../domain/formats/types';
import type { BBox } from '../../../domain/geo/bbox';
import type { WT } from '../messages';

type Key = Parameters<WT>[0];
type Imported = Extract<ImportResult, { ok: true }>;

/** The import format a file name selects (the registry's own rule: by extension). */
export function importFormatOf(name: string): ImportFormat | null {
  const ext = name.slice(name.lastIndexOf('.')).toLowerCase();
  return IMPORT_FORMATS.find((f) => f.extensions.includes(ext)) ?? null;
}

/** Formats whose text may be in either encoding (the others are UTF-8 by definition). */
export const ENCODED_IMPORTS: readonly ImportFormat['id'][] = ['shp', 'dxf', 'csv', 'txt'];

/** Who declares the CRS inside each kind of file. */
const DECLARED_BY: Record<ImportFormat['id'], Key> = {
  shp: 'crsFromPrj',
  geojson: 'crsFromGeojson',
  kml: 'crsFromKml',
  dxf: 'crsFromPrj',
  csv: 'crsFromHeader',
  xlsx: 'crsFromHeader',
  txt: 'crsFromHeader',
};

/** How the CRS of an import was known: declared by the file, given by the user, or from the numbers. */
export function crsHow(r: Imported, format: ImportFormat['id']): { key: Key; zone: number | null } {
  const zone = CRS[r.crs].zone;
  if (r.crsSource === 'option') return { key: 'crsChosen', zone };
  if (r.crsSource === 'prj') return { key: DECLARED_BY[format], zone };
  if (zone === null) return { key: 'crsFromDegrees', zone };
  return { key: CRS[r.crs].zonePrefix ? 'crsFromPrefix' : 'crsFromZoneRow', zone };
}

/** The axis swap the import fixed, from its warning: "… were swapped in 15 of 15 points …". */
export function swapOf(warnings: readonly string[]): { n: number; total: number } | null {
  for (const w of warnings) {
    const m = /were swapped in (\d+) of (\d+) points/.exec(w);
    if (m) return { n: Number(m[1]), total: Number(m[2]) };
  }
  return null;
}

/** The zone the import's question names as the one that fits ("the choice that fits is --crs …"). */
export function fittingCrs(errors: readonly string[]): CrsCode | null {
  for (const e of errors) {
    const m = /the choice that fits is --crs (EPSG:\d+)/.exec(e);
    if (m?.[1] && m[1] in CRS) return m[1] as CrsCode;
  }
  return null;
}

/** An extent as `108.60000–109.02000°E, 21.80000–21.96000°N` (5 decimals ≈ 1 m). */
export function formatExtent(b: BBox, lang: 'zh' | 'en'): string {
  const f = (v: number) => v.toFixed(5);
  return `${f(b[0])}–${f(b[2])}°E${lang === 'zh' ? '，' : ', '}${f(b[1])}–${f(b[3])}°N`;
}
