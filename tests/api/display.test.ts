// 公示 (issue 13), in process on an injectable clock: a planner puts the signed version on display,
// the public reads it and sends opinions (limited per address), the planner answers them, and
// publishing waits for the end of the display, every answer and a 合格 acceptance. Each refusal
// answers its status and code and writes nothing (the audit log does not grow).
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComputePool } from '../../src/server/compute/compute-pool';
import { OPINION_LIMITS } from '../../src/server/routes/opinion-limits';
import type { Store } from '../../src/server/store/store';
import {
  acceptanceForm,
  afterDisplay,
  carryTo,
  type InProcessApp,
  logInProcess,
  startInProcess,
  testClock,
} from '../helpers/display-accept';
import { englishSentences } from '../helpers/english-sentences';

const compute = createComputePool({ size: 1 });
const clock = testClock('2026-12-03T02:00:00Z'); // 10:00 China time, a Thursday
const PLAN = 'city-01';

let store: Store;
let app: InProcessApp['app'];
const PASSWORDS = { planner: 'demo-planner', gaopu: 'demo-gaopu' } as const;
type Who = keyof typeof PASSWORDS | 'public';

/** A fresh session's headers (sessions last 8 hours: the clock moves by days here). */
async function headersOf(who: Who, lang = 'en'): Promise<Record<string, string>> {
  const base = { 'content-type': 'application/json', 'accept-language': lang };
  if (who === 'public') return base;
  const { headers } = await logInProcess(app, who, PASSWORDS[who]);
  return { ...base, ...headers };
}

