import type { FeatureCollection } from 'geojson';
import type { CrsCode, CrsInfo } from '../crs/crs';
import type { Message } from '../message';

/** Text encodings the exports can be written in and the imports read. */
export type TextEncoding = 'utf-8' | 'gbk';

/** One file an export produces: a name relative to the output (e.g. `钦江-管理范围界桩.csv`) and bytes. */
export interface ExportFile {
  name: string;
  bytes: Uint8Array;
}

/** Export succeeded (with warnings to show), or the reasons nothing was written. */
export type ExportResult =
  | { ok: true; files: ExportFile[]; crs: CrsCode; warnings: Message[] }
  | { ok: false; errors: Message[] };

/** What a writer gets: the resolved CRS (never 'auto'), the encoding and a base name for files. */
export interface ExportContext {
  crs: CrsInfo;
  encoding: TextEncoding;
  /** stem used for file names inside archives, e.g. `hejie-zones` */
  baseName: string;
  /** when the export is made (dates printed in txt, zip entry times); the clock when absent */
  now?: Date;
  /** 'zh': Chinese field names and values (the deliverable); 'en': the internal keys */
  schema: 'zh' | 'en';
}

/** An export format: one entry of the registry (no switch on format ids anywhere else). */
export interface ExportFormat {
  id: 'shp' | 'dxf' | 'kml' | 'geojson' | 'xlsx' | 'csv' | 'txt';
  label: string;
  /** extension of the single file written (a zip for shp; csv writes one file per table) */
  extension: string;
  /** formats that are always lon/lat (kml, geojson) ignore the projected CRS */
  lonLatOnly: boolean;
  /** whether its text may be written as UTF-8 or GBK (the `encoding` option applies) */
  textEncoding: boolean;
  /**
   * what its file name adds to the content (坐标表CSV), so that two formats whose files end alike
   * (a shapefile zip, a zip of csv tables) never share a name; '' when the extension tells
   */
  nameTag: string;
  /** input: lon/lat CGCS2000 features; output: files, or reasons (e.g. a character GBK cannot hold) */
  write(
    fc: FeatureCollection,
    ctx: ExportContext,
  ): { ok: true; files: ExportFile[]; warnings: Message[] } | { ok: false; errors: Message[] };
}

/** One file handed to an import (a zip is one file). */
export interface ImportSource {
  name: string;
  bytes: Uint8Array;
}

/** What the user said about a file that does not say it itself. */
export interface ImportOptions {
  crs?: CrsCode;
  encoding?: TextEncoding;
}

/**
 * Import succeeded: lon/lat CGCS2000 features, the CRS the file was in (and how that was known),
 * warnings (swapped axes fixed, points outside Qinzhou…). Or the reasons nothing was imported;
 * `needs: 'crs'` when only the user can say which zone 6-digit eastings are in.
 */
export type ImportResult =
  | {
      ok: true;
      features: FeatureCollection;
      crs: CrsCode;
      crsSource: 'prj' | 'option' | 'detected';
      encoding: TextEncoding | 'ascii' | null;
      warnings: Message[];
      /** positions whose axes were exchanged back (a warning says which), when any were */
      swapped?: { points: number; total: number };
    }
  /** `needs: 'crs'`: the CRS must be given; `fits`: the one zone that puts every point in Qinzhou */
  | { ok: false; errors: Message[]; needs?: 'crs'; fits?: CrsCode };

/** An import format: one entry of the import registry. */
export interface ImportFormat {
  id: 'shp' | 'geojson' | 'kml' | 'dxf' | 'csv' | 'xlsx' | 'txt';
  label: string;
  extensions: string[];
  /** whether its text may be UTF-8 or GBK (the `encoding` option applies) */
  textEncoding: boolean;
  read(source: ImportSource, options: ImportOptions): ImportResult;
}
