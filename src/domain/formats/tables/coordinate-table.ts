import type { FeatureCollection } from 'geojson';
import type { CrsInfo, Projector } from '../../crs/crs';
import { projector } from '../../crs/crs';
import { type Message, msg } from '../../message';
import { formatDms, formatFixed } from '../common/dms';
import type { Boundary, BoundaryPoint, MarkerRow } from './table-features';
import { readTableFeatures } from './table-features';

/** How a numeric cell is shown in a spreadsheet: whole number, metres (0.00) or degrees (9 decimals). */
export type NumberFormat = 'integer' | 'metres' | 'degrees';

/** One cell: text, or a number with the exact text the csv prints and the format xlsx applies. */
export type Cell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; text: string; value: number; format: NumberFormat };

/** One coordinate table (坐标成果表): its name (sheet/file suffix), header block, columns and rows. */
export interface CoordinateTable {
  name: string;
  header: Array<[string, Cell]>;
  columns: string[];
  rows: Cell[][];
}

/** The tables of an export, with warnings, or the reasons there are none. */
export type TablesResult =
  | { ok: true; tables: CoordinateTable[]; warnings: Message[] }
  | { ok: false; errors: Message[] };

const LINE = { management: '管理范围线', protection: '保护范围线' } as const;
const BANK = { left: '左岸', right: '右岸' } as const;
const TYPE = {
  boundary: { main: '主桩', bend: '加密桩(弯道)', end: '端点桩', interval: '间隔桩' },
  'notice-board': {
    main: '公告牌',
    bend: '公告牌',
    end: '公告牌(河段端点)',
    interval: '公告牌(间隔)',
  },
} as const;
const VERTEX_TABLES: ReadonlyArray<[Boundary['layer'], string]> = [
  ['management-line', '管理范围线界址点'],
  ['protection-line', '保护范围线界址点'],
  ['management-zone', '管理范围面界址点'],
  ['protection-zone', '保护范围面界址点'],
];

const text = (s: string): Cell => ({ kind: 'text', text: s });

function num(value: number, format: NumberFormat): Cell {
  const t = formatFixed(value, format === 'metres' ? 2 : format === 'degrees' ? 9 : 0);
  return { kind: 'number', text: t, value: Number(t), format };
}

/**
 * The coordinate tables of lon/lat features in a CRS (docs/coordinate-tables.md): marker tables
 * (管理范围线界桩, 保护范围线界桩, 公告牌) when there are markers, else vertex tables of zones and lines.
 * @example buildCoordinateTables(fc, CRS['EPSG:4524']) // { ok: true, tables: [{ name: '管理范围线界桩', … }], warnings: [] }
 */
export function buildCoordinateTables(fc: FeatureCollection, crs: CrsInfo): TablesResult {
  const read = readTableFeatures(fc);
  if (!read.ok) return read;
  const warnings: Message[] = [];
  if (read.skipped > 0) {
    warnings.push(msg('formats.table.skipped', { n: read.skipped }));
  }
  if (read.markers.length > 0 && read.boundaries.length > 0) {
    warnings.push(msg('formats.table.boundariesLeftOut', { n: read.boundaries.length }));
  }
  const proj = crs.zone === null ? null : projector(crs.code);
  const tables =
    read.markers.length > 0
      ? markerTables(read.markers, crs, proj)
      : vertexTables(read.boundaries, crs, proj);
  if (tables.length === 0) {
    return {
      ok: false,
      errors: [msg('formats.table.nothing')],
    };
  }
  return { ok: true, tables, warnings };
}

