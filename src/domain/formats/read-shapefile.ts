import { unzipSync } from 'fflate';
import type { Geometry, Position } from 'geojson';
import { decodeGbk, guessEncoding } from '../text/gbk';
import { parsePrj, type RawData, type RawFeature, type RawResult } from './detect-crs';
import type { ImportOptions, ImportSource, TextEncoding } from './types';

/** A zip may inflate to at most this much (declared sizes are checked before inflating). */
const MAX_UNZIPPED_BYTES = 1024 ** 3;

/**
 * Lists a zip's entries and inflates them, refusing before inflating when the declared sizes add up
 * to more than MAX_UNZIPPED_BYTES.
 * @example unzipChecked(bytes, 'a.zip') // { ok: true, files: { 'a.shp': Uint8Array … } }
 */
export function unzipChecked(
  bytes: Uint8Array,
  name: string,
): { ok: true; files: Record<string, Uint8Array> } | { ok: false; errors: string[] } {
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        declared += f.originalSize;
        return false;
      },
    });
    if (declared > MAX_UNZIPPED_BYTES) {
      const gb = (declared / 1024 ** 3).toFixed(1);
      return { ok: false, errors: [`${name} would inflate to ${gb} GB; the limit is 1 GB`] };
    }
    return { ok: true, files: unzipSync(bytes) };
  } catch (e) {
    return {
      ok: false,
      errors: [`${name} is not a readable zip archive (${(e as Error).message})`],
    };
  }
}

const CODEPAGES: Record<string, TextEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  '65001': 'utf-8',
  cp936: 'gbk',
  '936': 'gbk',
  gbk: 'gbk',
  gb2312: 'gbk',
  gb18030: 'gbk',
  'ansi 936': 'gbk',
};

/**
 * Reads a zipped shapefile (one or more layers): geometry from .shp, attributes from .dbf decoded
 * by --encoding, the .cpg, or the DBF bytes; CRS from .prj.
 * @example readShapefile({ name: 'a.zip', bytes }, {}) // { ok: true, raw: { features: […], declared: { crs: 'EPSG:4524', … } } }
 */
