// The PDF writer of a sheet atlas (pdfkit): vector paths and text in paper millimetres (one scale
// of the page's matrix), the CJK faces embedded as subsets. Deterministic: the same atlas, fonts and
// date give the same bytes (pdfkit's file ID is a hash of the info, whose dates are fixed here).
import {
  type Paint,
  SHEET_STYLES,
  type SheetAtlas,
  type SheetItem,
  SYMBOL_MM,
} from '../../domain/sheets/sheet-model';
import type { CjkFonts } from '../documents/cjk-fonts';
import { type Doc, PT } from '../documents/pdf-frame';
import { openPdf } from '../documents/write-pdf';

/** Size of the invisible anchors, mm: small enough that their text box is their origin to 0.01 mm. */
const ANCHOR_MM = 0.01;

/** What pdfkit's embedded font exposes to `layoutRun` (its per-word shaping, cached by word). */
interface PdfkitFont {
  font: { glyphForCodePoint: (cp: number) => { advanceWidth: number } };
  scale: number;
  layoutRun?: (text: string) => unknown;
}

/**
 * Lays text out glyph by glyph from the cmap: pdfkit shapes every new word through fontkit (about
 * 1 ms each, 6,000 marker numbers would take seconds), and the sheets' texts (Latin, digits, CJK)
 * need no ligatures or contextual forms. Widths stay the font's advances, so measuring agrees.
 */
function layoutByCmap(f: PdfkitFont): void {
  const glyphs = new Map<string, { advanceWidth: number }>();
  f.layoutRun = (text: string) => {
    const run = { glyphs: [] as unknown[], positions: [] as unknown[], advanceWidth: 0 };
    for (const ch of text) {
      let g = glyphs.get(ch);
      if (!g) {
        g = f.font.glyphForCodePoint(ch.codePointAt(0) as number);
        glyphs.set(ch, g);
      }
      const a = g.advanceWidth * f.scale;
      run.glyphs.push(g);
      run.positions.push({ xAdvance: a, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: a });
      run.advanceWidth += a;
    }
    return run;
  };
}

function tracePath(doc: Doc, parts: readonly (readonly number[])[][], closed: boolean): void {
  for (const part of parts) {
    const [first, ...rest] = part;
    if (!first) continue;
    doc.moveTo(first[0] as number, first[1] as number);
    for (const p of rest) doc.lineTo(p[0] as number, p[1] as number);
    if (closed) doc.closePath();
  }
}

function paintPath(doc: Doc, paint: Paint, closed: boolean): void {
  if (paint.widthMm !== undefined) doc.lineWidth(paint.widthMm);
  if (paint.dashMm) doc.dash(paint.dashMm as unknown as number, {});
  else doc.undash();
  const fill = closed && paint.fill;
  if (fill) doc.fillColor(paint.fill as string).fillOpacity(paint.fillOpacity ?? 1);
  if (paint.stroke) doc.strokeColor(paint.stroke);
  if (fill && paint.stroke) doc.fillAndStroke(paint.fill as string, paint.stroke, 'even-odd');
  else if (fill) doc.fill('even-odd');
  else doc.stroke();
}

function drawText(doc: Doc, item: Extract<SheetItem, { kind: 'text' }>): void {
  doc.font(item.bold ? 'bold' : 'sans').fontSize(item.sizeMm);
  const w = item.align === 'left' ? 0 : doc.widthOfString(item.text);
  const x = item.x - (item.align === 'center' ? w / 2 : item.align === 'right' ? w : 0);
  const opts = { lineBreak: false, baseline: 'alphabetic' as const };
  if (item.halo) {
    doc
      .save()
      .lineWidth(item.sizeMm * 0.25)
      .strokeColor('#ffffff')
      .lineJoin('round');
    doc.text(item.text, x, item.y, { ...opts, stroke: true, fill: false });
    doc.restore();
  }
  doc.fillColor(item.color ?? '#000000').fillOpacity(1);
  doc.text(item.text, x, item.y, opts);
}

