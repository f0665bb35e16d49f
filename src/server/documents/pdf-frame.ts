// What the PDF writer's pieces share: the page frame being filled and how text flows in it.
import type { DocumentModel } from '../../domain/documents/document-model';

export const PT = 72 / 25.4; // points per millimetre
export type Doc = PDFKit.PDFDocument;

export interface Frame {
  doc: Doc;
  model: DocumentModel;
  /** left edge and width of the text column, points */
  x: number;
  width: number;
  size: number;
}

export const bottom = (f: Frame) => f.doc.page.height - f.model.page.marginMm * PT;

export function ensure(f: Frame, height: number): void {
  if (f.doc.y + height > bottom(f) && f.doc.y > f.model.page.marginMm * PT + 1) f.doc.addPage();
}

export type Align = 'left' | 'center' | 'right';

export function text(
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