export function readShapefile(source: ImportSource, options: ImportOptions): RawResult {
  const unzipped = unzipChecked(source.bytes, source.name);
  if (!unzipped.ok) return unzipped;
  const files = unzipped.files;
  const lower = new Map(Object.keys(files).map((k) => [k.toLowerCase(), k]));
  const stems = [...lower.keys()].filter((k) => k.endsWith('.shp')).map((k) => k.slice(0, -4));
  if (stems.length === 0) return { ok: false, errors: [`${source.name} holds no .shp file`] };
  const get = (stem: string, ext: string) => {
    const k = lower.get(stem + ext);
    return k === undefined ? undefined : files[k];
  };
  const raw: RawData = {
    features: [],
    order: 'east-north',
    declared: null,
    zone: null,
    encoding: null,
    warnings: [],
  };
  const errors: string[] = [];
  for (const stem of stems) {
    const layer = stem.split('/').pop() ?? stem;
    const r = readLayer(stem, layer, get, options, stems.length > 1);
    if (!r.ok) {
      errors.push(...r.errors);
      continue;
    }
    if (raw.declared && r.declared && raw.declared.crs !== r.declared.crs) {
      errors.push(
        `layers ${raw.declared.source} and ${r.declared.source} are in different CRSs; import them separately`,
      );
    }
    raw.declared ??= r.declared;
    raw.encoding = r.encoding === 'ascii' && raw.encoding ? raw.encoding : r.encoding;
    raw.features.push(...r.features);
    raw.warnings.push(...r.warnings);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (raw.features.length === 0) return { ok: false, errors: [`${source.name} holds no geometry`] };
  return { ok: true, raw };
}

type Layer =
  | {
      ok: true;
      features: RawFeature[];
      declared: RawData['declared'];
      encoding: RawData['encoding'];
      warnings: string[];
    }
  | { ok: false; errors: string[] };

function readLayer(
  stem: string,
  layer: string,
  get: (stem: string, ext: string) => Uint8Array | undefined,
  options: ImportOptions,
  tagLayer: boolean,
): Layer {
  const shp = get(stem, '.shp') as Uint8Array;
  const dbf = get(stem, '.dbf');
  if (!dbf)
    return {
      ok: false,
      errors: [`${layer}.shp has no ${layer}.dbf beside it (a shapefile needs both)`],
    };
  const shapes = readShp(shp, `${layer}.shp`);
  if (!shapes.ok) return shapes;
  const warnings: string[] = [];
  const enc = chooseEncoding(dbf, get(stem, '.cpg'), options, layer, warnings);
  const table = readDbf(dbf, `${layer}.dbf`, enc);
  if (!table.ok) return table;
  if (table.rows.length !== shapes.shapes.length) {
    warnings.push(
      `${layer}: ${shapes.shapes.length} shapes but ${table.rows.length} DBF rows; attributes matched by position`,
    );
  }
  let declared: RawData['declared'] = null;
  const prj = get(stem, '.prj');
  if (prj) {
    const p = parsePrj(new TextDecoder().decode(prj), `${layer}.prj`);
    if (!p.ok) return { ok: false, errors: [p.error] };
    if (p.note) warnings.push(p.note);
    declared = { crs: p.crs, source: `${layer}.prj` };
  }
  const features: RawFeature[] = [];
  shapes.shapes.forEach((g, i) => {
    if (!g) return;
    const props = { ...(table.rows[i] ?? {}) };
    if (tagLayer && !('layer' in props)) props.layer = layer;
    features.push({ geometry: g, properties: props, where: `feature ${i + 1} of ${layer}` });
  });
  return { ok: true, features, declared, encoding: enc, warnings };
}

function chooseEncoding(
  dbf: Uint8Array,
  cpg: Uint8Array | undefined,
  options: ImportOptions,
  layer: string,
  warnings: string[],
): TextEncoding | 'ascii' {
  if (options.encoding) return options.encoding;
  if (cpg) {
    const name = new TextDecoder().decode(cpg).trim().toLowerCase();
    const enc = CODEPAGES[name];
    if (enc) return enc;
    warnings.push(
      `${layer}.cpg names "${name}", which Hejie does not know; guessing from the bytes`,
    );
  }
  const guess = guessEncoding(dbf.subarray(32));
  if (guess === 'ascii') return 'ascii';
  const hint = dbf[29] === 0x4d;
  const enc: TextEncoding = hint ? 'gbk' : guess;
  const how = hint ? 'the DBF language driver byte (0x4D = GBK/936)' : 'the bytes';
  warnings.push(
    `${layer} has no .cpg: attributes read as ${enc.toUpperCase()} (from ${how}); use --encoding if the text looks wrong`,
  );
  return enc;
}

type Shapes = { ok: true; shapes: (Geometry | null)[] } | { ok: false; errors: string[] };

function readShp(b: Uint8Array, name: string): Shapes {
  if (b.length < 100)
    return {
      ok: false,
      errors: [`${name} is truncated: ${b.length} bytes, shorter than the 100-byte header`],
    };
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (v.getInt32(0, false) !== 9994)
    return {
      ok: false,
      errors: [`${name} is not a shapefile (file code ${v.getInt32(0, false)}, expected 9994)`],
    };
  const length = v.getInt32(24, false) * 2;
  if (b.length < length)
    return {
      ok: false,
      errors: [`${name} is truncated: its header says ${length} bytes, the file has ${b.length}`],
    };
  const shapes: (Geometry | null)[] = [];
  let off = 100;
  while (off + 8 <= length) {
    const len = v.getInt32(off + 4, false) * 2;
    if (off + 8 + len > length)
      return { ok: false, errors: [`${name} is truncated in record ${shapes.length + 1}`] };
    const g = readShape(v, off + 8);
    if (g === undefined)
      return {
        ok: false,
        errors: [
          `${name}: record ${shapes.length + 1} has shape type ${v.getInt32(off + 8, true)}, which Hejie does not read`,
        ],
      };
    shapes.push(g);
    off += 8 + len;
  }
  return { ok: true, shapes };
}

function readShape(v: DataView, o: number): Geometry | null | undefined {
  const type = v.getInt32(o, true);
  const pt = (at: number): Position => [v.getFloat64(at, true), v.getFloat64(at + 8, true)];
  if (type === 0) return null;
  if (type === 1 || type === 11 || type === 21) return { type: 'Point', coordinates: pt(o + 4) };
  if (type === 8 || type === 18 || type === 28) {
    const n = v.getInt32(o + 36, true);
    return {
      type: 'MultiPoint',
      coordinates: Array.from({ length: n }, (_, i) => pt(o + 40 + 16 * i)),
    };
  }
  if (![3, 5, 13, 15, 23, 25].includes(type)) return undefined;
  const nParts = v.getInt32(o + 36, true);
  const nPoints = v.getInt32(o + 40, true);
  const starts = Array.from({ length: nParts }, (_, i) => v.getInt32(o + 44 + 4 * i, true));
  const base = o + 44 + 4 * nParts;
  const parts = starts.map((s, i) => {
    const end = starts[i + 1] ?? nPoints;
    return Array.from({ length: end - s }, (_, j) => pt(base + 16 * (s + j)));
  });
  if (type % 10 === 3) {
    return parts.length === 1
      ? { type: 'LineString', coordinates: parts[0] as Position[] }
      : { type: 'MultiLineString', coordinates: parts };
  }
  return ringsToPolygons(parts);
}

const area2 = (r: Position[]) => {
  let s = 0;
  for (let i = 0; i + 1 < r.length; i++)
    s +=
      (r[i]?.[0] as number) * (r[i + 1]?.[1] as number) -
      (r[i + 1]?.[0] as number) * (r[i]?.[1] as number);
  return s;
};

function contains(ring: Position[], [x, y]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (
      yi > (y as number) !== yj > (y as number) &&
      (x as number) < ((xj - xi) * ((y as number) - yi)) / (yj - yi) + xi
    )
      inside = !inside;
  }
  return inside;
}

