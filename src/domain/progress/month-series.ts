// The monthly figures of many months at once (GET /api/progress/series, the dashboard's charts): the
// counts `progressOf` gives each month (plans per stage, km drafted and published, markers, overdue
// plans), computed in one walk along each plan's sorted history instead of once per month. Pure.
import { chinaDate, daysPastDue, isOverdue } from '../plans/deadline';
import { INITIAL_STAGE, STAGES, type StageId } from '../workflow/stages';
import type { HistoryIndex } from './progress-history';
import { figuresAsOf } from './report-month';
import { REPORTING_UNITS } from './unit-figures';

/** A unit's counts at a month's end: the same numbers as its `UnitFigures` of that month. */
export interface UnitCounts {
  unit: string;
  plans: number;
  byStage: Record<StageId, number>;
  km: { draft: number; published: number };
  markers: { boundary: number; noticeBoards: number };
  /** how many plans are overdue (`UnitFigures.overdue.length`) */
  overdue: number;
}

/** One month of the series. */
export interface MonthCounts {
  month: string;
  asOf: string;
  units: UnitCounts[];
}

/** The months' counts, and each plan's stage at the last month's end (the funnel's filters). */
export interface MonthSeries {
  months: MonthCounts[];
  /** plan id → stage at the end of the last month, for the plans of a known unit */
  stages: Record<string, StageId>;
}

const km = (m: number) => Math.round(m) / 1000;
const zeroStages = () =>
  Object.fromEntries(STAGES.map((s) => [s.id, 0])) as Record<StageId, number>;
const isoChina = (t: number) =>
  `${chinaDate(new Date(t))}T${new Date(t + 8 * 3_600_000).toISOString().slice(11, 23)}+08:00`;

/** Advances `k` past the items of a time-sorted list at or before `t`. */
function advance(list: readonly { t: number }[], k: number, t: number): number {
  let i = k;
  while (i < list.length && (list[i] as { t: number }).t <= t) i++;
  return i;
}

/**
 * The counts of every unit at the end of each of `months` (ascending; the running month as of
 * `now`), equal to those `progressOf` gives month by month, from one pass per plan.
 * @example monthSeries(index, ['2019-11', '2019-12'], now).months[1].units[3].byStage.draft // 2
 */
export function monthSeries(
  index: HistoryIndex,
  months: readonly string[],
  now: Date,
): MonthSeries {
  const ends = months.map((m) => figuresAsOf(m, now));
  const ts = ends.map((d) => d.getTime());
  const todays = ends.map((d) => chinaDate(d));
  // lateness per month and due date, as progressOf memoises it per month
  const memo = ends.map(() => new Map<string, { days: number; overdue: boolean }>());
  const lateness = (k: number, due: string) => {
    const m = memo[k] as Map<string, { days: number; overdue: boolean }>;
    let found = m.get(due);
    if (!found) {
      const at = ends[k] as Date;
      found = { days: daysPastDue(due, at), overdue: isOverdue(due, false, at) };
      m.set(due, found);
    }
    return found;
  };
  // per month and unit; km in metres, rounded at the end as progressOf does
  const sums = months.map(
    () =>
      new Map(
        REPORTING_UNITS.map((u) => [
          u,
          {
            plans: 0,
            byStage: zeroStages(),
            draftM: 0,
            publishedM: 0,
            boundary: 0,
            noticeBoards: 0,
            overdue: 0,
          },
        ]),
      ),
  );
  const stages: Record<string, StageId> = {};
  for (const p of index.plans) {
    if (p.unit === null || !REPORTING_UNITS.includes(p.unit)) continue;
    let e = 0;
    let v = 0;
    let u = 0;
    let stage: StageId = INITIAL_STAGE;
    for (const [k, t] of ts.entries()) {
      e = advance(p.events, e, t);
      v = advance(p.versions, v, t);
      u = advance(p.publications, u, t);
      stage = e > 0 ? (p.events[e - 1]?.to ?? INITIAL_STAGE) : INITIAL_STAGE;
      const pub = u > 0 ? p.publications[u - 1] : undefined;
      const draft = v > 0 ? p.versions[v - 1] : undefined;
      const f = sums[k]?.get(p.unit);
      if (!f) continue;
      f.plans += 1;
      f.byStage[stage] += 1;
      if (pub) {
        f.publishedM += pub.lengthM;
        f.boundary += pub.boundary;
        f.noticeBoards += pub.noticeBoards;
      }
      if (draft && (!pub || draft.version > pub.version)) f.draftM += draft.lengthM ?? 0;
      if (p.due !== null && p.due <= (todays[k] as string) && stage !== 'published')
        if (lateness(k, p.due).overdue) f.overdue += 1;
    }
    stages[p.id] = stage;
  }
  return {
    months: months.map((month, k) => ({
      month,
      asOf: isoChina(ts[k] as number),
      units: [...(sums[k]?.entries() ?? [])].map(([unit, f]) => ({
        unit,
        plans: f.plans,
        byStage: f.byStage,
        km: { draft: km(f.draftM), published: km(f.publishedM) },
        markers: { boundary: f.boundary, noticeBoards: f.noticeBoards },
        overdue: f.overdue,
      })),
    })),
    stages,
  };
}

/**
 * The saved versions the counts of `months` need and nobody measured yet (`versionsToMeasure` of
 * every month, each version once).
 * @example seriesVersionsToMeasure(index, ['2019-11', '2019-12'], now) // [{ planId: 'county-03', version: 2 }]
 */
export function seriesVersionsToMeasure(
  index: HistoryIndex,
  months: readonly string[],
  now: Date,
): { planId: string; version: number }[] {
  const ts = months.map((m) => figuresAsOf(m, now).getTime());
  const out: { planId: string; version: number }[] = [];
  for (const p of index.plans) {
    let v = 0;
    let u = 0;
    const seen = new Set<number>();
    for (const t of ts) {
      v = advance(p.versions, v, t);
      u = advance(p.publications, u, t);
      const draft = v > 0 ? p.versions[v - 1] : undefined;
      const pub = u > 0 ? p.publications[u - 1] : undefined;
      if (draft && draft.lengthM === null && (!pub || draft.version > pub.version))
        if (!seen.has(draft.version)) {
          seen.add(draft.version);
          out.push({ planId: p.id, version: draft.version });
        }
    }
  }
  return out;
}
