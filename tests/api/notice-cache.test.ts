// Issue 17: what is derived from a frozen publication is built once per publication (plan id + ETag),
// not per request: the notice (0.29 s each on a large publication before) and markers.csv. Counted
// builds, not timings. A new publication builds anew; the settings' authority and phone stay live.
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app';
import { seedDemoAccounts } from '../../src/server/auth/demo-accounts';
import { createComputePool } from '../../src/server/compute/compute-pool';
import { createMemoryStore } from '../../src/server/store/memory-store';
import type { Store } from '../../src/server/store/store';
import { displayAndAccept, testClock } from '../helpers/display-accept';
import { bundledRegister } from '../helpers/register';

const built = vi.hoisted(() => ({ notices: 0, tables: 0 }));
vi.mock('../../src/domain/notice/build-notice', async (original) => {
  const m = await original<typeof import('../../src/domain/notice/build-notice')>();
  return {
    ...m,
    buildNotice: (...args: Parameters<typeof m.buildNotice>) => {
      built.notices += 1;
      return m.buildNotice(...args);
    },
  };
});
vi.mock('../../src/domain/formats/export/export-features', async (original) => {
  const m = await original<typeof import('../../src/domain/formats/export/export-features')>();
  return {
    ...m,
    exportFeatures: (...args: Parameters<typeof m.exportFeatures>) => {
      built.tables += 1;
      return m.exportFeatures(...args);
    },
  };
});

const { geodata } = bundledRegister();
const JSON_TYPE = { 'content-type': 'application/json' };
const compute = createComputePool({ size: 1 });
const clock = testClock('2026-12-03T02:00:00Z');
const toe = (role: string, dLat: number): Feature => ({
  type: 'Feature',
  geometry: {
    type: 'LineString',
    coordinates: [0, 1, 2, 3, 4].map((i) => [108.6 + i * 0.0025, 21.95 + dLat]),
  },
  properties: { reach: 'QJ-A', role, embankmentClass: 2, widthM: 30 },
});

let store: Store;
let app: ReturnType<typeof createApp>;
let admin: Record<string, string>;
beforeAll(async () => {
  store = createMemoryStore();
  await store.seedIfEmpty(
    { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'test' },
    'test',
  );
  await seedDemoAccounts(store, 'test');
  app = createApp({
    store,
    geodata,
    distDir: null,
    demo: true,
    tiandituKey: null,
    compute,
    clock: clock.now,
  });
  await logIn();
});

/** The admin's session (again after the clock moved past a display: sessions last 8 hours). */
async function logIn() {
  const res = await app.request('/api/login', {
    method: 'POST',
    headers: JSON_TYPE,
    body: JSON.stringify({ username: 'admin', password: 'demo-admin' }),
  });
  const cookie = /hejie_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrf } = (await res.json()) as { csrf: string };
  admin = { ...JSON_TYPE, cookie, 'x-csrf-token': csrf };
}
afterAll(() => compute.close());

async function publish(version: number, shift: number) {
  await store.saveGeometry(
    'city-01',
    version - 1,
    [toe('toe-left', 0.00036 + shift), toe('toe-right', -0.00036 + shift)],
    'test',
    '',
  );
  // the chief signs the saved version at 审核确定 and 成果文件制作与验收 (only a signed version publishes)
  const stage = (await store.getPlan('city-01'))?.stage ?? 'not-started';
  if (stage !== 'field-check')
    await store.moveStage('city-01', stage, 'field-check', 'test', 'test');
  await store.moveStage('city-01', 'field-check', 'review', 'gaopu', 'signed');
  await store.moveStage('city-01', 'review', 'deliverables', 'gaopu', 'signed');
  // a finished 公示 and a 合格 acceptance of the version (issue 13)
  await displayAndAccept(app, admin, 'city-01', version, clock);
  await logIn();
  const res = await app.request('/api/plans/city-01/publish', {
    method: 'POST',
    headers: admin,
    body: '{}',
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

describe('derived from a publication, built once', () => {
  it('the notice and markers.csv: one build per publication, whatever the requests', async () => {
    await publish(1, 0);
    const notices = await Promise.all(
      Array.from({ length: 5 }, () => app.request('/api/plans/city-01/notice')),
    );
    expect(notices.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const first = await notices[0]?.json();
    expect((await app.request('/api/plans/city-01/notice')).status).toBe(200);
    expect(built.notices).toBe(1);
    const tables = [];
    for (let i = 0; i < 3; i++)
      tables.push(
        await (await app.request('/api/plans/city-01/markers.csv', { headers: admin })).text(),
      );
    expect(new Set(tables).size).toBe(1);
    expect(built.tables).toBe(1);

    // the settings are read per request, the cached notice does not freeze them
    await app.request('/api/settings', {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ noticeAuthority: '钦州市水利局', supervisionPhone: '0777-1234567' }),
    });
    const withAuthority = (await (await app.request('/api/plans/city-01/notice')).json()) as Record<
      string,
      unknown
    >;
    expect(withAuthority).toEqual({
      ...(first as object),
      authority: '钦州市水利局',
      supervisionPhone: '0777-1234567',
    });
    expect(built.notices).toBe(1);

    // a new publication is a new ETag: built once more
    await store.moveStage('city-01', 'published', 'field-check', 'test', 'revise');
    await publish(2, 0.001);
    const second = (await (await app.request('/api/plans/city-01/notice')).json()) as {
      version: number;
    };
    expect(second.version).toBe(2);
    await app.request('/api/plans/city-01/notice');
    expect(built.notices).toBe(2);
  }, 60_000);
});
