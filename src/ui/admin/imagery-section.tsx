// 影像底图: add the bureau's orthophotos or tile archives (an upload or a path on the server), watch
// the conversions, and set each layer public or staff-only. The server checks everything; this
// screen shows its refusals as they come.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { Session } from '../api';
import { FilePick } from '../file-pick';
import {
  addImageryPath,
  fetchImagery,
  fetchImageryJobs,
  type ImageryJob,
  type ImageryLayer,
  setImageryPublic,
  uploadImagery,
} from '../imagery/imagery-api';
import { type IT, useIt } from '../imagery/messages-imagery';
import { showProblem } from '../workspace/panel/show-problem';
import { useAt } from './messages-admin';
import '../imagery/imagery.css';

const EMPTY = { name: '', date: '', source: '', resolution: '', path: '', public: false };

function jobLine(job: ImageryJob, it: IT): string {
  if (job.state === 'queued') return it('imageryJobQueued');
  if (job.state === 'running')
    return it('imageryJobRunning', { percent: Math.floor(job.progress * 100) });
  if (job.state === 'done') return it('imageryJobDone');
  return it('imageryJobFailed', { error: job.error ?? '' });
}

/** The imagery section of the console. */
export function ImagerySection(props: { session: Session }) {
  const it = useIt();
  const t = useAt();
  const [layers, setLayers] = useState<ImageryLayer[]>([]);
  const [jobs, setJobs] = useState<ImageryJob[]>([]);
  const [form, setForm] = useState(EMPTY);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const [l, j] = await Promise.all([fetchImagery(), fetchImageryJobs()]);
    setLayers(l);
    setJobs(j);
    return j;
  }, []);
  const running = jobs.some((j) => j.state === 'queued' || j.state === 'running');
  useEffect(() => {
    void reload().catch((e: unknown) => setProblem(showProblem(e, t)));
  }, [reload, t]);
  // while a conversion runs, its progress is asked for every second
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload().catch(() => undefined), 1000);
    return () => clearInterval(timer);
  }, [running, reload]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    if (!form.name.trim()) return setProblem(it('imageryNeedName'));
    if (!file && !form.path.trim()) return setProblem(it('imageryNeedFile'));
    const fields = {
      name: form.name.trim(),
      public: form.public,
      ...(form.date ? { date: form.date } : {}),
      ...(form.source.trim() ? { source: form.source.trim() } : {}),
      ...(form.resolution ? { resolution: Number(form.resolution) } : {}),
    };
    setBusy(true);
    setProblem(null);
    try {
      if (file) await uploadImagery(file, fields, props.session.csrf);
      else await addImageryPath(form.path.trim(), fields, props.session.csrf);
      setForm(EMPTY);
      setFile(null);
      formEl.reset();
      await reload();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const toggle = async (layer: ImageryLayer, isPublic: boolean) => {
    try {
      await setImageryPublic(layer.id, isPublic, props.session.csrf);
      await reload();
    } catch (err) {
      setProblem(showProblem(err, t));
    }
  };
  const field = (
    key: 'name' | 'date' | 'source' | 'resolution' | 'path',
    label: string,
    hint?: string,
  ) => (
    <label>
      {label}
      <input
        name={key}
        value={form[key]}
        placeholder={hint}
        inputMode={key === 'resolution' ? 'decimal' : undefined}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <section aria-labelledby="imagery-title">
      <form className="admin-form" onSubmit={(e) => void submit(e)} aria-labelledby="imagery-title">
        <h3 id="imagery-title">{it('secImagery')}</h3>
        <p className="hint">{it('imageryIntro')}</p>
        <div className="imagery-form">
          {field('name', it('imageryName'))}
          {field('date', it('imageryDate'), it('imageryDateHint'))}
          {field('source', it('imagerySource'))}
          {field('resolution', it('imageryResolution'))}
          <FilePick
            label={it('imageryFile')}
            name="file"
            accept=".tif,.tiff,.mbtiles,.pmtiles"
            onFile={setFile}
          />
          {field('path', it('imageryPath'))}
          <label className="check" title={it('imageryPublicHint')}>
            <input
              type="checkbox"
              name="public"
              checked={form.public}
              onChange={(e) => setForm({ ...form, public: e.target.checked })}
            />
            {it('imageryPublic')}
          </label>
        </div>
        <div className="actions">
          <button type="submit" className="primary" data-action="add-imagery" disabled={busy}>
            {busy ? it('imageryAdding') : it('imageryAdd')}
          </button>
        </div>
        {problem && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
      </form>
      {jobs.length > 0 && (
        <>
          <h4>{it('imageryJobs')}</h4>
          <ul className="imagery-jobs">
            {jobs.map((j) => (
              <li key={j.id} data-job={j.state}>
                {j.name} <progress max={1} value={j.progress} /> {jobLine(j, it)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{it('imageryLayers')}</h4>
      {layers.length === 0 ? (
        <p className="hint">{it('imageryNone')}</p>
      ) : (
        <div className="table-scroll">
          <ImageryTable layers={layers} onPublic={(l, v) => void toggle(l, v)} />
        </div>
      )}
    </section>
  );
}

function ImageryTable(props: {
  layers: readonly ImageryLayer[];
  onPublic: (layer: ImageryLayer, isPublic: boolean) => void;
}) {
  const it = useIt();
  return (
    <table className="admin-table imagery-table">
      <thead>
        <tr>
          <th>{it('imageryColName')}</th>
          <th>{it('imageryColDate')}</th>
          <th>{it('imageryColResolution')}</th>
          <th>{it('imageryColSource')}</th>
          <th>{it('imageryColZooms')}</th>
          <th>{it('imageryColBounds')}</th>
          <th>{it('imageryColPublic')}</th>
        </tr>
      </thead>
      <tbody>
        {props.layers.map((l) => (
          <tr key={l.id} data-layer={l.id}>
            <td>
              {l.name}
              {l.synthetic ? it('imagerySynthetic') : ''}
            </td>
            <td>{l.date ?? '—'}</td>
            <td className="num">{l.resolution === null ? '—' : `${l.resolution} m`}</td>
            <td>{l.source ?? '—'}</td>
            <td className="num">
              {l.minzoom}–{l.maxzoom}
            </td>
            <td className="num">{l.bounds.map((v) => v.toFixed(4)).join(', ')}</td>
            <td>
              <input
                type="checkbox"
                aria-label={`${it('imageryColPublic')}: ${l.name}`}
                checked={l.public}
                onChange={(e) => props.onPublic(l, e.target.checked)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
