// When a plan may leave 意见征求 and when it may be published (issue 13). Pure: the server reads the
// records from the store and asks these; the UI shows the same reasons.
import { type Message, msg } from '../message';
import { displayState, isDayOver } from './review-dates';
import type {
  AcceptanceRecord,
  Consultation,
  DisplayPeriod,
  PublicOpinion,
  Reply,
} from './review-types';

/** Where one department stands in a round. */
export type DepartmentState =
  /** replied (无意见 or 有意见) */
  | 'replied'
  /** the deadline passed without a reply: 逾期未反馈，视为无意见 */
  | 'lapsed'
  /** may still reply */
  | 'waiting';

/** A round as its record states it: each department's state and reply, and what is still open. */
export interface RoundStatus {
  consultation: Consultation;
  departments: {
    userId: string;
    organisation: string;
    state: DepartmentState;
    reply: Reply | null;
  }[];
  /** objections without an answer */
  unanswered: Reply[];
  /** every department replied or lapsed, and every objection is answered */
  complete: boolean;
}

/**
 * The status of a round at `now` from its replies (replies of other rounds are ignored).
 * @example roundStatus(round, [], new Date('2030-01-01')).departments[0].state // 'lapsed'
 */
export function roundStatus(
  round: Consultation,
  replies: readonly Reply[],
  now: Date,
): RoundStatus {
  const own = replies.filter((r) => r.consultationId === round.id);
  const lapsed = isDayOver(round.due, now);
  const departments = round.departments.map((d) => {
    const reply = own.find((r) => r.userId === d.userId) ?? null;
    const state: DepartmentState = reply ? 'replied' : lapsed ? 'lapsed' : 'waiting';
    return { userId: d.userId, organisation: d.organisation, state, reply };
  });
  const unanswered = own.filter((r) => r.verdict === 'objection' && r.answer === null);
  const complete = departments.every((d) => d.state !== 'waiting') && unanswered.length === 0;
  return { consultation: round, departments, unanswered, complete };
}

/**
 * Why a plan may not move on from 意见征求 to 现场复核, or null: it needs a round, every department
 * replied or its deadline passed, and every objection answered.
 * Codes: `review.consultation.none`, `.waiting` {round, organisations, due}, `.unanswered` {round, organisations}.
 * @example checkLeaveConsultation([], [], new Date()) // msg('review.consultation.none')
 */
export function checkLeaveConsultation(
  rounds: readonly Consultation[],
  replies: readonly Reply[],
  now: Date,
): Message | null {
  if (rounds.length === 0) return msg('review.consultation.none');
  for (const round of rounds) {
    const status = roundStatus(round, replies, now);
    const waiting = status.departments.filter((d) => d.state === 'waiting');
    if (waiting.length > 0)
      return msg('review.consultation.waiting', {
        round: round.id,
        organisations: waiting.map((d) => d.organisation).join('、'),
        due: round.due,
      });
    if (status.unanswered.length > 0)
      return msg('review.consultation.unanswered', {
        round: round.id,
        organisations: status.unanswered.map((r) => r.organisation).join('、'),
      });
  }
  return null;
}

/**
 * Why `version` may not be published yet, or null: it needs a display period of that version that
 * is over with every opinion of it answered, and a 合格 acceptance record of that version.
 * Codes: `review.publish.noDisplay` {version}, `.displayOpen` {version, end},
 * `.opinionsUnanswered` {count}, `.noAcceptance` {version}, `.acceptanceFailed` {version, date}.
 * @example checkPublishReview(3, [], [], [], new Date()) // msg('review.publish.noDisplay', { version: 3 })
 */
export function checkPublishReview(
  version: number,
  displays: readonly DisplayPeriod[],
  opinions: readonly PublicOpinion[],
  acceptances: readonly AcceptanceRecord[],
  now: Date,
): Message | null {
  const display = displays.findLast((d) => d.version === version);
  if (!display) return msg('review.publish.noDisplay', { version });
  if (displayState(display, now) !== 'over')
    return msg('review.publish.displayOpen', { version, end: display.end });
  const open = opinions.filter((o) => o.displayId === display.id && o.answer === null);
  if (open.length > 0) return msg('review.publish.opinionsUnanswered', { count: open.length });
  const accepted = acceptances.findLast((a) => a.version === version);
  if (!accepted) return msg('review.publish.noAcceptance', { version });
  if (accepted.conclusion !== 'pass')
    return msg('review.publish.acceptanceFailed', { version, date: accepted.date });
  return null;
}
