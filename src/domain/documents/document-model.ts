// A document as plain data (STYLE.md "Documents are data first"): the 公告, the notice boards and the
// records are built as this model by pure functions, then written by one thin writer per format
// (src/server/documents: PDF, DOCX, XLSX). Sizes are paper millimetres; text is never a message code
// here, because every document is issued in Chinese.

/** One table cell; `colSpan`/`rowSpan` merge it with its neighbours (the covered cells are left out). */
export interface DocCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
}

/** A table: relative column widths, header rows (repeated on each page) and body rows. */
export interface DocTable {
  kind: 'table';
  /** the sheet name when the table is written as a workbook (≤ 31 characters) */
  name: string;
  widths: number[];
  header: DocCell[][];
  rows: DocCell[][];
  /** text size relative to the body text (long tables of numbers are set smaller) */
  scale?: number;
}

/** How a figure item is drawn: the writers map each style to colours (FIGURE_STYLES). */
export type FigureStyle =
  | 'management'
  | 'protection'
  | 'management-line'
  | 'protection-line'
  | 'board';

/** A vector item of a figure, in millimetres from the figure's top left corner (y down). */
export type FigureItem =
  | { kind: 'polygon'; style: FigureStyle; rings: [number, number][][] }
  | { kind: 'line'; style: FigureStyle; points: [number, number][] }
  | { kind: 'point'; style: FigureStyle; at: [number, number]; label: string };

/** A map figure: its box, items, a scale bar, a north arrow and a legend. */
export interface DocFigure {
  kind: 'figure';
  widthMm: number;
  heightMm: number;
  items: FigureItem[];
  /** a scale bar of `lengthMm` on paper that stands for `label` (e.g. 500 m) */
  scale: { lengthMm: number; label: string };
  legend: { style: FigureStyle; label: string }[];
  caption: string;
}

/** A block of a document, in reading order. */
export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | {
      kind: 'paragraph';
      text: string;
      align?: 'left' | 'center' | 'right';
      /** first-line indent of two characters (公文 body text) */
      indent?: boolean;
      /** relative size: 1 is the body size */
      scale?: number;
    }
  | DocTable
  | DocFigure
  | { kind: 'qr'; text: string; sizeMm: number; caption: string }
  /** the issuing authority and the date, right-aligned at the end of a 公告 */
  | { kind: 'signature'; lines: string[] }
  | { kind: 'pageBreak' };

/** A whole document: page size and margins (mm), body text size (mm of em), blocks. */
export interface DocumentModel {
  title: string;
  page: { widthMm: number; heightMm: number; marginMm: number };
  /** the body text's em size in millimetres; headings and titles are larger */
  textMm: number;
  /** the serif face (公文) or the sans face (boards, tables) */
  face: 'serif' | 'sans';
  /** a page layout the PDF writer fits on one page each (boards), or the flowing 公文 layout */
  layout: 'flow' | 'board';
  blocks: DocBlock[];
}

/** A4 portrait with 25 mm margins, 4.94 mm (14 pt, 四号) body text. */
export const A4 = { widthMm: 210, heightMm: 297, marginMm: 25 } as const;

/** 14 pt in millimetres. */
export const BODY_TEXT_MM = (14 * 25.4) / 72;

/** What every document prints for a setting the bureau has not set: never an invented value. */
export const NOT_SET = '尚未设置';

/** Colours of each figure style, shared by every writer: [fill or null, stroke]. */
export const FIGURE_STYLES: Readonly<Record<FigureStyle, { fill: string | null; stroke: string }>> =
  {
    management: { fill: '#9ecae1', stroke: '#08519c' },
    protection: { fill: '#fdd0a2', stroke: '#d94801' },
    'management-line': { fill: null, stroke: '#08519c' },
    'protection-line': { fill: null, stroke: '#d94801' },
    board: { fill: '#238b45', stroke: '#00441b' },
  };
