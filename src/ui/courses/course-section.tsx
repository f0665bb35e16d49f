// 河道底图 in the river panel for planners and admins: import a course (file, 来源, 日期, 测绘单位,
// 脱密; preview on the map with its feature counts first), and the versions, with the public switch
// for admins (only a declassified version may be public; the server says why otherwise).
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { renderMessage } from '../../contract/messages/render';
import type { CourseSummary, RoleCounts } from '../../domain/rivers/course';
import { mapStatusMessage } from '../../domain/rivers/map-status';
import type { RiverView } from '../../domain/rivers/waterbody';
import { showImportPreview } from '../../map/import-preview';
import { ApiError, type Session } from '../api';
import { coveredEdges } from '../covered-edges';
import { FilePick } from '../file-pick';
import { useFoldMapControls, useMapHandle } from '../map-handle';
import { Problem, useSubmit } from '../submit-form';
import { importCourse, listCourses, previewCourse, setCoursePublic } from './course-api';
import { type CT, courseFacts, useCt } from './course-text';
import './courses.css';

const CRS_CHOICES = ['EPSG:4545', 'EPSG:4546', 'EPSG:4524', 'EPSG:4525', 'EPSG:4490'];
const ACCEPT = '.zip,.geojson,.json,.kml,.dxf,.txt,.csv,.xlsx';

/** A refusal in words: the server's reasons when it gave several. */
function describe(err: unknown): string {
  if (err instanceof ApiError) {
    const reasons = err.body?.reasons;
    return Array.isArray(reasons) && reasons.length > 1 ? reasons.join('；') : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/** An instant as China's wall clock, to the minute: 2026-12-03 21:00. */
const chinaTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const countsText = (c: RoleCounts, ct: CT) => ct('courseCounts', { ...c });

/** The import form and the versions of a river's course. */
export default function CourseSection(props: {
  river: RiverView;
  session: Session;
  /** a version was imported or its public flag changed: the register and the map reload */
  onChanged: () => void;
}) {
  const { ct, lang } = useCt();
  const map = useMapHandle();
  const foldControls = useFoldMapControls();
  const { river, session } = props;
  const admin = session.actor.role === 'admin';
  const [versions, setVersions] = useState<CourseSummary[]>([]);
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [declassified, setDeclassified] = useState('unknown');
  const form = useRef<HTMLFormElement>(null);
  const submit = useSubmit(describe);
  const toggle = useSubmit(describe);

  const refresh = useCallback(() => {
    listCourses(river.id)
      .then(setVersions)
      .catch((e: unknown) => toggle.setProblem(describe(e)));
  }, [river.id, toggle.setProblem]);
  useEffect(refresh, [refresh]);
  // the preview leaves the map with the panel
  useEffect(() => () => void (map && showImportPreview(map, null)), [map]);

  const formData = (): FormData | null => {
    const data = new FormData(form.current ?? undefined);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) {
      submit.setProblem(ct('courseNoFile'));
      return null;
    }
    if (data.get('public') === 'on') data.set('public', 'true');
    return data;
  };
  const preview = () => {
    const data = formData();
    if (!data) return;
    setDone(null);
    void submit.run(async () => {
      setPreviewed(null);
      const r = await previewCourse(river.id, data, session.csrf);
      if (map) {
        await showImportPreview(map, r.features);
        // where the file's features land is the plainest check of its CRS: in full view
        foldControls();
        map.fitTo(r.bbox, coveredEdges(), 16);
      }
      setPreviewed(ct('coursePreviewed', { counts: countsText(r.counts, ct), crs: r.crs }));
    });
  };
  const send = (e: FormEvent) => {
    e.preventDefault();
    const data = formData();
    if (!data) return;
    void submit.run(async () => {
      const r = await importCourse(river.id, data, session.csrf);
      if (map) await showImportPreview(map, null);
      setPreviewed(null);
      form.current?.reset();
      setDeclassified('unknown');
      const status = renderMessage(mapStatusMessage(r.mapStatus), lang);
      setDone(ct('courseImported', { v: r.course.version, status }));
      refresh();
      props.onChanged();
    });
  };
  const flip = (c: CourseSummary) =>
    void toggle.run(async () => {
      await setCoursePublic(river.id, c.version, !c.public, session.csrf);
      refresh();
      props.onChanged();
    });

  return (
    <section className="course-section" data-course-section={river.id}>
      {versions.length > 0 && (
        <>
          <h4>{ct('courseVersions')}</h4>
          <ul className="records course-versions">
            {versions.map((c) => (
              <li key={c.version} data-course-version={c.version} data-public={String(c.public)}>
                <strong>{ct('courseLine', { v: c.version, source: c.source })}</strong>
                <span className="sub">{courseFacts(c, ct, lang)}</span>
                <span className="sub">{countsText(c.counts, ct)}</span>
                <span className="sub">
                  {ct('courseBy', {
                    by: c.by,
                    at: chinaTime(c.at),
                    file: c.file,
                  })}
                </span>
                {admin && (
                  <button
                    type="button"
                    disabled={toggle.busy}
                    data-action="course-public"
                    onClick={() => flip(c)}
                  >
                    {ct(c.public ? 'courseMakeStaff' : 'courseMakePublic')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <Problem problem={toggle.problem} />
        </>
      )}
      <details className="course-import">
        <summary>{ct('courseImport')}</summary>
        <form ref={form} onSubmit={send} onChange={() => setPreviewed(null)}>
          <FilePick label={ct('courseFile')} name="file" accept={ACCEPT} required />
          <label>
            {ct('courseSource')}
            <input name="source" maxLength={200} placeholder={ct('courseSourceHint')} />
          </label>
          <label>
            {ct('courseDate')}
            <input name="date" maxLength={10} placeholder={ct('courseDateHint')} />
          </label>
          <label>
            {ct('courseUnit')}
            <input name="unit" maxLength={100} />
          </label>
          <label>
            {ct('courseDeclassified')}
            <select
              name="declassified"
              value={declassified}
              onChange={(e) => setDeclassified(e.target.value)}
            >
              <option value="unknown">{ct('courseDeclassifiedUnknown')}</option>
              <option value="yes">{ct('courseDeclassifiedYes')}</option>
              <option value="no">{ct('courseDeclassifiedNo')}</option>
            </select>
          </label>
          {admin && (
            <label className="check">
              <input type="checkbox" name="public" disabled={declassified !== 'yes'} />
              {ct('coursePublic')}
            </label>
          )}
          <label>
            {ct('courseCrs')}
            <select name="crs" defaultValue="">
              <option value="">{ct('courseCrsAuto')}</option>
              {CRS_CHOICES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <div className="actions">
            <button
              type="button"
              disabled={submit.busy}
              data-action="course-preview"
              onClick={preview}
            >
              {ct('coursePreview')}
            </button>
            <button
              type="submit"
              className="primary"
              disabled={submit.busy}
              data-action="course-import"
            >
              {submit.busy ? ct('courseBusy') : ct('courseSubmit')}
            </button>
          </div>
          {previewed && (
            <p className="hint" data-course-preview="">
              {previewed}
            </p>
          )}
          {done && (
            <p className="done" role="status">
              {done}
            </p>
          )}
          <Problem problem={submit.problem} />
        </form>
      </details>
    </section>
  );
}
