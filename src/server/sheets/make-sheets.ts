// The sheets of a plan as one PDF: the map sheets (成果图) at the options given, or the
// coordinate-table book (界桩坐标成果表). Plain data in, bytes out: the document pool's worker runs it
// (pdfkit loads there, never on a server's request thread), and so does the archive.
import type { Feature } from 'geojson';
import type { Message } from '../../domain/message';
import { chinaDate } from '../../domain/plans/deadline';
import { buildSheets } from '../../domain/sheets/build-sheets';
import { buildCoordinateBook } from '../../domain/sheets/coordinate-book';
import { resolveSheetOptions } from '../../domain/sheets/sheet-options';
import type { CjkFonts } from '../documents/cjk-fonts';
import { type SheetImagery, sheetRaster } from '../imagery/sheet-raster';
import { loadSheetBase } from './sheet-base';
import { writeSheetsPdf } from './write-sheets-pdf';

/** What a sheet file is made of. */
export interface SheetSource {
  /** zones, boundary lines and markers (lon/lat) */
  features: Feature[];
  /** the bundled geodata folder (the offline base drawn under the zones) */
  geodataDir: string;
  riverId: string;
  /** the plan's name (the title when the river has no name in the base) */
  planName: string;
  /** 制图单位: the plan's responsible unit ('' → 尚未设置) */
  unit: string;
  /** ISO time the file is dated (制图日期, the PDF's dates) */
  at: string;
  /** the version line, e.g. `第 2 版 · 3f9a1c0d` */
  version: string;
  /** `table` for the coordinate-table book, else the sheet options as query text */
  what: 'table' | { public?: string; scale?: string; paper?: string; orientation?: string };
  /** an imagery layer drawn under the map (影像底图), checked by the route */
  imagery?: SheetImagery;
}

/** The PDF, or why the sheets cannot be drawn. */
export type SheetFile = { ok: true; pdf: Uint8Array } | { ok: false; errors: Message[] };

/**
 * The sheets (or the table book) of `source` as one PDF.
 * @example await makeSheetsFile({ features, geodataDir, riverId: 'qinjiang', planName: '钦江', unit: '市水利局', at, version: '第 1 版', what: {} }, fonts)
 */
export async function makeSheetsFile(source: SheetSource, fonts: CjkFonts): Promise<SheetFile> {
  const { base, riverNames } = loadSheetBase(source.geodataDir);
  const river = riverNames[source.riverId] ?? source.planName;
  const at = new Date(source.at);
  const date = chinaDate(at);
  if (source.what === 'table') {
    const texts = { river, unit: source.unit || '尚未设置', date, version: source.version };
    const book = buildCoordinateBook(source.features, texts);
    return book.ok ? { ok: true, pdf: await writeSheetsPdf(book.atlas, fonts, at) } : book;
  }
  const given = { ...source.what, unit: source.unit || undefined };
  const isPublic = source.what.public === '1';
  const o = resolveSheetOptions(given, { date, version: source.version, public: isPublic });
  if (!o.ok) return o;
  const img = source.imagery;
  const options = img ? { ...o.options, imagery: { credit: img.credit } } : o.options;
  const built = buildSheets(source.features, base, options, riverNames);
  if (!built.ok) return built;
  const raster = img ? sheetRaster(img) : null;
  try {
    return { ok: true, pdf: await writeSheetsPdf(built.atlas, fonts, at, raster?.source) };
  } finally {
    raster?.close();
  }
}
