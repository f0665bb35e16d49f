import { XMLParser } from 'fast-xml-parser';
import type { Geometry, Position } from 'geojson';
import type { CrsCode } from '../crs/crs';
import { CRS } from '../crs/crs';
import { decodeGbk, guessEncoding } from '../text/gbk';
import type { RawData, RawFeature, RawResult } from './detect-crs';
import { unzipChecked } from './read-shapefile';
import type { ImportOptions, ImportSource, TextEncoding } from './types';

type Cell = string | number;
type Failure = { ok: false; errors: string[] };

/** Header names surveyors use, normalised (lower case, no spaces, units in brackets dropped). */
const COLUMNS: Record<'id' | 'ring' | 'x' | 'y' | 'lat' | 'lon' | 'b' | 'l', string[]> = {
  id: ['点号', '点名', '界桩号', '桩号', 'name', 'id', 'point', '点'],
  ring: ['圈号'],
  x: ['x', 'x坐标', '北坐标', '纵坐标', 'n', 'north', 'northing'],
  y: ['y', 'y坐标', '东坐标', '横坐标', 'e', 'east', 'easting'],
  lat: ['纬度', 'lat', 'latitude'],
  lon: ['经度', 'lon', 'lng', 'long', 'longitude'],
  b: ['b'],
  l: ['l'],
};

const normHeader = (s: Cell) =>
  String(s)
    .trim()
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/\s+/g, '');

function columnsOf(header: Cell[]): Partial<Record<keyof typeof COLUMNS, number>> {
  const out: Partial<Record<keyof typeof COLUMNS, number>> = {};
  header.forEach((h, i) => {
    const n = normHeader(h);
    for (const [key, names] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string[]][]) {
      if (out[key] === undefined && names.includes(n)) out[key] = i;
    }
  });
  return out;
}

/**
 * Parses a degree value: decimal (`21.964478`) or degrees-minutes-seconds (`21°57'52.12"`,
 * `108°36′44.4444″E`, `21度57分52.12秒`); NaN when it is neither.
 * @example parseDegrees(`21°57'52.12"`) // 21.964477…
 */
