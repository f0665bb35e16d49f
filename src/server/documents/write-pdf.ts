// The PDF writer of a document model (pdfkit; the CJK fonts are embedded as subsets). Deterministic:
// the same model, fonts and date give the same bytes (pdfkit's file ID is a hash of its info, whose
// dates are fixed here).
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import {
  type DocBlock,
  type DocCell,
  type DocFigure,
  type DocTable,
  type DocumentModel,
  FIGURE_STYLES,
} from '../../domain/documents/document-model';
import type { CjkFonts } from './cjk-fonts';

const PT = 72 / 25.4; // points per millimetre
type Doc = PDFKit.PDFDocument;

interface Frame {
  doc: Doc;
  model: DocumentModel;
  /** left edge and width of the text column, points */
  x: number;
  width: number;
  size: number;
}

/** Font files read once (a Noto CJK collection is ~20 MB: read per document it cost seconds). */
const fontBytes = new Map<string, Buffer>();

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

const bottom = (f: Frame) => f.doc.page.height - f.model.page.marginMm * PT;

function ensure(f: Frame, height: number): void {
  if (f.doc.y + height > bottom(f) && f.doc.y > f.model.page.marginMm * PT + 1) f.doc.addPage();
}

type Align = 'left' | 'center' | 'right';

function text(
  f: Frame,
  s: string,
  opts: { font: string; size: number; align?: Align; indent?: number; gap?: number },
): void {
  const { doc } = f;
  doc.font(opts.font).fontSize(opts.size);
  const o = {
    width: f.width,
    align: opts.align ?? 'left',
    indent: opts.indent ?? 0,
    lineGap: opts.size * 0.3,
  };
  // a paragraph longer than what is left of the page flows on; a short one moves whole
  ensure(f, Math.min(doc.heightOfString(s, o), opts.size * 3));
  doc.text(s, f.x, doc.y, o);
  doc.moveDown(opts.gap ?? 0.3);
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

/** A path through points (the caller fills or strokes it). */
function trace(doc: Doc, points: [number, number][]): void {
  points.forEach(([x, y], i) => {
    if (i === 0) doc.moveTo(x, y);
    else doc.lineTo(x, y);
  });
}

function drawFigure(f: Frame, fig: DocFigure): void {
  const { doc } = f;
  const k = Math.min(1, f.width / (fig.widthMm * PT)) * PT;
  const legendH = f.size * 1.6;
  ensure(f, fig.heightMm * k + legendH * 2);
  const [x0, y0] = [f.x + (f.width - fig.widthMm * k) / 2, doc.y];
  const at = (p: [number, number]): [number, number] => [x0 + p[0] * k, y0 + p[1] * k];
  doc
    .save()
    .lineWidth(0.6)
    .rect(x0, y0, fig.widthMm * k, fig.heightMm * k)
    .stroke('#333333');
  for (const item of fig.items) {
    const style = FIGURE_STYLES[item.style];
    if (item.kind === 'polygon') {
      for (const ring of item.rings) trace(doc, ring.map(at));
      doc
        .fillOpacity(0.6)
        .lineWidth(0.4)
        .fillAndStroke(style.fill ?? '#ffffff', style.stroke, 'even-odd');
      doc.fillOpacity(1);
    } else if (item.kind === 'line') {
      trace(doc, item.points.map(at));
      doc.lineWidth(1).stroke(style.stroke);
    } else {
      const [x, y] = at(item.at);
      doc.rect(x - 2.5, y - 2.5, 5, 5).fill(style.fill ?? style.stroke);
    }
  }
  // scale bar bottom left, north arrow top right
  const [sx, sy] = [x0 + 6 * k, y0 + (fig.heightMm - 5) * k];
  doc
    .lineWidth(1.2)
    .moveTo(sx, sy)
    .lineTo(sx + fig.scale.lengthMm * k, sy)
    .stroke('#000000');
  doc
    .font('sans')
    .fontSize(f.size * 0.8)
    .fillColor('#000000')
    .text(fig.scale.label, sx, sy - f.size * 1.2, { lineBreak: false });
  const [nx, ny] = [x0 + (fig.widthMm - 8) * k, y0 + 6 * k];
  doc
    .moveTo(nx, ny)
    .lineTo(nx - 3 * k, ny + 8 * k)
    .lineTo(nx + 3 * k, ny + 8 * k)
    .fill('#000000');
  doc.text('北', nx - f.size * 0.4, ny + 9 * k, { lineBreak: false });
  doc.restore();
  doc.y = y0 + fig.heightMm * k + f.size * 0.5;
  // legend in one line, then the caption
  let lx = f.x;
  const ly = doc.y;
  doc.font('sans').fontSize(f.size * 0.8);
  for (const l of fig.legend) {
    const s = FIGURE_STYLES[l.style];
    if (s.fill) doc.rect(lx, ly + 1, 10, 7).fillAndStroke(s.fill, s.stroke);
    else
      doc
        .lineWidth(1.2)
        .moveTo(lx, ly + 5)
        .lineTo(lx + 10, ly + 5)
        .stroke(s.stroke);
    doc.fillColor('#000000').text(l.label, lx + 13, ly, { lineBreak: false });
    lx += 13 + doc.widthOfString(l.label) + 12;
  }
  doc.x = f.x;
  doc.y = ly + f.size * 1.4;
  text(f, fig.caption, { font: 'sans', size: f.size * 0.9, align: 'center' });
}

function drawQr(f: Frame, block: Extract<DocBlock, { kind: 'qr' }>, x: number, y: number): void {
  const { doc } = f;
  const qr = QRCode.create(block.text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cellPt = (block.sizeMm * PT) / (n + 8); // a quiet zone of 4 modules each side
  doc.rect(x, y, block.sizeMm * PT, block.sizeMm * PT).fill('#ffffff');
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c))
        doc.rect(x + (c + 4) * cellPt, y + (r + 4) * cellPt, cellPt, cellPt).fill('#000000');
  doc.font('sans').fontSize(f.size).fillColor('#000000');
  doc.text(block.caption, x, y + block.sizeMm * PT, { width: block.sizeMm * PT, align: 'center' });
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
    case 'qr':
      return; // boards place it beside the text (drawBoardPage)
  }
}

