// What a consultation round accepts (issue 13): a reply deadline a planner may set, when a department
// may still reply, and when an opinion may be answered. Pure: the server asks these on its routes and
// the department's list shows the same `open`.
import { type Message, msg } from '../message';
import { chinaDate } from '../plans/deadline';
import type { StageId } from '../workflow/stages';
import { stageName } from '../workflow/stages';
import { addDays, endOfChinaDay, isDayOver } from './review-dates';
import type { Consultation, Reply } from './review-types';

/** The latest reply deadline a round may set, in days after today (China). */
const MAX_DUE_DAYS = 365;

/**
 * Why a reply deadline is refused at `now`, or null: not before today (China), at most a year away.
 * Codes: `consultation.due.past` {due, today}, `consultation.due.tooFar` {due, max}.
 * @example checkDue('2026-12-01', new Date('2026-12-03T02:00:00Z')) // msg('consultation.due.past', …)
 */
export function checkDue(due: string, now: Date): Message | null {
  const today = chinaDate(now);
  if (due < today) return msg('consultation.due.past', { due, today });
  const max = addDays(today, MAX_DUE_DAYS);
  return due > max ? msg('consultation.due.tooFar', { due, max }) : null;
}

/**
 * Why a department may not reply to a round now, or null: the plan must still be at 意见征求 and the
 * deadline (24:00 China time of `due`) not passed. (One reply per round: the store refuses a second.)
 * Codes: `consultation.reply.closed` {plan, stage}, `consultation.reply.late` {due, deadline}.
 * @example checkReply(round, 'consultation', new Date('2030-01-01')) // msg('consultation.reply.late', …)
 */
export function checkReply(
  round: Pick<Consultation, 'planId' | 'due'>,
  stage: StageId,
  now: Date,
): Message | null {
  if (stage !== 'consultation')
    return msg('consultation.reply.closed', { plan: round.planId, stage: stageName(stage) });
  if (isDayOver(round.due, now))
    return msg('consultation.reply.late', { due: round.due, deadline: endOfChinaDay(round.due) });
  return null;
}

/**
 * Why a reply may not be answered, or null: only an objection takes an answer, and only while the
 * plan is at 意见征求 (the record is closed once it moves on). (Once: the store refuses a second.)
 * Codes: `consultation.answer.noObjection`, `consultation.answer.closed` {plan, stage}.
 * @example checkAnswer({ verdict: 'no-objection', planId: 'city-01' }, 'consultation') // msg('consultation.answer.noObjection')
 */
export function checkAnswer(
  reply: Pick<Reply, 'verdict' | 'planId'>,
  stage: StageId,
): Message | null {
  if (reply.verdict !== 'objection') return msg('consultation.answer.noObjection');
  if (stage !== 'consultation')
    return msg('consultation.answer.closed', { plan: reply.planId, stage: stageName(stage) });
  return null;
}
