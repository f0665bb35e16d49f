// The panel beside a sheet's map: title, sheet number, locator, legend, scale, datum, signatures.
import { PANEL_COLUMN_MM } from './page-layout';
import type { Pt, Rect, SheetItem, StyleId, SymbolId } from './sheet-model';
import type { SheetOptions } from './sheet-options';

/** The texts of the title block that every sheet of a set shares. */
export interface TitleTexts {
  title: string;
  crsLines: string[];
  unit: string;
  date: string;
  version: string;
  sources: string[];
}

/** A block of the panel: its height and how to draw it at a top-left corner. */
interface Block {
  h: number;
  draw: (x: number, y: number) => SheetItem[];
}

const W = PANEL_COLUMN_MM;
const t = (
  x: number,
  y: number,
  text: string,
  sizeMm: number,
  extra: Partial<Extract<SheetItem, { kind: 'text' }>> = {},
): SheetItem => ({
  kind: 'text',
  x,
  y,
  text,
  sizeMm,
  align: 'left',
  ...extra,
});
const box = (x: number, y: number, w: number, h: number): Pt[] => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
];
const rule = (parts: Pt[][]): SheetItem => ({ kind: 'path', style: 'rule', parts, closed: false });

/** Legend entries in drawing order: a style or a symbol, and its name. */
const LEGEND: ReadonlyArray<[StyleId | SymbolId, string]> = [
  ['management-zone', '管理范围'],
  ['protection-zone', '保护范围'],
  ['management-line', '管理范围线'],
  ['protection-line', '保护范围线'],
  ['toe-line', '堤脚线/岸线'],
  ['marker', '界桩及编号'],
  ['board', '公告牌'],
  ['river', '河流（WDB II）'],
  ['water', '水面'],
  ['county', '县（区）界'],
  ['footprint', '图幅范围及编号'],
];

function legendBlock(used: ReadonlySet<string>): Block {
  const rows = LEGEND.filter(([id]) => used.has(id));
  return {
    h: 9 + rows.length * 5.5,
    draw: (x, y) => {
      const items: SheetItem[] = [t(x, y + 5, '图  例', 3.5, { bold: true })];
      rows.forEach(([id, name], i) => {
        const cy = y + 10 + i * 5.5;
        if (id === 'marker' || id === 'board')
          items.push({ kind: 'symbol', symbol: id, x: x + 6, y: cy, id: '' });
        else if (id.endsWith('-zone') || id === 'water')
          items.push({
            kind: 'path',
            style: id as StyleId,
            parts: [box(x + 1, cy - 2, 10, 4)],
            closed: true,
          });
        else
          items.push({
            kind: 'path',
            style: id as StyleId,
            parts: [
              [
                [x + 1, cy],
                [x + 11, cy],
              ],
            ],
            closed: false,
          });
        items.push(t(x + 15, cy + 1.1, name, 3));
      });
      return items;
    },
  };
}

function titleBlock(texts: TitleTexts, number: string): Block {
  return {
    h: 22,
    draw: (x, y) => [
      t(x, y + 7, texts.title, texts.title.length > 14 ? 4.2 : 5.5, { bold: true }),
      t(x, y + 15, `图号：${number}`, 3.5),
    ],
  };
}

/** 接图表: the 3 × 3 neighbours of a sheet (the middle cell is the sheet itself, shaded). */
function locatorBlock(cells: readonly (string | null)[]): Block {
  const cw = 22;
  const ch = 8;
  return {
    h: 6 + 3 * ch + 4,
    draw: (x, y) => {
      const items: SheetItem[] = [t(x, y + 4, '接图表', 3, { bold: true })];
      const x0 = x + (W - 3 * cw) / 2;
      const y0 = y + 6;
      items.push({
        kind: 'path',
        style: 'footprint-here',
        parts: [box(x0 + cw, y0 + ch, cw, ch)],
        closed: true,
      });
      const lines: Pt[][] = [];
      for (let i = 0; i <= 3; i++)
        lines.push(
          [
            [x0, y0 + i * ch],
            [x0 + 3 * cw, y0 + i * ch],
          ],
          [
            [x0 + i * cw, y0],
            [x0 + i * cw, y0 + 3 * ch],
          ],
        );
      items.push(rule(lines));
      cells.forEach((c, i) => {
        if (c)
          items.push(
            t(x0 + (i % 3) * cw + cw / 2, y0 + Math.floor(i / 3) * ch + ch / 2 + 1.1, c, 3, {
              align: 'center',
            }),
          );
      });
      return items;
    },
  };
}

