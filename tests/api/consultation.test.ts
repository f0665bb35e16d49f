// 意见征求 through the API (issue 13), in process on the memory store with a clock the test moves:
// a whole round (two departments: one objects with a pin, one never replies; the deadline passes;
// the planner answers; the plan moves on), and every refusal with its status, its code, its message
// in both languages, and nothing written. (Moving the clock logs everyone in again: scrypt costs
// ~100 ms a login by design, hence the longer timeouts.)
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consultation, Reply } from '../../src/domain/review/review-types';
import { createComputePool } from '../../src/server/compute/compute-pool';
import type { Store } from '../../src/server/store/store';
import { consultThrough } from '../helpers/consult';
import {
  type InProcessApp,
  logInProcess,
  startInProcess,
  straightToes,
} from '../helpers/display-accept';
import { englishSentences } from '../helpers/english-sentences';

const JSON_TYPE = { 'content-type': 'application/json' };
/** Thursday 3 December 2026, 10:00 China time: the default deadline is Thursday 17 December. */
const START = new Date('2026-12-03T02:00:00Z');
const clock = { now: START };
const compute = createComputePool({ size: 0 });

let store: Store;
let app: InProcessApp['app'];
const sessions = new Map<string, Record<string, string>>();
type Who = 'admin' | 'planner' | 'lingshan' | 'gaopu' | 'sthj' | 'zrzy' | 'jtys' | 'public';
const ids: Record<string, string> = {};

async function login(who: Who, username: string, password: string): Promise<void> {
  const { headers, id } = await logInProcess(app, username, password);
  sessions.set(who, { ...JSON_TYPE, ...headers });
  ids[who] = id;
}

