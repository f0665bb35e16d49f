import type { FeatureCollection } from 'geojson';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { renderMessage } from '../../../contract/messages/render';
import { countMarkers, markerCountMessage } from '../../../domain/markers/count-markers';
import { isDayOver } from '../../../domain/review/review-dates';
import type { Reply, Verdict } from '../../../domain/review/review-types';
import { showReviewPins } from '../../../map/comment-pins';
import type { Session } from '../../api';
import { useLang } from '../../i18n';
import { useMapHandle } from '../../map-handle';
import { Problem, SubmitRow, useSubmit } from '../../submit-form';
import { sumDraft, TotalsList } from '../draft/draft-summary';
import { CoordinateTable } from '../field/coordinate-table';
import { useWt } from '../messages';
import { degrees, PinButton, PinNote, usePinPick } from '../panel/pin-pick';
import type { DraftFeature } from '../panel/plan-api';
import { formatTime, showProblem } from '../panel/show-problem';
import { AnswerView } from '../review/answer-form';
import '../review/review.css';
import type { ConsultedDraft, DepartmentRound } from '../review/review-api';
import { loadRoundView, sendReply } from '../review/review-api';
import '../workspace.css';

/** The department's reply, read-only once sent. */
function SentReply({ reply }: { reply: Reply }) {
  const t = useWt();
  const { lang } = useLang();
  const map = useMapHandle();
  const { lon, lat } = reply;
  useEffect(() => {
    if (!map || lon === null || lat === null) return;
    void showReviewPins(map, [{ id: String(reply.id), lon, lat }]);
    return () => void showReviewPins(map, []);
  }, [map, reply.id, lon, lat]);
  return (
    <div className="reply sent" data-reply={reply.id} data-verdict={reply.verdict}>
      <span className="sub">
        {t('replySent', { at: formatTime(reply.at, lang), by: reply.by })}
      </span>
      <strong>{t(reply.verdict === 'objection' ? 'replyObjection' : 'replyNoObjection')}</strong>
      {reply.text && <span className="text">{reply.text}</span>}
      {reply.lon !== null && reply.lat !== null && (
        <span className="sub">
          {t('pinAt', { lon: degrees(reply.lon), lat: degrees(reply.lat) })}
        </span>
      )}
      {reply.answer && <AnswerView answer={reply.answer} />}
    </div>
  );
}

/** 无意见 / 有意见 (text required), with an optional pin placed by the next click on the map. */
function ReplyForm(props: {
  round: DepartmentRound;
  session: Session;
  onSent: (r: Reply) => void;
}) {
  const t = useWt();
  const [verdict, setVerdict] = useState<Verdict>('no-objection');
  const [text, setText] = useState('');
  const pin = usePinPick();
  const { map, place } = pin;
  const { busy, problem, setProblem, run } = useSubmit((err) => showProblem(err, t));

  useEffect(() => {
    if (map) void showReviewPins(map, place ? [{ id: 'new', lon: place[0], lat: place[1] }] : []);
  }, [map, place]);
  useEffect(() => () => void (map && showReviewPins(map, [])), [map]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (verdict === 'objection' && text.trim() === '') {
      setProblem(t('replyTextNeeded'));
      return;
    }
    void run(async () => {
      const reply = await sendReply(
        props.round.consultation.id,
        {
          verdict,
          ...(text.trim() ? { text: text.trim() } : {}),
          ...(place ? { lon: place[0], lat: place[1] } : {}),
        },
        props.session.csrf,
      );
      props.onSent(reply);
    });
  };

  return (
    <form className="reply-form" onSubmit={submit} aria-label={t('replyTitle')}>
      <fieldset className="choices">
        <legend>{t('replyVerdict')}</legend>
        {(['no-objection', 'objection'] as const).map((v) => (
          <label key={v}>
            <input
              type="radio"
              name="verdict"
              value={v}
              checked={verdict === v}
              onChange={() => setVerdict(v)}
            />
            {t(v === 'objection' ? 'replyObjection' : 'replyNoObjection')}
          </label>
        ))}
      </fieldset>
      <label className="field">
        {t('replyText')}
        <textarea
          rows={3}
          maxLength={5000}
          required={verdict === 'objection'}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <PinNote pin={pin} />
      <SubmitRow label={t('replySend')} action="reply" disabled={busy} problem={problem}>
        <PinButton pin={pin} />
      </SubmitRow>
    </form>
  );
}

