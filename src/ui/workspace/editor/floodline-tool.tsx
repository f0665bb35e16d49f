// 由地形计算洪水线 (issue 16): upload a DEM and a levels table, preview the bank lines and the flooded
// area on the map, confirm the warnings, accept: the two lines join the draft as editable bank lines
// (replacing the draft's bank lines or as a new reach, as the planner chooses), then 计算 and 保存 as
// usual. The computation is the server's (src/server/floodline); the map preview is src/map's.
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import type { FloodlinePreview } from '../../../contract/floodline';
import type { EditFeature } from '../../../domain/editor/edit-types';
import { measureLength } from '../../../domain/editor/measure-length';
import { singleLine } from '../../../domain/floodline/single-line';
import { bboxOf } from '../../../domain/geo/bbox';
import { decodeGbk, guessEncoding } from '../../../domain/text/gbk';
import { showImportPreview } from '../../../map/import-preview';
import { ApiError } from '../../api';
import { coveredEdges } from '../../covered-edges';
import { FilePick } from '../../file-pick';
import { useFoldMapControls, useMapHandle } from '../../map-handle';
import { useWt } from '../messages';
import { showProblem } from '../panel/show-problem';
import type { PlanEditor } from '../panel/use-plan-editor';
import { computeFloodline, uploadDem } from './floodline-api';

const isBank = (f: EditFeature) =>
  f.properties.role === 'bank-left' || f.properties.role === 'bank-right';

async function readText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return guessEncoding(bytes) === 'gbk' ? decodeGbk(bytes) : new TextDecoder().decode(bytes);
}

