// What the dashboard's charts and tables show, assembled from the months' counts (GET
// /api/progress/series), the month's figures (GET /api/progress), the register and the matrix.
// Pure: no fetch, no DOM.
import type { UnitFigures } from '../../contract/progress';
import { countyOfUnit } from '../../domain/plans/counties';
import { INITIAL_STAGE, type StageId } from '../../domain/workflow/stages';

/** One month's counts of every unit (a month of GET /api/progress/series, or of GET /api/progress). */
export interface MonthFigures {
  month: string;
  units: readonly {
    byStage: Partial<Record<StageId, number>>;
    km: { draft: number; published: number };
  }[];
}

/** A plan as the dashboard reads it from the register. */
export interface RegisterPlan {
  id: string;
  unit: string;
  deadlineMonth: string;
}

/** One month of the cumulative publication chart. */
export interface PublishedPoint {
  month: string;
  /** plans at 公告实施 at the month's end */
  published: number;
  /** plans whose deadline month is this month or earlier (the register's deadline tiers) */
  due: number;
}

/**
 * Plans published at each month's end against the plans due by then (cumulative, from the register's
 * deadline months). The input is not changed.
 * @example publishedSeries([{ month: '2019-12', units }], plans)[0] // { month: '2019-12', published: 1, due: 8 }
 */
export function publishedSeries(
  series: readonly MonthFigures[],
  plans: readonly RegisterPlan[],
): PublishedPoint[] {
  return series.map(({ month, units }) => ({
    month,
    published: units.reduce((a, u) => a + (u.byStage.published ?? 0), 0),
    due: plans.filter((p) => p.deadlineMonth <= month).length,
  }));
}

/**
 * The deadline tiers of the register (its distinct deadline months), oldest first.
 * @example deadlineTiers(plans) // ['2019-10', '2019-12', '2020-12', '2021-12']
 */
export function deadlineTiers(plans: readonly RegisterPlan[]): string[] {
  return [...new Set(plans.map((p) => p.deadlineMonth))].sort();
}

/**
 * Km of management line at each month's end, summed over the units, drafts and published apart
 * (rounded to the metre).
 * @example kmSeries(series)[0] // { month: '2019-12', draft: 4, published: 12.3 }
 */
export function kmSeries(
  series: readonly MonthFigures[],
): { month: string; draft: number; published: number }[] {
  const m = (v: number) => Math.round(v * 1000) / 1000;
  return series.map(({ month, units }) => ({
    month,
    draft: m(units.reduce((a, u) => a + u.km.draft, 0)),
    published: m(units.reduce((a, u) => a + u.km.published, 0)),
  }));
}

/** The reporting unit (adcode) of a register plan, by its responsible unit; null for none. */
export const unitOfPlan = (p: { unit: string }): string | null =>
  countyOfUnit(p.unit)?.adcode ?? null;

/**
 * The ids of the plans of `unit` at `stage` (a funnel bar), from the plans' stages at the month's
 * end (the series' `stages`; a plan not listed is 未开始).
 * @example plansAtStage(plans, series.stages, '450721', 'draft') // ['county-03', 'county-05']
 */
export function plansAtStage(
  plans: readonly RegisterPlan[],
  stages: Readonly<Record<string, StageId>>,
  unit: string | null,
  stage: StageId,
): string[] {
  return plans
    .filter(
      (p) => (unit === null || unitOfPlan(p) === unit) && (stages[p.id] ?? INITIAL_STAGE) === stage,
    )
    .map((p) => p.id);
}

/** An overdue plan of the month, with its unit. */
export interface OverdueRow {
  planId: string;
  unit: string;
  days: number;
}

/**
 * Every unit's overdue plans of a month in one list, most days first (ties by plan id).
 * @example overdueRanking(units)[0] // { planId: 'county-14', unit: '450722', days: 412 }
 */
export function overdueRanking(units: readonly UnitFigures[]): OverdueRow[] {
  return units
    .flatMap((u) => u.overdue.map((o) => ({ planId: o.planId, unit: u.unit, days: o.days })))
    .sort((a, b) => b.days - a.days || (a.planId < b.planId ? -1 : 1));
}

/** The states of the matrix, in the order the charts stack them. */
export const REPORT_STATES = ['on-time', 'late', 'missing', 'not-due'] as const;
type ReportStateId = (typeof REPORT_STATES)[number];

/**
 * How many months of each state a unit's row of the matrix has.
 * @example stateCounts([{ state: 'on-time' }, { state: 'missing' }]) // { 'on-time': 1, late: 0, missing: 1, 'not-due': 0 }
 */
export function stateCounts(
  cells: readonly { state: ReportStateId }[],
): Record<ReportStateId, number> {
  const out: Record<ReportStateId, number> = { 'on-time': 0, late: 0, missing: 0, 'not-due': 0 };
  for (const c of cells) out[c.state] += 1;
  return out;
}

/**
 * The `n` months up to `to` (not before `start`), oldest first.
 * @example lastMonths('2020-02', 3, '2019-06') // ['2019-12', '2020-01', '2020-02']
 */
export function lastMonths(to: string, n: number, start: string): string[] {
  const out: string[] = [];
  let [y, m] = to.split('-').map(Number) as [number, number];
  for (let k = 0; k < n; k++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month < start) break;
    out.unshift(month);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}
