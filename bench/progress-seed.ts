// The history the supervision benches read (bench/progress-run.ts, bench/dashboard-run.ts): the
// bundled register's 36 plans or a synthetic province of `count` plans (generated here, flagged
// synthetic in every record, never in the demo), each walked through the stages from 2019-06 on, in
// an in-memory SQLite store with the demo accounts. The clock then stands at 2026-12-03 10:00 China.
import type { Feature } from 'geojson';
import type { PlanRecord } from '../src/domain/plans/plan';
import { STAGES, type StageId } from '../src/domain/workflow/stages';
import { seedDemoAccounts } from '../src/server/auth/demo-accounts';
import type { ComputePool } from '../src/server/compute/compute-pool';
import type { Geodata } from '../src/server/geodata';
import { openSqliteStore } from '../src/server/store/sqlite-store';
import type { Store } from '../src/server/store/store';
import { bundledRegister } from '../tests/helpers/register';

const UNITS = ['市水利局', '钦南区水利局', '钦北区水利局', '灵山县水利局', '浦北县水利局'];
const DEADLINES = ['2019年10月', '2019年12月', '2020年12月', '2021年12月'];
const MONTH_MS = 30.4 * 86_400_000;
const START = Date.parse('2019-06-05T02:00:00Z');

/** A synthetic plan (合成): no river of Qinzhou, flagged in its name, note and river id. */
function syntheticPlan(i: number): PlanRecord {
  return {
    id: `syn-${String(i).padStart(5, '0')}`,
    level: '县级',
    seq: i + 1,
    name: `合成河流${i + 1}`,
    basinAreaKm2: null,
    chief: '合成',
    unit: UNITS[i % UNITS.length] as string,
    leader: '合成',
    deadline: DEADLINES[i % DEADLINES.length] as string,
    note: 'synthetic（合成数据，仅供基准测试）',
    riverId: 'synthetic',
    section: null,
  };
}

const line = (lengthM: number): Feature => ({
  type: 'Feature',
  geometry: {
    type: 'LineString',
    coordinates: [
      [108.6, 21.95],
      [108.61, 21.95],
    ],
  },
  properties: { kind: 'management-line', lengthM, synthetic: true },
});
const marker = (markerType: string): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [108.6, 21.95] },
  properties: { markerType, synthetic: true },
});

/** Walks plan `i` through the stages from a month of its own, one step every 1–7 months. */
async function history(store: Store, setNow: (t: number) => void, id: string, i: number) {
  let t = START + (i % 40) * MONTH_MS + (i % 17) * 86_400_000;
  const last = 1 + (i % (STAGES.length - 1)); // 1 … 7 (公告实施)
  for (let s = 1; s <= last; s++) {
    const from = STAGES[s - 1]?.id as StageId;
    const to = STAGES[s]?.id as StageId;
    setNow(t);
    if (to === 'published') {
      await store.publish(
        {
          planId: id,
          version: 1,
          zones: { type: 'FeatureCollection', features: [line(1000 + (i % 9) * 500)] },
          markers: {
            type: 'FeatureCollection',
            features: ['boundary', 'boundary', 'boundary', 'notice-board'].map(marker),
          },
          rules: {},
          etag: `"${id}"`,
          publishedAt: new Date(t).toISOString(),
          publishedBy: 'bench',
        },
        from,
        'bench',
      );
    } else await store.moveStage(id, from, to, 'bench', '');
    if (to === 'draft') {
      setNow(t + 86_400_000);
      await store.saveGeometry(id, 0, [line(0)], 'bench', '');
      await store.recordDraftLength(id, 1, 800 + (i % 11) * 300);
    }
    t += (1 + (i % 7)) * MONTH_MS;
  }
}

/** A compute pool that is always busy: the benches read, they never compute drafts. */
export const noPool: ComputePool = {
  delineate: async () => ({ ok: false, why: 'busy', retryAfter: 1 }),
  draftZones: async () => ({ ok: false, why: 'busy', retryAfter: 1 }),
  close: async () => {},
};

/** The seeded store, its clock (now 2026-12-03) and how long writing the history took (ms). */
export async function seedProgressStore(count: number): Promise<{
  store: Store;
  geodata: Geodata;
  clock: () => Date;
  seedMs: number;
}> {
  let now = START;
  const clock = () => new Date(now);
  const store = openSqliteStore(':memory:', clock);
  const { geodata } = bundledRegister();
  const plans =
    count === 36 ? geodata.plans : Array.from({ length: count }, (_, i) => syntheticPlan(i));
  await store.seedIfEmpty({ plans, waterbodies: geodata.waterbodies, source: 'bench' }, 'bench');
  await seedDemoAccounts(store, 'bench');
  const t0 = performance.now();
  for (const [i, p] of plans.entries()) await history(store, (t) => (now = t), p.id, i);
  const seedMs = performance.now() - t0;
  now = Date.parse('2026-12-03T02:00:00Z');
  return { store, geodata, clock, seedMs };
}
