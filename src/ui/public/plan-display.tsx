// 公示 on the public river page (issue 13): while a plan's display is open, its proposed zones on
// the map marked 公示中 with the end date, and the form a citizen sends an opinion with. Lazy: only
// a plan at 成果文件制作与验收 may have one.
import type { FeatureCollection } from 'geojson';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { REVIEW_TEXT_MAX } from '../../contract/review';
import type { ApiPlan } from '../api';
import { PUNCT, useDictionary, useLang } from '../i18n';
import { Problem, SubmitRow, useSubmit } from '../submit-form';
import { loadDisplay, type PublicDisplay, sendOpinion } from '../workspace/review/review-api';
import type { DisplayKey } from './messages-display';
import * as dict from './messages-display';
import './plan-notice.css';

function useDt(): (key: DisplayKey, vars?: Record<string, string | number>) => string {
  return useDictionary(dict.zh, dict.en);
}

const MAX = REVIEW_TEXT_MAX.opinion;

/** Characters as a reader counts them (a CJK character or an emoji is one). */
const count = (text: string) => [...text.trim()].length;

function OpinionForm({ planId }: { planId: string }) {
  const dt = useDt();
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [sent, setSent] = useState<number | null>(null);
  const { busy, problem, setProblem, run } = useSubmit((err) =>
    dt('opinionFailed', { msg: err instanceof Error ? err.message : String(err) }),
  );
  const n = count(text);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (n === 0 || n > MAX) {
      setProblem(n === 0 ? dt('opinionEmpty') : dt('opinionTooLong', { max: MAX }));
      return;
    }
    void run(async () => {
      const r = await sendOpinion(planId, {
        text: text.trim(),
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(contact.trim() ? { contact: contact.trim() } : {}),
      });
      setSent(r.id);
    });
  };

  if (sent !== null)
    return (
      <p className="notice" role="status" data-opinion-sent={sent}>
        {dt('opinionThanks', { id: sent })}
      </p>
    );
  return (
    <form className="opinion-form" onSubmit={submit} aria-label={dt('opinionTitle')}>
      <h5>{dt('opinionTitle')}</h5>
      <label className="field">
        {dt('opinionText')}
        <textarea
          rows={4}
          value={text}
          aria-invalid={n > MAX}
          aria-describedby={`opinion-count-${planId}`}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
        />
      </label>
      <span
        id={`opinion-count-${planId}`}
        className={n > MAX ? 'count problem' : 'count sub'}
        aria-live="polite"
      >
        {dt('opinionCount', { n, max: MAX })}
      </span>
      <label className="field">
        {dt('opinionName')}
        <input maxLength={50} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        {dt('opinionContact')}
        <input maxLength={100} value={contact} onChange={(e) => setContact(e.target.value)} />
      </label>
      <p className="hint">{dt('opinionContactNote')}</p>
      <SubmitRow
        label={dt('opinionSend')}
        action="send-opinion"
        disabled={busy}
        problem={problem}
      />
    </form>
  );
}

/** The 公示 of one plan, if one is open: its period, its zones on the map and the opinion form. */
export default function PlanDisplay(props: {
  plan: ApiPlan;
  onDisplay: (fc: FeatureCollection | null) => void;
}) {
  const dt = useDt();
  const [display, setDisplay] = useState<PublicDisplay | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const onDisplay = useRef(props.onDisplay);
  onDisplay.current = props.onDisplay;

  useEffect(() => {
    let live = true;
    loadDisplay(props.plan.id).then(
      (d) => {
        if (!live) return;
        setDisplay(d);
        if (d?.state === 'open') onDisplay.current(d.zones);
      },
      (e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
      onDisplay.current(null);
    };
  }, [props.plan.id]);

  if (problem) return <Problem problem={dt('displayFailed', { msg: problem })} />;
  if (!display) return null;
  const { period } = display;
  return (
    <section
      className="plan-display"
      aria-label={dt('displayTitle')}
      data-display={props.plan.id}
      data-state={display.state}
    >
      {display.state === 'open' ? (
        <>
          <h4>
            <span className="badge display-open">{dt('displayTitle')}</span>
          </h4>
          <p>{dt('displayUntil', { v: period.version, start: period.start, end: period.end })}</p>
          <p className="hint">{dt('displayDrawn')}</p>
          <OpinionForm planId={props.plan.id} />
        </>
      ) : (
        <p className="sub">{dt('displayOver', { end: period.end })}</p>
      )}
    </section>
  );
}

/** The public 公告 files of a published plan. */
export function NoticeFiles({ planId }: { planId: string }) {
  const dt = useDt();
  const { lang } = useLang();
  const base = `/api/plans/${encodeURIComponent(planId)}`;
  return (
    <p className="notice-files">
      {dt('noticeFiles')}
      {PUNCT[lang].colon}
      <a href={`${base}/notice.pdf`} download data-doc="notice-pdf">
        {dt('noticePdf')}
      </a>{' '}
      <a href={`${base}/notice.docx`} download data-doc="notice-docx">
        {dt('noticeDocx')}
      </a>
    </p>
  );
}