/** The scale as text and a 5 cm bar in 1 cm parts labelled in metres. */
function scaleBlock(scale: number): Block {
  return {
    h: 22,
    draw: (x, y) => {
      const items: SheetItem[] = [
        t(x + W / 2, y + 6, `1:${scale}`, 4.5, { align: 'center', bold: true }),
      ];
      const x0 = x + (W - 50) / 2;
      for (let i = 0; i < 5; i++)
        items.push({
          kind: 'path',
          style: i % 2 ? 'scale-white' : 'scale-black',
          parts: [box(x0 + i * 10, y + 10, 10, 1.6)],
          closed: true,
        });
      for (let i = 0; i <= 5; i++)
        items.push(
          t(x0 + i * 10, y + 15.5, `${(i * 10 * scale) / 1000}`, 2.4, { align: 'center' }),
        );
      items.push(t(x0 + 53, y + 15.5, '米', 2.4));
      return items;
    },
  };
}

function lines(texts: readonly string[], size: number): Block {
  return {
    h: texts.length * size * 1.55 + 2,
    draw: (x, y) => texts.map((s, i) => t(x, y + (i + 1) * size * 1.55, s, size)),
  };
}

function signatureBlock(): Block {
  const rows = ['制图', '审核', '批准'];
  return {
    h: rows.length * 9 + 2,
    draw: (x, y) => {
      const items: SheetItem[] = [];
      const parts: Pt[][] = [box(x, y, W, rows.length * 9)];
      rows.forEach((r, i) => {
        if (i > 0)
          parts.push([
            [x, y + i * 9],
            [x + W, y + i * 9],
          ]);
        items.push(
          t(x + 2, y + i * 9 + 6, r, 3.2),
          t(x + W - 30, y + i * 9 + 6, '日期', 2.6, { color: '#666666' }),
        );
      });
      parts.push(
        [
          [x + 14, y],
          [x + 14, y + rows.length * 9],
        ],
        [
          [x + W - 32, y],
          [x + W - 32, y + rows.length * 9],
        ],
      );
      return [{ kind: 'path', style: 'rule', parts, closed: true }, ...items];
    },
  };
}

/** Flows blocks top to bottom in columns of the panel. */
function flow(blocks: readonly Block[], panel: Rect): SheetItem[] {
  const items: SheetItem[] = [];
  let x = panel.x;
  let y = panel.y;
  for (const b of blocks) {
    if (y + b.h > panel.y + panel.h && y > panel.y) {
      x += W + 6;
      y = panel.y;
    }
    for (const item of b.draw(x, y)) items.push(item);
    y += b.h + 3;
  }
  return items;
}

/**
 * The panel of one map sheet.
 * @example sheetPanel(texts, { number: '3/12', locator, used, counties: ['浦北县'] }, options, panel)
 */
export function sheetPanel(
  texts: TitleTexts,
  sheet: {
    number: string;
    locator: (string | null)[];
    used: ReadonlySet<string>;
    counties: string[];
  },
  options: Pick<SheetOptions, 'scale'>,
  panel: Rect,
): SheetItem[] {
  return flow(
    [
      titleBlock(texts, sheet.number),
      locatorBlock(sheet.locator),
      legendBlock(sheet.used),
      scaleBlock(options.scale),
      lines(
        [
          ...texts.crsLines,
          `行政区：${sheet.counties.join('、') || '—'}`,
          `制图单位：${texts.unit}`,
          `制图日期：${texts.date}`,
          `版本：${texts.version}`,
        ],
        2.6,
      ),
      signatureBlock(),
      lines(texts.sources, 1.8),
    ],
    panel,
  );
}

/** The index sheet's panel: title, legend, scale and datum lines. */
export function indexPanel(
  texts: TitleTexts,
  used: ReadonlySet<string>,
  scale: number,
  panel: Rect,
  sheets: number,
): SheetItem[] {
  return flow(
    [
      titleBlock({ ...texts }, `接图表（共 ${sheets} 幅）`),
      legendBlock(used),
      scaleBlock(scale),
      lines(
        [
          ...texts.crsLines,
          `制图单位：${texts.unit}`,
          `制图日期：${texts.date}`,
          `版本：${texts.version}`,
        ],
        2.6,
      ),
      lines(texts.sources, 1.8),
    ],
    panel,
  );
}
