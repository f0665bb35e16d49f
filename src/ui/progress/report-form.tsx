// The monthly report form (月报, issue 14) of a planner who reports for a unit: the unit and month,
// the figures drafted from the records (read-only), 存在问题 and 下月计划, submit; then on time or
// late, the revision, and every revision with its workbook.
import { useEffect, useId, useState } from 'react';
import type { Session } from '../api';
import { useLang } from '../i18n';
import { formatTime } from '../workspace/panel/show-problem';
import { useProgressT } from './messages-progress';
import { MonthSelect } from './month-select';
import {
  loadMatrix,
  loadProgress,
  problemText,
  type ReportMatrix,
  type StaffProgress,
  submitReport,
} from './progress-api';
import { stageText, unitName } from './progress-text';

type Cell = ReportMatrix['rows'][number]['cells'][number];

/** The drafted figures of the unit's month, read-only. */
function Figures(props: {
  figures: StaffProgress['units'][number];
  planName: (id: string) => string;
}) {
  const t = useProgressT();
  const { lang } = useLang();
  const f = props.figures;
  return (
    <div className="report-figures">
      <ul>
        <li>{t('reportPlans', { n: f.plans })}</li>
        <li>{t('reportKm', { draft: f.km.draft, published: f.km.published })}</li>
        <li>
          {t('reportMarkers', { boundary: f.markers.boundary, boards: f.markers.noticeBoards })}
        </li>
        <li>{t('reportOverdue', { n: f.overdue.length })}</li>
        <li>
          {t('reportMoves', { n: f.moves.length })}
          {f.moves.length > 0 && (
            <ul>
              {f.moves.map((m) => (
                <li key={`${m.planId}-${m.at}`}>
                  {t('reportMove', {
                    plan: props.planName(m.planId),
                    from: stageText(m.from, lang),
                    to: stageText(m.to, lang),
                    at: formatTime(m.at, lang),
                  })}
                </li>
              ))}
            </ul>
          )}
        </li>
      </ul>
    </div>
  );
}

export function ReportForm(props: {
  session: Session;
  units: readonly string[];
  /** the current month (China time): the latest that can be reported */
  current: string;
  start: string;
  initial: { unit: string; month: string } | null;
  planName: (id: string) => string;
  onSubmitted: () => void;
}) {
  const t = useProgressT();
  const { lang } = useLang();
  const id = useId();
  const [unit, setUnit] = useState(props.initial?.unit ?? props.units[0] ?? '');
  const [month, setMonth] = useState(props.initial?.month ?? props.current);
  const [figures, setFigures] = useState<StaffProgress['units'][number] | null>(null);
  const [cell, setCell] = useState<Cell | null>(null);
  const [problems, setProblems] = useState('');
  const [nextSteps, setNextSteps] = useState('');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const [reloads, setReloads] = useState(0);
  const future = month > props.current;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads asks again after a submission
  useEffect(() => {
    if (!/^\d{4}-\d{2}$/.test(month) || future || month < props.start) return;
    let live = true;
    setFigures(null);
    setCell(null);
    Promise.all([loadProgress(month), loadMatrix(month, month)])
      .then(([p, m]) => {
        if (!live) return;
        setFigures(p.units.find((u) => u.unit === unit) ?? null);
        setCell(m.rows.find((r) => r.unit === unit)?.cells[0] ?? null);
      })
      .catch((e: unknown) => live && setSaid({ ok: false, text: problemText(e) }));
    return () => {
      live = false;
    };
  }, [unit, month, future, props.start, reloads]);
  const stateText = (late: boolean) => t(late ? 'stateLate' : 'stateOnTime');
  const submit = async () => {
    setBusy(true);
    setSaid(null);
    try {
      const r = await submitReport({ unit, month, problems, nextSteps }, props.session.csrf);
      setSaid({
        ok: true,
        text: t('reportSent', {
          unit: unitName(unit, lang),
          month,
          n: r.revision,
          state: stateText(r.late),
        }),
      });
      setReloads((n) => n + 1);
      props.onSubmitted();
    } catch (e) {
      setSaid({ ok: false, text: t('reportFailed', { msg: problemText(e) }) });
    } finally {
      setBusy(false);
    }
  };
  const revisions = cell?.revisions ?? [];
  return (
    <section
      className="dash-section report-form"
      id="report-form"
      tabIndex={-1}
      aria-labelledby={`${id}-h`}
    >
      <h3 id={`${id}-h`}>{t('secReport')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="report-pick">
          <label>
            {t('reportUnit')}
            <select name="unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
              {props.units.map((u) => (
                <option key={u} value={u}>
                  {unitName(u, lang)}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={`${id}-month`}>
            {t('reportMonth')}
            <MonthSelect
              id={`${id}-month`}
              name="month"
              value={month}
              from={props.start}
              to={props.current}
              onChange={setMonth}
            />
          </label>
        </div>
        {future && (
          <p className="problem" role="alert">
            {t('reportFuture', { month })}
          </p>
        )}
        <h4>{t('reportFigures')}</h4>
        {figures ? (
          <Figures figures={figures} planName={props.planName} />
        ) : (
          !future && <p className="loading">{t('progressLoading')}</p>
        )}
        <label className="report-text">
          {t('reportProblems')}
          <textarea
            name="problems"
            value={problems}
            maxLength={2000}
            rows={3}
            onChange={(e) => setProblems(e.target.value)}
          />
        </label>
        <label className="report-text">
          {t('reportNextSteps')}
          <textarea
            name="nextSteps"
            value={nextSteps}
            maxLength={2000}
            rows={3}
            onChange={(e) => setNextSteps(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={busy || future || unit === ''}>
          {busy
            ? t('reportSending')
            : revisions.length > 0
              ? t('reportResubmit')
              : t('reportSubmit')}
        </button>
        {said && (
          <p className={said.ok ? 'done' : 'problem'} role={said.ok ? 'status' : 'alert'}>
            {said.text}
          </p>
        )}
      </form>
      <h4>{t('reportRevisions')}</h4>
      {revisions.length === 0 ? (
        <p className="hint">{t('reportNone')}</p>
      ) : (
        <ul className="report-revisions">
          {revisions.map((r) => (
            <li key={r.id} data-revision={r.revision}>
              {t('reportRevision', {
                n: r.revision,
                by: r.submittedByName,
                at: formatTime(r.submittedAt, lang),
                state: stateText(r.late),
              })}{' '}
              <a
                href={`/api/reports/${r.id}.xlsx`}
                download
                title={t('reportDownloadTitle', { n: r.revision })}
              >
                {t('reportDownload')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
