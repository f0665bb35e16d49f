// The monthly figures on the server (issue 14): the history read from the store once per store
// revision, the drafts' management lines measured through the compute pool (once per saved version,
// kept in the store), and the domain's `progressOf` per request.
import {
  type MonthSeries,
  monthSeries,
  seriesVersionsToMeasure,
} from '../../domain/progress/month-series';
import { type HistoryIndex, indexHistory } from '../../domain/progress/progress-history';
import { managementLengthM } from '../../domain/progress/publication-figures';
import { type Progress, progressOf, versionsToMeasure } from '../../domain/progress/unit-figures';
import type { ServerDeps } from '../auth/context';
import { rulesInForce } from '../routes/rules-in-force';

/** Figures, or why the drafts could not be measured now (the compute pool is busy or late). */
export type ProgressOutcome =
  | { ok: true; progress: Progress; index: HistoryIndex }
  | { ok: false; why: 'busy' | 'late'; retryAfter: number };

/** The monthly figures of every unit, cached by store revision. */
export interface ProgressService {
  /** `measure: false` leaves unmeasured drafts at 0 km (the public summary shows no drafts) */
  progress(month: string, opts?: { measure?: boolean }): Promise<ProgressOutcome>;
  /** the counts of many months (ascending) in one pass: GET /api/progress/series */
  series(months: readonly string[], opts?: { measure?: boolean }): Promise<SeriesOutcome>;
}

/** The months' counts, or why the drafts could not be measured now. */
export type SeriesOutcome =
  | { ok: true; series: MonthSeries }
  | { ok: false; why: 'busy' | 'late'; retryAfter: number };

async function loadIndex(deps: ServerDeps): Promise<HistoryIndex> {
  const [plans, history, lengths] = await Promise.all([
    deps.store.listPlans(),
    deps.store.listHistory(),
    deps.store.listDraftLengths(),
  ]);
  const measured = new Map(lengths.map((l) => [`${l.planId}:${l.version}`, l.lengthM]));
  return indexHistory({
    plans: plans.map((p) => p.record),
    events: history.events,
    versions: history.versions.map((v) => ({
      ...v,
      lengthM: measured.get(`${v.planId}:${v.version}`) ?? null,
    })),
    publications: history.publications,
  });
}

/**
 * Measures a saved version's management lines through the pool: the zones only, with the rules in
 * force now (the first measurement is kept, so a later rule change leaves past months as they
 * were); a version the engine refuses delineates 0 km.
 */
async function measure(
  deps: ServerDeps,
  planId: string,
  version: number,
): Promise<
  { ok: true; lengthM: number } | { ok: false; why: 'busy' | 'late'; retryAfter: number }
> {
  const [geometry, plan, rules] = await Promise.all([
    deps.store.getGeometry(planId, version),
    deps.store.getPlan(planId),
    rulesInForce(deps.store),
  ]);
  if (!geometry || !plan) return { ok: true, lengthM: 0 };
  const outcome = await deps.compute.delineate(geometry.features, {
    river: plan.record.riverId,
    rules,
    markers: false,
  });
  if (!outcome.ok) return outcome;
  const { delineation } = outcome;
  return { ok: true, lengthM: delineation.ok ? managementLengthM(delineation.zones.features) : 0 };
}

/** Drafts measured at once (the pool's queue takes 16). */
const MEASURE_BATCH = 4;

/** The service over the app's store, compute pool and clock. */
export function progressService(deps: ServerDeps): ProgressService {
  let cache: { revision: number; index: HistoryIndex } | null = null;
  const indexNow = async () => {
    const revision = await deps.store.revision();
    if (cache?.revision !== revision) cache = { revision, index: await loadIndex(deps) };
    return cache.index;
  };
  /** Measures the versions not measured yet, a few at a time, into the store and the index. */
  const measureAll = async (
    index: HistoryIndex,
    needs: readonly { planId: string; version: number }[],
  ): Promise<{ ok: true } | { ok: false; why: 'busy' | 'late'; retryAfter: number }> => {
    // a few at a time: the pool computes them in parallel without filling its queue
    for (let i = 0; i < needs.length; i += MEASURE_BATCH) {
      const batch = needs.slice(i, i + MEASURE_BATCH);
      const lengths = await Promise.all(batch.map((n) => measure(deps, n.planId, n.version)));
      for (const [k, m] of lengths.entries()) {
        if (!m.ok) return m;
        const need = batch[k] as { planId: string; version: number };
        await deps.store.recordDraftLength(need.planId, need.version, m.lengthM);
        // the index is this service's own: fill the length in (the store's revision is unchanged)
        const plan = index.plans.find((p) => p.id === need.planId);
        const v = plan?.versions.find((x) => x.version === need.version);
        if (v) v.lengthM = m.lengthM;
      }
    }
    return { ok: true };
  };
  return {
    async progress(month, { measure: measuring = true } = {}) {
      const now = deps.clock();
      const index = await indexNow();
      const measured = await measureAll(
        index,
        measuring ? versionsToMeasure(index, month, now) : [],
      );
      if (!measured.ok) return measured;
      return { ok: true, progress: progressOf(index, month, now), index };
    },
    async series(months, { measure: measuring = true } = {}) {
      const now = deps.clock();
      const index = await indexNow();
      const needs = measuring ? seriesVersionsToMeasure(index, months, now) : [];
      const measured = await measureAll(index, needs);
      if (!measured.ok) return measured;
      return { ok: true, series: monthSeries(index, months, now) };
    },
  };
}