/** A board page: the title across, the text left, the QR code right. */
function drawBoardPage(f: Frame, blocks: DocBlock[]): void {
  const [title, ...rest] = blocks;
  if (title) drawBlock(f, title);
  const qr = rest.find((b): b is Extract<DocBlock, { kind: 'qr' }> => b.kind === 'qr');
  const qrPt = qr ? qr.sizeMm * PT : 0;
  const top = f.doc.y;
  if (qr) drawQr(f, qr, f.x + f.width - qrPt, top);
  f.doc.y = top; // the text runs beside the code, from its top
  // one page per board: text that would not fit at the legible size is set smaller (the bureau's
  // board size and prohibited acts decide; the builder's size is the least for 5 m)
  const width = f.width - qrPt - f.size;
  const fit = Math.min(1, (bottom(f) - top) / columnHeight({ ...f, width }, rest));
  const column: Frame = { ...f, width, size: f.size * fit };
  for (const b of rest) drawBlock(column, b);
}

/** How tall a board's text column is at the frame's size (paragraphs and headings, with gaps). */
function columnHeight(f: Frame, blocks: DocBlock[]): number {
  const { doc } = f;
  let h = 0;
  for (const b of blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'heading') continue;
    const size = b.kind === 'heading' ? f.size * 1.05 : f.size * (b.scale ?? 1);
    doc.font(b.kind === 'heading' ? 'bold' : f.model.face).fontSize(size);
    h +=
      doc.heightOfString(b.text, { width: f.width, lineGap: size * 0.3 }) +
      doc.currentLineHeight(true) * (b.kind === 'heading' ? 0.2 : 0.3);
  }
  return h;
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
  const doc = new PDFDocument({
    size: [model.page.widthMm * PT, model.page.heightMm * PT],
    margin,
    info: {
      Title: model.title,
      Producer: 'Hejie',
      Creator: 'Hejie',
      CreationDate: date,
      ModDate: date,
    },
    autoFirstPage: false,
    bufferPages: false,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  setFonts(doc, fonts);
  const frame: Frame = {
    doc,
    model,
    x: margin,
    width: (model.page.widthMm - 2 * model.page.marginMm) * PT,
    size: model.textMm * PT,
  };
  for (const page of pages(model.blocks)) {
    doc.addPage();
    if (model.layout === 'board') drawBoardPage(frame, page);
    else for (const b of page) drawBlock(frame, b);
  }
  doc.end();
  return done;
}
