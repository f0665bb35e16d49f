import { useEffect } from 'react';
import type { RoundView } from '../../../contract/review';
import type { Reply } from '../../../domain/review/review-types';
import { showReviewPins } from '../../../map/comment-pins';
import { flyToPoint } from '../../../map/fly-to';
import type { Session } from '../../api';
import { pointCover } from '../../covered-edges';
import { useLang } from '../../i18n';
import { useFoldMapControls, useMapHandle } from '../../map-handle';
import { useWt, type WT } from '../messages';
import { formatTime } from '../panel/show-problem';
import { AnswerForm, AnswerView } from './answer-form';
import { answerReply } from './review-api';

type Department = RoundView['departments'][number];

/** 已反馈 无意见 / 有意见, 逾期未反馈，视为无意见, 等待反馈 until the due date. */
function stateText(d: Department, due: string, t: WT): string {
  if (d.state === 'lapsed') return t('stateLapsed');
  if (d.state === 'waiting') return t('stateWaiting', { due });
  return t(d.reply?.verdict === 'objection' ? 'stateObjection' : 'stateNoObjection');
}

function ReplyView(props: {
  reply: Reply;
  versions: readonly number[];
  session: Session;
  onAnswered: () => void;
}) {
  const t = useWt();
  const { lang } = useLang();
  const map = useMapHandle();
  const fold = useFoldMapControls();
  const { reply } = props;
  const { lon, lat } = reply;
  return (
    <div className="reply" data-reply={reply.id}>
      <span className="sub">
        {reply.by} · {formatTime(reply.at, lang)}
      </span>
      {reply.text && <span className="text">{reply.text}</span>}
      {lon !== null && lat !== null && (
        <button
          type="button"
          className="link place"
          data-action="show-pin"
          onClick={() => {
            fold();
            if (map) void flyToPoint(map, [lon, lat], pointCover());
          }}
        >
          {t('showOnMap', { lon: lon.toFixed(6), lat: lat.toFixed(6) })}
        </button>
      )}
      {reply.answer ? (
        <AnswerView answer={reply.answer} />
      ) : (
        reply.verdict === 'objection' && (
          <AnswerForm
            versions={props.versions}
            send={async (a) => {
              await answerReply(reply.id, a, props.session.csrf);
              props.onAnswered();
            }}
          />
        )
      )}
    </div>
  );
}

/**
 * Every round of the plan with each department's state, each objection with its text, its pin
 * (drawn on the map, a click flies there) and the answer, or a form to answer it.
 */
export function ConsultationRounds(props: {
  rounds: readonly RoundView[];
  versions: readonly number[];
  session: Session;
  onChanged: () => void;
}) {
  const t = useWt();
  const map = useMapHandle();
  useEffect(() => {
    if (!map) return;
    const pins = props.rounds.flatMap((r) =>
      r.departments.flatMap((d) =>
        d.reply && d.reply.lon !== null && d.reply.lat !== null
          ? [{ id: String(d.reply.id), lon: d.reply.lon, lat: d.reply.lat }]
          : [],
      ),
    );
    void showReviewPins(map, pins);
  }, [map, props.rounds]);
  useEffect(() => () => void (map && showReviewPins(map, [])), [map]);

  if (props.rounds.length === 0) return <p className="hint">{t('roundsNone')}</p>;
  return (
    <ul className="records rounds">
      {props.rounds.map((r) => (
        <li key={r.consultation.id} data-round={r.consultation.id}>
          <strong>
            {t('roundHead', {
              id: r.consultation.id,
              v: r.consultation.version,
              due: r.consultation.due,
            })}
          </strong>
          {r.consultation.message && <span className="text">{r.consultation.message}</span>}
          <ul className="departments">
            {r.departments.map((d) => (
              <li key={d.userId} data-department={d.userId} data-state={d.state}>
                <span className="row">
                  <strong>{d.organisation}</strong>
                  <span className={`badge state-${d.state}`}>
                    {stateText(d, r.consultation.due, t)}
                  </span>
                </span>
                {d.reply && (
                  <ReplyView
                    reply={d.reply}
                    versions={props.versions}
                    session={props.session}
                    onAnswered={props.onChanged}
                  />
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
