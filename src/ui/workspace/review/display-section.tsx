import { type FormEvent, useState } from 'react';
import type { PlanReview } from '../../../contract/review';
import { displayState } from '../../../domain/review/review-dates';
import type { Session } from '../../api';
import { useLang } from '../../i18n';
import { SubmitRow, useSubmit } from '../../submit-form';
import { useWt } from '../messages';
import { formatTime, showProblem } from '../panel/show-problem';
import { AnswerForm, AnswerView } from './answer-form';
import { answerOpinion, startDisplay } from './review-api';

/** 开始公示: the newest saved version, days preset to the setting in force. */
function StartDisplay(props: {
  planId: string;
  version: number;
  defaultDays: number;
  session: Session;
  onStarted: () => void;
}) {
  const t = useWt();
  const [days, setDays] = useState(props.defaultDays);
  const { busy, problem, run } = useSubmit((err) => showProblem(err, t));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await startDisplay(props.planId, { version: props.version, days }, props.session.csrf);
      props.onStarted();
    });
  };
  return (
    <form className="display-form" onSubmit={submit}>
      <p className="sub">{t('displayVersion', { v: props.version })}</p>
      <label className="field">
        {t('displayDays')}
        <input
          type="number"
          min={1}
          max={30}
          required
          value={days}
          onChange={(e) => setDays(Number(e.target.value))}
        />
      </label>
      <SubmitRow
        label={t('displayStart')}
        action="start-display"
        disabled={busy}
        problem={problem}
      />
    </form>
  );
}

/**
 * 公示: each period with its state, the citizens' opinions (text as text; name and contact for
 * staff) each with its answer or a form, and the form to start a display at 成果文件制作与验收.
 */
export function DisplaySection(props: {
  planId: string;
  review: PlanReview;
  /** the newest saved version, when a display may be started now */
  startVersion: number | undefined;
  now: Date;
  session: Session;
  onChanged: () => void;
}) {
  const t = useWt();
  const { lang } = useLang();
  const { displays, opinions } = props.review;
  return (
    <section className="review-display" aria-labelledby="review-display-title">
      <h4 id="review-display-title">{t('displayTitle')}</h4>
      {displays.length === 0 && <p className="hint">{t('displayNone')}</p>}
      {displays.map((d) => {
        const state = displayState(d, props.now);
        return (
          <p key={d.id} className="display-period" data-display={d.id} data-state={state}>
            {t('displayPeriod', { v: d.version, start: d.start, end: d.end, days: d.days })}{' '}
            <span className={`badge display-${state}`}>
              {t(
                state === 'open'
                  ? 'displayOpen'
                  : state === 'over'
                    ? 'displayOver'
                    : 'displayPending',
              )}
            </span>
          </p>
        );
      })}
      {props.startVersion !== undefined &&
        !displays.some(
          (d) => d.version === props.startVersion || displayState(d, props.now) !== 'over',
        ) && (
          <StartDisplay
            planId={props.planId}
            version={props.startVersion}
            defaultDays={props.review.defaults.displayDays}
            session={props.session}
            onStarted={props.onChanged}
          />
        )}
      {displays.length > 0 && (
        <>
          <h4>{t('opinionsTitle', { n: opinions.length })}</h4>
          {opinions.length === 0 && <p className="hint">{t('opinionsNone')}</p>}
          <ul className="records opinions">
            {opinions.map((o) => (
              <li key={o.id} data-opinion={o.id}>
                <span className="sub">
                  {t('opinionFrom', {
                    name: o.name ?? t('anonymous'),
                    contact: o.contact ?? t('noContact'),
                    at: formatTime(o.at, lang),
                  })}
                </span>
                <span className="text">{o.text}</span>
                {o.answer ? (
                  <AnswerView answer={o.answer} />
                ) : (
                  <AnswerForm
                    send={async (a) => {
                      await answerOpinion(o.id, a, props.session.csrf);
                      props.onChanged();
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
