import { useState } from 'react';
import { renderMessage } from '../../../contract/messages/render';
import type { UserActor } from '../../../domain/access/actor';
import type { StageId } from '../../../domain/workflow/stages';
import { STAGES, stageIndex, stageLabel } from '../../../domain/workflow/stages';
import { checkStageMove, isChiefStep, isSendBack } from '../../../domain/workflow/transitions';
import type { ApiPlan, Session } from '../../api';
import { ApiError } from '../../api';
import { useLang } from '../../i18n';
import { useLiveT } from '../../live/messages-live';
import { useWt } from '../messages';
import { moveStage } from '../panel/plan-api';
import { showProblem } from '../panel/show-problem';

/** The stages a plan might move to from where it is: one on, one back, and a chief's send-back. */
function candidates(stage: StageId): StageId[] {
  const i = stageIndex(stage);
  const ids = [STAGES[i + 1]?.id, STAGES[i - 1]?.id];
  if (stage === 'field-check' || stage === 'review') ids.push('consultation');
  return [...new Set(ids.filter((s): s is StageId => s !== undefined))];
}

/** The moves this actor may make now, by the same rules the server applies. */
function allowedMoves(actor: UserActor, plan: ApiPlan): StageId[] {
  return candidates(plan.stage).filter((to) => checkStageMove(actor, plan, plan.stage, to).ok);
}

/** The plan's stage and the moves this user may make now; a send-back asks why. */
export function StageMoves(props: {
  plan: ApiPlan;
  session: Session;
  onMoved: () => Promise<void>;
}) {
  const { lang } = useLang();
  const t = useWt();
  const lt = useLiveT();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  // a note belongs to the stage it was written at: a change pushed by someone else outdates it
  const [note, setNote] = useState<{ ok: boolean; text: string; at: StageId } | null>(null);
  const { plan, session } = props;
  const moves = allowedMoves(session.actor, plan);

  const move = async (to: StageId) => {
    // the same rule the server applies, with the comment: a send-back needs one
    const check = checkStageMove(session.actor, plan, plan.stage, to, comment);
    if (!check.ok) {
      setNote({ ok: false, text: renderMessage(check.reason, lang), at: plan.stage });
      document.getElementById('stage-comment')?.focus();
      return;
    }
    setBusy(true);
    setNote(null);
    try {
      await moveStage(plan.id, to, comment.trim(), session.csrf);
      setComment('');
      setNote({ ok: true, text: t('stageMoved', { s: stageLabel(to, lang) }), at: to });
      await props.onMoved();
    } catch (e) {
      const stale = e instanceof ApiError && e.status === 409;
      const text = stale ? t('stale', { msg: e.message }) : showProblem(e, t);
      setNote({ ok: false, text, at: plan.stage });
      if (stale) await props.onMoved();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="stage-moves" aria-labelledby="stage-moves-title">
      <h3 id="stage-moves-title">{t('stageNow')}</h3>
      <p className="stage-now" data-stage={plan.stage}>
        <strong>{stageLabel(plan.stage, lang)}</strong>
        <span className="sub">
          {stageIndex(plan.stage) + 1} / {STAGES.length}
        </span>
      </p>
      {moves.length === 0 ? (
        <p className="hint">{t('noMoves')}</p>
      ) : (
        <>
          <label className="field">
            {t('moveComment')}
            <textarea
              id="stage-comment"
              rows={2}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </label>
          <div className="actions">
            {moves.map((to) => (
              <button
                key={to}
                type="button"
                data-to={to}
                className={isSendBack(plan.stage, to) ? 'secondary' : 'primary'}
                disabled={busy}
                onClick={() => move(to)}
              >
                {isChiefStep(plan.stage, to)
                  ? // a chief's sign-off says what it signs: the stage being left (issue 19)
                    lt('signOff', { s: stageLabel(plan.stage, lang) })
                  : t(isSendBack(plan.stage, to) ? 'sendBackTo' : 'moveTo', {
                      s: stageLabel(to, lang),
                    })}
              </button>
            ))}
          </div>
        </>
      )}
      {note && (note.at === plan.stage || !note.ok) && (
        <p className={note.ok ? 'notice' : 'problem'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
    </section>
  );
}
