// The map-sheet document model (成果图): plain data in paper millimetres, origin at the top-left
// corner of the page, y down. Built by the domain, drawn by a thin writer (PDF).

/** A point on paper, millimetres. */
export type Pt = [number, number];

/** A rectangle on paper, millimetres (x, y: top-left corner). */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The named paints of a sheet; `SHEET_STYLES` gives each its colours and widths (one home). */
export type StyleId =
  | 'water'
  | 'river'
  | 'county'
  | 'management-zone'
  | 'protection-zone'
  | 'management-line'
  | 'protection-line'
  | 'toe-line'
  | 'leader'
  | 'frame'
  | 'frame-outer'
  | 'grid'
  | 'rule'
  | 'footprint'
  | 'footprint-here'
  | 'scale-black'
  | 'scale-white';

/** How a style is painted: stroke and fill colours (#rrggbb), width and dash in mm, fill opacity. */
export interface Paint {
  stroke?: string;
  fill?: string;
  widthMm?: number;
  dashMm?: number[];
  fillOpacity?: number;
}

/** The paints of every style. */
export const SHEET_STYLES: Readonly<Record<StyleId, Paint>> = {
  water: { fill: '#cfe6f7' },
  river: { stroke: '#4a90c8', widthMm: 0.25 },
  county: { stroke: '#8a6d9e', widthMm: 0.35, dashMm: [3, 1, 0.6, 1] },
  'management-zone': { fill: '#e8553f', fillOpacity: 0.16 },
  'protection-zone': { fill: '#3a9d4b', fillOpacity: 0.14 },
  'management-line': { stroke: '#d7301f', widthMm: 0.35 },
  'protection-line': { stroke: '#238b45', widthMm: 0.3, dashMm: [2, 1] },
  'toe-line': { stroke: '#6b4f2a', widthMm: 0.2, dashMm: [1, 0.6] },
  leader: { stroke: '#444444', widthMm: 0.1 },
  frame: { stroke: '#000000', widthMm: 0.25 },
  'frame-outer': { stroke: '#000000', widthMm: 0.8 },
  grid: { stroke: '#000000', widthMm: 0.15 },
  rule: { stroke: '#000000', widthMm: 0.2 },
  footprint: { stroke: '#1f4e99', widthMm: 0.25, fill: '#1f4e99', fillOpacity: 0.05 },
  'footprint-here': { stroke: '#d7301f', widthMm: 0.4, fill: '#d7301f', fillOpacity: 0.15 },
  'scale-black': { fill: '#000000', stroke: '#000000', widthMm: 0.15 },
  'scale-white': { fill: '#ffffff', stroke: '#000000', widthMm: 0.15 },
};

/** Point symbols: boundary marker (界桩) and notice board (公告牌). */
export type SymbolId = 'marker' | 'board';

/** Diameter (marker) or side (board) of a symbol on paper, mm. */
export const SYMBOL_MM: Readonly<Record<SymbolId, number>> = { marker: 1.6, board: 2.2 };

/** One thing drawn on a page. */
export type SheetItem =
  /** polylines (`closed: false`) or polygons (rings, even-odd fill) */
  | { kind: 'path'; style: StyleId; parts: Pt[][]; closed: boolean }
  /** text; `x, y` is the anchor (`align`) on the baseline; `rotate` degrees counter-clockwise */
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      sizeMm: number;
      align: 'left' | 'center' | 'right';
      bold?: boolean;
      color?: string;
      halo?: boolean;
    }
  /** a point symbol centred at x, y; `id` is written there as an invisible anchor (read back by tests) */
  | { kind: 'symbol'; symbol: SymbolId; x: number; y: number; id: string }
  /** an invisible text anchor at x, y (a grid value on the frame, read back by tests) */
  | { kind: 'anchor'; x: number; y: number; text: string }
  /**
   * an orthophoto under the map: the imagery covering the GK box `box` (metres, in zone `crs`),
   * drawn to fill `rect`; the writer fetches it (the domain never reads files)
   */
  | {
      kind: 'raster';
      rect: Rect;
      box: { minE: number; minN: number; maxE: number; maxN: number };
      crs: string;
    }
  /** a group drawn clipped to a rectangle (the map frame) */
  | { kind: 'clip'; rect: Rect; items: SheetItem[] };

/** One page of the atlas. */
export interface SheetPage {
  widthMm: number;
  heightMm: number;
  items: SheetItem[];
}

/** The whole atlas: title for the file's metadata, the pages (index sheet first). */
export interface SheetAtlas {
  title: string;
  pages: SheetPage[];
}
