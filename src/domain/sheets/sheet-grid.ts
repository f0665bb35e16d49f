// The frames and the coordinate grid of a map sheet: 10 cm crosses, ticks and kilometre values.
import { formatFixed } from '../formats/common/dms';
import { OUTER_GAP_MM } from './page-layout';
import { type Georef, toPaper } from './sheet-map';
import type { Pt, SheetItem } from './sheet-model';

/** Grid spacing on paper, mm (10 cm). */
const GRID_MM = 100;
const ARM = 5;
const TICK = 2;
const VALUE_MM = 2.6;

/**
 * The grid values (metres) within [min, max] at `step`: every multiple of the step.
 * @example gridValues(2428130, 2428650, 200) // [2428200, 2428400, 2428600]
 */
function gridValues(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max; v += step) out.push(v);
  return out;
}

/**
 * A grid value as printed on the frame: kilometres with as many decimals as the step needs.
 * @example gridLabel(2428200, 200) // '2428.2'
 */
export function gridLabel(metres: number, step: number): string {
  return formatFixed(metres / 1000, step % 1000 === 0 ? 0 : step % 100 === 0 ? 1 : 2);
}

function rectPath(x: number, y: number, w: number, h: number): Pt[] {
  return [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ];
}

/**
 * The grid of a sheet: `under` the map, the crosses every 10 cm inside the frame; `over` it, the inner
 * and outer frames, ticks on the inner frame and, unless `withValues` is false (public sheets), the
 * kilometre values (X north on the left and right, Y east on top and bottom) with an invisible anchor
 * at each tick (`E=…`/`N=…`, read back by tests).
 * @example sheetGrid(georef, 2000, true).over.length // frames + ticks + values
 */
export function sheetGrid(
  g: Georef,
  scale: number,
  withValues: boolean,
): { under: SheetItem[]; over: SheetItem[] } {
  const { frame: fr, box } = g;
  const step = (GRID_MM * scale) / 1000;
  const es = gridValues(box.minE, box.maxE, step);
  const ns = gridValues(box.minN, box.maxN, step);
  const crosses: Pt[][] = [];
  const ticks: Pt[][] = [];
  const items: SheetItem[] = [];
  const inside = (v: number, lo: number, hi: number) => v - lo > ARM && hi - v > ARM;
  for (const e of es)
    for (const n of ns) {
      const [x, y] = toPaper(g, [e, n]);
      if (!inside(x, fr.x, fr.x + fr.w) || !inside(y, fr.y, fr.y + fr.h)) continue;
      crosses.push(
        [
          [x - ARM, y],
          [x + ARM, y],
        ],
        [
          [x, y - ARM],
          [x, y + ARM],
        ],
      );
    }
  const top = fr.y;
  const bottom = fr.y + fr.h;
  for (const e of es) {
    const [x] = toPaper(g, [e, box.maxN]);
    ticks.push(
      [
        [x, top],
        [x, top + TICK],
      ],
      [
        [x, bottom],
        [x, bottom - TICK],
      ],
    );
    if (!withValues) continue;
    const text = gridLabel(e, step);
    items.push(
      { kind: 'text', x, y: top - 2, text, sizeMm: VALUE_MM, align: 'center' },
      { kind: 'text', x, y: bottom + 2 + VALUE_MM * 0.8, text, sizeMm: VALUE_MM, align: 'center' },
      { kind: 'anchor', x, y: top, text: `E=${e}` },
    );
  }
  for (const n of ns) {
    const [, y] = toPaper(g, [box.minE, n]);
    ticks.push(
      [
        [fr.x, y],
        [fr.x + TICK, y],
      ],
      [
        [fr.x + fr.w, y],
        [fr.x + fr.w - TICK, y],
      ],
    );
    if (!withValues) continue;
    const text = gridLabel(n, step);
    const base = y + VALUE_MM * 0.35;
    items.push(
      { kind: 'text', x: fr.x - 1.2, y: base, text, sizeMm: VALUE_MM, align: 'right' },
      { kind: 'text', x: fr.x + fr.w + 1.2, y: base, text, sizeMm: VALUE_MM, align: 'left' },
      { kind: 'anchor', x: fr.x, y, text: `N=${n}` },
    );
  }
  const o = OUTER_GAP_MM;
  return {
    under: [{ kind: 'path', style: 'grid', parts: crosses, closed: false }],
    over: [
      { kind: 'path', style: 'grid', parts: ticks, closed: false },
      { kind: 'path', style: 'frame', parts: [rectPath(fr.x, fr.y, fr.w, fr.h)], closed: true },
      {
        kind: 'path',
        style: 'frame-outer',
        parts: [rectPath(fr.x - o, fr.y - o, fr.w + 2 * o, fr.h + 2 * o)],
        closed: true,
      },
      ...items,
    ],
  };
}
