import { useCallback, useEffect, useState } from 'react';
import type { PlanReview, RenderedMessage } from '../../../contract/review';
import { displayWindow } from '../../../domain/review/review-dates';
import type { StageId } from '../../../domain/workflow/stages';
import { stageIndex } from '../../../domain/workflow/stages';
import type { ApiPlan, Session } from '../../api';
import { useWt } from '../messages';
import { showProblem } from '../panel/show-problem';
import './review.css';
import { useLive } from '../../live/use-live';
import { AcceptanceForm, AcceptanceList } from './acceptance-form';
import { ConsultationRounds } from './consultation-rounds';
import { DisplaySection } from './display-section';
import { DocumentLinks } from './document-links';
import { loadReview } from './review-api';
import { RoundForm } from './round-form';

/** A gate of the workflow: why the move is not open yet, or that it is. */
function Gate(props: { label: string; reason: RenderedMessage | null; name: string }) {
  const t = useWt();
  return (
    <p
      className={props.reason ? 'gate problem' : 'gate notice'}
      data-gate={props.name}
      data-open={props.reason === null}
    >
      {props.label}
      {props.reason ? props.reason.text : t('gateOpen')}
    </p>
  );
}

const from = (stage: StageId, at: StageId) => stageIndex(stage) >= stageIndex(at);

/** The pushed changes that alter the review records this section shows. */
const REVIEW_CHANGES = new Set([
  'consultation',
  'reply',
  'answer',
  'display',
  'opinion',
  'acceptance',
]);

/**
 * The planner's 意见征求, 公示, 验收 and documents, from one request (GET /api/plans/:id/review),
 * read again after each write and when the plan changes (a stage move, a save).
 */
export function ReviewSection(props: {
  plan: ApiPlan;
  session: Session;
  /** saved versions, newest first */
  versions: readonly number[];
  /** the server's today (HEJIE_NOW in tests), ISO */
  now: string;
}) {
  const t = useWt();
  const { plan, session } = props;
  const [review, setReview] = useState<PlanReview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const reload = useCallback(() => {
    loadReview(plan.id).then(
      (r) => {
        setReview(r);
        setProblem(null);
      },
      (e: unknown) => setProblem(showProblem(e, t)),
    );
  }, [plan.id, t]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a stage move or a save is a reason to read again
  useEffect(reload, [reload, plan.stage, plan.updatedAt]);
  // a reply, an answer, a round, a display or an acceptance recorded by someone else (issue 19)
  useLive((e) => {
    if (e.planId === plan.id && REVIEW_CHANGES.has(e.change)) reload();
  });

  const newest = props.versions[0];
  const now = new Date(props.now);
  const today = displayWindow(now, 1).start;
  const stage = plan.stage;
  if (!from(stage, 'consultation')) return null;
  return (
    <section className="review" aria-labelledby="review-title" data-review={plan.id}>
      <h3 id="review-title">{t('reviewTitle')}</h3>
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {!review && !problem && <p className="loading">{t('reviewLoading')}</p>}
      {review && (
        <>
          {stage === 'consultation' && (
            <Gate label={t('gateLeave')} reason={review.leaveConsultation} name="leave" />
          )}
          {stage === 'deliverables' && (
            <Gate label={t('gatePublish')} reason={review.publish} name="publish" />
          )}
          <h4>{t('roundsTitle')}</h4>
          <ConsultationRounds
            rounds={review.rounds}
            versions={props.versions}
            session={session}
            onChanged={reload}
          />
          {stage === 'consultation' && (
            <RoundForm
              planId={plan.id}
              version={newest}
              defaultDue={review.defaults.due}
              session={session}
              onOpened={reload}
            />
          )}
          {from(stage, 'deliverables') && (
            <DisplaySection
              planId={plan.id}
              review={review}
              startVersion={stage === 'deliverables' ? newest : undefined}
              now={now}
              session={session}
              onChanged={reload}
            />
          )}
          {from(stage, 'deliverables') && (
            <section className="review-acceptance" aria-labelledby="review-acceptance-title">
              <h4 id="review-acceptance-title">{t('acceptanceTitle')}</h4>
              <AcceptanceList records={review.acceptances} />
              {stage === 'deliverables' &&
                newest !== undefined &&
                !review.acceptances.some(
                  (a) => a.version === newest && a.conclusion === 'pass',
                ) && (
                  <AcceptanceForm
                    planId={plan.id}
                    version={newest}
                    today={today}
                    session={session}
                    onRecorded={reload}
                  />
                )}
            </section>
          )}
          {stage === 'published' && <DocumentLinks planId={plan.id} />}
        </>
      )}
    </section>
  );
}
