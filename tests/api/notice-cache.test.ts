// Issue 17: what is derived from a frozen publication is built once per publication (plan id + ETag),
// not per request: the notice (0.29 s each on a large publication before) and markers.csv. Counted
// builds, not timings. A new publication builds anew; the settings' authority and phone stay live.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createComputePool } from '../../src/server/compute/compute-pool';
import type { Store } from '../../src/server/store/store';
import {
  carryTo,
  displayAndAccept,
  type InProcessApp,
  logInProcess,
  startInProcess,
  straightToes,
  testClock,
} from '../helpers/display-accept';

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

const JSON_TYPE = { 'content-type': 'application/json' };
const compute = createComputePool({ size: 1 });
const clock = testClock('2026-12-03T02:00:00Z');

let store: Store;
let app: InProcessApp['app'];
let admin: Record<string, string>;
beforeAll(async () => {
  ({ app, store } = await startInProcess({ clock: clock.now, compute }));
  await logIn();
});

/** The admin's session (again after the clock moved past a display: sessions last 8 hours). */
async function logIn() {
  admin = { ...JSON_TYPE, ...(await logInProcess(app, 'admin', 'demo-admin')).headers };
}
afterAll(() => compute.close());

async function publish(version: number, shift: number) {
  // the chief signs the saved version at 审核确定 and 成果文件制作与验收 (only a signed version publishes)
  await carryTo(store, 'city-01', 'deliverables', { version, features: straightToes(shift) });
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