/** A request as `who`, in English unless `lang` says otherwise; a string body is sent as is. */
function call(who: Who, method: string, path: string, body?: unknown, lang = 'en') {
  return app.request(path, {
    method,
    headers: { ...(sessions.get(who) ?? JSON_TYPE), 'accept-language': lang },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}
const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
const audited = async () => (await store.listAudit()).length;

/**
 * A refused request: its status and code, its English message matching `english`, its Chinese
 * message free of English sentences, and no audit entry written (no write happened).
 */
async function refused(
  who: Who,
  method: string,
  path: string,
  body: unknown,
  expected: { status: number; code: string; english?: RegExp; field?: string },
): Promise<void> {
  const before = await audited();
  const en = await call(who, method, path, body);
  const got = await json<{ error: string; code: string; field?: string }>(en);
  expect([en.status, got.code], `${method} ${path}: ${got.error}`).toEqual([
    expected.status,
    expected.code,
  ]);
  if (expected.english) expect(got.error).toMatch(expected.english);
  if (expected.field) expect(got.field).toBe(expected.field);
  const zh = await json<{ error: string }>(await call(who, method, path, body, 'zh-CN'));
  expect(englishSentences(zh.error), zh.error).toEqual([]);
  expect(await audited(), `${method} ${path} wrote`).toBe(before);
}

const move = (who: Who, plan: string, to: string) =>
  call(who, 'POST', `/api/plans/${plan}/stage`, { to });

/** The planner's move from 意见征求 to 现场复核, refused as `expected` says. */
const leaveRefused = (plan: string, expected: Parameters<typeof refused>[4]) =>
  refused('planner', 'POST', `/api/plans/${plan}/stage`, { to: 'field-check' }, expected);

/** Saves version 1 of a plan and walks it to 意见征求 as the planner. */
async function toConsultation(plan: string): Promise<void> {
  const saved = await call('planner', 'PUT', `/api/plans/${plan}/geometry`, {
    features: straightToes(),
    baseVersion: 0,
  });
  expect(saved.status).toBe(201);
  for (const to of ['base-map', 'draft', 'consultation'])
    expect((await move('planner', plan, to)).status, `${plan} → ${to}`).toBe(200);
}

const open = async (plan: string, body: Record<string, unknown>) => {
  const res = await call('planner', 'POST', `/api/plans/${plan}/consultations`, {
    version: 1,
    message: '请审阅钦江管理范围划定成果（第 1 版）',
    ...body,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<Consultation>(res);
};

const ACCOUNTS: [Who, string, string][] = [
  ['admin', 'admin', 'demo-admin'],
  ['planner', 'planner', 'demo-planner'],
  ['lingshan', 'planner-lingshan', 'demo-planner-lingshan'],
  ['gaopu', 'gaopu', 'demo-gaopu'],
  ['sthj', 'dept-sthj', 'demo-dept-sthj'],
  ['zrzy', 'dept-zrzy', 'demo-dept-zrzy'],
];

/** Moves the clock; sessions end 8 hours after login, so everyone logs in again. */
async function setClock(now: Date): Promise<void> {
  clock.now = now;
  for (const [who, username, password] of ACCOUNTS) await login(who, username, password);
}

beforeAll(async () => {
  ({ app, store } = await startInProcess({ clock: () => clock.now, stamp: true, compute }));
  await setClock(START);
}, 60_000);

afterAll(async () => {
  await compute.close();
});

describe('department accounts', { timeout: 60_000 }, () => {
  it('an admin creates one bound to its organisation; the list, /api/me and /api/departments show it', async () => {
    const res = await call('admin', 'POST', '/api/users', {
      username: 'dept-jtys',
      name: '交通运输局联络员',
      role: 'department',
      organisation: '市交通运输局',
      password: 'dept-jtys-password-1',
    });
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ role: 'department', organisation: '市交通运输局' });
    const users = await json<{ username: string; organisation: string | null }[]>(
      await call('admin', 'GET', '/api/users'),
    );
    expect(users.find((u) => u.username === 'dept-jtys')?.organisation).toBe('市交通运输局');
    expect(users.find((u) => u.username === 'planner')?.organisation).toBeNull();
    await login('jtys', 'dept-jtys', 'dept-jtys-password-1');
    const me = await json<{ actor: Record<string, unknown> }>(await call('jtys', 'GET', '/api/me'));
    expect(me.actor).toMatchObject({ role: 'department', organisation: '市交通运输局' });
    const departments = await json<{ username: string; organisation: string }[]>(
      await call('planner', 'GET', '/api/departments'),
    );
    expect(departments.map((d) => `${d.username} ${d.organisation}`).sort()).toEqual([
      'dept-jtys 市交通运输局',
      'dept-sthj 市生态环境局',
      'dept-zrzy 市自然资源局',
    ]);
    expect(departments[0]).not.toHaveProperty('passwordHash');
  });

  it('refuses a department without its organisation, and an organisation on another role', async () => {
    const base = { name: 'x', password: 'some-password-1' };
    await refused(
      'admin',
      'POST',
      '/api/users',
      { ...base, username: 'dept-x', role: 'department' },
      { status: 400, code: 'common.invalidField', field: 'organisation' },
    );
    await refused(
      'admin',
      'POST',
      '/api/users',
      { ...base, username: 'planner-x', role: 'planner', organisation: '某局' },
      { status: 400, code: 'common.invalidField', field: 'organisation' },
    );
  });

  it('the department list is for planners and admins only', async () => {
    expect((await call('admin', 'GET', '/api/departments')).status).toBe(200);
    for (const who of ['gaopu', 'sthj'] as const)
      expect((await call(who, 'GET', '/api/departments')).status, who).toBe(403);
    expect((await call('public', 'GET', '/api/departments')).status).toBe(401);
  });
});

describe('a round on 钦江 (city-01): one department objects, one never replies', {
  timeout: 60_000,
}, () => {
  let round: Consultation;
  let objection: Reply;

  it('is opened by the planner at 意见征求 with the default deadline, 10 working days later', async () => {
    await toConsultation('city-01');
    round = await open('city-01', { departments: [ids.sthj, ids.zrzy, ids.sthj] });
    expect(round).toMatchObject({
      planId: 'city-01',
      version: 1,
      due: '2026-12-17',
      openedBy: 'planner',
      departments: [
        { userId: ids.sthj, username: 'dept-sthj', organisation: '市生态环境局' },
        { userId: ids.zrzy, username: 'dept-zrzy', organisation: '市自然资源局' },
      ],
    });
    const audit = await store.listAudit('city-01');
    expect(audit.at(-1)).toMatchObject({ actor: 'planner', target: 'city-01' });
  });

  it('holds the plan at 意见征求 while a department may still reply', async () => {
    await leaveRefused('city-01', {
      status: 409,
      code: 'review.consultation.waiting',
      english: /round \d+ still waits for 市生态环境局、市自然资源局 \(reply deadline 2026-12-17\)/,
    });
    expect((await store.getPlan('city-01'))?.stage).toBe('consultation');
  });

  it("shows each department its own rounds, open, and the version's map without coordinates", async () => {
    const mine = await json<Record<string, unknown>[]>(
      await call('sthj', 'GET', '/api/consultations'),
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      consultation: { id: round.id, planId: 'city-01', due: '2026-12-17' },
      plan: { id: 'city-01', chief: '高朴' },
      reply: null,
      open: true,
    });
    expect(mine[0]?.consultation).not.toHaveProperty('departments');
    expect(await json(await call('jtys', 'GET', '/api/consultations'))).toEqual([]);
    const view = await json<{
      features: Feature[];
      zones: { features: Feature[] };
      markers: { features: Feature[] };
      coordinates: boolean;
    }>(await call('sthj', 'GET', `/api/consultations/${round.id}/view`));
    expect(view.coordinates).toBe(false);
    expect(view.features).toHaveLength(2);
    expect(view.zones.features.length).toBeGreaterThan(0);
    expect(view.markers.features.length).toBeGreaterThan(0);
    for (const m of view.markers.features) {
      expect(Object.keys(m.properties ?? {})).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(x|y|crs|lon|lat)$/)]),
      );
      expect(m.properties).toHaveProperty('chainageM');
    }
    // the planner sees the same version with the survey coordinates
    const staff = await json<{ markers: { features: Feature[] }; coordinates: boolean }>(
      await call('planner', 'GET', `/api/consultations/${round.id}/view`),
    );
    expect(staff.coordinates).toBe(true);
    expect(staff.markers.features[0]?.properties).toHaveProperty('x');
  });

  it('opens the coordinates to departments only when the admin setting says so', async () => {
    const set = (on: boolean) =>
      call('admin', 'PUT', '/api/settings', { departmentCoordinates: on });
    expect((await set(true)).status).toBe(200);
    const view = await json<{ markers: { features: Feature[] }; coordinates: boolean }>(
      await call('sthj', 'GET', `/api/consultations/${round.id}/view`),
    );
    expect(view.coordinates).toBe(true);
    expect(view.markers.features[0]?.properties).toHaveProperty('x');
    expect((await set(false)).status).toBe(200);
  });

  it('takes one objection with a pin from 市生态环境局, and refuses a second reply', async () => {
    const res = await call('sthj', 'POST', `/api/consultations/${round.id}/replies`, {
      verdict: 'objection',
      text: '右岸 0+300 处管理范围与生态保护红线重叠，请核实',
      lon: 108.6075,
      lat: 21.9497,
    });
    expect(res.status).toBe(201);
    objection = await json<Reply>(res);
    expect(objection).toMatchObject({
      consultationId: round.id,
      organisation: '市生态环境局',
      verdict: 'objection',
      lon: 108.6075,
      by: 'dept-sthj',
      answer: null,
    });
    await refused(
      'sthj',
      'POST',
      `/api/consultations/${round.id}/replies`,
      { verdict: 'no-objection' },
      { status: 409, code: 'review.reply.already', english: /already replied/ },
    );
  });

  it('refuses a reply body of 2 MB (413), a pin outside the region and an objection without text', async () => {
    const path = `/api/consultations/${round.id}/replies`;
    await refused(
      'zrzy',
      'POST',
      path,
      { verdict: 'objection', text: '意'.repeat(700_000) },
      { status: 413, code: 'server.body.tooLarge' },
    );
    await refused(
      'zrzy',
      'POST',
      path,
      { verdict: 'objection', text: '见图', lon: 100, lat: 21.9 },
      { status: 400, code: 'common.invalidField', field: 'lon', english: /outside the region/ },
    );
    await refused(
      'zrzy',
      'POST',
      path,
      { verdict: 'objection' },
      { status: 400, code: 'common.invalidField', field: 'text' },
    );
  });

  it('refuses a late reply after 24:00 China time of the deadline, saying so; the round shows 逾期未反馈', async () => {
    await setClock(new Date('2026-12-17T15:59:00Z')); // 23:59 in China: still on time
    const mine = await json<{ open: boolean }[]>(await call('zrzy', 'GET', '/api/consultations'));
    expect(mine[0]?.open).toBe(true);
    await setClock(new Date('2026-12-17T16:00:00Z')); // 24:00 in China
    await refused(
      'zrzy',
      'POST',
      `/api/consultations/${round.id}/replies`,
      { verdict: 'no-objection' },
      {
        status: 409,
        code: 'consultation.reply.late',
        english: /deadline of this round was 2026-12-17 24:00 China time: .*not recorded/,
      },
    );
    const late = await json<{ open: boolean }[]>(await call('zrzy', 'GET', '/api/consultations'));
    expect(late[0]?.open).toBe(false);
    const [status] = await json<
      { departments: { organisation: string; state: string }[]; unanswered: Reply[] }[]
    >(await call('planner', 'GET', '/api/plans/city-01/consultations'));
    expect(status?.departments.map((d) => `${d.organisation} ${d.state}`)).toEqual([
      '市生态环境局 replied',
      '市自然资源局 lapsed',
    ]);
    expect(status?.unanswered.map((r) => r.id)).toEqual([objection.id]);
  });

  it('holds the plan at 意见征求 while the objection is unanswered', async () => {
    await leaveRefused('city-01', {
      status: 409,
      code: 'review.consultation.unanswered',
      english: /the opinions of 市生态环境局 in round \d+ are not answered yet/,
    });
  });

  it('takes one answer from a planner of the plan, naming a version that exists', async () => {
    const path = `/api/replies/${objection.id}/answer`;
    const answer = { decision: 'partly', reason: '右岸 0+300 至 0+450 段按红线调整', version: 1 };
    await refused('gaopu', 'POST', path, answer, { status: 403, code: 'common.mayNot' });
    await refused('sthj', 'POST', path, answer, { status: 403, code: 'common.mayNot' });
    await refused('lingshan', 'POST', path, answer, { status: 403, code: 'common.mayNot' });
    await refused(
      'planner',
      'POST',
      path,
      { ...answer, version: 9 },
      { status: 400, code: 'common.invalidField', field: 'version', english: /has no version 9/ },
    );
    await refused(
      'planner',
      'POST',
      path,
      { ...answer, decision: 'maybe' },
      { status: 400, code: 'common.invalidField', field: 'decision' },
    );
    const res = await call('planner', 'POST', path, answer);
    expect(res.status).toBe(200);
    expect((await json<Reply>(res)).answer).toMatchObject({
      decision: 'partly',
      version: 1,
      by: 'planner',
    });
    await refused('planner', 'POST', path, answer, {
      status: 409,
      code: 'review.answer.already',
    });
  });

  it('lets the plan move on to 现场复核, and the record is closed after', async () => {
    const res = await move('planner', 'city-01', 'field-check');
    expect(res.status, await res.clone().text()).toBe(200);
    const mine = await json<{ open: boolean; reply: Reply | null }[]>(
      await call('sthj', 'GET', '/api/consultations'),
    );
    expect(mine[0]).toMatchObject({ open: false, reply: { id: objection.id } });
    await refused(
      'planner',
      'POST',
      '/api/plans/city-01/consultations',
      { version: 1, departments: [ids.sthj], message: '再征求一次' },
      { status: 409, code: 'review.consultation.wrongStage' },
    );
    await setClock(START);
  });
});

