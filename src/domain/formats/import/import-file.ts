import { type Message, msg } from '../../message';
import type { ImportFormat, ImportOptions, ImportResult, ImportSource } from '../types';
import { IMPORT_FORMATS } from './import-formats';

/** Largest file accepted (a bureau's shapefile of a whole county is a few MB; 200 MB is far beyond). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];

/** The reader for a file: by extension, checked against the first bytes (a .zip must be a zip…). */
function pickFormat(
  source: ImportSource,
): { ok: true; format: ImportFormat } | { ok: false; errors: Message[] } {
  const name = source.name.toLowerCase();
  const ext = name.slice(name.lastIndexOf('.'));
  const format = IMPORT_FORMATS.find((f) => f.extensions.includes(ext));
  const known = IMPORT_FORMATS.flatMap((f) => f.extensions).join(', ');
  const b = source.bytes;
  if (ext === '.shp' || ext === '.dbf' || ext === '.shx') {
    return {
      ok: false,
      errors: [msg('formats.import.zipShapefile', { file: source.name })],
    };
  }
  if (!format)
    return {
      ok: false,
      errors: [msg('formats.import.unknownType', { file: source.name, ext, known })],
    };
  const zipped = startsWith(b, ZIP) || startsWith(b, EMPTY_ZIP);
  if ((format.id === 'shp' || format.id === 'xlsx') && !zipped) {
    return {
      ok: false,
      errors: [msg('formats.import.notZip', { file: source.name })],
    };
  }
  if (format.id !== 'shp' && format.id !== 'xlsx' && zipped) {
    return {
      ok: false,
      errors: [msg('formats.import.isZip', { file: source.name, format: format.label })],
    };
  }
  return { ok: true, format };
}

/**
 * Imports one file of surveyed data into lon/lat CGCS2000 features: picks the reader by extension and
 * magic bytes, refuses files over 200 MB, then the reader, CRS detection and the Qinzhou bounds check.
 * @example importFile({ name: 'jzd.zip', bytes }, { encoding: 'gbk' }) // { ok: true, crs: 'EPSG:4524', crsSource: 'prj', … }
 */
export function importFile(source: ImportSource, options: ImportOptions = {}): ImportResult {
  if (!source || typeof source.name !== 'string' || !(source.bytes instanceof Uint8Array)) {
    throw new TypeError('importFile needs { name: string, bytes: Uint8Array }');
  }
  if (source.bytes.length > MAX_IMPORT_BYTES) {
    const mb = Math.round(source.bytes.length / 1024 ** 2);
    return { ok: false, errors: [msg('formats.import.tooBig', { file: source.name, mb })] };
  }
  if (source.bytes.length === 0)
    return { ok: false, errors: [msg('formats.import.empty', { file: source.name })] };
  const picked = pickFormat(source);
  if (!picked.ok) return picked;
  return picked.format.read(source, options);
}
