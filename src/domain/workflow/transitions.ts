// Stage moves and publication (issue 5): one stage at a time, each step owned by a role. The rules
// answer a reason (a message); the server picks the HTTP status, the UI shows the reason.
import type { Actor } from '../access/actor';
import type { PlanAccess } from '../access/permissions';
import { actsAsPlanner, canPublish, canViewDraft, isChiefOf } from '../access/permissions';
import { type Message, msg } from '../message';
import type { StageId } from './stages';
import { FINAL_STAGE, STAGES, stageIndex, stageName } from './stages';

/** A move is allowed, or refused with the reason (its code tells what kind of refusal it is). */
export type StageMoveCheck = { ok: true } | { ok: false; reason: Message };

/** Forward steps the plan's chief signs off (the stage moved into). */
const CHIEF_STEPS: readonly StageId[] = ['review', 'deliverables'];
/** Stages a chief may send a plan back from, to 意见征求. */
const CHIEF_SEND_BACK_FROM: readonly StageId[] = ['field-check', 'review'];
const CHIEF_SEND_BACK_TO: StageId = 'consultation';
/**
 * A published plan goes back through review: the only send-back from 公告实施 is to 现场复核 (by a
 * planner, with a comment), so that the chief signs the new version again on the moves into 审核确定
 * and 成果文件制作与验收 (the sign-offs of src/domain/workflow/signed-version.ts).
 */
const PUBLISHED_SEND_BACK_TO: StageId = 'field-check';

/** The only stage a plan is published from. */
export const PUBLISH_FROM: StageId = 'deliverables';

// a stage is named in the reader's language (stage.<id>): 成果文件制作与验收 / Deliverables and acceptance
const name = stageName;
const OK: StageMoveCheck = { ok: true };
const refuse = (reason: Message): StageMoveCheck => ({ ok: false, reason });

/**
 * Whether a move goes back in the workflow (a send-back, which needs a comment).
 * @example isSendBack('review', 'consultation') // true
 */
export function isSendBack(from: StageId, to: StageId): boolean {
  return stageIndex(to) < stageIndex(from);
}

/**
 * Whether a move is one of the river chief's sign-offs: one step forward into 审核确定 or 成果文件制作与验收,
 * which signs the stage being left ("签署：现场复核通过").
 * @example isChiefStep('field-check', 'review') // true
 */
export function isChiefStep(from: StageId, to: StageId): boolean {
  return stageIndex(to) - stageIndex(from) === 1 && CHIEF_STEPS.includes(to);
}

function checkForward(actor: Actor, plan: PlanAccess, from: StageId, to: StageId): StageMoveCheck {
  const step = { from: name(from), to: name(to) };
  if (stageIndex(to) - stageIndex(from) > 1) {
    const next = STAGES[stageIndex(from) + 1]?.id as StageId;
    return refuse(msg('workflow.move.skips', { ...step, next: name(next) }));
  }
  if (to === 'published') return refuse(msg('workflow.move.publishedByPublishing', step));
  if (CHIEF_STEPS.includes(to))
    return isChiefOf(actor, plan) ? OK : refuse(msg('workflow.move.chiefSignsOff', step));
  return actsAsPlanner(actor, plan) ? OK : refuse(msg('workflow.move.plannerStep', step));
}

function checkBack(actor: Actor, plan: PlanAccess, from: StageId, to: StageId): StageMoveCheck {
  const step = { from: name(from), to: name(to) };
  const chiefMove = CHIEF_SEND_BACK_FROM.includes(from) && to === CHIEF_SEND_BACK_TO;
  if (chiefMove && isChiefOf(actor, plan)) return OK;
  if (from === 'published') {
    if (to !== PUBLISHED_SEND_BACK_TO)
      return refuse(
        msg('workflow.back.throughReview', { ...step, to: name(PUBLISHED_SEND_BACK_TO) }),
      );
    return actsAsPlanner(actor, plan) ? OK : refuse(msg('workflow.back.plannerStep', step));
  }
  if (stageIndex(from) - stageIndex(to) > 1)
    return refuse(msg(chiefMove ? 'workflow.back.chiefOnly' : 'workflow.back.skips', step));
  return actsAsPlanner(actor, plan) ? OK : refuse(msg('workflow.back.plannerStep', step));
}

/**
 * Whether the actor may move the plan from `from` (the stage the caller saw) to `to`, with
 * `comment` when it is given (a send-back needs one; leave it out to ask whether the move is
 * open at all). Reasons: `workflow.notYours` (the plan is not the actor's), `workflow.stale` (the
 * plan is no longer in `from`), `workflow.move.*` and `workflow.back.*` (the move itself),
 * `workflow.back.needsComment`.
 * @example checkStageMove(planner, { ...plan, stage: 'draft' }, 'draft', 'consultation') // { ok: true }
 */
export function checkStageMove(
  actor: Actor,
  plan: PlanAccess & { stage: StageId },
  from: StageId,
  to: StageId,
  comment?: string,
): StageMoveCheck {
  if (!canViewDraft(actor, plan)) return refuse(msg('workflow.notYours'));
  if (plan.stage !== from)
    return refuse(msg('workflow.stale', { now: name(plan.stage), saw: name(from) }));
  if (to === from) return refuse(msg('workflow.move.alreadyThere', { stage: name(to) }));
  const check = isSendBack(from, to)
    ? checkBack(actor, plan, from, to)
    : checkForward(actor, plan, from, to);
  if (check.ok && comment !== undefined && isSendBack(from, to) && comment.trim() === '')
    return refuse(msg('workflow.back.needsComment'));
  return check;
}

/**
 * Whether the actor may publish the plan now: `workflow.publish.notAllowed` when the actor may not
 * publish it at all, `workflow.publish.wrongStage` when the plan is not in 成果文件制作与验收.
 * @example checkPublish(admin, { ...plan, stage: 'deliverables' }) // { ok: true }
 */
export function checkPublish(actor: Actor, plan: PlanAccess & { stage: StageId }): StageMoveCheck {
  if (!canPublish(actor, plan)) return refuse(msg('workflow.publish.notAllowed'));
  if (plan.stage !== PUBLISH_FROM)
    return refuse(
      msg('workflow.publish.wrongStage', { from: name(PUBLISH_FROM), stage: name(plan.stage) }),
    );
  return OK;
}

/**
 * Whether a new version may be saved at a stage: not at 公告实施, where the published version stands
 * until the plan is sent back (the store checks it in the save's transaction).
 * @example checkSave('published') // { ok: false, reason: { code: 'workflow.save.published', … } }
 */
export function checkSave(stage: StageId): StageMoveCheck {
  if (stage === FINAL_STAGE)
    return refuse(
      msg('workflow.save.published', { stage: name(stage), back: name('field-check') }),
    );
  return OK;
}
