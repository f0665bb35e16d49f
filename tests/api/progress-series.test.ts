import { beforeAll, describe, expect, it } from 'vitest';
import {
  progressSchema,
  progressSeriesSchema,
  publicProgressSchema,
  publicProgressSeriesSchema,
} from '../../src/contract/progress';
import { monthsBetween } from '../../src/domain/progress/report-month';
import type { Store } from '../../src/server/store/store';
import {
  type InProcessApp,
  logInProcess,
  startInProcess,
  type TestClock,
  testClock,
} from '../helpers/display-accept';
import { fourKmPool, progressHistory } from '../helpers/progress-history';

let clock: TestClock;
let ctx: InProcessApp;
let store: Store;
const at = (iso: string) => clock.set(iso);

const { use, move, save, publish } = progressHistory({ lines: 1, boundary: 2, noticeBoards: 1 });

async function admin() {
  const { headers } = await logInProcess(ctx.app, 'admin', 'demo-admin');
  return (path: string) => ctx.app.request(path, { headers });
}

beforeAll(async () => {
  clock = testClock('2019-07-01T00:00:00+08:00');
  ctx = await startInProcess({ clock: clock.now, stamp: true, compute: fourKmPool });
  store = ctx.store;
  use(store, clock);
  // 灵山县 and 钦南区: drafts never measured before the series asks, publications, a correction
  // published later, moves at a month's last second and first second, plans left overdue
  await move('county-01', 'not-started', 'draft', '2019-08-10T10:00:00+08:00');
  await save('county-01', 0, '2019-08-20T10:00:00+08:00');
  await publish('county-01', 'draft', 1, '2019-10-20T10:00:00+08:00', 8300);
  await move('county-02', 'not-started', 'draft', '2019-11-05T10:00:00+08:00');
  await save('county-02', 0, '2019-11-10T10:00:00+08:00');
  await move('county-03', 'not-started', 'draft', '2019-12-15T10:00:00+08:00');
  await save('county-03', 0, '2019-12-20T10:00:00+08:00');
  await move('county-04', 'not-started', 'base-map', '2019-12-31T23:59:59+08:00');
  await move('county-04', 'base-map', 'draft', '2020-01-01T00:00:00+08:00');
  await save('county-02', 1, '2020-02-02T10:00:00+08:00');
  await publish('county-02', 'draft', 2, '2020-02-03T10:00:00+08:00', 5000);
  const qinnan = (await store.listPlans())
    .map((p) => p.record)
    .filter((p) => p.unit.startsWith('钦南区'))
    .map((p) => p.id);
  expect(qinnan.length).toBeGreaterThan(1);
  await move(qinnan[0] as string, 'not-started', 'base-map', '2019-09-30T23:59:59+08:00');
  await move(qinnan[1] as string, 'not-started', 'draft', '2020-01-20T10:00:00+08:00');
  await save(qinnan[1] as string, 0, '2020-01-21T10:00:00+08:00');
  at('2020-03-15T10:00:00+08:00');
}, 60_000);

describe('GET /api/progress/series', () => {
  it('each month equals GET /api/progress of that month (2019-06 … the running 2020-03)', async () => {
    const get = await admin();
    // the series first: it measures the drafts itself
    const res = await get('/api/progress/series?from=2019-06&to=2020-03');
    expect(res.status, await res.clone().text()).toBe(200);
    const series = progressSeriesSchema.strict().parse(await res.json());
    const months = monthsBetween('2019-06', '2020-03');
    expect(series.months.map((m) => m.month)).toEqual(months);
    for (const [k, month] of months.entries()) {
      const one = await get(`/api/progress?month=${month}`);
      expect(one.status).toBe(200);
      const p = progressSchema.parse(await one.json());
      expect(series.months[k]).toEqual({
        month,
        asOf: p.asOf,
        units: p.units.map((u) => ({
          unit: u.unit,
          plans: u.plans,
          byStage: u.byStage,
          km: u.km,
          markers: { boundary: u.markers.boundary, noticeBoards: u.markers.noticeBoards },
          overdue: u.overdue.length,
        })),
      });
    }
    // the figures are not all zero: drafts measured, publications, overdue plans
    const dec = series.months
      .find((m) => m.month === '2019-12')
      ?.units.find((u) => u.unit === '450721');
    expect(dec?.km).toEqual({ draft: 8, published: 8.3 });
    const mar = series.months.at(-1)?.units.find((u) => u.unit === '450721');
    expect(mar?.km).toEqual({ draft: 4, published: 13.3 });
    expect(series.months.at(-1)?.units.some((u) => u.overdue > 0)).toBe(true);
  });

  it("the plans' stages at the end of `to` are listed once and add up to that month's counts", async () => {
    const get = await admin();
    const body = progressSeriesSchema.parse(
      await (await get('/api/progress/series?from=2019-11&to=2020-01')).json(),
    );
    expect(body.stages['county-04']).toBe('draft');
    expect(body.stages['county-01']).toBe('published');
    const counted = Object.values(body.stages).filter((s) => s === 'draft').length;
    const drafts = body.months.at(-1)?.units.reduce((a, u) => a + (u.byStage.draft ?? 0), 0);
    expect(counted).toBe(drafts);
    expect(JSON.stringify(body.months)).not.toMatch(/county-/);
  });

  it('the public gets counts only, equal to the public GET /api/progress of each month', async () => {
    const res = await ctx.app.request('/api/progress/series?from=2019-09&to=2020-03');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/county-|draft"?:\s*\{|"km"|stages/);
    const body = publicProgressSeriesSchema.strict().parse(JSON.parse(text));
    for (const m of body.months) {
      const one = publicProgressSchema.parse(
        await (await ctx.app.request(`/api/progress?month=${m.month}`)).json(),
      );
      expect(m).toEqual({ month: one.month, asOf: one.asOf, units: one.units });
    }
  });

  it('refuses more than 120 months, a reversed range and a missing bound', async () => {
    const get = await admin();
    expect((await get('/api/progress/series?from=2010-01&to=2020-01')).status).toBe(400);
    expect((await get('/api/progress/series?from=2020-02&to=2020-01')).status).toBe(400);
    expect((await get('/api/progress/series?to=2020-01')).status).toBe(400);
    expect((await get('/api/progress/series?from=2011-02&to=2021-01')).status).toBe(200);
  });
});
