// What waits for a user (待办, issue 19), computed from the plans and their records: a chief's
// sign-offs, a planner's objections, comments, replies and opinions to answer, lapsed rounds and
// overdue plans, a department's rounds, an admin's unset settings. Pure: the route reads the store.
import type { UserActor } from '../access/actor';
import { actsAsPlanner, isChiefOf, isConsulted } from '../access/permissions';
import { type Message, msg } from '../message';
import type { PlanRecord } from '../plans/plan';
import { displayState, isDayOver } from '../review/review-dates';
import type { Consultation, DisplayPeriod, PublicOpinion, Reply } from '../review/review-types';
import { type CommentFacts, quote } from './objections';
import type { StageId } from './stages';
import { STAGES, stageIndex, stageName } from './stages';
import { isChiefStep } from './transitions';

/** Where a to-do leads: a plan's panel, a department's round, the overdue register, the settings, a report. */
export type TodoLink =
  | { kind: 'plan'; planId: string }
  | { kind: 'round'; planId: string; round: number }
  | { kind: 'overdue' }
  | { kind: 'settings' }
  /** a unit's monthly report (月报) the city reminded it of */
  | { kind: 'report'; unit: string; month: string };

/** One thing waiting for the user. */
export interface Todo {
  /** stable within a list (React key, tests) */
  key: string;
  message: Message;
  link: TodoLink;
  /** YYYY-MM-DD when it has a deadline */
  due: string | null;
}

/** A plan with what the rules read of its records (only the plans the actor may act on). */
export interface TodoPlan {
  record: PlanRecord;
  stage: StageId;
  overdue: boolean;
  /** the newest saved version, null before the first save */
  latest: number | null;
  comments: readonly CommentFacts[];
  /** the username of each comment's author, in the order of `comments` (own comments wait for nobody) */
  commentAuthors: readonly string[];
  rounds: readonly Consultation[];
  replies: readonly Reply[];
  displays: readonly DisplayPeriod[];
  opinions: readonly PublicOpinion[];
}

/** The settings a publication prints (公告): unset, they are an admin's to-do. */
export interface TodoSettings {
  noticeAuthority?: string | null;
  supervisionPhone?: string | null;
}

const unset = (v: string | null | undefined) => v === undefined || v === null || v.trim() === '';
const toPlan = (p: TodoPlan): TodoLink => ({ kind: 'plan', planId: p.record.id });

function chiefTodos(actor: UserActor, plans: readonly TodoPlan[]): Todo[] {
  const out: Todo[] = [];
  for (const p of plans) {
    const next = STAGES[stageIndex(p.stage) + 1]?.id;
    if (!next || !isChiefOf(actor, p.record) || !isChiefStep(p.stage, next)) continue;
    const step = { river: p.record.name, from: stageName(p.stage), to: stageName(next) };
    out.push({
      key: `signoff:${p.record.id}`,
      message:
        p.latest === null
          ? msg('live.todo.signOffNoVersion', step)
          : msg('live.todo.signOff', { ...step, version: p.latest }),
      link: toPlan(p),
      due: null,
    });
  }
  return out;
}

function commentTodos(actor: UserActor, p: TodoPlan): Todo[] {
  return p.comments.flatMap((c, i) => {
    if (c.resolution !== null || p.commentAuthors[i] === actor.username) return [];
    const params = { river: p.record.name, author: c.author, text: quote(c.text) };
    return [
      {
        key: `comment:${p.record.id}:${c.id}`,
        message: msg(c.objection ? 'live.todo.objection' : 'live.todo.comment', params),
        link: toPlan(p),
        due: null,
      },
    ];
  });
}

function reviewTodos(p: TodoPlan, now: Date): Todo[] {
  const out: Todo[] = [];
  const river = p.record.name;
  for (const r of p.replies.filter((x) => x.verdict === 'objection' && x.answer === null))
    out.push({
      key: `reply:${r.id}`,
      message: msg('live.todo.departmentObjection', { river, organisation: r.organisation }),
      link: toPlan(p),
      due: null,
    });
  const over = p.displays.filter((d) => displayState(d, now) === 'over').map((d) => d.id);
  const opinions = p.opinions.filter((o) => o.answer === null && over.includes(o.displayId));
  if (opinions.length > 0)
    out.push({
      key: `opinions:${p.record.id}`,
      message: msg('live.todo.publicOpinions', { river, count: opinions.length }),
      link: toPlan(p),
      due: null,
    });
  const lapsed = p.rounds.filter((r) => isDayOver(r.due, now));
  const last = lapsed.at(-1);
  if (p.stage === 'consultation' && last && lapsed.length === p.rounds.length)
    out.push({
      key: `lapsed:${last.id}`,
      message: msg('live.todo.roundLapsed', { river, round: last.id, due: last.due }),
      link: toPlan(p),
      due: last.due,
    });
  return out;
}

function plannerTodos(actor: UserActor, plans: readonly TodoPlan[], now: Date): Todo[] {
  const mine = plans.filter((p) => actsAsPlanner(actor, p.record));
  const out = mine.flatMap((p) => [...commentTodos(actor, p), ...reviewTodos(p, now)]);
  const overdue = mine.filter((p) => p.overdue);
  if (overdue.length > 0)
    out.push({
      key: 'overdue',
      message: msg('live.todo.overdue', { count: overdue.length }),
      link: { kind: 'overdue' },
      due: null,
    });
  return out;
}

function departmentTodos(actor: UserActor, plans: readonly TodoPlan[], now: Date): Todo[] {
  return plans.flatMap((p) =>
    p.rounds
      .filter((r) => isConsulted(actor, r) && !isDayOver(r.due, now))
      .filter((r) => !p.replies.some((x) => x.consultationId === r.id && x.userId === actor.id))
      .map((r) => ({
        key: `round:${r.id}`,
        message: msg('live.todo.roundWaiting', { river: p.record.name, round: r.id, due: r.due }),
        link: { kind: 'round' as const, planId: p.record.id, round: r.id },
        due: r.due,
      })),
  );
}

function adminTodos(settings: TodoSettings): Todo[] {
  const missing: [string, Message][] = [];
  if (unset(settings.noticeAuthority))
    missing.push(['noticeAuthority', msg('live.todo.setting.noticeAuthority')]);
  if (unset(settings.supervisionPhone))
    missing.push(['supervisionPhone', msg('live.todo.setting.supervisionPhone')]);
  return missing.map(([name, message]) => ({
    key: `setting:${name}`,
    message,
    link: { kind: 'settings' as const },
    due: null,
  }));
}

/**
 * What waits for `actor` at `now`, by role: a chief's sign-offs ("钦江 待您签署：现场复核 → 审核确定（第 3 版）"),
 * a planner's open comments and objections, department objections and public opinions to answer,
 * rounds whose deadline passed and (one item) the overdue plans, a department's rounds with their
 * deadline, an admin's unset settings that a publication prints.
 * @example todosFor(gaoPu, plans, {}, new Date())[0].message.code // 'live.todo.signOff'
 */
export function todosFor(
  actor: UserActor,
  plans: readonly TodoPlan[],
  settings: TodoSettings,
  now: Date,
): Todo[] {
  switch (actor.role) {
    case 'chief':
      return chiefTodos(actor, plans);
    case 'planner':
      return plannerTodos(actor, plans, now);
    case 'department':
      return departmentTodos(actor, plans, now);
    case 'admin':
      return adminTodos(settings);
  }
}