describe('refusals around rounds', { timeout: 60_000 }, () => {
  let other: Consultation;

  it('only a planner of the plan opens a round, on a version that exists, with departments and a sane deadline', async () => {
    await toConsultation('city-02');
    const body = { version: 1, departments: [ids.zrzy], message: '请审阅' };
    const path = '/api/plans/city-02/consultations';
    for (const who of ['gaopu', 'sthj', 'lingshan'] as const)
      await refused(who, 'POST', path, body, { status: 403, code: 'common.mayNot' });
    await refused('public', 'POST', path, body, { status: 401, code: 'common.logInTo' });
    await refused(
      'planner',
      'POST',
      path,
      { ...body, version: 2 },
      {
        status: 400,
        code: 'common.invalidField',
        field: 'version',
      },
    );
    await refused(
      'planner',
      'POST',
      path,
      { ...body, departments: [ids.planner] },
      {
        status: 400,
        code: 'common.invalidField',
        field: 'departments',
        english: /is not an enabled department account/,
      },
    );
    await refused(
      'planner',
      'POST',
      path,
      { ...body, departments: [] },
      {
        status: 400,
        code: 'common.invalidField',
        field: 'departments',
      },
    );
    await refused(
      'planner',
      'POST',
      path,
      { ...body, due: '2026-12-02' },
      {
        status: 400,
        code: 'common.invalidField',
        field: 'due',
        english: /before today \(2026-12-03, China time\)/,
      },
    );
    await refused(
      'planner',
      'POST',
      path,
      { ...body, due: '2027-12-04' },
      {
        status: 400,
        code: 'common.invalidField',
        field: 'due',
        english: /more than a year away/,
      },
    );
    await refused(
      'planner',
      'POST',
      path,
      { ...body, due: '2026-02-30' },
      {
        status: 400,
        code: 'common.invalidField',
        field: 'due',
      },
    );
    await refused(
      'planner',
      'POST',
      '/api/plans/city-03/consultations',
      { ...body, version: 1 },
      { status: 400, code: 'common.invalidField', field: 'version' },
    );
    other = await open('city-02', { departments: [ids.zrzy], due: '2026-12-03' });
    expect(other.due).toBe('2026-12-03');
  });

  it('a department reads nothing of a plan it is not consulted on, nor drafts of its own', async () => {
    await refused('sthj', 'GET', `/api/consultations/${other.id}/view`, undefined, {
      status: 403,
      code: 'common.mayNot',
    });
    // an unknown round looks the same to a department; staff are told it does not exist
    await refused('sthj', 'GET', '/api/consultations/9999/view', undefined, {
      status: 403,
      code: 'common.mayNot',
    });
    await refused('planner', 'GET', '/api/consultations/9999/view', undefined, {
      status: 404,
      code: 'consultation.round.none',
    });
    await refused('public', 'GET', `/api/consultations/${other.id}/view`, undefined, {
      status: 401,
      code: 'common.logInTo',
    });
    await refused('gaopu', 'GET', `/api/consultations/${other.id}/view`, undefined, {
      status: 403,
      code: 'common.mayNot',
    });
    for (const who of ['sthj', 'zrzy'] as const)
      for (const [method, path] of [
        ['GET', '/api/plans/city-02/geometry'],
        ['GET', '/api/plans/city-02/versions'],
        ['GET', '/api/zones?plan=city-02&version=draft'],
        ['GET', '/api/plans/city-02/markers.csv'],
        ['GET', '/api/plans/city-02/comments'],
        ['POST', '/api/plans/city-02/comments'],
        ['GET', '/api/plans/city-02/signoffs'],
        ['GET', '/api/plans/city-02/consultations'],
        ['GET', '/api/audit?plan=city-02'],
        ['GET', '/api/audit'],
        ['PUT', '/api/plans/city-02/geometry'],
        ['POST', '/api/plans/city-02/stage'],
        ['POST', '/api/plans/city-02/publish'],
      ] as const) {
        const body =
          method === 'GET'
            ? undefined
            : path.endsWith('comments')
              ? { text: '意见' }
              : path.endsWith('stage')
                ? { to: 'field-check' }
                : path.endsWith('geometry')
                  ? { features: straightToes(), baseVersion: 1 }
                  : {};
        await refused(who, method, path, body, { status: 403, code: expect.any(String) as never });
      }
  });

  it('a department not named in the round cannot reply to it', async () => {
    await refused(
      'sthj',
      'POST',
      `/api/consultations/${other.id}/replies`,
      { verdict: 'no-objection' },
      { status: 403, code: 'common.mayNot' },
    );
    await refused(
      'planner',
      'POST',
      `/api/consultations/${other.id}/replies`,
      { verdict: 'no-objection' },
      { status: 403, code: 'common.mayNot' },
    );
  });

  it('a reply of no objection takes no answer', async () => {
    const res = await call('zrzy', 'POST', `/api/consultations/${other.id}/replies`, {
      verdict: 'no-objection',
    });
    expect(res.status).toBe(201);
    const reply = await json<Reply>(res);
    expect(reply).toMatchObject({ verdict: 'no-objection', text: '', lon: null, answer: null });
    await refused(
      'planner',
      'POST',
      `/api/replies/${reply.id}/answer`,
      { decision: 'adopted', reason: '同意' },
      { status: 400, code: 'consultation.answer.noObjection' },
    );
    await refused(
      'planner',
      'POST',
      '/api/replies/9999/answer',
      { decision: 'adopted', reason: '同意' },
      { status: 404, code: 'consultation.replyNone' },
    );
    // every department replied and nothing is left to answer: the plan may move on
    expect((await move('planner', 'city-02', 'field-check')).status).toBe(200);
  });

  it('lists rounds for departments only', async () => {
    await refused('planner', 'GET', '/api/consultations', undefined, {
      status: 403,
      code: 'common.mayNot',
    });
    await refused('public', 'GET', '/api/consultations', undefined, {
      status: 401,
      code: 'common.logInTo',
    });
  });

  it('refuses to leave 意见征求 without any round', async () => {
    await toConsultation('city-04');
    await leaveRefused('city-04', {
      status: 409,
      code: 'review.consultation.none',
      english: /no consultation round yet/,
    });
    // the shortest round that lets it move on (the helper other tests use): one department, 无意见
    await consultThrough(
      async (as, method, path, body) =>
        call(as === 'planner' ? 'planner' : 'zrzy', method, path, body),
      'city-04',
      'dept-zrzy',
    );
    expect((await move('planner', 'city-04', 'field-check')).status).toBe(200);
  });
});
