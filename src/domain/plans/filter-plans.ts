import { matchesQuery } from '../text/search-keys';
import type { StageId } from '../workflow/stages';
import { stageIndex } from '../workflow/stages';
import type { Level, PlanView } from './plan';

/** What the register is filtered by; an absent field does not filter. */
export interface PlanFilter {
  q?: string;
  level?: Level;
  /** adcode of the county, or 450700 for 市本级 */
  county?: string;
  unit?: string;
  chief?: string;
  stage?: StageId;
  overdue?: boolean;
  tier?: string;
}

/** A plan with the text it is searched by. */
export type SearchablePlan = PlanView & { searchKeys: string };

/**
 * Plans matching every given criterion; input order is kept and the input is not mutated.
 * @example filterPlans(plans, { county: '450721', overdue: true })
 */
export function filterPlans<P extends SearchablePlan>(plans: readonly P[], f: PlanFilter): P[] {
  return plans.filter(
    (p) =>
      (f.level === undefined || p.level === f.level) &&
      (f.county === undefined || p.county.adcode === f.county) &&
      (f.unit === undefined || p.unit === f.unit) &&
      (f.chief === undefined || p.chief === f.chief) &&
      (f.stage === undefined || p.stage === f.stage) &&
      (f.overdue === undefined || p.overdue === f.overdue) &&
      (f.tier === undefined || p.tier === f.tier) &&
      (!f.q || matchesQuery(p.searchKeys, f.q)),
  );
}

/** Columns the register sorts by. */
export type PlanSortKey =
  | 'seq'
  | 'name'
  | 'basinAreaKm2'
  | 'chief'
  | 'unit'
  | 'leader'
  | 'deadline'
  | 'stage'
  | 'overdue';

const zh = new Intl.Collator('zh-Hans-CN');

const compareBy: Record<PlanSortKey, (a: PlanView, b: PlanView) => number> = {
  seq: (a, b) => (a.level === b.level ? a.seq - b.seq : a.level === '市级' ? -1 : 1),
  name: (a, b) => zh.compare(a.name, b.name),
  basinAreaKm2: (a, b) => (a.basinAreaKm2 ?? -1) - (b.basinAreaKm2 ?? -1),
  chief: (a, b) => zh.compare(a.chief, b.chief),
  unit: (a, b) => zh.compare(a.unit, b.unit),
  leader: (a, b) => zh.compare(a.leader, b.leader),
  deadline: (a, b) => a.dueDate.localeCompare(b.dueDate),
  stage: (a, b) => stageIndex(a.stage) - stageIndex(b.stage),
  overdue: (a, b) => Number(a.overdue) - Number(b.overdue) || a.daysPastDue - b.daysPastDue,
};

/**
 * A sorted copy; ties keep the register's order (level, then 序号). Empty basin areas sort first
 * ascending.
 * @example sortPlans(plans, 'deadline', 'asc')[0].deadline // '2019年10月'
 */
export function sortPlans<P extends PlanView>(
  plans: readonly P[],
  key: PlanSortKey,
  dir: 'asc' | 'desc',
): P[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...plans].sort((a, b) => sign * compareBy[key](a, b) || compareBy.seq(a, b));
}
