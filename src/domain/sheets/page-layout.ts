// Where things go on a page: the map frame (内图廓), the outer frame, the side panel.

import type { Rect } from './sheet-model';
import type { SheetOptions } from './sheet-options';

/** Paper sizes in landscape, mm (50x50: a 50 × 50 cm map frame, the paper sized around it). */
const PAPER_MM: Readonly<Record<SheetOptions['paper'], [number, number]>> = {
  A3: [420, 297],
  A1: [841, 594],
  A0: [1189, 841],
  '50x50': [0, 0],
};

/** Margin from the paper edge to the map frame, mm (outer frame and grid values sit in it). */
const MARGIN_MM = 16;
/** Gap between the map frame and the outer frame, mm. */
export const OUTER_GAP_MM = 10;
/** Width of a panel column, mm. */
export const PANEL_COLUMN_MM = 84;
const PANEL_GAP_MM = OUTER_GAP_MM + 4;
const PORTRAIT_PANEL_MM = 96;

/** A page's geometry: paper size, map frame and panel, mm. */
export interface PageLayout {
  widthMm: number;
  heightMm: number;
  frame: Rect;
  panel: Rect;
}

/**
 * The layout of one page: landscape puts the panel right of the map, portrait below it.
 * @example pageLayout('A3', 'landscape').frame // { x: 16, y: 16, w: 296, h: 265 }
 */
export function pageLayout(
  paper: SheetOptions['paper'],
  orientation: 'landscape' | 'portrait',
): PageLayout {
  if (paper === '50x50') {
    const frame = { x: MARGIN_MM, y: MARGIN_MM, w: 500, h: 500 };
    const widthMm = MARGIN_MM + 500 + PANEL_GAP_MM + PANEL_COLUMN_MM + MARGIN_MM;
    const heightMm = 500 + 2 * MARGIN_MM;
    return { widthMm, heightMm, frame, panel: side(frame, widthMm, heightMm) };
  }
  const [a, b] = PAPER_MM[paper];
  const [widthMm, heightMm] = orientation === 'landscape' ? [a, b] : [b, a];
  if (orientation === 'landscape') {
    const w = widthMm - 2 * MARGIN_MM - PANEL_GAP_MM - PANEL_COLUMN_MM;
    const frame = { x: MARGIN_MM, y: MARGIN_MM, w, h: heightMm - 2 * MARGIN_MM };
    return { widthMm, heightMm, frame, panel: side(frame, widthMm, heightMm) };
  }
  const h = heightMm - 2 * MARGIN_MM - PANEL_GAP_MM - PORTRAIT_PANEL_MM;
  const frame = { x: MARGIN_MM, y: MARGIN_MM, w: widthMm - 2 * MARGIN_MM, h };
  const panel = {
    x: MARGIN_MM,
    y: MARGIN_MM + h + PANEL_GAP_MM,
    w: frame.w,
    h: PORTRAIT_PANEL_MM,
  };
  return { widthMm, heightMm, frame, panel };
}

function side(frame: Rect, widthMm: number, heightMm: number): Rect {
  const x = frame.x + frame.w + PANEL_GAP_MM;
  const y = MARGIN_MM - OUTER_GAP_MM;
  return { x, y, w: widthMm - x - (MARGIN_MM - OUTER_GAP_MM), h: heightMm - 2 * y };
}
