// The coordinate-table book (界桩坐标成果表): the marker tables of the CSV/XLSX export, paginated as
// pages of the sheet model (same cells, same rounding), with a header and page i/N on each page.
import type { Feature } from 'geojson';
import { CRS, zoneOfPositions } from '../crs/crs';
import {
  buildCoordinateTables,
  type Cell,
  type CoordinateTable,
} from '../formats/tables/coordinate-table';
import { type Message, msg } from '../message';
import type { Pt, SheetAtlas, SheetItem, SheetPage } from './sheet-model';

const PAGE = { w: 297, h: 210 };
const ROW_MM = 5.6;
const TOP_MM = 34;
const ROWS_PER_PAGE = Math.floor((PAGE.h - TOP_MM - 16) / ROW_MM) - 1;
/** Book columns: title, width (mm), and how a row of the export table gives it. */
const COLUMNS: ReadonlyArray<[string, number]> = [
  ['点号', 34],
  ['X（北）', 28],
  ['Y（东）', 26],
  ['B', 32],
  ['L', 34],
  ['里程', 26],
  ['位置', 97],
];

/**
 * A chainage in metres as 里程 (K + kilometres + metres), from the table's printed text so that it
 * agrees with the CSV to the digit.
 * @example chainageK('1234.56') // 'K1+234.56'
 */
export function chainageK(metres: string): string {
  const [int = '0', frac] = metres.split('.');
  const km = int.length > 3 ? int.slice(0, -3) : '0';
  const m = int.slice(-3).padStart(3, '0');
  return `K${km}+${m}${frac === undefined ? '' : `.${frac}`}`;
}

const cellText = (c: Cell | undefined) => c?.text ?? '';

/** The book row of an export row (点号,X,Y,B,L,河流,河段,线别,岸别,类型,里程). */
function bookRow(row: readonly Cell[]): string[] {
  const [id, x, y, b, l, , reach, line, bank, type, chain] = row.map(cellText);
  return [
    id ?? '',
    x ?? '',
    y ?? '',
    b ?? '',
    l ?? '',
    chainageK(chain ?? '0'),
    `${reach} ${bank}${line} ${type}`,
  ];
}

function t(
  x: number,
  y: number,
  text: string,
  sizeMm: number,
  align: 'left' | 'center' | 'right' = 'left',
  bold = false,
): SheetItem {
  return { kind: 'text', x, y, text, sizeMm, align, bold };
}

function tablePage(
  table: CoordinateTable,
  rows: string[][],
  head: string[],
  title: string,
): SheetItem[] {
  const x0 = 12;
  const width = COLUMNS.reduce((s, [, w]) => s + w, 0);
  const items: SheetItem[] = [t(PAGE.w / 2, 14, `${title}（${table.name}）`, 5.5, 'center', true)];
  head.forEach((h, i) => {
    items.push(t(x0, 21 + i * 4.2, h, 2.8));
  });
  const lines: Pt[][] = [];
  const y0 = TOP_MM;
  const n = rows.length + 1;
  for (let r = 0; r <= n; r++)
    lines.push([
      [x0, y0 + r * ROW_MM],
      [x0 + width, y0 + r * ROW_MM],
    ]);
  let x = x0;
  for (const [, w] of [...COLUMNS, ['', 0] as [string, number]]) {
    lines.push([
      [x, y0],
      [x, y0 + n * ROW_MM],
    ]);
    x += w;
  }
  items.push({ kind: 'path', style: 'rule', parts: lines, closed: false });
  const cells = [COLUMNS.map(([c]) => c), ...rows];
  cells.forEach((row, r) => {
    let cx = x0;
    row.forEach((s, c) => {
      const w = (COLUMNS[c] as [string, number])[1];
      const numeric = r > 0 && c >= 1 && c <= 5;
      items.push(
        numeric
          ? t(cx + w - 1.5, y0 + r * ROW_MM + 4, s, 2.8, 'right')
          : t(
              r === 0 ? cx + w / 2 : cx + 1.5,
              y0 + r * ROW_MM + 4,
              s,
              2.8,
              r === 0 ? 'center' : 'left',
              r === 0,
            ),
      );
      cx += w;
    });
  });
  return items;
}

/**
 * The 界桩坐标成果表 of markers (and notice boards) in their GK zone: one run of pages per table
 * (管理范围线界桩, 保护范围线界桩, 公告牌), a header with river, zone and datum, page i/N.
 * @example buildCoordinateBook(features, { title: '南流江', date: '2026-12-03', version: 'v1' }) // { ok: true, atlas: { pages } }
 */
export function buildCoordinateBook(
  features: readonly Feature[],
  texts: { river: string; unit: string; date: string; version: string },
): { ok: true; atlas: SheetAtlas; rows: number; crs: string } | { ok: false; errors: Message[] } {
  const markers = features.filter(
    (f) =>
      f.geometry?.type === 'Point' &&
      (f.properties?.markerType === 'boundary' || f.properties?.markerType === 'notice-board'),
  );
  if (markers.length === 0) return { ok: false, errors: [msg('sheets.input.noMarkers')] };
  const zone = zoneOfPositions(
    markers.map((f) => (f.geometry as { coordinates: number[] }).coordinates),
  );
  const info = CRS[zone.code];
  const built = buildCoordinateTables({ type: 'FeatureCollection', features: markers }, info);
  if (!built.ok) return built;
  const head = [
    `坐标系：2000国家大地坐标系  投影：高斯-克吕格投影 3°分带 第${info.zone}带  中央子午线：${info.centralMeridian}°E（${info.code}，Y不含带号）  高程基准：1985国家高程基准`,
    `X、Y、里程单位为米，保留2位小数；B、L为CGCS2000经纬度，秒保留4位小数  制图单位：${texts.unit}  制图日期：${texts.date}  版本：${texts.version}`,
  ];
  const title = `${texts.river}界桩坐标成果表`;
  const chunks: Array<{ table: CoordinateTable; rows: string[][] }> = [];
  for (const table of built.tables)
    for (let i = 0; i < table.rows.length; i += ROWS_PER_PAGE)
      chunks.push({ table, rows: table.rows.slice(i, i + ROWS_PER_PAGE).map(bookRow) });
  const pages: SheetPage[] = chunks.map((c, i) => ({
    widthMm: PAGE.w,
    heightMm: PAGE.h,
    items: [
      ...tablePage(c.table, c.rows, head, title),
      t(PAGE.w / 2, PAGE.h - 8, `第 ${i + 1} 页 / 共 ${chunks.length} 页`, 3, 'center'),
    ],
  }));
  return { ok: true, atlas: { title, pages }, rows: markers.length, crs: info.code };
}