export function parseDegrees(s: Cell): number {
  if (typeof s === 'number') return s;
  const t = s.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  const m =
    /^(-?)(\d+(?:\.\d+)?)\s*[°度d]\s*(?:(\d+(?:\.\d+)?)\s*['′’分m]\s*)?(?:(\d+(?:\.\d+)?)\s*(?:"|″|”|''|秒|s)?\s*)?([NSEWnsew]?)$/.exec(
      t,
    );
  if (!m) return Number.NaN;
  const v = Number(m[2]) + Number(m[3] ?? 0) / 60 + Number(m[4] ?? 0) / 3600;
  return m[1] === '-' || /[SWsw]/.test(m[5] ?? '') ? -v : v;
}

const toNumber = (c: Cell | undefined) =>
  typeof c === 'number' ? c : c === undefined || c.trim() === '' ? Number.NaN : Number(c.trim());
const isNum = (c: Cell | undefined) => Number.isFinite(toNumber(c));

/** What the header block (`key,value` rows above the column header) says. */
function headerBlock(rows: Cell[][]): {
  zone: number | null;
  crs: CrsCode | null;
  title: string | null;
} {
  let zone: number | null = null;
  let crs: CrsCode | null = null;
  let title: string | null = null;
  for (const [k, v] of rows) {
    const key = String(k ?? '').trim();
    const val = String(v ?? '').trim();
    if (key === '带号' && /^\d+$/.test(val)) zone = Number(val);
    if (key === 'EPSG' && `EPSG:${val.replace(/^EPSG:/i, '')}` in CRS)
      crs = `EPSG:${val.replace(/^EPSG:/i, '')}` as CrsCode;
    if (key === '表名') title = val;
  }
  return { zone, crs, title };
}

interface TableLayout {
  start: number;
  cols: Partial<Record<keyof typeof COLUMNS, number>>;
  header: Cell[] | null;
}

function layoutOf(rows: Cell[][]): TableLayout | null {
  for (let i = 0; i < rows.length; i++) {
    const cols = columnsOf(rows[i] as Cell[]);
    const coords =
      (cols.x !== undefined && cols.y !== undefined) ||
      (cols.lat !== undefined && cols.lon !== undefined) ||
      (cols.b !== undefined && cols.l !== undefined);
    if (coords) return { start: i + 1, cols, header: rows[i] as Cell[] };
  }
  const first = rows.findIndex((r) => r.some((c) => String(c).trim() !== ''));
  const r = rows[first];
  if (!r) return null;
  if (r.length >= 4 && isNum(r[1]) && isNum(r[2]) && isNum(r[3]))
    return { start: first, cols: { id: 0, ring: 1, x: 2, y: 3 }, header: null };
  if (r.length >= 3 && isNum(r[1]) && isNum(r[2]))
    return { start: first, cols: { id: 0, x: 1, y: 2 }, header: null };
  return null;
}

/**
 * Turns table rows (csv, xlsx sheet, plain txt) into points: finds the column header (or a headerless
 * `点号,X,Y` / `点号,圈号,X,Y` layout), X = north, Y = east, or latitude/longitude in degrees or DMS.
 */
function tableToRaw(
  rows: Cell[][],
  name: string,
  layer: string | null,
): { ok: true; raw: RawData } | Failure {
  const layout = layoutOf(rows);
  if (!layout)
    return {
      ok: false,
      errors: [
        `${name}: no coordinate columns found (expected a header with 点号, X/北坐标, Y/东坐标 or 纬度/经度, or rows 点号,X,Y)`,
      ],
    };
  const { cols, header, start } = layout;
  const meta = headerBlock(rows.slice(0, Math.max(0, start - 1)));
  const projected = cols.x !== undefined && cols.y !== undefined;
  const [nc, ec] = projected
    ? [cols.x, cols.y]
    : cols.lat !== undefined && cols.lon !== undefined
      ? [cols.lat, cols.lon]
      : [cols.b, cols.l];
  const parse = projected ? toNumber : parseDegrees;
  const used = new Set([
    nc,
    ec,
    projected ? -1 : cols.b,
    projected ? -1 : cols.l,
    cols.lat,
    cols.lon,
  ]);
  const features: RawFeature[] = [];
  const errors: string[] = [];
  for (let i = start; i < rows.length; i++) {
    const r = rows[i] as Cell[];
    if (r.every((c) => String(c).trim() === '')) continue;
    const n = parse(r[nc as number] ?? '');
    const e = parse(r[ec as number] ?? '');
    const where = `${layer ? `${layer} ` : ''}row ${i + 1}`;
    if (!Number.isFinite(n) || !Number.isFinite(e)) {
      errors.push(
        `${name}: ${where}: "${r[nc as number] ?? ''}", "${r[ec as number] ?? ''}" are not coordinates`,
      );
      continue;
    }
    const props: Record<string, unknown> = {};
    r.forEach((c, j) => {
      if (!used.has(j))
        props[
          header ? String(header[j] ?? `column${j + 1}`).trim() : j === cols.ring ? '圈号' : '点号'
        ] = c;
    });
    if (layer !== null && !('layer' in props)) props.layer = layer;
    features.push({ geometry: { type: 'Point', coordinates: [n, e] }, properties: props, where });
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, 20) };
  if (features.length === 0)
    return { ok: false, errors: [`${name}: the table has no coordinate rows`] };
  const declared = meta.crs ? { crs: meta.crs, source: `the EPSG row of ${name}` } : null;
  return {
    ok: true,
    raw: { features, order: 'north-east', declared, zone: meta.zone, encoding: null, warnings: [] },
  };
}

function decodeText(
  bytes: Uint8Array,
  options: ImportOptions,
): { text: string; encoding: TextEncoding | 'ascii' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder().decode(bytes.subarray(3)), encoding: 'utf-8' };
  const enc = options.encoding ?? guessEncoding(bytes);
  return {
    text: enc === 'gbk' ? decodeGbk(bytes) : new TextDecoder().decode(bytes),
    encoding: enc,
  };
}

