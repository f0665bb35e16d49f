// What the page asks the files worker and what it answers: an import read (file → lon/lat features)
// or an export written (features → one file to download).
import type { FeatureCollection } from 'geojson';
import type { CrsCode } from '../../../domain/crs/crs';
import type { ExportOptions } from '../../../domain/formats/export/export-features';
import type { ImportOptions, ImportResult, ImportSource } from '../../../domain/formats/types';
import type { BBox } from '../../../domain/geo/bbox';
import type { Message } from '../../../domain/message';
import type { GeometryCounts } from './imported-features';

/** Read one file (a zip of loose shapefile parts is one file). */
export interface ImportRequest {
  kind: 'import';
  source: ImportSource;
  options: ImportOptions;
}

/**
 * Write the features in one format; `baseName` also names the download. `river` names the river of a
 * Chinese-schema export (the worker renders its reach labels: a function cannot be posted).
 */
export interface ExportRequest {
  kind: 'export';
  features: FeatureCollection;
  options: Omit<ExportOptions, 'naming'> & { river: string | null };
}

/** Every request of the files worker. */
export type FilesRequest = ImportRequest | ExportRequest;

/** An import's result, with what the confirmation lists (counts of parts, extent). */
export interface ImportAnswer {
  kind: 'import';
  result: ImportResult;
  counts: GeometryCounts;
  extent: BBox | null;
}

/** An export as one file to download (several files are zipped), or the reasons nothing was written. */
export interface ExportAnswer {
  kind: 'export';
  result:
    | { ok: true; name: string; bytes: Uint8Array; crs: CrsCode; warnings: Message[] }
    | { ok: false; errors: Message[] };
}

/** The answer to a request of the same kind. */
export type FilesAnswer<R extends FilesRequest> = R extends ImportRequest
  ? ImportAnswer
  : ExportAnswer;
