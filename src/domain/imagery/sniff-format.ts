import { type Message, msg } from '../message';

/** The files an admin may add as imagery. */
export type ImageryFileKind = 'geotiff' | 'mbtiles' | 'pmtiles';

const EXTENSIONS: Readonly<Record<string, ImageryFileKind>> = {
  tif: 'geotiff',
  tiff: 'geotiff',
  mbtiles: 'mbtiles',
  pmtiles: 'pmtiles',
};

/** What the first bytes say the file is (TIFF/BigTIFF, SQLite, PMTiles v3), or null. */
function kindOfBytes(head: Uint8Array): ImageryFileKind | null {
  const ascii = Array.from(head.subarray(0, 16), (c) => String.fromCharCode(c)).join('');
  if (ascii.startsWith('SQLite format 3\0')) return 'mbtiles';
  if (ascii.startsWith('PMTiles') && head[7] === 3) return 'pmtiles';
  const [a, b, c, d] = head;
  const le = a === 0x49 && b === 0x49 && d === 0;
  const be = a === 0x4d && b === 0x4d && c === 0;
  if ((le && (c === 42 || c === 43)) || (be && (d === 42 || d === 43))) return 'geotiff';
  return null;
}

/**
 * The kind of an imagery file from its name, checked against its first 16 bytes (magic numbers):
 * a file that is not what its name says is refused.
 * @example sniffImageryFile('dom.tif', new Uint8Array([0x49, 0x49, 42, 0])) // → { ok: true, kind: 'geotiff' }
 */
export function sniffImageryFile(
  name: string,
  head: Uint8Array,
): { ok: true; kind: ImageryFileKind } | { ok: false; reason: Message } {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const named = EXTENSIONS[ext];
  if (!named) return { ok: false, reason: msg('imagery.file.extension', { name }) };
  const actual = kindOfBytes(head);
  if (actual !== named)
    return { ok: false, reason: msg('imagery.file.notWhatNamed', { name, expected: ext }) };
  return { ok: true, kind: named };
}