/** RFC 4180 rows; the delimiter is the first of `,` tab `;` found in the first line, else runs of spaces. */
function splitRows(text: string): Cell[][] {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const delim = [',', '\t', ';', '，'].find((d) => firstLine.includes(d));
  if (!delim) return text.split(/\r?\n/).map((l) => l.trim().split(/\s+/));
  const rows: Cell[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted) {
      if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch !== delim && ch !== '\n' && ch !== '\r') cell += ch;
    else {
      row.push(cell);
      cell = '';
      if (ch === delim) continue;
      if (ch === '\r' && text[i + 1] === '\n') i++;
      rows.push(row);
      row = [];
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const finish = (r: ReturnType<typeof tableToRaw>, encoding: TextEncoding | 'ascii'): RawResult =>
  r.ok ? { ok: true, raw: { ...r.raw, encoding } } : r;

/**
 * Reads a CSV coordinate table (UTF-8 with or without BOM, or GBK).
 * @example readCsv({ name: 'a.csv', bytes }, {}) // { ok: true, raw: { order: 'north-east', … } }
 */
export function readCsv(source: ImportSource, options: ImportOptions): RawResult {
  const { text, encoding } = decodeText(source.bytes, options);
  return finish(tableToRaw(splitRows(text), source.name, null), encoding);
}

/**
 * Reads a TXT coordinate file: the exchange format (`[属性描述]`/`[地块坐标]` blocks) or a plain table.
 * @example readTxt({ name: 'a.txt', bytes }, {}) // { ok: true, raw: { zone: 36, … } }
 */
export function readTxt(source: ImportSource, options: ImportOptions): RawResult {
  const { text, encoding } = decodeText(source.bytes, options);
  if (!text.includes('[地块坐标]'))
    return finish(tableToRaw(splitRows(text), source.name, null), encoding);
  const zone = /^\s*带号\s*[=＝]\s*(\d+)\s*$/m.exec(text)?.[1];
  const body = text.slice(text.indexOf('[地块坐标]') + '[地块坐标]'.length);
  const blocks = readBlocks(body.split(/\r?\n/), source.name);
  if (!blocks.ok) return blocks;
  return {
    ok: true,
    raw: {
      features: blocks.features,
      order: 'north-east',
      declared: null,
      zone: zone ? Number(zone) : null,
      encoding,
      warnings: [],
    },
  };
}

function readBlocks(lines: string[], name: string): { ok: true; features: RawFeature[] } | Failure {
  const features: RawFeature[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const head = line.split(',');
    if (!line.endsWith('@'))
      return {
        ok: false,
        errors: [`${name}: line ${i + 1} should start a block (点数,面积,编号,名称,面|线|点,…,@)`],
      };
    const count = Number(head[0]);
    const kind = head[4] ?? '';
    if (!Number.isInteger(count) || !['面', '线', '点'].includes(kind))
      return {
        ok: false,
        errors: [
          `${name}: block line ${i + 1} needs a point count and 面, 线 or 点 (found "${line}")`,
        ],
      };
    const rows = lines.slice(i + 1, i + 1 + count).map((l) => l.split(',').map((c) => c.trim()));
    const bad = rows.findIndex((r) => r.length < 4 || !isNum(r[2]) || !isNum(r[3]));
    if (rows.length < count || bad >= 0)
      return {
        ok: false,
        errors: [
          `${name}: line ${i + 2 + (bad >= 0 ? bad : rows.length)}: expected ${count} rows 点号,圈号,X,Y in the block of line ${i + 1}`,
        ],
      };
    const props = { 编号: head[2] ?? '', 名称: head[3] ?? '', 类型: kind, 面积: Number(head[1]) };
    const where = `block "${head[2] ?? ''}" (line ${i + 1})`;
    if (kind === '点') {
      rows.forEach((r, j) => {
        features.push({
          geometry: { type: 'Point', coordinates: [toNumber(r[2]), toNumber(r[3])] },
          properties: { ...props, 点号: r[0] },
          where: `${where} row ${j + 1}`,
        });
      });
    } else features.push({ geometry: blockGeometry(rows, kind), properties: props, where });
    i += count;
  }
  if (features.length === 0) return { ok: false, errors: [`${name}: [地块坐标] holds no block`] };
  return { ok: true, features };
}

function blockGeometry(rows: string[][], kind: string): Geometry {
  const rings = new Map<string, Position[]>();
  for (const r of rows) {
    const key = r[1] as string;
    if (!rings.has(key)) rings.set(key, []);
    rings.get(key)?.push([toNumber(r[2]), toNumber(r[3])]);
  }
  const parts = [...rings.values()];
  if (kind === '线')
    return parts.length === 1
      ? { type: 'LineString', coordinates: parts[0] as Position[] }
      : { type: 'MultiLineString', coordinates: parts };
  const polys: Position[][][] = [];
  for (const ring of parts) {
    const owner = polys.find((p) => inside(p[0] as Position[], ring[0] as Position));
    if (owner) owner.push(ring);
    else polys.push([ring]);
  }
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] as Position[][] }
    : { type: 'MultiPolygon', coordinates: polys };
}

