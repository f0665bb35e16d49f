import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { EditFeature } from '../../../domain/editor/edit-types';
import type { FieldMapping } from '../../../domain/formats/import/guess-field-mapping';
import { MAX_IMPORT_BYTES } from '../../../domain/formats/import/import-file';
import { IMPORT_FORMATS } from '../../../domain/formats/import/import-formats';
import type { ImportSource } from '../../../domain/formats/types';
import { useWt, type WT } from '../messages';
import { showProblem } from '../panel/show-problem';
import { collectSources, type PickedSource } from './collect-sources';
import { createFilesClient, type FilesClient } from './files-client';
import './files.css';
import { ImportDialog } from './import-dialog';
import { countGeometries, toImportedFeatures } from './imported-features';
import { useFileDrop } from './use-file-drop';

/** What the file picker offers: every extension of the import registry, and loose shapefile parts. */
const ACCEPT = [
  ...IMPORT_FORMATS.flatMap((f) => f.extensions),
  '.shp',
  '.shx',
  '.dbf',
  '.prj',
  '.cpg',
].join(',');

/** Reads picked files into memory, refusing at once those over the import's size limit. */
async function readFiles(
  files: File[],
  t: WT,
): Promise<{ sources: PickedSource[]; problems: string[] }> {
  const problems: string[] = [];
  const read: ImportSource[] = [];
  for (const file of files) {
    if (file.size > MAX_IMPORT_BYTES) {
      problems.push(t('importTooBig', { name: file.name, mb: Math.round(file.size / 1024 ** 2) }));
      continue;
    }
    try {
      read.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch (e) {
      problems.push(t('importReadFailed', { name: file.name, msg: String(e) }));
    }
  }
  return { sources: collectSources(read), problems };
}

/** A fresh id prefix per import, so that features imported twice never share ids. */
const importPrefix = () => `imp${Date.now().toString(36)}`;

/**
 * 导入 for planners: a file picker (several files at once) and a drop target over the map and the
 * panel; picked files go through the confirmation (ImportDialog) before their lines and polygons are
 * added to the working copy with `onAdd`.
 */
export default function ImportFiles(props: {
  planName: string;
  /** the working copy is loaded (adding before would be overwritten by the load) */
  ready: boolean;
  /** why the working copy could not be loaded */
  loadError: unknown;
  features: readonly EditFeature[];
  dirty: boolean;
  /** the planner's account: confirmed field mappings are remembered for it */
  user: string | null;
  onAdd: (features: EditFeature[]) => void;
}) {
  const t = useWt();
  const anchor = useRef<HTMLElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const client = useRef<FilesClient | null>(null);
  const [picked, setPicked] = useState<{ sources: PickedSource[]; problems: string[] } | null>(
    null,
  );
  const [added, setAdded] = useState<{ lines: number; polygons: number } | null>(null);
  const taken = useMemo(() => new Set(props.features.map((f) => f.id)), [props.features]);

  useEffect(() => () => client.current?.dispose(), []);

  const open = async (files: File[]) => {
    if (files.length === 0) return;
    setAdded(null);
    client.current ??= createFilesClient();
    setPicked(await readFiles(files, t));
  };
  const dragging = useFileDrop(anchor, props.ready && picked === null, open);

  const confirm = (collections: FeatureCollection[], mappings: (FieldMapping | null)[]) => {
    const features = toImportedFeatures(
      collections,
      taken,
      importPrefix(),
      mappings,
      props.features,
    );
    props.onAdd(features);
    const fc: FeatureCollection = { type: 'FeatureCollection', features };
    setAdded(countGeometries(fc));
    setPicked(null);
  };

  return (
    <section
      className="import-files"
      ref={anchor}
      data-working-copy={props.ready ? props.features.length : ''}
    >
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={!props.ready || picked !== null}
          onClick={() => input.current?.click()}
        >
          {t('importButton')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          onChange={(e) => {
            void open([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </div>
      {props.loadError ? (
        <p className="problem" role="alert">
          {showProblem(props.loadError, t)}
        </p>
      ) : (
        <p className="sub">{props.ready ? t('importHint') : t('importWait')}</p>
      )}
      {props.ready && (
        <p className="working-copy">
          {t('workingCopy', {
            n: props.features.length,
            state: props.dirty ? t('workingDirty') : t('workingSaved'),
          })}
        </p>
      )}
      {added && (
        <p className="notice" role="status">
          {t('importAdded', added)}
        </p>
      )}
      {picked && client.current && (
        <ImportDialog
          sources={picked.sources}
          problems={picked.problems}
          client={client.current}
          user={props.user}
          onConfirm={confirm}
          onCancel={() => setPicked(null)}
        />
      )}
      {dragging &&
        createPortal(
          <div className="drop-target" aria-hidden="true">
            <strong>{t('dropHere', { plan: props.planName })}</strong>
            <span>{t('dropFormats')}</span>
          </div>,
          dragging,
        )}
    </section>
  );
}
