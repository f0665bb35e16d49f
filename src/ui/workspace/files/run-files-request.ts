// The files worker's work, kept apart from the worker so that it runs (and is tested) anywhere.
import { zipSync } from 'fflate';
import { deliverableNaming } from '../../../contract/messages/deliverable-naming';
import { exportFeatures } from '../../../domain/formats/export/export-features';
import { importFile } from '../../../domain/formats/import/import-file';
import { bboxOf } from '../../../domain/geo/bbox';
import type {
  ExportAnswer,
  ExportRequest,
  FilesAnswer,
  FilesRequest,
  ImportAnswer,
  ImportRequest,
} from './files-protocol';
import { countGeometries } from './imported-features';

function runImport(req: ImportRequest): ImportAnswer {
  const result = importFile(req.source, req.options);
  if (!result.ok)
    return { kind: 'import', result, counts: { lines: 0, polygons: 0, points: 0 }, extent: null };
  const fc = result.features;
  return {
    kind: 'import',
    result,
    counts: countGeometries(fc),
    extent: fc.features.length > 0 ? bboxOf(fc) : null,
  };
}

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot);
};

function runExport(req: ExportRequest): ExportAnswer {
  const { river, ...options } = req.options;
  const r = exportFeatures(req.features, { ...options, naming: deliverableNaming(river) });
  if (!r.ok) return { kind: 'export', result: r };
  const base = req.options.baseName;
  const [only] = r.files;
  const file =
    r.files.length === 1 && only
      ? { name: `${base}${extensionOf(only.name)}`, bytes: only.bytes }
      : {
          name: `${base}.zip`,
          bytes: zipSync(Object.fromEntries(r.files.map((f) => [f.name, f.bytes]))),
        };
  return { kind: 'export', result: { ok: true, ...file, crs: r.crs, warnings: r.warnings } };
}

/**
 * Runs one request of the files worker: an import (with the counts and extent the confirmation
 * shows) or an export packed as one download.
 */
export function runFilesRequest<R extends FilesRequest>(req: R): FilesAnswer<R> {
  return (
    req.kind === 'import' ? runImport(req) : runExport(req as ExportRequest)
  ) as FilesAnswer<R>;
}
