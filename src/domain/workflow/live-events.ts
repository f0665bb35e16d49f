// What open pages are told when the store changes (issue 19): an audit entry read as a small event
// (which plan, what changed, the stage, when, who by display name), and who may receive it. No
// coordinates and no private text ever go into an event: the page reloads what it may read.
import type { Actor } from '../access/actor';
import type { PlanAccess } from '../access/permissions';
import { canViewDraft } from '../access/permissions';
import { unitsVisibleTo } from '../progress/report-rules';
import type { StageId } from './stages';
import { FINAL_STAGE, isStageId } from './stages';

/** What changed. */
export type LiveChange =
  | 'stage'
  | 'published'
  | 'version'
  | 'comment'
  | 'resolved'
  | 'consultation'
  | 'reply'
  | 'answer'
  | 'display'
  | 'opinion'
  | 'acceptance'
  | 'settings'
  /** the bureau's base data: a river course imported or made public, imagery added or made public */
  | 'basedata'
  /** a unit's monthly report (月报) submitted, or a revision of it */
  | 'report'
  /** a reminder (催报) sent for a unit's monthly report */
  | 'reminder';

/** An event as the page receives it. */
export interface LiveEvent {
  /** the audit entry's id (the SSE id a reconnecting page resumes after) */
  id: number;
  change: LiveChange;
  planId: string | null;
  at: string;
  /** the display name of who changed it; null for the public */
  by: string | null;
  /** a stage move: from where to where */
  from: StageId | null;
  to: StageId | null;
  /** the version concerned, when the entry names one */
  version: number | null;
  /** the unit (adcode) and month of a monthly report or reminder; null for every other change */
  report: { unit: string; month: string } | null;
}

/** What the rule reads of an audit entry. */
export interface AuditFacts {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: unknown;
}

const CHANGES: Readonly<Record<string, LiveChange>> = {
  'stage.move': 'stage',
  publish: 'published',
  'geometry.save': 'version',
  'comment.add': 'comment',
  'comment.resolve': 'resolved',
  'consultation.open': 'consultation',
  'consultation.reply': 'reply',
  'consultation.answer': 'answer',
  'display.start': 'display',
  'display.opinion': 'opinion',
  'display.answer': 'answer',
  'acceptance.add': 'acceptance',
  'settings.update': 'settings',
  'course.import': 'basedata',
  'course.public': 'basedata',
  'imagery.add': 'basedata',
  'imagery.public': 'basedata',
  'report.submit': 'report',
  'report.remind': 'reminder',
};

/** Changes that concern a unit's monthly report, not a plan. */
const REPORT_CHANGES: readonly LiveChange[] = ['report', 'reminder'];

/** The unit and month of a report's audit target `report:<unit>:<month>`, or null. */
function reportTarget(target: string): { unit: string; month: string } | null {
  const m = /^report:([^:]+):(\d{4}-\d{2})$/.exec(target);
  return m?.[1] && m[2] ? { unit: m[1], month: m[2] } : null;
}

/** Changes everybody may hear of: a publication and the start of a 公示 are public acts. */
const PUBLIC_CHANGES: readonly LiveChange[] = ['published', 'display'];
/** Changes a consulted department hears of on the plans that consult it. */
const DEPARTMENT_CHANGES: readonly LiveChange[] = ['consultation', 'reply', 'answer', 'stage'];

const field = (detail: unknown, key: string): unknown =>
  typeof detail === 'object' && detail !== null ? (detail as Record<string, unknown>)[key] : null;
const stageField = (detail: unknown, key: string): StageId | null => {
  const v = field(detail, key);
  return typeof v === 'string' && isStageId(v) ? v : null;
};

/**
 * The event of an audit entry, or null for entries pages need not hear of (logins, accounts).
 * `nameOf` gives a username's display name.
 * @example liveEventOf({ id: 9, action: 'stage.move', target: 'city-01', actor: 'gaopu', … }, names)
 *   // { id: 9, change: 'stage', planId: 'city-01', by: '高朴', from: 'field-check', to: 'review', … }
 */
export function liveEventOf(
  entry: AuditFacts,
  nameOf: (username: string) => string,
): LiveEvent | null {
  const change = CHANGES[entry.action];
  if (!change) return null;
  const report = REPORT_CHANGES.includes(change) ? reportTarget(entry.target) : null;
  if (REPORT_CHANGES.includes(change) && !report) return null;
  const published = change === 'published';
  const version = field(entry.detail, 'version');
  return {
    id: entry.id,
    change,
    planId: change === 'settings' || change === 'basedata' || report !== null ? null : entry.target,
    at: entry.at,
    by: nameOf(entry.actor),
    from: published ? stageField(entry.detail, 'fromStage') : stageField(entry.detail, 'from'),
    to: published ? FINAL_STAGE : stageField(entry.detail, 'to'),
    version: typeof version === 'number' ? version : null,
    report,
  };
}

/**
 * The event as `actor` may receive it, or null when it may not: admins hear of settings; everybody
 * of publications and 公示 starts (without who); those who may see the plan's drafts of everything
 * on it; a department of its rounds on the plans that consult it (`consulted`); a report or a
 * reminder those who see the unit's row of the report matrix (`unitsVisibleTo`: the city's
 * supervisors and chiefs, the unit's own planners).
 * @example eventFor(PUBLIC, { change: 'published', … }, plan, false) // { …, by: null }
 */
export function eventFor(
  actor: Actor,
  event: LiveEvent,
  plan: PlanAccess | null,
  consulted: boolean,
): LiveEvent | null {
  if (event.change === 'settings')
    return actor.kind === 'user' && actor.role === 'admin' ? event : null;
  // base data concerns no plan: staff hear of it (the public sees a public layer on its next visit)
  if (event.change === 'basedata')
    return actor.kind === 'user' && actor.role !== 'department' ? event : null;
  if (REPORT_CHANGES.includes(event.change)) {
    const unit = event.report?.unit;
    return unit !== undefined && unitsVisibleTo(actor).includes(unit) ? event : null;
  }
  if (plan === null) return null;
  if (canViewDraft(actor, plan)) return event;
  if (consulted && DEPARTMENT_CHANGES.includes(event.change)) return event;
  if (PUBLIC_CHANGES.includes(event.change))
    return actor.kind === 'public' ? { ...event, by: null } : event;
  return null;
}