/** What the department reads of the version: lengths and areas, markers, coordinates or not. */
function ViewSummary({ view }: { view: ConsultedDraft }) {
  const t = useWt();
  const { lang } = useLang();
  return (
    <>
      <h4>{t('deptLengths')}</h4>
      <div className="draft-summary">
        <TotalsList
          totals={sumDraft(view.zones.features as unknown as DraftFeature[])}
          extra={[
            {
              key: 'markers',
              label: t('markerCount'),
              value: renderMessage(markerCountMessage(countMarkers(view.markers.features)), lang),
            },
          ]}
        />
      </div>
      {view.coordinates ? (
        <CoordinateTable
          draft={{
            type: 'FeatureCollection',
            features: [...view.zones.features, ...view.markers.features],
          }}
        />
      ) : (
        <p className="hint">{t('deptCoordHidden')}</p>
      )}
    </>
  );
}

/**
 * A consulted department's round: the version drawn on the map read-only, the planner's message,
 * the lengths, and the reply form (or the reply sent, or why replies are closed).
 */
export default function DepartmentRoundPanel(props: {
  round: DepartmentRound;
  session: Session;
  now: string;
  onClose: () => void;
  onReplied: () => void;
  onDraft: (fc: FeatureCollection | null) => void;
}) {
  const t = useWt();
  const { round } = props;
  const [view, setView] = useState<ConsultedDraft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reply, setReply] = useState<Reply | null>(round.reply);
  const onDraft = useRef(props.onDraft);
  onDraft.current = props.onDraft;

  useEffect(() => {
    loadRoundView(round.consultation.id).then(
      (v) => {
        setView(v);
        onDraft.current({
          type: 'FeatureCollection',
          features: [...v.zones.features, ...v.markers.features],
        });
      },
      (e: unknown) => setProblem(showProblem(e, t)),
    );
    return () => onDraft.current(null);
  }, [round.consultation.id, t]);

  const late = isDayOver(round.consultation.due, new Date(props.now));
  return (
    <aside
      className="river-panel plan-panel dept-round"
      aria-label={t('deptPanel')}
      data-round={round.consultation.id}
    >
      <header>
        <h2>
          {round.plan.name} <small>{round.plan.unit}</small>
        </h2>
        <button type="button" className="icon" aria-label={t('close')} onClick={props.onClose}>
          ×
        </button>
      </header>
      <p>{t('deptRoundLine', { v: round.consultation.version, due: round.consultation.due })}</p>
      <h4>{t('deptMessage')}</h4>
      <p className="text">{round.consultation.message}</p>
      <Problem problem={problem} />
      {view ? (
        <>
          <p className="hint">{t('deptDrawn', { v: round.consultation.version })}</p>
          <ViewSummary view={view} />
        </>
      ) : (
        !problem && <p className="loading">{t('loading')}</p>
      )}
      <h4>{t('replyTitle')}</h4>
      {reply ? (
        <SentReply reply={reply} />
      ) : round.open ? (
        <ReplyForm
          round={round}
          session={props.session}
          onSent={(r) => {
            setReply(r);
            props.onReplied();
          }}
        />
      ) : (
        <p className="problem" data-closed={late ? 'late' : 'stage'}>
          {late ? t('replyClosedLate', { due: round.consultation.due }) : t('replyClosedStage')}
        </p>
      )}
    </aside>
  );
}