function inside(ring: Position[], [x, y]: Position): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (
      yi > (y as number) !== yj > (y as number) &&
      (x as number) < ((xj - xi) * ((y as number) - yi)) / (yj - yi) + xi
    )
      c = !c;
  }
  return c;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (n) => ['sheet', 'Relationship', 'si', 'r', 'row', 'c'].includes(n),
});
type X = Record<string, unknown>;
const arr = (x: unknown): X[] => (Array.isArray(x) ? (x as X[]) : x ? [x as X] : []);
const txt = (x: unknown): string =>
  typeof x === 'string' ? x : x && typeof x === 'object' ? String((x as X)['#text'] ?? '') : '';
const richText = (si: X) =>
  si.t !== undefined
    ? txt(si.t)
    : arr(si.r)
        .map((r) => txt(r.t))
        .join('');
const colIndex = (ref: string) =>
  [...(/^[A-Z]+/.exec(ref)?.[0] ?? 'A')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

function sheetRows(doc: X, shared: string[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const row of arr(
    (doc.worksheet as X | undefined)?.sheetData && ((doc.worksheet as X).sheetData as X).row,
  )) {
    const r: Cell[] = [];
    for (const c of arr(row.c)) {
      const t = c['@t'];
      const v = txt(c.v);
      r[colIndex(String(c['@r'] ?? ''))] =
        t === 's'
          ? (shared[Number(v)] ?? '')
          : t === 'inlineStr'
            ? richText((c.is as X) ?? {})
            : t === 'str' || t === 'b' || t === 'e'
              ? v
              : v === ''
                ? ''
                : Number(v);
    }
    rows[Number(row['@r'] ?? rows.length + 1) - 1] = Array.from(r, (c) => c ?? '');
  }
  return Array.from(rows, (r) => r ?? []);
}

/**
 * Reads an XLSX workbook: every sheet is a coordinate table (shared strings, inline strings, numbers);
 * with several sheets each point carries its sheet as `layer`.
 * @example readXlsx({ name: 'a.xlsx', bytes }, {}) // { ok: true, raw: { features: […] } }
 */
export function readXlsx(source: ImportSource, _options: ImportOptions): RawResult {
  const z = unzipChecked(source.bytes, source.name);
  if (!z.ok) return z;
  const read = (p: string) =>
    z.files[p] ? (xml.parse(new TextDecoder().decode(z.files[p])) as X) : null;
  const wb = read('xl/workbook.xml');
  if (!wb)
    return {
      ok: false,
      errors: [`${source.name} is a zip but not an Excel workbook (no xl/workbook.xml)`],
    };
  const rels = new Map(
    arr((read('xl/_rels/workbook.xml.rels')?.Relationships as X | undefined)?.Relationship).map(
      (r) => [String(r['@Id']), String(r['@Target'])],
    ),
  );
  const shared = arr((read('xl/sharedStrings.xml')?.sst as X | undefined)?.si).map(richText);
  const sheets = arr(((wb.workbook as X | undefined)?.sheets as X | undefined)?.sheet);
  const features: RawFeature[] = [];
  const errors: string[] = [];
  let first: RawData | null = null;
  for (const s of sheets) {
    const target = (rels.get(String(s['@id'])) ?? '').replace(/^\/?(xl\/)?/, 'xl/');
    const doc = read(target);
    if (!doc) continue;
    const r = tableToRaw(
      sheetRows(doc, shared),
      source.name,
      sheets.length > 1 ? String(s['@name']) : null,
    );
    if (!r.ok) errors.push(...r.errors);
    else if (first && (first.zone !== r.raw.zone || first.declared?.crs !== r.raw.declared?.crs))
      errors.push(
        `${source.name}: sheet ${String(s['@name'])} is in another CRS than the first sheet; import them separately`,
      );
    else {
      first ??= r.raw;
      features.push(...r.raw.features);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (!first) return { ok: false, errors: [`${source.name} has no sheet with coordinates`] };
  return { ok: true, raw: { ...first, features, encoding: 'utf-8' } };
}