/** Shapefile rings: outer clockwise, holes counter-clockwise; GeoJSON wants the opposite winding. */
function ringsToPolygons(rings: Position[][]): Geometry {
  const polys: Position[][][] = [];
  const holes: Position[][] = [];
  for (const r of rings) {
    if (area2(r) <= 0) polys.push([[...r].reverse()]);
    else holes.push([...r].reverse());
  }
  for (const h of holes) {
    const owner =
      polys.find((p) => h[0] && contains(p[0] as Position[], h[0])) ?? polys[polys.length - 1];
    if (owner) owner.push(h);
    else polys.push([[...h].reverse()]);
  }
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] as Position[][] }
    : { type: 'MultiPolygon', coordinates: polys };
}

type Table = { ok: true; rows: Record<string, unknown>[] } | { ok: false; errors: string[] };

function readDbf(b: Uint8Array, name: string, enc: TextEncoding | 'ascii'): Table {
  if (b.length < 33) return { ok: false, errors: [`${name} is truncated (${b.length} bytes)`] };
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const count = v.getUint32(4, true);
  const headerLen = v.getUint16(8, true);
  const recLen = v.getUint16(10, true);
  if (b.length < headerLen + count * recLen) {
    return {
      ok: false,
      errors: [
        `${name} is truncated: ${count} records need ${headerLen + count * recLen} bytes, the file has ${b.length}`,
      ],
    };
  }
  const text = (bytes: Uint8Array) =>
    enc === 'gbk' ? decodeGbk(bytes) : new TextDecoder().decode(bytes);
  const fields: { name: string; type: string; len: number; at: number }[] = [];
  let at = 1;
  for (let o = 32; o + 32 <= headerLen && b[o] !== 0x0d; o += 32) {
    const raw = b.subarray(o, o + 11);
    const end = raw.indexOf(0);
    const len = b[o + 16] as number;
    fields.push({
      name: text(raw.subarray(0, end < 0 ? 11 : end)),
      type: String.fromCharCode(b[o + 11] as number),
      len,
      at,
    });
    at += len;
  }
  const rows: Record<string, unknown>[] = [];
  for (let r = 0; r < count; r++) {
    const base = headerLen + r * recLen;
    if (b[base] === 0x2a) continue;
    const row: Record<string, unknown> = {};
    for (const f of fields)
      row[f.name] = dbfValue(f.type, text(b.subarray(base + f.at, base + f.at + f.len)).trim());
    rows.push(row);
  }
  return { ok: true, rows };
}

function dbfValue(type: string, s: string): unknown {
  if (type === 'N' || type === 'F') return s === '' || /^\*+$/.test(s) ? null : Number(s);
  if (type === 'L') return /^[YyTt]$/.test(s) ? true : /^[NnFf]$/.test(s) ? false : null;
  if (type === 'D')
    return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}` : s || null;
  return s;
}
