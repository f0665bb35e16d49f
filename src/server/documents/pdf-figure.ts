// The figure (vector zones, lines, boards, scale bar, north arrow, legend) and the QR code of a
// document model, drawn by the PDF writer.
import QRCode from 'qrcode';
import {
  type DocBlock,
  type DocFigure,
  FIGURE_STYLES,
} from '../../domain/documents/document-model';
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

export function drawQr(
  f: Frame,
  block: Extract<DocBlock, { kind: 'qr' }>,
  x: number,
  y: number,
): void {
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
