// The PDF writer of a document model (pdfkit; the CJK fonts are embedded as subsets). Deterministic:
// the same model, fonts and date give the same bytes (pdfkit's file ID is a hash of its info, whose
// dates are fixed here).
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type {
  DocBlock,
  DocCell,
  DocTable,
  DocumentModel,
} from '../../domain/documents/document-model';
import type { CjkFonts } from './cjk-fonts';
import { drawBoard } from './pdf-board';
import { drawFigure } from './pdf-figure';
import { bottom, type Doc, ensure, type Frame, PT, text } from './pdf-frame';

/** Font files read once (a Noto CJK collection is ~20 MB: read per document it cost seconds). */
const fontBytes = new Map<string, Buffer>();

/** Registers the faces as `serif`, `sans` and `bold` (the files read once per process). */
function setFonts(doc: Doc, fonts: CjkFonts): void {
  for (const [id, ref] of Object.entries(fonts)) {
    let bytes = fontBytes.get(ref.path);
    if (!bytes) {
      bytes = readFileSync(ref.path);
      fontBytes.set(ref.path, bytes);
    }
    doc.registerFont(id, bytes, ref.name as string);
  }
}

/**
 * A new PDF with the app's fonts registered, dated `date` (creation and modification: pdfkit's ID is
 * a hash of them, so the same content and date give the same bytes), and its bytes once it ends.
 */
export function openPdf(
  title: string,
  date: Date,
  fonts: CjkFonts,
  options: Pick<PDFKit.PDFDocumentOptions, 'size' | 'margin' | 'bufferPages'> = {},
): { doc: Doc; done: Promise<Uint8Array> } {
  const doc = new PDFDocument({
    ...options,
    info: { Title: title, Producer: 'Hejie', Creator: 'Hejie', CreationDate: date, ModDate: date },
    autoFirstPage: false,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  setFonts(doc, fonts);
  return { doc, done };
}

/** The grid column each cell starts at, after the cells that merged rows above cover. */
function placeCells(
  rows: DocCell[][],
  columns: number,
): { cell: DocCell; col: number; row: number }[] {
  const covered = new Set<string>();
  const out: { cell: DocCell; col: number; row: number }[] = [];
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (covered.has(`${r}|${col}`) && col < columns) col++;
      out.push({ cell, col, row: r });
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++)
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) covered.add(`${r + dr}|${col + dc}`);
      col += cell.colSpan ?? 1;
    }
  });
  return out;
}

function drawRows(f: Frame, rows: DocCell[][], table: DocTable, font: string): void {
  const { doc } = f;
  const total = table.widths.reduce((a, b) => a + b, 0);
  const colX = [0];
  for (const w of table.widths) colX.push((colX.at(-1) as number) + (w / total) * f.width);
  const pad = f.size * 0.3;
  const cells = placeCells(rows, table.widths.length);
  const opts = (c: { cell: DocCell; col: number }) => ({
    width: (colX[c.col + (c.cell.colSpan ?? 1)] as number) - (colX[c.col] as number) - 2 * pad,
    align: c.cell.align ?? 'left',
  });
  doc.font(font).fontSize(f.size);
  const heights = rows.map(() => f.size + 2 * pad);
  for (const c of cells.filter((c) => (c.cell.rowSpan ?? 1) === 1))
    heights[c.row] = Math.max(
      heights[c.row] as number,
      doc.heightOfString(c.cell.text, opts(c)) + 2 * pad,
    );
  for (const c of cells.filter((c) => (c.cell.rowSpan ?? 1) > 1)) {
    const span = heights.slice(c.row, c.row + (c.cell.rowSpan ?? 1));
    const need =
      doc.heightOfString(c.cell.text, opts(c)) + 2 * pad - span.reduce((a, b) => a + b, 0);
    const last = c.row + span.length - 1;
    if (need > 0) heights[last] = (heights[last] as number) + need;
  }
  const top = doc.y;
  const rowY = [top];
  for (const h of heights) rowY.push((rowY.at(-1) as number) + h);
  for (const c of cells) {
    const x = f.x + (colX[c.col] as number);
    const y = rowY[c.row] as number;
    const w = (colX[c.col + (c.cell.colSpan ?? 1)] as number) - (colX[c.col] as number);
    const h = (rowY[c.row + (c.cell.rowSpan ?? 1)] as number) - y;
    doc.lineWidth(0.5).rect(x, y, w, h).stroke('#000000');
    const o = opts(c);
    const th = doc.heightOfString(c.cell.text, o);
    doc
      .fillColor('#000000')
      .text(c.cell.text, x + pad, y + (h - th) / 2, o as PDFKit.Mixins.TextOptions);
  }
  doc.x = f.x;
  doc.y = rowY.at(-1) as number;
}

