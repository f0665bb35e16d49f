// A reporting unit's figures as of a month's end (issue 14), from the history as it was then: stage
// at the end, moves in the month, km of management line (drafts and publications), markers, overdue
// plans and plans finished by their deadline. Pure: the server loads the history.
import { CITY, COUNTIES } from '../plans/counties';
import { chinaDate, daysPastDue, isOverdue } from '../plans/deadline';
import { INITIAL_STAGE, STAGES, type StageId } from '../workflow/stages';
import { type HistoryIndex, lastAsOf, type PlanHistory } from './progress-history';
import { figuresAsOf, monthStart } from './report-month';

/** The reporting units in the order the city's tables list them: 市本级, then the counties. */
export const REPORTING_UNITS: readonly string[] = [CITY.adcode, ...COUNTIES.map((c) => c.adcode)];

/** One unit's figures (the wire's `UnitFigures`, src/contract/progress.ts). */
export interface UnitFigures {
  unit: string;
  month: string;
  plans: number;
  byStage: Record<StageId, number>;
  moves: { planId: string; from: StageId; to: StageId; at: string }[];
  km: { draft: number; published: number };
  markers: { boundary: number; noticeBoards: number; installed: number | null };
  overdue: { planId: string; days: number }[];
  onTime: { due: number; published: number };
}

/** The month's figures of every unit and the instant they are as of. */
export interface Progress {
  month: string;
  asOf: string;
  units: UnitFigures[];
}

const km = (m: number) => Math.round(m) / 1000;
const zeroStages = () =>
  Object.fromEntries(STAGES.map((s) => [s.id, 0])) as Record<StageId, number>;

/** The instant figures are as of, with what each plan's deadline is compared to. */
interface AsOf {
  t: number;
  /** the month began (ms) */
  from: number;
  /** the China day of `t`, YYYY-MM-DD */
  today: string;
  /** days past a due date at `t` and whether an unpublished plan is overdue (the deadline rules
   * `daysPastDue` and `isOverdue`), computed once per due date */
  lateness: (due: string) => { days: number; overdue: boolean };
}

/** Adds one plan's state at `at` to its unit's figures. */
function addPlan(f: UnitFigures, p: PlanHistory, at: AsOf): void {
  const stage = lastAsOf(p.events, at.t)?.to ?? INITIAL_STAGE;
  f.plans += 1;
  f.byStage[stage] += 1;
  for (const e of p.events)
    if (e.t >= at.from && e.t <= at.t)
      f.moves.push({ planId: p.id, from: e.from, to: e.to, at: e.at });
  const pub = lastAsOf(p.publications, at.t);
  const draft = lastAsOf(p.versions, at.t);
  if (pub) {
    f.km.published += pub.lengthM;
    f.markers.boundary += pub.boundary;
    f.markers.noticeBoards += pub.noticeBoards;
  }
  // a draft counts until the version it is of is published
  if (draft && (!pub || draft.version > pub.version)) f.km.draft += draft.lengthM ?? 0;
  if (p.due === null || p.due > at.today) return;
  const late = at.lateness(p.due);
  if (stage !== 'published' && late.overdue) f.overdue.push({ planId: p.id, days: late.days });
  f.onTime.due += 1;
  const first = p.publications[0];
  if (first && first.t < p.dueEnd) f.onTime.published += 1;
}

function emptyFigures(unit: string, month: string): UnitFigures {
  return {
    unit,
    month,
    plans: 0,
    byStage: zeroStages(),
    moves: [],
    km: { draft: 0, published: 0 },
    markers: { boundary: 0, noticeBoards: 0, installed: null },
    overdue: [],
    onTime: { due: 0, published: 0 },
  };
}

/**
 * Every unit's figures as of the end of `month` (or `now`, while the month runs), China time. Moves
 * are those after the month began; km are rounded to the metre; overdue plans are listed most days
 * first. Plans of no known unit are left out.
 * @example progressOf(indexHistory(history), '2019-12', new Date()).units[3].byStage.draft // 2
 */
export function progressOf(index: HistoryIndex, month: string, now: Date): Progress {
  const asOf = figuresAsOf(month, now);
  const t = asOf.getTime();
  const today = chinaDate(asOf);
  const memo = new Map<string, { days: number; overdue: boolean }>();
  const lateness = (due: string) => {
    const known = memo.get(due);
    if (known) return known;
    const found = { days: daysPastDue(due, asOf), overdue: isOverdue(due, false, asOf) };
    memo.set(due, found);
    return found;
  };
  const at: AsOf = { t, from: Date.parse(monthStart(month)), today, lateness };
  const units = new Map(REPORTING_UNITS.map((u) => [u, emptyFigures(u, month)]));
  for (const p of index.plans) {
    const f = p.unit === null ? undefined : units.get(p.unit);
    if (f) addPlan(f, p, at);
  }
  for (const f of units.values()) {
    f.km = { draft: km(f.km.draft), published: km(f.km.published) };
    f.moves.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    f.overdue.sort((a, b) => b.days - a.days || (a.planId < b.planId ? -1 : 1));
  }
  return {
    month,
    asOf: `${chinaDate(asOf)}T${new Date(t + 8 * 3_600_000).toISOString().slice(11, 23)}+08:00`,
    units: [...units.values()],
  };
}

/**
 * The saved versions whose length the figures of `month` need and nobody computed yet: each plan's
 * newest version as of then, unless that version is published.
 * @example versionsToMeasure(index, '2019-12', new Date()) // [{ planId: 'county-03', version: 2 }]
 */
export function versionsToMeasure(
  index: HistoryIndex,
  month: string,
  now: Date,
): { planId: string; version: number }[] {
  const t = figuresAsOf(month, now).getTime();
  const out: { planId: string; version: number }[] = [];
  for (const p of index.plans) {
    const draft = lastAsOf(p.versions, t);
    const pub = lastAsOf(p.publications, t);
    if (draft && draft.lengthM === null && (!pub || draft.version > pub.version))
      out.push({ planId: p.id, version: draft.version });
  }
  return out;
}

/** A unit's counts for the public: no plan ids, no drafts. */
export interface PublicUnitFigures {
  unit: string;
  plans: number;
  byStage: Record<StageId, number>;
  publishedKm: number;
  markers: { boundary: number; noticeBoards: number };
  overdue: number;
}

/**
 * The counts of a unit's figures the public may see (the dashboard's public summary): plans per
 * stage, published km and markers, and how many plans are overdue; never plan ids or drafts.
 * @example publicFigures(figures).overdue // 2
 */
export function publicFigures(f: UnitFigures): PublicUnitFigures {
  return {
    unit: f.unit,
    plans: f.plans,
    byStage: { ...f.byStage },
    publishedKm: f.km.published,
    markers: { boundary: f.markers.boundary, noticeBoards: f.markers.noticeBoards },
    overdue: f.overdue.length,
  };
}
