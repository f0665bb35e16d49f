import type { FeatureCollection, Position } from 'geojson';
import type { CrsInfo, Projector } from '../../crs/crs';
import { projector } from '../../crs/crs';
import { type Message, msg } from '../../message';
import { encodeGbk } from '../../text/gbk';
import { neutraliseFormula } from '../../text/neutralise-formula';
import { formatFixed } from '../common/dms';
import type { Boundary, MarkerRow } from '../tables/table-features';
import { readTableFeatures } from '../tables/table-features';
import type { ExportContext, ExportFormat } from '../types';

/** One `[地块坐标]` block: its header fields and rows `点号,圈号,lon,lat`. */
interface Block {
  areaHa: number;
  code: string;
  name: string;
  type: '面' | '线' | '点';
  points: Array<{ label: string; ring: number; lon: number; lat: number }>;
}

const LAYER_NAME: Record<Boundary['layer'], string> = {
  'management-zone': '管理范围面',
  'protection-zone': '保护范围面',
  'management-line': '管理范围线',
  'protection-line': '保护范围线',
};
const BANK = { left: '左岸', right: '右岸' } as const;
const MARKER_GROUPS = [
  {
    code: 'GL',
    name: '管理范围线界桩',
    has: (m: MarkerRow) => m.markerType === 'boundary' && m.line === 'management',
  },
  {
    code: 'BH',
    name: '保护范围线界桩',
    has: (m: MarkerRow) => m.markerType === 'boundary' && m.line === 'protection',
  },
  { code: 'GSP', name: '公告牌', has: (m: MarkerRow) => m.markerType === 'notice-board' },
] as const;

/**
 * Block names go between commas: no commas or line breaks in them, and nothing a spreadsheet that
 * opens the file would evaluate as a formula.
 */
const clean = (s: string) => neutraliseFormula(s.replaceAll(',', '，').replace(/[\r\n]+/g, ' '));
const title = (river: string | null, reach: string, what: string) =>
  clean(river ? `${river} ${reach} ${what}` : `${reach} ${what}`);

/** Planar area of a ring (shoelace), m². */
function ringArea(ring: Position[], proj: Projector): number {
  const xy = ring.map((c) => proj.forward(c));
  let twice = 0;
  for (let i = 0; i + 1 < xy.length; i++) {
    const [x1, y1] = xy[i] as [number, number];
    const [x2, y2] = xy[i + 1] as [number, number];
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

function zoneAreaHa(b: Boundary, proj: Projector): number {
  let m2 = 0;
  for (const [outer, ...holes] of b.polygons) {
    m2 += ringArea(outer as Position[], proj) - holes.reduce((s, h) => s + ringArea(h, proj), 0);
  }
  return m2 / 10_000;
}

function boundaryBlock(b: Boundary, proj: Projector): Block {
  const zone = b.layer.endsWith('zone');
  const side = b.bank ? BANK[b.bank] : '';
  return {
    areaHa: zone ? zoneAreaHa(b, proj) : 0,
    code: clean(b.code),
    name: title(b.river, b.reach, `${LAYER_NAME[b.layer]}${side}`),
    type: zone ? '面' : '线',
    points: b.points,
  };
}

function markerBlocks(markers: MarkerRow[]): Block[] {
  const reaches = [...new Set(markers.map((m) => m.reach))];
  const blocks: Block[] = [];
  for (const reach of reaches) {
    for (const group of MARKER_GROUPS) {
      for (const bank of ['left', 'right'] as const) {
        const rows = markers.filter((m) => m.reach === reach && m.bank === bank && group.has(m));
        const first = rows[0];
        if (!first) continue;
        blocks.push({
          areaHa: 0,
          code: clean(`${reach}-${group.code}-${bank === 'left' ? 'L' : 'R'}`),
          name: title(first.river, reach, `${group.name}${BANK[bank]}`),
          type: '点',
          points: rows.map((m) => ({ label: clean(m.id), ring: 1, lon: m.lon, lat: m.lat })),
        });
      }
    }
  }
  return blocks;
}

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function renderTxt(blocks: Block[], crs: CrsInfo, proj: Projector, now: Date): string {
  const lines = [
    '[属性描述]',
    '格式版本号=1.01版本',
    '数据产生单位=',
    `数据产生日期=${localDate(now)}`,
    '坐标系=2000国家大地坐标系',
    '几度分带=3',
    '投影类型=高斯克吕格',
    '计量单位=米',
    `带号=${crs.zone}`,
    '精度=0.01',
    '转换参数=,,,,,,',
    '[地块坐标]',
  ];
  for (const b of blocks) {
    lines.push(`${b.points.length},${formatFixed(b.areaHa, 4)},${b.code},${b.name},${b.type},,,,@`);
    for (const p of b.points) {
      const [e, n] = proj.forward([p.lon, p.lat]);
      lines.push(`${p.label},${p.ring},${formatFixed(n, 2)},${formatFixed(e, 2)}`);
    }
  }
  return lines.map((l) => `${l}\r\n`).join('');
}

function writeTxt(fc: FeatureCollection, ctx: ExportContext) {
  if (ctx.crs.zone === null) {
    return {
      ok: false as const,
      errors: [msg('formats.txt.needsGk', { crs: ctx.crs.code })],
    };
  }
  const read = readTableFeatures(fc);
  if (!read.ok) return read;
  const proj = projector(ctx.crs.code);
  const zones = read.boundaries.filter((b) => b.layer.endsWith('zone'));
  const lines = read.boundaries.filter((b) => !b.layer.endsWith('zone'));
  const blocks = [
    ...[...zones, ...lines].map((b) => boundaryBlock(b, proj)),
    ...markerBlocks(read.markers),
  ];
  if (blocks.length === 0) {
    return {
      ok: false as const,
      errors: [msg('formats.txt.nothing')],
    };
  }
  const text = renderTxt(blocks, ctx.crs, proj, ctx.now ?? new Date());
  const name = `${ctx.baseName}.txt`;
  let bytes: Uint8Array;
  if (ctx.encoding === 'gbk') {
    const enc = encodeGbk(text);
    if (!enc.ok)
      return {
        ok: false as const,
        errors: [msg('formats.inFile', { file: name, what: gbkProblem(blocks) ?? enc.reason })],
      };
    bytes = enc.bytes;
  } else bytes = new TextEncoder().encode(text);
  const warnings = read.skipped > 0 ? [msg('formats.txt.skipped', { n: read.skipped })] : [];
  return { ok: true as const, files: [{ name, bytes }], warnings };
}

/** Names the block whose name or point number GBK cannot hold. */
function gbkProblem(blocks: Block[]): Message | null {
  for (const b of blocks) {
    for (const field of [b.code, b.name, ...b.points.map((p) => p.label)]) {
      const enc = encodeGbk(field);
      if (!enc.ok)
        return msg('formats.txt.gbkBlock', { code: b.code, name: b.name, why: enc.reason });
    }
  }
  return null;
}

/**
 * The plain coordinate exchange file (国土 txt: `[属性描述]`, `[地块坐标]` blocks of `点号,圈号,X,Y`):
 * zones as 面, lines as 线, markers as 点 blocks (docs/coordinate-tables.md). Projected CRS only.
 * @example txtFormat.write(zones, { crs: CRS['EPSG:4545'], encoding: 'gbk', baseName: 'qj', now }) // files [qj.txt]
 */
export const txtFormat: ExportFormat = {
  id: 'txt',
  label: 'TXT 坐标交换文件',
  extension: '.txt',
  lonLatOnly: false,
  textEncoding: true,
  nameTag: '坐标表',
  write: writeTxt,
};
