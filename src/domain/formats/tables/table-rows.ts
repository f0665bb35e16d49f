import type { CrsCode } from '../../crs/crs';
import { CRS } from '../../crs/crs';
import { type Message, msg } from '../../message';
import type { RawData, RawFeature } from '../common/raw-data';

/** One table cell: text, or a number where the file stores one (xlsx). */
export type Cell = string | number;
type Failure = { ok: false; errors: Message[] };

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

/**
 * A cell as a number; NaN when it is empty or not a number.
 * @example toNumber(' 2428385.29 ') // 2428385.29
 */
export const toNumber = (c: Cell | undefined) =>
  typeof c === 'number' ? c : c === undefined || c.trim() === '' ? Number.NaN : Number(c.trim());
/**
 * Whether a cell holds a finite number.
 * @example isNum('36561979.81') // true
 */
export const isNum = (c: Cell | undefined) => Number.isFinite(toNumber(c));

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
 * @example tableToRaw([['点号', 'X', 'Y'], ['J1', 2428385.29, 561979.81]], 'a.csv', null) // { ok: true, raw: { order: 'north-east', … } }
 */
export function tableToRaw(
  rows: Cell[][],
  name: string,
  layer: string | null,
): { ok: true; raw: RawData } | Failure {
  const layout = layoutOf(rows);
  if (!layout)
    return {
      ok: false,
      errors: [msg('formats.table.noColumns', { file: name })],
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
  const errors: Message[] = [];
  for (let i = start; i < rows.length; i++) {
    const r = rows[i] as Cell[];
    if (r.every((c) => String(c).trim() === '')) continue;
    const n = parse(r[nc as number] ?? '');
    const e = parse(r[ec as number] ?? '');
    const where = layer
      ? msg('formats.where.sheetRow', { sheet: layer, row: i + 1 })
      : msg('formats.where.row', { row: i + 1 });
    if (!Number.isFinite(n) || !Number.isFinite(e)) {
      errors.push(
        msg('formats.table.notCoordinates', {
          file: name,
          where,
          x: String(r[nc as number] ?? ''),
          y: String(r[ec as number] ?? ''),
        }),
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
    return { ok: false, errors: [msg('formats.table.noRows', { file: name })] };
  const declared = meta.crs
    ? { crs: meta.crs, source: msg('formats.table.epsgRow', { file: name }) }
    : null;
  return {
    ok: true,
    raw: { features, order: 'north-east', declared, zone: meta.zone, encoding: null, warnings: [] },
  };
}
