// A notice board's face (DocBoard) on its page, as a sign maker prints it: a double frame, the title
// in a band, the content, the reach's figure with the board's own position, the QR code and its
// caption, and a band at the bottom (supervising unit, phone, authority, date). All text is set at
// one scale of the model's size: the largest up to BOARD_GROWTH that fits, and below 1 (the 5 m
// size) only when the bureau's text does not fit on the board size it set.
import { boardColumns } from '../../domain/documents/build-board-document';
import type { DocBoard, DocumentModel } from '../../domain/documents/document-model';
import { drawFigureIn, drawQr } from './pdf-figure';
import { type Doc, PT } from './pdf-frame';

const BLUE = '#08519c';
const RED = '#b10000';
/** How much larger than the 5 m size the text may be set when the board has room. */
const BOARD_GROWTH = 1.5;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The parts' places and sizes at one text size (points). */
interface Layout {
  size: number;
  titleSize: number;
  band: Box;
  text: Box;
  figure: Box;
  qr: Box;
  captionSize: number;
  footer: Box;
  footerRows: number[];
  textHeight: number;
  fits: boolean;
}

type BodyBlock = DocBoard['body'][number];

const blockSize = (b: BodyBlock, size: number) => (b.kind === 'heading' ? size * 1.05 : size);
const gapAfter = (b: BodyBlock, size: number) => (b.kind === 'heading' ? 0.15 : 0.35) * size;

function bodyHeight(doc: Doc, board: DocBoard, size: number, width: number): number {
  let h = 0;
  for (const b of board.body) {
    const s = blockSize(b, size);
    doc.font(b.kind === 'heading' ? 'bold' : 'sans').fontSize(s);
    h += doc.heightOfString(b.text, { width, lineGap: s * 0.2 }) + gapAfter(b, size);
  }
  return h;
}

/** Whether the lines kept whole (a board's number) fit the text column on one line. */
function whole(doc: Doc, board: DocBoard, size: number, width: number): boolean {
  doc.font('sans').fontSize(size);
  return board.body.every(
    (b) => b.kind !== 'paragraph' || !b.oneLine || doc.widthOfString(b.text) <= width,
  );
}

function layout(
  doc: Doc,
  model: DocumentModel,
  board: DocBoard,
  scale: number,
  textShare: number,
): Layout {
  const W = doc.page.width;
  const H = doc.page.height;
  const m = model.page.marginMm * PT;
  const inner: Box = { x: m, y: m, w: W - 2 * m, h: H - 2 * m };
  const size = model.textMm * PT * scale;
  // the title on one line in its band: 1.6 times the body, less when a long river name needs it
  doc.font('bold').fontSize(size * 1.6);
  const titleSize = size * 1.6 * Math.min(1, (inner.w * 0.92) / doc.widthOfString(board.title));
  const band: Box = { ...inner, h: titleSize * 1.7 };
  // the bottom band: two items a row
  const cellW = (inner.w - size) / 2;
  doc.font('sans').fontSize(size);
  const footerRows: number[] = [];
  for (let i = 0; i < board.footer.length; i += 2)
    footerRows.push(
      board.footer
        .slice(i, i + 2)
        .reduce(
          (h, t) => Math.max(h, doc.heightOfString(t, { width: cellW, lineGap: size * 0.2 })),
          0,
        ) +
        size * 0.25,
    );
  const footerH = footerRows.reduce((a, b) => a + b, 0) + size * 0.5;
  const footer: Box = { x: inner.x, y: inner.y + inner.h - footerH, w: inner.w, h: footerH };
  const top = band.y + band.h + size * 0.7;
  const contentH = footer.y - size * 0.4 - top;
  const captionSize = size * 0.8;
  const columns = boardColumns({ widthCm: W / PT / 10, heightCm: H / PT / 10 });
  if (columns) {
    const textW = inner.w * textShare;
    const sideX = inner.x + textW + size;
    const sideW = inner.x + inner.w - sideX;
    const q = Math.min(sideW * 0.5, contentH * 0.42);
    const qrY = top + contentH - q - captionSize * 1.5;
    const textHeight = bodyHeight(doc, board, size, textW);
    return {
      size,
      titleSize,
      band,
      text: { x: inner.x, y: top, w: textW, h: contentH },
      figure: { x: sideX, y: top, w: sideW, h: qrY - top - size * 0.5 },
      qr: { x: sideX + (sideW - q) / 2, y: qrY, w: q, h: q },
      captionSize,
      footer,
      footerRows,
      textHeight,
      fits: textHeight <= contentH && whole(doc, board, size, textW),
    };
  }
  // stacked: the text across, then the figure and the QR code side by side
  const textHeight = bodyHeight(doc, board, size, inner.w);
  const rowY = top + textHeight + size * 0.5;
  const rowH = top + contentH - rowY;
  const q = Math.min(inner.w * 0.36, Math.max(0, rowH - captionSize * 1.5));
  const figW = inner.w - q - size;
  return {
    size,
    titleSize,
    band,
    text: { x: inner.x, y: top, w: inner.w, h: textHeight },
    figure: { x: inner.x, y: rowY, w: figW, h: rowH },
    qr: { x: inner.x + inner.w - q, y: rowY, w: q, h: q },
    captionSize,
    footer,
    footerRows,
    textHeight,
    // the row keeps at least 30 % of the content's height (the QR code must stay scannable)
    fits: rowH >= contentH * 0.3 && whole(doc, board, size, inner.w),
  };
}