/** The tool: a button, then the form, the preview and its choices. */
export function FloodlineTool(props: { planId: string; editor: PlanEditor; csrf: string }) {
  const t = useWt();
  const map = useMapHandle();
  const foldMapControls = useFoldMapControls();
  const { state, dispatch } = props.editor;
  const [open, setOpen] = useState(false);
  const [dem, setDem] = useState<File | null>(null);
  const [levels, setLevels] = useState<File | null>(null);
  const [centre, setCentre] = useState<File | null>(null);
  const [maxWidth, setMaxWidth] = useState('2000');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<FloodlinePreview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [done, setDone] = useState(false);

  // the map has one preview layer, shared with the import dialog: clear it only when it shows ours
  // (clearing it on every render without a preview wiped an import's preview)
  const shown = useRef(false);
  useEffect(() => {
    if (!map) return;
    if (!preview) {
      if (shown.current) void showImportPreview(map, null);
      shown.current = false;
      return;
    }
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: preview.flooded },
        ...preview.banks.features,
      ],
    };
    shown.current = true;
    void showImportPreview(map, fc);
    // the preview is what the planner looks at: bring it into view
    foldMapControls();
    map.fitTo(bboxOf(fc), coveredEdges(), 16);
  }, [map, preview, foldMapControls]);
  useEffect(
    () => () => {
      if (map && shown.current) void showImportPreview(map, null);
      shown.current = false;
    },
    [map],
  );

  const compute = async () => {
    if (!dem || !levels) return setProblem(t('floodNoFile'));
    setBusy(true);
    setProblem(null);
    setPreview(null);
    setConfirmed(false);
    setDone(false);
    try {
      let line: ReturnType<typeof singleLine> | undefined;
      if (centre) {
        try {
          line = singleLine(JSON.parse(await centre.text()));
        } catch {
          line = null;
        }
        if (line === null) {
          setProblem(t('floodBadCentreline', { file: centre.name }));
          return;
        }
      }
      const demId = await uploadDem(props.planId, dem, props.csrf);
      const body = {
        demId,
        levels: { name: levels.name, text: await readText(levels) },
        ...(line ? { centreline: line } : {}),
        ...(Number(maxWidth) > 0 ? { maxWidth: Number(maxWidth) } : {}),
      };
      setPreview(await computeFloodline(props.planId, body, props.csrf));
    } catch (e) {
      // the engine's refusals (400, 413) are the server's messages in the UI's language
      const refused = e instanceof ApiError && (e.status === 400 || e.status === 413);
      setProblem(refused ? t('floodFailed', { msg: e.message }) : showProblem(e, t));
    } finally {
      setBusy(false);
    }
  };

  const banks = state.features.filter(isBank);
  const accept = (replace: boolean) => {
    if (!preview) return;
    const used = new Set(state.features.map((f) => f.properties.reach));
    let n = used.size + 1;
    while (used.has(`reach-${n}`)) n++;
    const first = banks[0];
    const reach = replace && first ? first.properties.reach : `reach-${n}`;
    const reachName = replace && first ? (first.properties.reachName ?? null) : null;
    if (replace) for (const f of banks) dispatch({ type: 'delete', id: f.id });
    const stamp = Date.now().toString(36);
    const added: EditFeature[] = preview.banks.features.map((f, i) => ({
      type: 'Feature',
      id: `flood-${stamp}-${i + 1}`,
      geometry: f.geometry,
      properties: {
        ...f.properties,
        reach,
        reachName,
        role: i === 0 ? 'bank-left' : 'bank-right',
        sideFrom: 'chosen',
        embankmentClass: null,
        widthM: null,
        protectionM: null,
      },
    }));
    dispatch({ type: 'add', features: added });
    setPreview(null);
    setDone(true);
  };

  const km = (i: number) =>
    ((measureLength(preview?.banks.features[i]?.geometry.coordinates ?? []) ?? 0) / 1000).toFixed(
      2,
    );
  const mayAccept = preview && (preview.warnings.length === 0 || confirmed);
  return (
    <section className="floodline-tool" aria-label={t('floodTitle')}>
      {!open && (
        <button type="button" data-action="floodline" onClick={() => setOpen(true)}>
          {t('floodOpen')}
        </button>
      )}
      {open && (
        <>
          <h4>{t('floodTitle')}</h4>
          <p className="hint">{t('floodIntro')}</p>
          <FilePick label={t('floodDem')} name="dem" accept=".tif,.tiff" onFile={setDem} />
          <FilePick
            label={t('floodLevels')}
            name="levels"
            accept=".csv,.txt,.geojson,.json"
            onFile={setLevels}
          />
          <FilePick
            label={t('floodCentreline')}
            name="centreline"
            accept=".geojson,.json"
            onFile={setCentre}
          />
          <label>
            {t('floodMaxWidth')}
            <input
              type="number"
              name="maxWidth"
              min={1}
              value={maxWidth}
              onChange={(e) => setMaxWidth(e.target.value)}
            />
          </label>
          <button type="button" data-action="floodline-compute" disabled={busy} onClick={compute}>
            {busy ? t('floodComputing') : t('floodCompute')}
          </button>
          {problem && (
            <p className="problem" role="alert">
              {problem}
            </p>
          )}
          {done && <p className="floodline-done">{t('floodAccepted')}</p>}
          {preview && (
            <div className="floodline-preview">
              <p>
                {t('floodPreview', {
                  left: km(0),
                  right: km(1),
                  area: (
                    (preview.stats.cellsFlooded *
                      Number(preview.banks.features[0]?.properties.demCellSize ?? 0) ** 2) /
                    1e4
                  ).toFixed(1),
                  crs: preview.crs,
                  from: t(
                    preview.centrelineFrom === 'course' ? 'floodFromCourse' : 'floodFromUpload',
                  ),
                  cells: preview.stats.cellsRead,
                })}
              </p>
              {preview.warnings.length > 0 && (
                <div className="floodline-warnings" role="alert">
                  <p>{t('floodWarnings')}</p>
                  <ul>
                    {preview.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                  <label>
                    <input
                      type="checkbox"
                      name="confirm"
                      checked={confirmed}
                      onChange={(e) => setConfirmed(e.target.checked)}
                    />
                    {t('floodConfirm')}
                  </label>
                </div>
              )}
              {banks.length > 0 && <p>{t('floodExisting', { n: banks.length })}</p>}
              {banks.length > 0 ? (
                <>
                  <button
                    type="button"
                    data-action="floodline-replace"
                    disabled={!mayAccept}
                    onClick={() => accept(true)}
                  >
                    {t('floodReplace')}
                  </button>
                  <button
                    type="button"
                    data-action="floodline-add"
                    disabled={!mayAccept}
                    onClick={() => accept(false)}
                  >
                    {t('floodAdd')}
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  data-action="floodline-accept"
                  disabled={!mayAccept}
                  onClick={() => accept(false)}
                >
                  {t('floodAccept')}
                </button>
              )}
              <button
                type="button"
                data-action="floodline-discard"
                onClick={() => setPreview(null)}
              >
                {t('floodDiscard')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
