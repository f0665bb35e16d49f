// Stage moves (issue 5): one stage at a time, each step owned by a role.
import type { Actor } from '../access/actor';
import type { PlanAccess } from '../access/permissions';
import { actsAsPlanner, canViewDraft, isChiefOf } from '../access/permissions';
import type { StageId } from './stages';
import { STAGES, stageIndex, stageLabel } from './stages';

/** A move is allowed, or refused with the HTTP status that fits and a reason to show. */
export type StageMoveCheck = { ok: true } | { ok: false; status: 400 | 403 | 409; reason: string };

/** Forward steps the plan's chief signs off (the stage moved into). */
const CHIEF_STEPS: readonly StageId[] = ['review', 'deliverables'];
/** Stages a chief may send a plan back from, to 意见征求. */
const CHIEF_SEND_BACK_FROM: readonly StageId[] = ['field-check', 'review'];
const CHIEF_SEND_BACK_TO: StageId = 'consultation';

const zh = (s: StageId) => stageLabel(s, 'zh');

function refuse(status: 400 | 403 | 409, reason: string): StageMoveCheck {
  return { ok: false, status, reason };
}

/**
 * Whether a move goes back in the workflow (a send-back, which needs a comment).
 * @example isSendBack('review', 'consultation') // true
 */
export function isSendBack(from: StageId, to: StageId): boolean {
  return stageIndex(to) < stageIndex(from);
}

function checkForward(actor: Actor, plan: PlanAccess, from: StageId, to: StageId): StageMoveCheck {
  const step = stageIndex(to) - stageIndex(from);
  if (step > 1) {
    const next = STAGES[stageIndex(from) + 1]?.id as StageId;
    return refuse(400, `stages move one at a time: ${zh(from)} → ${zh(to)} skips ${zh(next)}`);
  }
  if (to === 'published') {
    return refuse(400, `${zh(to)} is reached only by publishing (POST /api/plans/:id/publish)`);
  }
  if (CHIEF_STEPS.includes(to)) {
    return isChiefOf(actor, plan)
      ? { ok: true }
      : refuse(403, `${zh(from)} → ${zh(to)} is signed off by the plan's river chief`);
  }
  return actsAsPlanner(actor, plan)
    ? { ok: true }
    : refuse(403, `${zh(from)} → ${zh(to)} is a planner's step`);
}

function checkBack(actor: Actor, plan: PlanAccess, from: StageId, to: StageId): StageMoveCheck {
  const chiefMove = CHIEF_SEND_BACK_FROM.includes(from) && to === CHIEF_SEND_BACK_TO;
  if (chiefMove && isChiefOf(actor, plan)) return { ok: true };
  if (stageIndex(from) - stageIndex(to) > 1) {
    return refuse(
      400,
      chiefMove
        ? `only the plan's river chief sends ${zh(from)} back to ${zh(to)}; a planner sends back one stage`
        : `a plan is sent back one stage at a time: ${zh(from)} → ${zh(to)} skips stages`,
    );
  }
  return actsAsPlanner(actor, plan)
    ? { ok: true }
    : refuse(403, `sending ${zh(from)} back to ${zh(to)} is a planner's step`);
}

/**
 * Whether the actor may move the plan from `from` (the stage the caller saw) to `to`: 403 when the
 * step belongs to another role or the plan is not the actor's, 409 when the plan is no longer in
 * `from`, 400 when the move skips a stage, stays put or tries to publish.
 * @example checkStageMove(planner, { ...plan, stage: 'draft' }, 'draft', 'consultation') // { ok: true }
 */
export function checkStageMove(
  actor: Actor,
  plan: PlanAccess & { stage: StageId },
  from: StageId,
  to: StageId,
): StageMoveCheck {
  if (!canViewDraft(actor, plan)) return refuse(403, 'this plan is not among yours');
  if (plan.stage !== from) {
    return refuse(409, `the plan is in ${zh(plan.stage)} now, not ${zh(from)}`);
  }
  if (to === from) return refuse(400, `the plan is already in ${zh(to)}`);
  return isSendBack(from, to)
    ? checkBack(actor, plan, from, to)
    : checkForward(actor, plan, from, to);
}
