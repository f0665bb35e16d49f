import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import type { CrsCode } from '../../../domain/crs/crs';
import { CRS } from '../../../domain/crs/crs';
import {
  defaultEncoding,
  EXPORT_SCHEMAS,
  type ExportSchema,
} from '../../../domain/formats/export/deliverable-schema';
import { EXPORT_FORMATS } from '../../../domain/formats/export/export-formats';
import type { ExportFormat, TextEncoding } from '../../../domain/formats/types';
import { useImageryLayers } from '../../imagery/imagery-options';
import { useWt } from '../messages';
import { autoZone, exportStem, type LayerId, layersOf, selectLayers } from './export-choices';
import { ExportOutcome, type Outcome } from './export-outcome';
import { createFilesClient, type FilesClient } from './files-client';
import './files.css';

const CRS_CODES = Object.keys(CRS) as CrsCode[];

function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * 导出 of the computed draft: format (the export registry), CRS with the auto zone preselected and
 * explained, encoding where the format has one, the layers; written in the files worker and
 * downloaded as e.g. `钦江_管理范围_v3_EPSG4545_20261202.zip` (the schema: Chinese fields by default). The export's reasons are shown as it gives them.
 */
export default function ExportDialog(props: {
  draft: FeatureCollection;
  riverName: string;
  planId?: string;
  /** the saved version the draft was computed from; null: unsaved changes (草稿) */
  version: number | null;
  /** the server's today (ISO): the date in the file name */
  now: string;
}) {
  const t = useWt();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="secondary export-open" onClick={() => setOpen(true)}>
        {t('exportButton')}
      </button>
      {open && <ExportForm {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

/** 成果图: links to the sheet routes of the plan (the draft's newest saved version, the publication). */
function SheetLinks(props: { planId: string }) {
  const t = useWt();
  const [scale, setScale] = useState('2000');
  const [paper, setPaper] = useState('A3');
  // the bureau's orthophotos (影像底图) may go under the map; none: the vector base alone
  const { layers } = useImageryLayers();
  const [imagery, setImagery] = useState('');
  const base = `/api/plans/${encodeURIComponent(props.planId)}`;
  const options = `scale=${scale}&paper=${paper}${imagery ? `&imagery=${imagery}` : ''}`;
  return (
    <fieldset className="export-sheets">
      <legend>{t('sheetsTitle')}</legend>
      <p className="sub">{t('sheetsNote')}</p>
      <label>
        {t('sheetsScale')}
        <select name="sheet-scale" value={scale} onChange={(e) => setScale(e.target.value)}>
          {['2000', '5000', '10000'].map((s) => (
            <option key={s} value={s}>
              1:{s}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sheetsPaper')}
        <select name="sheet-paper" value={paper} onChange={(e) => setPaper(e.target.value)}>
          {['A3', 'A1', 'A0', '50x50'].map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      {layers.length > 0 && (
        <label>
          {t('sheetsImagery')}
          <select name="sheet-imagery" value={imagery} onChange={(e) => setImagery(e.target.value)}>
            <option value="">{t('sheetsNoImagery')}</option>
            {layers.map((l) => (
              <option key={l.id} value={l.id}>
                {l.date ? `${l.name}（${l.date}）` : l.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <p>
        <a className="sheets-draft" href={`${base}/sheets.pdf?version=draft&${options}`} download>
          {t('sheetsDraft')}
        </a>{' '}
        ·{' '}
        <a href={`${base}/sheets.pdf?${options}`} download>
          {t('sheetsPublished')}
        </a>{' '}
        ·{' '}
        <a href={`${base}/sheets-table.pdf`} download>
          {t('sheetsTable')}
        </a>
      </p>
    </fieldset>
  );
}

function ExportForm(props: {
  draft: FeatureCollection;
  riverName: string;
  planId?: string;
  version: number | null;
  now: string;
  onClose: () => void;
}) {
  const t = useWt();
  const ref = useRef<HTMLDialogElement>(null);
  const client = useRef<FilesClient | null>(null);
  const layers = layersOf(props.draft);
  const [formatId, setFormatId] = useState<ExportFormat['id']>('shp');
  const [crs, setCrs] = useState<'auto' | CrsCode>('auto');
  const [schema, setSchema] = useState<ExportSchema>('zh');
  // null until the user picks one: the format's default (GBK for a Chinese shapefile)
  const [picked, setEncoding] = useState<TextEncoding | null>(null);
  const encoding = picked ?? defaultEncoding(formatId, schema);
  const [chosen, setChosen] = useState<ReadonlySet<LayerId>>(
    () => new Set(layers.map((l) => l.id)),
  );
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => client.current?.dispose();
  }, []);

  const format =
    EXPORT_FORMATS.find((f) => f.id === formatId) ?? (EXPORT_FORMATS[0] as ExportFormat);
  const selected = selectLayers(props.draft, chosen);
  const zone = selected.features.length > 0 ? autoZone(selected) : null;
  const resolved: CrsCode = format.lonLatOnly
    ? 'EPSG:4490'
    : crs === 'auto'
      ? (zone?.code ?? 'EPSG:4545')
      : crs;
  const encoded = format.textEncoding;
  const all = layers.every((l) => chosen.has(l.id));
  const what = all
    ? t('exportNameAll')
    : layers
        .filter((l) => chosen.has(l.id))
        .map((l) => l.name || t('layerOther'))
        .join('+');
  const running = outcome !== null && 'kind' in outcome && outcome.kind === 'running';
  const baseName = exportStem(
    props.riverName,
    what,
    format,
    props.version,
    resolved,
    new Date(props.now),
  );

  const run = async () => {
    client.current ??= createFilesClient();
    setOutcome({ kind: 'running' });
    try {
      const answer = await client.current.run({
        kind: 'export',
        features: selected,
        options: {
          format: format.id,
          crs: format.lonLatOnly ? 'EPSG:4490' : crs,
          encoding: encoded ? encoding : 'utf-8',
          baseName,
          schema,
          river: props.riverName,
        },
      });
      setOutcome(answer.result);
      if (answer.result.ok) download(answer.result.name, answer.result.bytes);
    } catch (e) {
      setOutcome({ kind: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  };
  const toggle = (id: LayerId) => {
    setOutcome(null);
    setChosen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  };

  return (
    <dialog
      ref={ref}
      className="settings export-dialog"
      aria-labelledby="export-title"
      onClose={props.onClose}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <h2 id="export-title">{t('exportTitle')}</h2>
        <label>
          {t('exportFormat')}
          <select
            name="format"
            value={format.id}
            onChange={(e) => {
              setOutcome(null);
              setFormatId(e.target.value as ExportFormat['id']);
            }}
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label} ({f.extension})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('exportCrs')}
          <select
            name="crs"
            value={format.lonLatOnly ? 'EPSG:4490' : crs}
            disabled={format.lonLatOnly}
            onChange={(e) => {
              setOutcome(null);
              setCrs(e.target.value as 'auto' | CrsCode);
            }}
          >
            <option value="auto">{t('exportCrsAuto', { code: zone?.code ?? '—' })}</option>
            {CRS_CODES.map((code) => (
              <option key={code} value={code}>
                {code} {CRS[code].name}
              </option>
            ))}
          </select>
        </label>
        <p className="crs-why sub" data-crs={resolved}>
          {format.lonLatOnly
            ? t('crsLonLatOnly', { format: format.label })
            : crs === 'auto' && zone
              ? t('crsAutoWhy', {
                  lon: zone.centre.toFixed(2),
                  cm: CRS[zone.code].centralMeridian ?? '',
                  zone: CRS[zone.code].zone ?? '',
                  code: zone.code,
                  name: CRS[zone.code].name,
                })
              : `${resolved} ${CRS[resolved].name}`}
        </p>
        {!format.lonLatOnly && zone?.crosses && (
          <p className="hint crs-crosses">
            {t('crsCrosses', {
              min: zone.min.toFixed(4),
              max: zone.max.toFixed(4),
              code: resolved,
            })}
          </p>
        )}
        {encoded && (
          <label>
            {t('exportEncoding')}
            <select
              name="encoding"
              value={encoding}
              onChange={(e) => {
                setOutcome(null);
                setEncoding(e.target.value as TextEncoding);
              }}
            >
              <option value="utf-8">UTF-8</option>
              <option value="gbk">GBK</option>
            </select>
          </label>
        )}
        <label>
          {t('exportSchema')}
          <select
            name="schema"
            value={schema}
            onChange={(e) => {
              setOutcome(null);
              setSchema(e.target.value as ExportSchema);
            }}
          >
            {EXPORT_SCHEMAS.map((s) => (
              <option key={s} value={s}>
                {t(s === 'zh' ? 'schemaZh' : 'schemaEn')}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="export-layers">
          <legend>{t('exportLayers')}</legend>
          {layers.map((l) => (
            <label key={l.id} className="check">
              <input
                type="checkbox"
                name="layer"
                value={l.id}
                checked={chosen.has(l.id)}
                onChange={() => toggle(l.id)}
              />
              {l.name || t('layerOther')}{' '}
              <span className="count" data-layer={l.id}>
                {l.count}
              </span>
            </label>
          ))}
        </fieldset>
        {selected.features.length === 0 && <p className="problem">{t('exportNoLayer')}</p>}
        <p className="export-name sub" data-stem={baseName}>
          {format.id === 'csv'
            ? t('exportFileNameCsv', { name: baseName })
            : t('exportFileNameIs', { name: baseName + format.extension })}
        </p>
        <ExportOutcome outcome={outcome} />
        {props.planId && <SheetLinks planId={props.planId} />}
        <div className="actions">
          <button type="button" onClick={() => ref.current?.close()}>
            {t('close')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={running || selected.features.length === 0}
            aria-busy={running}
          >
            {t('exportRun')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