/** The text column's share of the width in two columns: the first unless a wider one sets larger text. */
const TEXT_SHARES = [0.58, 0.64, 0.7];

/**
 * The largest scale up to BOARD_GROWTH at which everything fits (bisection; 1 is the 5 m size), over
 * the text column's shares (a long list of acts takes a wider column and a smaller figure).
 */
function fitted(doc: Doc, model: DocumentModel, board: DocBoard): Layout {
  let best: Layout | null = null;
  for (const share of TEXT_SHARES) {
    const at = (s: number) => layout(doc, model, board, s, share);
    let found = at(BOARD_GROWTH);
    if (!found.fits) {
      let [lo, hi] = [0.05, BOARD_GROWTH];
      for (let i = 0; i < 16; i++) {
        const mid = (lo + hi) / 2;
        if (at(mid).fits) lo = mid;
        else hi = mid;
      }
      found = at(lo);
    }
    // a wider column only for a real gain (5 %): the first share keeps a larger figure
    if (!best || found.size > best.size * 1.05) best = found;
    if (found.size >= model.textMm * PT * BOARD_GROWTH) break;
  }
  return best as Layout;
}

/** One board on the current page. */
export function drawBoard(doc: Doc, model: DocumentModel, board: DocBoard): void {
  const W = doc.page.width;
  const H = doc.page.height;
  const m = model.page.marginMm * PT;
  // the frame: a broad line and a thin one inside it, in the margin
  const broad = m * 0.16;
  doc.save();
  doc
    .lineWidth(broad)
    .rect(m * 0.3, m * 0.3, W - m * 0.6, H - m * 0.6)
    .stroke(BLUE);
  const thin = m * 0.62;
  doc
    .lineWidth(broad * 0.3)
    .rect(thin, thin, W - 2 * thin, H - 2 * thin)
    .stroke(BLUE);
  doc.restore();
  const L = fitted(doc, model, board);
  // the title band
  doc.rect(L.band.x, L.band.y, L.band.w, L.band.h).fill(BLUE);
  doc.font('bold').fontSize(L.titleSize).fillColor('#ffffff');
  doc.text(board.title, L.band.x, L.band.y + (L.band.h - L.titleSize * 1.2) / 2, {
    width: L.band.w,
    align: 'center',
    lineBreak: false,
  });
  // the content
  let y = L.text.y;
  for (const b of board.body) {
    const s = blockSize(b, L.size);
    doc
      .font(b.kind === 'heading' ? 'bold' : 'sans')
      .fontSize(s)
      .fillColor(b.kind === 'heading' ? RED : '#000000');
    const o = { width: L.text.w, lineGap: s * 0.2 };
    doc.text(b.text, L.text.x, y, o);
    y += doc.heightOfString(b.text, o) + gapAfter(b, L.size);
  }
  if (board.figure) drawFigureIn(doc, board.figure, L.figure, L.size * 0.55);
  if (L.qr.w > 0) drawQr(doc, board.qr, L.qr, L.captionSize);
  // the bottom band: a rule, then the items two a row
  doc
    .lineWidth(Math.max(1, L.size * 0.06))
    .moveTo(L.footer.x, L.footer.y)
    .lineTo(L.footer.x + L.footer.w, L.footer.y)
    .stroke(BLUE);
  let fy = L.footer.y + L.size * 0.5;
  const cellW = (L.footer.w - L.size) / 2;
  L.footerRows.forEach((rowH, r) => {
    board.footer.slice(r * 2, r * 2 + 2).forEach((t, c) => {
      doc.font('sans').fontSize(L.size).fillColor('#000000');
      doc.text(t, L.footer.x + c * (cellW + L.size), fy, { width: cellW, lineGap: L.size * 0.2 });
    });
    fy += rowH;
  });
  doc.fillColor('#000000');
}
