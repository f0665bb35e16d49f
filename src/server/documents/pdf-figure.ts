// The figure (vector zones, lines, boards, scale bar, north arrow, legend) and the QR code of a
// document model, drawn by the PDF writer.
import QRCode from 'qrcode';
import { type DocFigure, FIGURE_STYLES } from '../../domain/documents/document-model';
import { type Doc, ensure, type Frame, PT, text } from './pdf-frame';

/** A path through points (the caller fills or strokes it). */
function trace(doc: Doc, points: [number, number][]): void {
  points.forEach(([x, y], i) => {
    if (i === 0) doc.moveTo(x, y);
    else doc.lineTo(x, y);
  });
}

export function drawFigure(f: Frame, fig: DocFigure): void {
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

/** Where a box is on the page, points. */
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A figure scaled into a box (its shape kept): the caption above, the legend below in as many rows
 * as it needs, text at `size` points; marks, scale bar and north arrow sized to the text. The board
 * a figure is printed on (style 'here') is a red dot labelled with its legend's words.
 */
export function drawFigureIn(doc: Doc, fig: DocFigure, box: Box, size: number): void {
  doc.save();
  doc.font('sans').fontSize(size).fillColor('#000000');
  const swatch = size * 1.2;
  const gap = size * 0.8;
  // the legend's rows, from the bottom of the box
  const rows: { style: DocFigure['legend'][number]; x: number }[][] = [[]];
  let lx = 0;
  for (const l of fig.legend) {
    const w = swatch + size * 0.3 + doc.widthOfString(l.label);
    if (lx > 0 && lx + w > box.w) {
      rows.push([]);
      lx = 0;
    }
    (rows.at(-1) as { style: DocFigure['legend'][number]; x: number }[]).push({ style: l, x: lx });
    lx += w + gap;
  }
  const rowH = size * 1.4;
  const legendH = rows.length * rowH;
  const captionH = size * 1.5;
  const room = { w: box.w, h: box.h - legendH - captionH - size * 0.3 };
  const k = Math.min(room.w / fig.widthMm, room.h / fig.heightMm);
  if (k <= 0) {
    doc.restore();
    return;
  }
  const [fw, fh] = [fig.widthMm * k, fig.heightMm * k];
  const x0 = box.x + (box.w - fw) / 2;
  const y0 = box.y + captionH;
  doc.text(fig.caption, box.x, box.y, { width: box.w, align: 'center', lineBreak: false });
  doc
    .lineWidth(Math.max(0.6, size * 0.05))
    .rect(x0, y0, fw, fh)
    .stroke('#333333');
  const at = (p: [number, number]): [number, number] => [x0 + p[0] * k, y0 + p[1] * k];
  const mark = size * 0.35;
  for (const item of fig.items) {
    const style = FIGURE_STYLES[item.style];
    if (item.kind === 'polygon') {
      for (const ring of item.rings) trace(doc, ring.map(at));
      doc
        .fillOpacity(0.6)
        .lineWidth(Math.max(0.4, size * 0.03))
        .fillAndStroke(style.fill ?? '#ffffff', style.stroke, 'even-odd');
      doc.fillOpacity(1);
    } else if (item.kind === 'line') {
      trace(doc, item.points.map(at));
      doc.lineWidth(Math.max(1, size * 0.1)).stroke(style.stroke);
    } else if (item.style === 'here') {
      const [x, y] = at(item.at);
      doc
        .lineWidth(mark * 0.3)
        .circle(x, y, mark * 1.2)
        .fillAndStroke(style.fill ?? '#e31a1c', style.stroke);
      // the label above the dot (below it near the top), kept inside the figure, on a white ground
      const label = fig.legend.find((l) => l.style === 'here')?.label ?? '';
      const w = doc.widthOfString(label);
      const lx = Math.min(Math.max(x - w / 2, x0 + size * 0.2), x0 + fw - w - size * 0.2);
      const above = y - mark * 1.4 - size * 1.3;
      const ly = above > y0 + size * 0.2 ? above : y + mark * 1.4;
      doc
        .fillOpacity(0.85)
        .rect(lx - size * 0.15, ly, w + size * 0.3, size * 1.25)
        .fill('#ffffff');
      doc.fillOpacity(1).fillColor('#b10000').text(label, lx, ly, { lineBreak: false });
      doc.fillColor('#000000');
    } else {
      const [x, y] = at(item.at);
      doc.rect(x - mark / 2, y - mark / 2, mark, mark).fill(style.fill ?? style.stroke);
    }
  }
  // scale bar bottom left, north arrow top right, sized to the text
  const [sx, sy] = [x0 + size * 0.8, y0 + fh - size * 0.6];
  doc
    .lineWidth(Math.max(1.2, size * 0.12))
    .moveTo(sx, sy)
    .lineTo(sx + fig.scale.lengthMm * k, sy)
    .stroke('#000000');
  doc.fillColor('#000000').text(fig.scale.label, sx, sy - size * 1.4, { lineBreak: false });
  const [nx, ny] = [x0 + fw - size * 1.2, y0 + size * 0.5];
  doc
    .moveTo(nx, ny)
    .lineTo(nx - size * 0.45, ny + size * 1.2)
    .lineTo(nx + size * 0.45, ny + size * 1.2)
    .fill('#000000');
  doc.text('北', nx - size * 0.5, ny + size * 1.3, { lineBreak: false });
  // the legend
  rows.forEach((row, r) => {
    const ly = y0 + fh + size * 0.3 + r * rowH;
    for (const { style: l, x } of row) {
      const s = FIGURE_STYLES[l.style];
      const lx0 = x0 + x;
      if (l.style === 'here')
        doc.circle(lx0 + swatch / 2, ly + size * 0.6, size * 0.4).fill(s.fill ?? '#e31a1c');
      else if (s.fill)
        doc.rect(lx0, ly + size * 0.2, swatch, size * 0.8).fillAndStroke(s.fill, s.stroke);
      else
        doc
          .lineWidth(Math.max(1.2, size * 0.12))
          .moveTo(lx0, ly + size * 0.6)
          .lineTo(lx0 + swatch, ly + size * 0.6)
          .stroke(s.stroke);
      doc.fillColor('#000000').text(l.label, lx0 + swatch + size * 0.3, ly, { lineBreak: false });
    }
  });
  doc.restore();
}

/** A QR code (error correction M, a quiet zone of 4 modules) in a square box, its caption under it. */
export function drawQr(
  doc: Doc,
  qrBlock: { text: string; caption: string },
  box: Box,
  captionSize: number,
): void {
  const qr = QRCode.create(qrBlock.text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = box.w / (n + 8);
  doc.rect(box.x, box.y, box.w, box.w).fill('#ffffff');
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c))
        doc.rect(box.x + (c + 4) * cell, box.y + (r + 4) * cell, cell, cell).fill('#000000');
  doc.font('sans').fontSize(captionSize).fillColor('#000000');
  const w = Math.max(box.w, doc.widthOfString(qrBlock.caption));
  doc.text(qrBlock.caption, box.x + (box.w - w) / 2, box.y + box.w + captionSize * 0.2, {
    width: w,
    align: 'center',
    lineBreak: false,
  });
}
