// The history the monthly figures are computed from (issue 14): plans with their unit and deadline,
// every stage move, every saved version and every publication, each with its time. Past months are
// read from these times, never from today's state.
import { countyOfUnit } from '../plans/counties';
import { dueDate, parseDeadline } from '../plans/deadline';
import type { PlanRecord } from '../plans/plan';
import { endOfChinaDay } from '../review/review-dates';
import type { StageId } from '../workflow/stages';

/** A stage move at a time. */
export interface HistoryEvent {
  planId: string;
  from: StageId;
  to: StageId;
  at: string;
}

/** A saved version at a time, with the length of its computed management lines (null: not yet computed). */
export interface HistoryVersion {
  planId: string;
  version: number;
  at: string;
  lengthM: number | null;
}

/** A publication at a time, with the length of its management lines and its markers. */
export interface HistoryPublication {
  planId: string;
  version: number;
  at: string;
  lengthM: number;
  boundary: number;
  noticeBoards: number;
}

/** Everything the figures read. */
export interface ProgressHistory {
  plans: readonly PlanRecord[];
  events: readonly HistoryEvent[];
  versions: readonly HistoryVersion[];
  publications: readonly HistoryPublication[];
}

/** One plan's history, each list sorted by time (`t`: milliseconds). */
export interface PlanHistory {
  id: string;
  /** the reporting unit's adcode (null: the responsible unit names no known county) */
  unit: string | null;
  /** the due date, the deadline month's last day (null: the deadline is not of the form 2019年10月) */
  due: string | null;
  /** the instant the due date ends in China (its 24:00), ms; NaN without a due date */
  dueEnd: number;
  events: (HistoryEvent & { t: number })[];
  versions: (HistoryVersion & { t: number })[];
  publications: (HistoryPublication & { t: number })[];
}

/** The history grouped by plan, ready for many months' figures. */
export interface HistoryIndex {
  plans: PlanHistory[];
}

const byTime = <T extends { t: number }>(a: T, b: T) => a.t - b.t;

/**
 * Groups the history by plan and sorts each plan's records by time (input not mutated).
 * @example indexHistory({ plans, events: [], versions: [], publications: [] }).plans.length // plans.length
 */
export function indexHistory(history: ProgressHistory): HistoryIndex {
  const plans = new Map<string, PlanHistory>();
  for (const p of history.plans) {
    const ym = parseDeadline(p.deadline);
    plans.set(p.id, {
      id: p.id,
      unit: countyOfUnit(p.unit)?.adcode ?? null,
      due: ym ? dueDate(ym) : null,
      dueEnd: ym ? Date.parse(endOfChinaDay(dueDate(ym))) : Number.NaN,
      events: [],
      versions: [],
      publications: [],
    });
  }
  for (const e of history.events) plans.get(e.planId)?.events.push({ ...e, t: Date.parse(e.at) });
  for (const v of history.versions)
    plans.get(v.planId)?.versions.push({ ...v, t: Date.parse(v.at) });
  for (const p of history.publications)
    plans.get(p.planId)?.publications.push({ ...p, t: Date.parse(p.at) });
  for (const p of plans.values()) {
    p.events.sort(byTime);
    p.versions.sort(byTime);
    p.publications.sort(byTime);
  }
  return { plans: [...plans.values()] };
}

/** The last item at or before `t` of a list sorted by time. */
export function lastAsOf<T extends { t: number }>(list: readonly T[], t: number): T | null {
  let found: T | null = null;
  for (const item of list) {
    if (item.t > t) break;
    found = item;
  }
  return found;
}