/** Rows kept together: a row and the rows its merged cells reach into. */
function rowGroups(rows: DocCell[][]): DocCell[][][] {
  const groups: DocCell[][][] = [];
  let end = -1;
  rows.forEach((row, r) => {
    if (r > end) groups.push([]);
    (groups.at(-1) as DocCell[][]).push(row);
    for (const c of row) end = Math.max(end, r + (c.rowSpan ?? 1) - 1);
  });
  return groups;
}

function drawTable(frame: Frame, table: DocTable): void {
  const f = { ...frame, size: frame.size * (table.scale ?? 1) };
  const { doc } = f;
  const rowHeight = f.size * 2.2;
  ensure(f, rowHeight * (table.header.length + 1));
  drawRows(f, table.header, table, 'bold');
  for (const group of rowGroups(table.rows)) {
    if (doc.y + rowHeight * group.length > bottom(f)) {
      doc.addPage();
      drawRows(f, table.header, table, 'bold'); // the header again on each page
    }
    drawRows(f, group, table, 'sans');
  }
  doc.moveDown(0.5);
}

function drawBlock(f: Frame, block: DocBlock): void {
  const face = f.model.face;
  const { size } = f;
  switch (block.kind) {
    case 'title':
      text(f, block.text, {
        font: 'bold',
        size: size * (f.model.layout === 'board' ? 1.8 : 1.45),
        align: 'center',
        gap: 0.6,
      });
      return;
    case 'heading':
      text(f, block.text, { font: 'bold', size: size * 1.05, gap: 0.2 });
      return;
    case 'paragraph':
      text(f, block.text, {
        font: face,
        size: size * (block.scale ?? 1),
        align: block.align ?? 'left',
        indent: block.indent ? size * 2 : 0,
      });
      return;
    case 'table':
      drawTable(f, block);
      return;
    case 'figure':
      drawFigure(f, block);
      return;
    case 'signature':
      f.doc.moveDown(1.5);
      for (const line of block.lines) text(f, line, { font: face, size, align: 'right', gap: 0 });
      return;
    case 'pageBreak':
      f.doc.addPage();
      return;
    case 'board':
      drawBoard(f.doc, f.model, block);
      return;
  }
}

/** Splits blocks at page breaks. */
function pages(blocks: DocBlock[]): DocBlock[][] {
  const out: DocBlock[][] = [[]];
  for (const b of blocks)
    b.kind === 'pageBreak' ? out.push([]) : (out.at(-1) as DocBlock[]).push(b);
  return out;
}

/**
 * A PDF of a document model, dated `date` (its creation and modification dates).
 * @example await writePdf(buildNoticeDocument(input), fonts, new Date(publication.publishedAt)) // Uint8Array (%PDF…)
 */
export function writePdf(model: DocumentModel, fonts: CjkFonts, date: Date): Promise<Uint8Array> {
  const margin = model.page.marginMm * PT;
  const { doc, done } = openPdf(model.title, date, fonts, {
    size: [model.page.widthMm * PT, model.page.heightMm * PT],
    margin,
    bufferPages: false,
  });
  const frame: Frame = {
    doc,
    model,
    x: margin,
    width: (model.page.widthMm - 2 * model.page.marginMm) * PT,
    size: model.textMm * PT,
  };
  for (const page of pages(model.blocks)) {
    doc.addPage();
    for (const b of page) drawBlock(frame, b);
  }
  doc.end();
  return done;
}