async function call(who: Who, method: string, path: string, body?: unknown, lang = 'en') {
  return app.request(path, {
    method,
    headers: await headersOf(who, lang),
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/** A public opinion from `address` (the socket's address, as the server reads it). */
async function opinion(body: unknown, address = '203.0.113.7', lang = 'en') {
  const env = { incoming: { socket: { remoteAddress: address } } };
  return app.request(
    `/api/plans/${PLAN}/public-opinions`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': lang },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
    env,
  );
}

// logins are audited too: the refusals are counted without them
const audits = async () =>
  (await store.listAudit()).filter((e) => !e.action.startsWith('user.')).length;
const opinions = async () => (await store.listPublicOpinions(PLAN)).length;

/** Expects a refusal with its status and code, and nothing written. */
async function refused(res: Promise<Response>, status: number, code: string) {
  const before = await audits();
  const answer = await res;
  const body = (await answer.json()) as { code: string; error: string };
  expect(answer.status, JSON.stringify(body)).toBe(status);
  expect(body.code).toBe(code);
  expect(await audits()).toBe(before);
  return body;
}

beforeAll(async () => {
  ({ app, store } = await startInProcess({ clock: clock.now, compute }));
  await carryTo(store, PLAN, 'review');
}, 60_000);
afterAll(() => compute.close());

describe('公示 before the plan reaches 成果文件制作与验收', () => {
  it('refuses to display at another stage (409) and publishing without a display (409)', async () => {
    await refused(
      call('planner', 'POST', `/api/plans/${PLAN}/display`, { version: 1 }),
      409,
      'review.display.wrongStage',
    );
    await store.moveStage(PLAN, 'review', 'deliverables', 'gaopu', 'signed');
    const body = await refused(
      call('planner', 'POST', `/api/plans/${PLAN}/publish`, {}),
      409,
      'review.publish.noDisplay',
    );
    expect(body.error).toBe(
      'version 1 has not been on public display: display it, answer every opinion, then publish',
    );
    const zh = await refused(
      call('planner', 'POST', `/api/plans/${PLAN}/publish`, {}, 'zh-CN'),
      409,
      'review.publish.noDisplay',
    );
    expect(zh.error).toContain('第 1 版尚未公示');
    expect(englishSentences(zh.error)).toEqual([]);
  });

  it('only a planner of the plan starts a display, of a saved version', async () => {
    await refused(
      call('public', 'POST', `/api/plans/${PLAN}/display`, { version: 1 }),
      401,
      'common.logInTo',
    );
    await refused(
      call('gaopu', 'POST', `/api/plans/${PLAN}/display`, { version: 1 }),
      403,
      'common.mayNot',
    );
    const unknown = await refused(
      call('planner', 'POST', `/api/plans/${PLAN}/display`, { version: 9 }),
      400,
      'display.noVersion',
    );
    expect(unknown).toMatchObject({ field: 'version' });
    const days = await refused(
      call('planner', 'POST', `/api/plans/${PLAN}/display`, { version: 1, days: 31 }),
      400,
      'common.invalidField',
    );
    expect(days).toMatchObject({ field: 'days' });
    expect(await store.listDisplays(PLAN)).toEqual([]);
    await refused(opinion({ text: '没有公示' }), 409, 'display.notOpen');
    await refused(call('public', 'GET', `/api/plans/${PLAN}/display`), 404, 'display.none');
  });
});

describe('the whole 公示', () => {
  it('starts today (China) for the displayDays in force, once at a time', async () => {
    const res = await call('planner', 'POST', `/api/plans/${PLAN}/display`, { version: 1 });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      planId: PLAN,
      version: 1,
      start: '2026-12-03',
      end: '2026-12-09',
      days: 7,
      startedBy: 'planner',
    });
    const again = await refused(
      call('planner', 'POST', `/api/plans/${PLAN}/display`, { version: 1 }),
      409,
      'display.alreadyOpen',
    );
    expect(again.error).toContain('2026-12-03 to 2026-12-09');
  });

  it('shows everyone the displayed lines and zones, never a marker or coordinate table', async () => {
    const res = await call('public', 'GET', `/api/plans/${PLAN}/display`);
    expect(res.status).toBe(200);
    const shown = (await res.json()) as {
      period: Record<string, unknown>;
      state: string;
      zones: { type: string; features: Feature[] };
    };
    expect(shown.period).toEqual({
      planId: PLAN,
      version: 1,
      start: '2026-12-03',
      end: '2026-12-09',
      days: 7,
    });
    expect(shown.state).toBe('open');
    expect(shown.zones.type).toBe('FeatureCollection');
    const kinds = new Set(shown.zones.features.map((f) => f.geometry.type));
    expect(kinds.has('Polygon') || kinds.has('MultiPolygon')).toBe(true);
    expect(shown.zones.features.some((f) => f.geometry.type.endsWith('LineString'))).toBe(true);
    expect(shown.zones.features.every((f) => f.geometry.type !== 'Point')).toBe(true);
    expect(Object.keys(shown)).toEqual(['period', 'state', 'zones']);
  });

  it('takes a citizen’s opinion without a session, stored as typed (NFC, no controls), contact for staff only', async () => {
    const typed = '<script>alert(1)</script>\r\n堤防“管理范围”\u0000太宽\u202e了\u0301';
    const res = await opinion({ text: typed, name: '  王某 ', contact: '13800000000' });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: number };
    // a same-origin page posts it without a session; another site cannot
    const post = async (origin: string) =>
      app.request(`http://localhost/api/plans/${PLAN}/public-opinions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, 'accept-language': 'en' },
        body: JSON.stringify({ text: '同源页面提交' }),
      });
    expect((await post('http://localhost')).status).toBe(201);
    await refused(post('http://evil.example'), 403, 'server.crossSite.origin');
    await refused(
      call('public', 'GET', `/api/plans/${PLAN}/public-opinions`),
      401,
      'common.logInTo',
    );
    const list = (await (
      await call('planner', 'GET', `/api/plans/${PLAN}/public-opinions`)
    ).json()) as {
      id: number;
      text: string;
      name: string;
      contact: string;
    }[];
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ id, name: '王某', contact: '13800000000', answer: null });
    expect(list[0]?.text).toBe(
      '<script>alert(1)</script>\n堤防“管理范围”太宽了\u0301'.normalize('NFC'),
    );
    // the JSON answer carries it as data; the audit log only its id and length
    const entry = (await store.listAudit(PLAN)).findLast(
      (e) => e.detail && (e.detail as { id?: number }).id === id,
    );
    expect(entry).toMatchObject({ action: 'display.opinion', actor: 'public' });
    expect(JSON.stringify(entry)).not.toContain('13800000000');
  });

  it('refuses an empty or too long opinion with the field (400), and a 2 MB body (413)', async () => {
    const before = await opinions();
    const empty = await refused(opinion({ text: ' \u0000\u0007 ' }), 400, 'common.invalidField');
    expect(empty).toMatchObject({ field: 'text' });
    const long = await refused(opinion({ text: '意'.repeat(1001) }), 400, 'common.invalidField');
    expect(long).toMatchObject({ field: 'text' });
    expect(long.error).toMatch(/text/);
    await refused(opinion({ text: '意', extra: 1 }), 400, 'common.invalidField');
    const huge = await refused(
      opinion({ text: 'x'.repeat(2 * 1024 * 1024) }),
      413,
      'server.body.tooLarge',
    );
    expect(huge.error).toBe('request body is larger than 1 MB');
    expect(await opinions()).toBe(before);
  });

  it('takes at most 5 opinions a minute from one address: 30 give 5 stored and 25 × 429', async () => {
    expect(OPINION_LIMITS).toEqual({ perMinute: 5, perDay: 20 });
    const address = '198.51.100.23';
    const before = await opinions();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => opinion({ text: `第 ${i} 条意见` }, address)),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    const limited = answers.find((r) => r.status === 429) as Response;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({
      code: 'display.tooManyMinute',
      error: expect.stringMatching(
        /^too many submissions: at most 5 opinions a minute from one address; try again in \d+ s$/,
      ),
    });
    expect(await opinions()).toBe(before + 5);
    // the Chinese message is Chinese
    const zh = await opinion({ text: '再来一条' }, address, 'zh-CN');
    const zhBody = (await zh.json()) as { error: string };
    expect(zhBody.error).toMatch(/^提交过于频繁/);
    expect(englishSentences(zhBody.error)).toEqual([]);
    // another address is not held back
    expect((await opinion({ text: '另一处的意见' }, '198.51.100.24')).status).toBe(201);
    // a minute later the address may send again, up to 20 a day on this plan
    for (let minute = 1; minute <= 3; minute++) {
      clock.set(new Date(clock.now().getTime() + 61_000).toISOString());
      for (let i = 0; i < 5; i++) {
        const r = await opinion({ text: `第 ${minute} 分钟` }, address);
        expect(r.status).toBe(201);
      }
    }
    clock.set(new Date(clock.now().getTime() + 61_000).toISOString());
    const day = await refused(opinion({ text: '第 21 条' }, address), 429, 'display.tooManyDay');
    expect(day.error).toMatch(/at most 20 opinions a day on one plan/);
  });

  it('refuses to publish while the display is open (409), and an opinion after its end (409)', async () => {
    const open = await refused(
      call('planner', 'POST', `/api/plans/${PLAN}/publish`, {}),
      409,
      'review.publish.displayOpen',
    );
    expect(open.error).toBe(
      'the public display of version 1 runs until 2026-12-09: publish after it ends',
    );
    clock.set(afterDisplay({ end: '2026-12-09' }));
    const before = await opinions();
    const late = await refused(opinion({ text: '迟到的意见' }, '192.0.2.1'), 409, 'display.closed');
    expect(late.error).toBe(
      'the public display of city-01 ran from 2026-12-03 to 2026-12-09 and is over: opinions are no longer accepted',
    );
    expect(await opinions()).toBe(before);
    const shown = await (await call('public', 'GET', `/api/plans/${PLAN}/display`)).json();
    expect(shown).toMatchObject({ state: 'over' });
  });

  it('publishes only once every opinion is answered and a 合格 acceptance is recorded', async () => {
    const all = await store.listPublicOpinions(PLAN);
    const unanswered = await refused(
      call('planner', 'POST', `/api/plans/${PLAN}/publish`, {}),
      409,
      'review.publish.opinionsUnanswered',
    );
    expect(unanswered.error).toBe(
      `${all.length} opinions received during the display are not answered yet: answer them all, then publish`,
    );
    const first = all[0]?.id as number;
    await refused(
      call('public', 'POST', `/api/public-opinions/${first}/answer`, {
        decision: 'adopted',
        reason: '采纳',
      }),
      401,
      'common.logInTo',
    );
    await refused(
      call('gaopu', 'POST', `/api/public-opinions/${first}/answer`, {
        decision: 'adopted',
        reason: '采纳',
      }),
      403,
      'common.mayNot',
    );
    await refused(
      call('planner', 'POST', `/api/public-opinions/${first}/answer`, {
        decision: 'adopted',
        reason: '采纳',
        version: 1,
      }),
      400,
      'common.invalidField',
    );
    await refused(
      call('planner', 'POST', '/api/public-opinions/9999/answer', {
        decision: 'adopted',
        reason: 'x',
      }),
      404,
      'display.noOpinion',
    );
    const planner = await headersOf('planner');
    for (const o of all) {
      const res = await app.request(`/api/public-opinions/${o.id}/answer`, {
        method: 'POST',
        headers: planner,
        body: JSON.stringify({ decision: 'rejected', reason: '依据划定标准，范围不变' }),
      });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    await refused(
      call('planner', 'POST', `/api/public-opinions/${first}/answer`, {
        decision: 'adopted',
        reason: '改答',
      }),
      409,
      'review.answer.already',
    );

    await refused(
      call('planner', 'POST', `/api/plans/${PLAN}/publish`, {}),
      409,
      'review.publish.noAcceptance',
    );
    const upload = async (conclusion: 'pass' | 'fail') => {
      const { 'content-type': _json, ...form } = await headersOf('planner');
      const res = await app.request(`/api/plans/${PLAN}/acceptance`, {
        method: 'POST',
        headers: form,
        body: acceptanceForm(1, { conclusion, date: '2026-12-10' }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    };
    await upload('fail');
    const failed = await refused(
      call('planner', 'POST', `/api/plans/${PLAN}/publish`, {}),
      409,
      'review.publish.acceptanceFailed',
    );
    expect(failed.error).toBe(
      'version 1 failed acceptance on 2026-12-10: revise it and pass acceptance before publishing',
    );
    await upload('pass');
    const review = (await (
      await call('planner', 'GET', `/api/plans/${PLAN}/review`)
    ).json()) as Record<string, unknown>;
    expect(review).toMatchObject({ publish: null, defaults: { displayDays: 7 } });
    const published = await call('planner', 'POST', `/api/plans/${PLAN}/publish`, {});
    expect(published.status, await published.clone().text()).toBe(201);
    await refused(call('public', 'GET', `/api/plans/${PLAN}/display`), 404, 'display.none');
  });
});

describe('GET /api/plans/:id/review', () => {
  it('gives staff the records and both gates in the request’s language; the public nothing', async () => {
    await refused(call('public', 'GET', '/api/plans/city-02/review'), 401, 'common.logInTo');
    const en = (await (await call('gaopu', 'GET', `/api/plans/${PLAN}/review`)).json()) as Record<
      string,
      unknown
    >;
    expect(en).toMatchObject({
      rounds: [],
      leaveConsultation: {
        code: 'review.consultation.none',
        text: 'no consultation round yet: open a round with the departments concerned at Consultation first',
      },
      publish: null,
      defaults: { due: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), displayDays: 7 },
    });
    expect((en.displays as unknown[]).length).toBe(1);
    expect((en.acceptances as unknown[]).length).toBe(2);
    const other = (await (
      await call('planner', 'GET', '/api/plans/city-02/review', undefined, 'zh-CN')
    ).json()) as {
      publish: { code: string; text: string };
    };
    expect(other.publish.code).toBe('workflow.publish.noGeometry');
    expect(englishSentences(other.publish.text)).toEqual([]);
  });
});
