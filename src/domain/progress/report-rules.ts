// Who reports for which unit, who sees the matrix and who reminds (issue 14), and where a unit's
// report of a month stands: 按时 / 逾期报送 / 未报送, or not yet due.
import type { Actor } from '../access/actor';
import { CITY } from '../plans/counties';
import { isReportLate, monthEnd } from './report-month';
import { REPORTING_UNITS } from './unit-figures';

/** A submitted revision as the rules read it. */
export interface ReportFacts {
  unit: string;
  month: string;
  revision: number;
  submittedAt: string;
}

/** The state of a unit's report of a month (the city's matrix). */
export type ReportState = 'on-time' | 'late' | 'missing' | 'not-due';

/**
 * Whether the actor may submit a unit's report: an admin, or a planner whose scope covers the unit
 * (every plan; 市本级 for the city level; the listed counties).
 * @example mayReportFor(plannerLingshan, '450702') // false
 */
export function mayReportFor(actor: Actor, unit: string): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'admin') return true;
  if (actor.role !== 'planner') return false;
  const { level, counties } = actor.scope;
  if (level === 'all') return true;
  if (level === 'city') return unit === CITY.adcode;
  return counties.includes(unit);
}

/**
 * Whether the actor supervises every unit (the city's 河长办: an admin or a planner of every plan):
 * sees the whole matrix and sends reminders. Chiefs of scope all see the matrix too (`unitsVisibleTo`).
 * @example maySupervise(admin) // true
 */
export function maySupervise(actor: Actor): boolean {
  if (actor.kind !== 'user') return false;
  return actor.role === 'admin' || (actor.role === 'planner' && actor.scope.level === 'all');
}

/**
 * The units whose rows of the matrix the actor sees: every unit for supervisors and chiefs, the
 * units a planner reports for, none for departments and the public.
 * @example unitsVisibleTo(plannerLingshan) // ['450721']
 */
export function unitsVisibleTo(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  if (actor.role === 'chief' || maySupervise(actor)) return [...REPORTING_UNITS];
  return REPORTING_UNITS.filter((u) => mayReportFor(actor, u));
}

/**
 * A report's state from its revisions: on time or late by the first submission (a correction never
 * makes an on-time report late), missing once the month is over, not due before.
 * @example reportState('2019-12', [], new Date('2020-01-01T00:00:00+08:00')) // 'missing'
 */
export function reportState(
  month: string,
  revisions: readonly ReportFacts[],
  now: Date,
): ReportState {
  const first = revisions.reduce<ReportFacts | null>(
    (a, r) => (a === null || r.revision < a.revision ? r : a),
    null,
  );
  if (first) return isReportLate(month, new Date(first.submittedAt)) ? 'late' : 'on-time';
  return now.getTime() >= Date.parse(monthEnd(month)) ? 'missing' : 'not-due';
}