function markerTables(
  markers: MarkerRow[],
  crs: CrsInfo,
  proj: Projector | null,
): CoordinateTable[] {
  const groups: Array<[string, MarkerRow[]]> = [
    [
      '管理范围线界桩',
      markers.filter((m) => m.markerType === 'boundary' && m.line === 'management'),
    ],
    [
      '保护范围线界桩',
      markers.filter((m) => m.markerType === 'boundary' && m.line === 'protection'),
    ],
    ['公告牌', markers.filter((m) => m.markerType === 'notice-board')],
  ];
  const columns = [
    '点号',
    ...coordinateColumns(crs),
    '河流',
    '河段',
    '线别',
    '岸别',
    '类型',
    '里程',
  ];
  return groups
    .filter(([, rows]) => rows.length > 0)
    .map(([name, rows]) => ({
      name,
      header: headerBlock(name, crs, rows.length),
      columns,
      rows: rows.map((m) => [
        text(m.id),
        ...coordinateCells(m.lon, m.lat, proj),
        text(m.river ?? ''),
        text(m.reach),
        text(LINE[m.line]),
        text(BANK[m.bank]),
        text(TYPE[m.markerType][m.kind]),
        num(m.chainageM, 'metres'),
      ]),
    }));
}

function vertexTables(
  boundaries: Boundary[],
  crs: CrsInfo,
  proj: Projector | null,
): CoordinateTable[] {
  const columns = ['点号', '圈号', ...coordinateColumns(crs), '河流', '河段', '地块编号', '岸别'];
  const tables: CoordinateTable[] = [];
  for (const [layer, name] of VERTEX_TABLES) {
    const rows = boundaries
      .filter((b) => b.layer === layer)
      .flatMap((b) => b.points.map((p) => vertexRow(b, p, proj)));
    if (rows.length > 0)
      tables.push({ name, header: headerBlock(name, crs, rows.length), columns, rows });
  }
  return tables;
}

function vertexRow(b: Boundary, p: BoundaryPoint, proj: Projector | null): Cell[] {
  return [
    text(p.label),
    num(p.ring, 'integer'),
    ...coordinateCells(p.lon, p.lat, proj),
    text(b.river ?? ''),
    text(b.reach),
    text(b.code),
    text(b.bank ? BANK[b.bank] : ''),
  ];
}

function coordinateColumns(crs: CrsInfo): string[] {
  return crs.zone === null ? ['B', 'L', '纬度', '经度'] : ['X', 'Y', 'B', 'L'];
}

function coordinateCells(lon: number, lat: number, proj: Projector | null): Cell[] {
  const dms = [text(formatDms(lat)), text(formatDms(lon))];
  if (!proj) return [...dms, num(lat, 'degrees'), num(lon, 'degrees')];
  const [e, n] = proj.forward([lon, lat]);
  return [num(n, 'metres'), num(e, 'metres'), ...dms];
}

function headerBlock(name: string, crs: CrsInfo, count: number): Array<[string, Cell]> {
  const geographic = crs.zone === null;
  const na = '不适用';
  return [
    ['表名', text(`${name}坐标成果表`)],
    ['坐标系', text('2000国家大地坐标系')],
    ['EPSG', text(crs.code)],
    ['投影', text(geographic ? '无（地理坐标）' : '高斯-克吕格投影')],
    ['分带', text(geographic ? na : '3°分带')],
    ['带号', text(geographic ? na : String(crs.zone))],
    ['中央子午线', text(geographic ? na : `${crs.centralMeridian}°`)],
    ['高程基准', text('1985国家高程基准')],
    ['计量单位', text('米')],
    ['Y坐标含带号', text(geographic ? na : crs.zonePrefix ? '是' : '否')],
    [
      '坐标精度',
      text(
        geographic
          ? 'B、L秒值保留4位小数（约3毫米）；纬度、经度保留9位小数；里程保留2位小数'
          : 'X、Y、里程保留2位小数（厘米）；B、L秒值保留4位小数（约3毫米）',
      ),
    ],
    [
      '说明',
      text(
        geographic
          ? '地理坐标（EPSG:4490）：只列B、L，无平面坐标X、Y'
          : 'X为纵坐标（北），Y为横坐标（东）',
      ),
    ],
    ['点数', num(count, 'integer')],
  ];
}
