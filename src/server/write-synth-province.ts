// Writes a synthetic province (src/domain/synth) into a store through its ordinary writes: the seed,
// stage moves, saved versions and publications computed in the compute pool like the publish route's.
import type { Message } from '../domain/message';
import { msg } from '../domain/message';
import type { SynthPlan, SynthProvince } from '../domain/synth/synth-province';
import type { StageId } from '../domain/workflow/stages';
import type { ComputePool } from './compute/compute-pool';
import { buildPublication } from './routes/publish-plan';
import type { Publication, Store } from './store/store';

const ACTOR = 'synth';
const DAY_MS = 86_400_000;

/** The store, a pool and the store's clock (the writer sets it to each event's time). */
export interface SynthTarget {
  store: Store;
  compute: ComputePool;
  setNow: (at: Date) => void;
  /** write into a store that holds other records (accounts, settings) but no plan */
  force: boolean;
}

/** Why a store cannot take a province, or null. */
async function refusal(store: Store, force: boolean): Promise<Message | null> {
  const plans = await store.listPlans();
  if (plans.length > 0) return msg('synth.hasPlans', { plans: plans.length });
  const revision = await store.revision();
  if (revision > 0 && !force) return msg('synth.notEmpty', { entries: revision });
  return null;
}

/** The publications of the plans that reach 公告实施, computed a few at a time in the pool. */
async function publications(
  t: SynthTarget,
  province: SynthProvince,
): Promise<Map<string, Publication> | Message> {
  const todo = province.plans.filter((p) => p.moves.at(-1)?.to === 'published');
  const done = new Map<string, Publication>();
  let next = 0;
  const failed: { why: Message | null } = { why: null };
  const one = async (p: SynthPlan) => {
    const at = new Date(p.moves.at(-1)?.at as string);
    const version = { planId: p.record.id, version: 1, features: p.features } as const;
    const built = await buildPublication(
      { store: t.store, compute: t.compute, clock: () => at, geodata: province },
      p.record,
      { ...version, author: ACTOR, comment: '', createdAt: at.toISOString() },
      ACTOR,
    );
    if (built.ok) done.set(p.record.id, built.publication);
    else if ('why' in built)
      todo.push(p); // busy: once more, later
    else
      failed.why = msg('synth.notPublishable', { plan: p.record.id, why: built.errors[0] ?? '' });
  };
  const lane = async () => {
    while (next < todo.length && !failed.why) await one(todo[next++] as SynthPlan);
  };
  await Promise.all([lane(), lane(), lane(), lane()]);
  return failed.why ?? done;
}

/**
 * Seeds the store with the province, then replays every plan's history in time order (stage moves,
 * the draft saved a day after 图上初划, the publication). Refused into a store that holds plans, or
 * any other record unless `force`. Returns the counts written, or why nothing was written.
 * @example await writeSynthProvince(province, { store, compute, setNow, force: false }) // { ok: true, plans: 5000, published: 1400 }
 */
export async function writeSynthProvince(
  province: SynthProvince,
  t: SynthTarget,
): Promise<{ ok: true; plans: number; published: number } | { ok: false; error: Message }> {
  const refused = await refusal(t.store, t.force);
  if (refused) return { ok: false, error: refused };
  const frozen = await publications(t, province);
  if (!(frozen instanceof Map)) return { ok: false, error: frozen };
  const events = province.plans.flatMap((p) =>
    p.moves.flatMap((m, i) => {
      const from = (i === 0 ? 'not-started' : p.moves[i - 1]?.to) as StageId;
      const at = Date.parse(m.at);
      const move = { plan: p, from, to: m.to, at, save: false };
      return m.to === 'draft' ? [move, { ...move, at: at + DAY_MS, save: true }] : [move];
    }),
  );
  events.sort((a, b) => a.at - b.at || a.plan.record.id.localeCompare(b.plan.record.id));
  const first = events[0]?.at ?? Date.now();
  t.setNow(new Date(first - DAY_MS));
  await t.store.seedIfEmpty(
    {
      plans: province.plans.map((p) => p.record),
      waterbodies: province.waterbodies,
      source: 'synthetic',
    },
    ACTOR,
  );
  for (const e of events) {
    t.setNow(new Date(e.at));
    const id = e.plan.record.id;
    if (e.save) await t.store.saveGeometry(id, 0, e.plan.features, ACTOR, '合成数据（synthetic）');
    else if (e.to === 'published')
      await t.store.publish(frozen.get(id) as Publication, e.from, ACTOR);
    else await t.store.moveStage(id, e.from, e.to, ACTOR, '合成数据（synthetic）');
  }
  t.setNow(new Date((events.at(-1)?.at ?? first) + DAY_MS));
  const published = frozen.size;
  await t.store.appendAudit(ACTOR, 'synth.province', 'store', {
    synthetic: true,
    plans: province.plans.length,
    published,
  });
  return { ok: true, plans: province.plans.length, published };
}
