import { useState } from 'react';
import { renderMessage } from '../../../contract/messages/render';
import { type MarkerCounts, markerCountMessage } from '../../../domain/markers/count-markers';
import { checkPublish } from '../../../domain/workflow/transitions';
import type { ApiPlan, Session } from '../../api';
import { ApiError } from '../../api';
import { useLang } from '../../i18n';
import { publishPlan } from '../editor/save-api';
import { useWt } from '../messages';
import type { PlanVersion } from '../panel/plan-api';
import { showProblem } from '../panel/show-problem';

type State =
  | { kind: 'idle' }
  | { kind: 'asking' }
  | { kind: 'busy' }
  | { kind: 'done'; version: number; zones: number; markers: MarkerCounts }
  | { kind: 'failed'; error: unknown };

/**
 * The reasons of a refused publication (400 `reasons`), else its message; a 409 (an open objection,
 * a signature or a review record missing) is a refusal too, not a failed request.
 */
function reasonsOf(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 409)) return null;
  const reasons = error.body?.reasons;
  return Array.isArray(reasons) ? reasons.map(String) : [error.message];
}

/**
 * 发布公告: shown at 成果文件制作与验收 to an account with the publish right. It asks first, naming
 * the version that will be frozen; the server's reasons are listed when it refuses; the register
 * is loaded again when it is done.
 */
export function PublishButton(props: {
  plan: ApiPlan;
  session: Session;
  newest: PlanVersion | undefined;
  /** the working copy has unsaved changes (they will not be published) */
  unsaved: boolean;
  onPublished: () => void;
}) {
  const t = useWt();
  const { lang } = useLang();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [comment, setComment] = useState('');
  const { plan, session, newest } = props;
  // the server's rule: only from 成果文件制作与验收, only with the publish right
  const allowed = checkPublish(session.actor, plan).ok;
  if (!allowed && state.kind !== 'done') return null;

  const publish = async () => {
    setState({ kind: 'busy' });
    try {
      const p = await publishPlan(plan.id, comment.trim(), session.csrf);
      setState({ kind: 'done', version: p.version, zones: p.zones, markers: p.markerCounts });
      props.onPublished();
    } catch (error) {
      setState({ kind: 'failed', error });
      if (error instanceof ApiError && error.status === 409) props.onPublished();
    }
  };

  const reasons = state.kind === 'failed' ? reasonsOf(state.error) : null;
  return (
    <section className="publish" aria-labelledby="publish-title">
      <h3 id="publish-title">{t('savePublishTitle')}</h3>
      {state.kind === 'done' ? (
        <p className="notice" role="status">
          {t('savePublishDone', {
            v: state.version,
            zones: state.zones,
            markers: renderMessage(markerCountMessage(state.markers), lang),
          })}
        </p>
      ) : !newest ? (
        <p className="hint">{t('savePublishNoVersion')}</p>
      ) : state.kind === 'asking' || state.kind === 'busy' ? (
        <div className="publish-confirm" role="alertdialog" aria-labelledby="publish-title">
          <p>{t('savePublishConfirm', { v: newest.version, n: newest.features })}</p>
          {props.unsaved && <p className="problem">{t('savePublishUnsaved')}</p>}
          <label className="field">
            {t('savePublishComment')}
            <textarea
              rows={1}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </label>
          <div className="actions">
            <button
              type="button"
              className="primary"
              data-action="publish-yes"
              disabled={state.kind === 'busy'}
              aria-busy={state.kind === 'busy'}
              onClick={publish}
            >
              {t('savePublishYes', { v: newest.version })}
            </button>
            <button type="button" className="secondary" onClick={() => setState({ kind: 'idle' })}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="primary"
          data-action="publish"
          onClick={() => setState({ kind: 'asking' })}
        >
          {t('savePublishButton')}
        </button>
      )}
      {state.kind === 'failed' && (
        <div className="problem publish-result" role="alert">
          {reasons ? (
            <>
              {t('savePublishRefused')}
              <ul>
                {reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          ) : (
            showProblem(state.error, t)
          )}
        </div>
      )}
    </section>
  );
}
