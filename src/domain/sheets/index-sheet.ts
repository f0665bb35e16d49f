// The index sheet (接图表 / 总图): the whole reach at a round scale, every sheet's footprint and number,
// the counties and their names, a north arrow.
import type { Box } from './cut-sheets';
import { pageLayout } from './page-layout';
import { pointGrid } from './point-grid';
import { sheetGrid } from './sheet-grid';
import { drawFrameMap, type Georef, type MapName, type MapPiece, toPaper } from './sheet-map';
import type { Pt, SheetItem, SheetPage } from './sheet-model';
import type { SheetOptions } from './sheet-options';
import { indexPanel, type TitleTexts } from './sheet-panel';

/**
 * The smallest scale (1:n, n rounded up to two significant digits) at which a ground extent fits a frame.
 * @example roundScale(70000, 133000, 290, 265) // 510000
 */
function roundScale(wM: number, hM: number, wMm: number, hMm: number): number {
  const need = Math.max(wM / wMm, hM / hMm) * 1000;
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(need)) - 1);
  return Math.ceil(need / unit) * unit;
}

function northArrow(x: number, y: number): SheetItem[] {
  const tri: Pt[] = [
    [x, y],
    [x + 3.5, y + 12],
    [x, y + 9],
  ];
  const other: Pt[] = [
    [x, y],
    [x - 3.5, y + 12],
    [x, y + 9],
  ];
  return [
    { kind: 'path', style: 'scale-black', parts: [tri], closed: true },
    { kind: 'path', style: 'scale-white', parts: [other], closed: true },
    { kind: 'text', x, y: y - 1.5, text: '北', sizeMm: 4, align: 'center', bold: true },
  ];
}

/** Sheet numbers at the footprints' centres, skipping one that would cover a number already drawn. */
function footprintNumbers(centres: readonly Pt[]): SheetItem[] {
  const taken: Pt[] = [];
  const out: SheetItem[] = [];
  centres.forEach(([x, y], i) => {
    const last = i === centres.length - 1;
    if (!last && taken.some(([a, b]) => Math.abs(a - x) < 7 && Math.abs(b - y) < 4)) return;
    taken.push([x, y]);
    out.push({
      kind: 'text',
      x,
      y: y + 1.2,
      text: String(i + 1),
      sizeMm: 3,
      align: 'center',
      bold: true,
      color: '#1f4e99',
      halo: true,
    });
  });
  return out;
}

/**
 * The index page: all frames over the reach, at the round scale that fits the page.
 * @example indexSheet(frames, base, pieces, texts, options).items // footprints, numbers, north arrow, panel
 */
export function indexSheet(
  frames: readonly Box[],
  base: { pieces: readonly MapPiece[]; names: readonly MapName[] },
  content: readonly MapPiece[],
  texts: TitleTexts,
  options: SheetOptions,
): SheetPage {
  const layout = pageLayout(options.paper, 'landscape');
  const ext = frames.reduce(
    (a, b) => ({
      minE: Math.min(a.minE, b.minE),
      minN: Math.min(a.minN, b.minN),
      maxE: Math.max(a.maxE, b.maxE),
      maxN: Math.max(a.maxN, b.maxN),
    }),
    { minE: Infinity, minN: Infinity, maxE: -Infinity, maxN: -Infinity },
  );
  const fr = layout.frame;
  const scale = roundScale((ext.maxE - ext.minE) * 1.05, (ext.maxN - ext.minN) * 1.05, fr.w, fr.h);
  const k = scale / 1000;
  const ce = (ext.minE + ext.maxE) / 2;
  const cn = (ext.minN + ext.maxN) / 2;
  const box = {
    minE: ce - (fr.w * k) / 2,
    maxE: ce + (fr.w * k) / 2,
    minN: cn - (fr.h * k) / 2,
    maxN: cn + (fr.h * k) / 2,
  };
  const g: Georef = { box, frame: fr, f: 1000 / scale };
  const map = drawFrameMap(g, base.pieces, content, pointGrid([], 1), new Map(), base.names);
  const grid = sheetGrid(g, scale, false);
  const rects = frames.map((b) => [
    toPaper(g, [b.minE, b.maxN]),
    toPaper(g, [b.maxE, b.maxN]),
    toPaper(g, [b.maxE, b.minN]),
    toPaper(g, [b.minE, b.minN]),
  ]);
  const centres = rects.map(
    (r) => [((r[0] as Pt)[0] + (r[2] as Pt)[0]) / 2, ((r[0] as Pt)[1] + (r[2] as Pt)[1]) / 2] as Pt,
  );
  const clip = map.items[0] as Extract<SheetItem, { kind: 'clip' }>;
  clip.items.push(
    { kind: 'path', style: 'footprint', parts: rects, closed: true },
    ...footprintNumbers(centres),
  );
  map.used.add('footprint');
  return {
    widthMm: layout.widthMm,
    heightMm: layout.heightMm,
    items: [
      ...grid.under,
      ...map.items,
      ...grid.over,
      ...northArrow(fr.x + fr.w - 14, fr.y + 8),
      ...indexPanel(
        { ...texts, title: `${texts.title}（接图表）` },
        map.used,
        scale,
        layout.panel,
        frames.length,
      ),
    ],
  };
}