function anchor(doc: Doc, x: number, y: number, text: string): void {
  doc.save().fillOpacity(0).font('sans').fontSize(ANCHOR_MM);
  doc.text(text, x, y, { lineBreak: false, baseline: 'alphabetic' });
  doc.restore();
}

function drawSymbol(doc: Doc, item: Extract<SheetItem, { kind: 'symbol' }>): void {
  const r = SYMBOL_MM[item.symbol] / 2;
  doc.save().undash().lineWidth(0.2).fillOpacity(1);
  if (item.symbol === 'marker') {
    doc.circle(item.x, item.y, r).fillAndStroke('#ffffff', '#d7301f');
    doc.circle(item.x, item.y, 0.22).fill('#d7301f');
  } else {
    doc.rect(item.x - r, item.y - r, 2 * r, 2 * r).fillAndStroke('#1f78b4', '#08306b');
  }
  doc.restore();
  if (item.id) anchor(doc, item.x, item.y, item.id);
}

type Raster = Extract<SheetItem, { kind: 'raster' }>;

/** The image of a raster item (JPEG or PNG bytes), or null where there is none. */
export type RasterSource = (
  item: Raster,
  px: { width: number; height: number },
) => Promise<Uint8Array | null>;

/** Pixels per millimetre of paper for imagery: 150 dpi, under 6,000 px a side (A0 at 1:2000). */
const RASTER_PX_PER_MM = 150 / 25.4;
const RASTER_MAX_PX = 6000;

/** The pixel size an item's image is asked at. */
function rasterPixels(item: Raster): { width: number; height: number } {
  const k = Math.min(RASTER_PX_PER_MM, RASTER_MAX_PX / Math.max(item.rect.w, item.rect.h));
  return { width: Math.round(item.rect.w * k), height: Math.round(item.rect.h * k) };
}

function draw(doc: Doc, item: SheetItem, images: ReadonlyMap<SheetItem, Uint8Array>): void {
  switch (item.kind) {
    case 'path':
      doc.save();
      tracePath(doc, item.parts, item.closed);
      paintPath(doc, SHEET_STYLES[item.style], item.closed);
      doc.restore();
      return;
    case 'text':
      drawText(doc, item);
      return;
    case 'symbol':
      drawSymbol(doc, item);
      return;
    case 'anchor':
      anchor(doc, item.x, item.y, item.text);
      return;
    case 'raster': {
      const bytes = images.get(item);
      if (bytes)
        doc.image(Buffer.from(bytes), item.rect.x, item.rect.y, {
          width: item.rect.w,
          height: item.rect.h,
        });
      return;
    }
    case 'clip':
      doc.save();
      doc.rect(item.rect.x, item.rect.y, item.rect.w, item.rect.h).clip();
      for (const i of item.items) draw(doc, i, images);
      doc.restore();
      return;
  }
}

/**
 * The PDF of an atlas, dated `date` (its creation and modification dates).
 * @example await writeSheetsPdf(atlas, fonts, new Date(publication.publishedAt)) // Uint8Array (%PDF…)
 */
export async function writeSheetsPdf(
  atlas: SheetAtlas,
  fonts: CjkFonts,
  date: Date,
  raster?: RasterSource,
): Promise<Uint8Array> {
  // the images first, one at a time (each is a GDAL run): drawing is synchronous
  const images = new Map<SheetItem, Uint8Array>();
  for (const page of atlas.pages)
    for (const item of page.items)
      if (item.kind === 'raster' && raster) {
        const bytes = await raster(item, rasterPixels(item));
        if (bytes) images.set(item, bytes);
      }
  const { doc, done } = openPdf(atlas.title, date, fonts);
  for (const face of ['sans', 'bold'])
    layoutByCmap((doc.font(face) as unknown as { _font: PdfkitFont })._font);
  for (const page of atlas.pages) {
    doc.addPage({ size: [page.widthMm * PT, page.heightMm * PT], margin: 0 });
    doc.save();
    doc.scale(PT);
    for (const item of page.items) draw(doc, item, images);
    doc.restore();
  }
  doc.end();
  return done;
}
