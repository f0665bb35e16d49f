import { CRS } from '../../../domain/crs/crs';
import { IMPORT_FORMATS } from '../../../domain/formats/import/import-formats';
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

/** An extent as `108.60000–109.02000°E, 21.80000–21.96000°N` (5 decimals ≈ 1 m). */
export function formatExtent(b: BBox, lang: 'zh' | 'en'): string {
  const f = (v: number) => v.toFixed(5);
  return `${f(b[0])}–${f(b[2])}°E${lang === 'zh' ? '，' : ', '}${f(b[1])}–${f(b[3])}°N`;
}
