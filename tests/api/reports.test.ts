// Supervision (issue 14): figures of a seeded history to the unit, past months unchanged by today's
// data, report scope, lateness at 23:59:59 and 00:00:00 China time, revisions, reminders, and the
// exports read back by GDAL (XLSX) and poppler (PDF).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  progressSchema,
  publicProgressSchema,
  reportMatrixSchema,
  type UnitFigures,
} from '../../src/contract/progress';
import { createComputePool } from '../../src/server/compute/compute-pool';
import { findCjkFonts } from '../../src/server/documents/cjk-fonts';
import type { Store } from '../../src/server/store/store';
import {
  type InProcessApp,
  logInProcess,
  startInProcess,
  straightToes,
  type TestClock,
  testClock,
} from '../helpers/display-accept';
import { fourKmPool, progressHistory } from '../helpers/progress-history';

let clock: TestClock;
let ctx: InProcessApp;
let store: Store;
const dir = mkdtempSync(join(tmpdir(), 'hejie-reports-'));
const at = (iso: string) => clock.set(iso);

const { use, move, save, publish } = progressHistory({ lines: 2, boundary: 10, noticeBoards: 2 });

async function as(user: string) {
  const pw = {
    admin: 'demo-admin',
    planner: 'demo-planner',
    'planner-lingshan': 'demo-planner-lingshan',
  }[user] as string;
  const { headers } = await logInProcess(ctx.app, user, pw);
  return (path: string, body?: unknown) =>
    ctx.app.request(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

type Figures = UnitFigures;
async function figuresOf(month: string, unit = '450721') {
  const get = await as('admin');
  const res = await get(`/api/progress?month=${month}`);
  expect(res.status, await res.clone().text()).toBe(200);
  const body = progressSchema.parse(await res.json());
  return body.units.find((u) => u.unit === unit) as Figures;
}

beforeAll(async () => {
  clock = testClock('2019-07-01T00:00:00+08:00');
  ctx = await startInProcess({ clock: clock.now, stamp: true, compute: fourKmPool });
  store = ctx.store;
  use(store, clock);
  // 灵山县 (county-01 … county-08): county-01 published in October, two drafts by December, one
  // plan at 收集底图 at the last second of December, and its next move at the first of January
  await move('county-01', 'not-started', 'draft', '2019-08-10T10:00:00+08:00');
  await save('county-01', 0, '2019-08-20T10:00:00+08:00');
  await publish('county-01', 'draft', 1, '2019-10-20T10:00:00+08:00', 8300);
  await move('county-02', 'not-started', 'draft', '2019-11-05T10:00:00+08:00');
  await save('county-02', 0, '2019-11-10T10:00:00+08:00');
  await move('county-03', 'not-started', 'draft', '2019-12-15T10:00:00+08:00');
  await save('county-03', 0, '2019-12-20T10:00:00+08:00');
  await move('county-04', 'not-started', 'base-map', '2019-12-31T23:59:59+08:00');
  await move('county-04', 'base-map', 'draft', '2020-01-01T00:00:00+08:00');
  at('2020-01-15T10:00:00+08:00');
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('figures of a unit as of a month end', () => {
  it('灵山县 2019-12: 8 plans, 2 at 图上初划, 1 at 收集底图, 1 published, 8.3 km published, 8.0 km drafts', async () => {
    const f = await figuresOf('2019-12');
    expect(f.plans).toBe(8);
    expect(f.byStage).toMatchObject({ 'not-started': 4, 'base-map': 1, draft: 2, published: 1 });
    expect(f.km).toEqual({ draft: 8, published: 8.3 });
    expect(f.markers).toMatchObject({ boundary: 10, noticeBoards: 2 });
    expect(f.moves.map((m) => [m.planId, m.to])).toEqual([
      ['county-03', 'draft'],
      ['county-04', 'base-map'],
    ]);
    expect(f.overdue).toEqual([]);
    expect(f.onTime).toEqual({ due: 2, published: 1 });
  });

  it('2019-10: the publication of the month; 2020-01 (running, as of the 15th): county-02 overdue 15 days, the move at 00:00:00 in January', async () => {
    const oct = await figuresOf('2019-10');
    expect(oct.byStage).toMatchObject({ published: 1, 'not-started': 7 });
    expect(oct.km).toEqual({ draft: 0, published: 8.3 });
    const jan = await figuresOf('2020-01');
    expect(jan.overdue).toEqual([{ planId: 'county-02', days: 15 }]);
    expect(jan.moves.map((m) => [m.planId, m.to])).toEqual([['county-04', 'draft']]);
    expect(jan.byStage.draft).toBe(3);
  });

  it('the public summary has counts only: no plan ids, no drafts', async () => {
    const res = await ctx.app.request('/api/progress?month=2019-12');
    expect(res.status).toBe(200);
    const body = publicProgressSchema.strict().parse(await res.json());
    const f = body.units.find((u) => u.unit === '450721');
    expect(f).toEqual({
      unit: '450721',
      plans: 8,
      byStage: expect.objectContaining({ draft: 2, published: 1 }),
      publishedKm: 8.3,
      markers: { boundary: 10, noticeBoards: 2 },
      overdue: 0,
    });
    expect(JSON.stringify(body)).not.toMatch(/county-0/);
  });

  it('other units are counted apart: 钦南区 has 6 plans, all 未开始', async () => {
    const f = await figuresOf('2019-12', '450702');
    expect(f.plans).toBe(6);
    expect(f.byStage['not-started']).toBe(6);
  });

  it("today's data does not change a past month", async () => {
    const before = await figuresOf('2019-12');
    await move('county-05', 'not-started', 'draft', '2020-03-01T10:00:00+08:00');
    await save('county-02', 1, '2020-03-02T10:00:00+08:00');
    await publish('county-02', 'draft', 2, '2020-03-03T10:00:00+08:00', 5000);
    at('2020-03-10T10:00:00+08:00');
    expect(await figuresOf('2019-12')).toEqual(before);
    const march = await figuresOf('2020-03');
    expect(march.byStage.published).toBe(2);
    expect(march.km.published).toBe(13.3);
  });
});

describe('monthly reports', () => {
  it('planner-lingshan submits 灵山县 and gets 403 for 钦南区; the public gets 401', async () => {
    at('2019-12-31T23:59:59+08:00');
    const post = await as('planner-lingshan');
    const body = { unit: '450702', month: '2019-12', problems: '', nextSteps: '' };
    expect((await post('/api/reports', body)).status).toBe(403);
    const anon = await ctx.app.request('/api/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(anon.status).toBe(401);
  });

  it('on time at 23:59:59 China time, a correction at 00:00:00 is revision 2 and late; the first counts', async () => {
    at('2019-12-31T23:59:59+08:00');
    const post = await as('planner-lingshan');
    const first = await post('/api/reports', {
      unit: '450721',
      month: '2019-12',
      problems: '大风江底图待补测',
      nextSteps: '完成大潮江意见征求',
    });
    expect(first.status, await first.clone().text()).toBe(201);
    const r1 = (await first.json()) as {
      id: number;
      revision: number;
      late: boolean;
      figures: Figures;
    };
    expect([r1.revision, r1.late, r1.figures.plans]).toEqual([1, false, 8]);
    at('2020-01-01T00:00:00+08:00');
    const second = (await (
      await post('/api/reports', {
        unit: '450721',
        month: '2019-12',
        problems: '更正',
        nextSteps: '',
      })
    ).json()) as { revision: number; late: boolean };
    expect([second.revision, second.late]).toEqual([2, true]);
    // another unit's first report at 00:00:00 is late
    const admin = await as('admin');
    const late = await admin('/api/reports', {
      unit: '450703',
      month: '2019-12',
      problems: '',
      nextSteps: '',
    });
    expect(((await late.json()) as { late: boolean }).late).toBe(true);
    at('2020-01-10T10:00:00+08:00');
    const matrix = reportMatrixSchema.parse(
      await (await (await as('admin'))('/api/reports?month=2019-12')).json(),
    );
    const state = (u: string) => matrix.rows.find((r) => r.unit === u)?.cells[0];
    expect(state('450721')?.state).toBe('on-time');
    expect(state('450721')?.report?.revision).toBe(2);
    // every revision, oldest first, for the report form's list and downloads
    expect(
      state('450721')?.revisions.map((r) => [r.id === r1.id, r.revision, r.late, r.submittedAt]),
    ).toEqual([
      [true, 1, false, '2019-12-31T15:59:59.000Z'],
      [false, 2, true, '2019-12-31T16:00:00.000Z'],
    ]);
    expect(state('450722')?.revisions).toEqual([]);
    // people read the name of the account that sent it, not the username
    expect(state('450721')?.revisions.map((r) => r.submittedByName)).toEqual([
      '演示规划员 (灵山县水利局)',
      '演示规划员 (灵山县水利局)',
    ]);
    expect(state('450703')?.state).toBe('late');
    expect(state('450722')?.state).toBe('missing');
    const county = (await (
      await (
        await as('planner-lingshan')
      )('/api/reports?month=2019-12')
    ).json()) as {
      rows: { unit: string }[];
    };
    expect(county.rows.map((r) => r.unit)).toEqual(['450721']);
    const audit = await store.listAudit('report:450721:2019-12');
    expect(audit.map((a) => [a.action, (a.detail as { revision: number }).revision])).toEqual([
      ['report.submit', 1],
      ['report.submit', 2],
    ]);
  });

  it('the old revision is kept, and the month to come cannot be reported', async () => {
    const all = await store.listReports('2019-12');
    expect(all.filter((r) => r.unit === '450721').map((r) => r.problems)).toEqual([
      '大风江底图待补测',
      '更正',
    ]);
    at('2020-01-10T10:00:00+08:00');
    const post = await as('planner-lingshan');
    const res = await post('/api/reports', {
      unit: '450721',
      month: '2020-02',
      problems: '',
      nextSteps: '',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('reports.month.future');
  });

  it("a reminder shows on the unit's start screen until the report comes, and is audited", async () => {
    at('2020-02-03T10:00:00+08:00');
    const lingshan = await as('planner-lingshan');
    expect(
      (await lingshan('/api/reports/reminders', { unit: '450721', month: '2020-01' })).status,
    ).toBe(403);
    const admin = await as('admin');
    expect(
      (await admin('/api/reports/reminders', { unit: '450721', month: '2020-01' })).status,
    ).toBe(201);
    const todo = (await (await lingshan('/api/todo')).json()) as { items: { key: string }[] };
    expect(todo.items.map((i) => i.key)).toContain('report:450721:2020-01');
    expect((await store.listAudit('report:450721:2020-01')).map((a) => a.action)).toEqual([
      'report.remind',
    ]);
    await lingshan('/api/reports', {
      unit: '450721',
      month: '2020-01',
      problems: '',
      nextSteps: '',
    });
    const after = (await (await lingshan('/api/todo')).json()) as { items: { key: string }[] };
    expect(after.items.map((i) => i.key)).not.toContain('report:450721:2020-01');
  });

  it('the 考核表 says how each figure was computed', async () => {
    at('2020-02-03T10:00:00+08:00');
    const res = (await (await (await as('admin'))('/api/progress?month=2019-12')).json()) as {
      assessment: {
        unit: string;
        reportsOnTime: { value: number; basis: { code: string } };
        finishedByDeadline: { value: number };
      }[];
    };
    const row = res.assessment.find((a) => a.unit === '450721');
    // 2019-06 … 2019-12: 7 months due, one (December) on time
    expect(row?.reportsOnTime.value).toBe(14.3);
    expect(row?.reportsOnTime.basis.code).toBe('reports.basis.onTime');
    expect(row?.finishedByDeadline.value).toBe(50);
  });
});

describe('exports', () => {
  it('GDAL reads the city summary XLSX: its sheets and one row per unit plus the total', async () => {
    const get = await as('admin');
    const res = await get('/api/progress.xlsx?month=2019-12');
    expect(res.status).toBe(200);
    const file = join(dir, 'summary.xlsx');
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
    const info = execFileSync('ogrinfo', ['-ro', '-so', '-al', file], {
      env: { ...process.env, OGR_XLSX_HEADERS: 'DISABLE' },
    }).toString();
    expect(info).toMatch(/Layer name: 汇总表/);
    expect(info).toMatch(/Layer name: 逾期清单/);
    expect(info).toMatch(/Layer name: 本月推进/);
    expect(info).toMatch(/Layer name: 存在问题与下月计划/);
    const summary = execFileSync('ogrinfo', ['-ro', '-al', file, '汇总表'], {
      env: { ...process.env, OGR_XLSX_HEADERS: 'DISABLE' },
    }).toString();
    // title, subtitle, two header rows, five units, the total
    expect(summary).toMatch(/Feature Count: 10/);
    expect(summary).toMatch(/灵山县/);
    expect(summary).toMatch(/合计/);
  });

  it("a unit's report XLSX is the county's own; another county's is 404", async () => {
    const [report] = (await store.listReports('2019-12')).filter((r) => r.unit === '450721');
    const lingshan = await as('planner-lingshan');
    const own = await lingshan(`/api/reports/${report?.id}.xlsx`);
    expect(own.status).toBe(200);
    const file = join(dir, 'report.xlsx');
    writeFileSync(file, new Uint8Array(await own.arrayBuffer()));
    const info = execFileSync('ogrinfo', ['-ro', '-so', '-al', file]).toString();
    expect(info).toMatch(/Layer name: 进展情况/);
    // 报送人 is the person's name (the workbook's XML parts, unzipped)
    const parts = unzipSync(new Uint8Array(readFileSync(file)));
    const xml = Object.values(parts)
      .map((b) => strFromU8(b))
      .join('');
    expect(xml).toContain('报送人：演示规划员 (灵山县水利局)');
    expect(xml).not.toContain('报送人：planner-lingshan');
    const [other] = (await store.listReports('2019-12')).filter((r) => r.unit === '450703');
    expect((await lingshan(`/api/reports/${other?.id}.xlsx`)).status).toBe(404);
    expect((await lingshan('/api/progress.xlsx?month=2019-12')).status).toBe(403);
  });

  // without a CJK font the route answers 503 documents.noFont (tests/api/documents.test.ts)
  it.skipIf(findCjkFonts(undefined) === null)('poppler reads the city summary PDF', async () => {
    const get = await as('admin');
    const res = await get('/api/progress.pdf?month=2019-12');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = join(dir, 'summary.pdf');
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toMatch(/汇总表/);
    expect(text).toMatch(/灵山县/);
    expect(text).toMatch(/更正/); // the newest revision's 存在问题
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+[12]\b/);
  });
});

describe('drafts measured by the zone engine', () => {
  it("a saved draft's management lines are measured once and kept: two banks of a 1 km reach ≈ 2 km", async () => {
    const c = testClock('2019-11-01T10:00:00+08:00');
    const own = await startInProcess({
      clock: c.now,
      stamp: true,
      compute: createComputePool({ size: 0 }),
    });
    await own.store.moveStage('county-01', 'not-started', 'draft', 'planner', '');
    await own.store.saveGeometry('county-01', 0, straightToes(), 'planner', '');
    c.set('2019-11-20T10:00:00+08:00');
    const { headers } = await logInProcess(own.app, 'admin', 'demo-admin');
    const res = await own.app.request('/api/progress?month=2019-11', { headers });
    expect(res.status, await res.clone().text()).toBe(200);
    const f = progressSchema.parse(await res.json()).units.find((u) => u.unit === '450721');
    expect(f?.km.draft).toBeGreaterThan(1.9);
    expect(f?.km.draft).toBeLessThan(2.2);
    const kept = await own.store.listDraftLengths();
    expect(kept).toHaveLength(1);
    expect(kept[0]?.lengthM).toBeCloseTo((f?.km.draft ?? 0) * 1000, -1);
  }, 30_000);
});
