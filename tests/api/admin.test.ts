import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/domain/zones/rules';
import { type AccountServer, login, startWithAccounts, testAccount } from '../helpers/accounts';
import type { RunningServer } from '../helpers/server';

/** The settings issue 13 added, as they are until an admin sets them. */
const ISSUE_13_DEFAULTS = {
  displayDays: 7,
  departmentCoordinates: false,
  supervisingUnit: null,
  prohibitedActs: [],
  noticeBoard: { widthCm: 150, heightCm: 100 },
  // what an edit sends back as `base` (issue 19)
  revision: expect.stringMatching(/^[\w-]{16}$/),
  rulesRevision: expect.stringMatching(/^[\w-]{16}$/),
};

const ACCOUNTS = {
  admin: testAccount('ad-admin', { role: 'admin' }),
  planner: testAccount('ad-planner', { role: 'planner', canPublish: true }),
  gaopu: testAccount('ad-gaopu', { role: 'chief', person: '高朴' }),
};

let app: AccountServer<keyof typeof ACCOUNTS>;
let server: RunningServer;
let dataDir: string;
const call: AccountServer<keyof typeof ACCOUNTS>['call'] = (...args) => app.call(...args);
const json = async (res: Response) => (await res.json()) as Record<string, unknown>;
/** [status, field] of an answer */
const answer = async (res: Response) => [res.status, (await json(res)).field];

/** Two class-5 toe lines ±40 m around a 1 km west → east reach, each 9 m of 护堤地. */
function reach(widthM: number): Feature[] {
  const toe = (role: string, dLat: number): Feature => ({
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [0, 1, 2, 3, 4].map((i) => [108.6 + i * 0.0025, 21.95 + dLat]),
    },
    properties: { reach: 'QJ-A', river: 'qinjiang', role, embankmentClass: 5, widthM },
  });
  return [toe('toe-left', 0.00036), toe('toe-right', -0.00036)];
}

beforeAll(async () => {
  app = await startWithAccounts(
    'hejie-admin-',
    ACCOUNTS,
    { TIANDITU_KEY: '' },
    { publishSettings: false },
  );
  ({ server, dataDir } = app);
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('admin routes: who may call them', () => {
  it('the public gets 401, planners and chiefs 403, on every admin route', async () => {
    const routes = [
      ['GET', '/api/users'],
      ['POST', '/api/users'],
      ['PATCH', '/api/users/00000000-0000-0000-0000-000000000000'],
      ['GET', '/api/settings'],
      ['PUT', '/api/settings'],
      ['PUT', '/api/rules'],
    ] as const;
    for (const [method, path] of routes) {
      const body = method === 'GET' ? undefined : { publicCoordinates: true };
      expect((await call('public', method, path, body)).status, `public ${method} ${path}`).toBe(
        401,
      );
      for (const who of ['planner', 'gaopu'] as const)
        expect((await call(who, method, path, body)).status, `${who} ${method} ${path}`).toBe(403);
    }
    // nothing above was written
    const settings = await json(await call('admin', 'GET', '/api/settings'));
    expect(settings).toEqual({
      publicCoordinates: false,
      tiandituKey: null,
      noticeAuthority: null,
      supervisionPhone: null,
      ...ISSUE_13_DEFAULTS,
    });
  });
});

describe('accounts', () => {
  it('lists accounts without password hashes', async () => {
    const res = await call('admin', 'GET', '/api/users');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/passwordHash|scrypt\$/);
    const users = JSON.parse(text) as { username: string; role: string }[];
    expect(users.map((u) => [u.username, u.role])).toEqual(
      expect.arrayContaining([
        ['ad-admin', 'admin'],
        ['ad-gaopu', 'chief'],
        ['ad-planner', 'planner'],
      ]),
    );
  });

  it('refuses bad accounts with 400 naming the field, and a taken username with 409', async () => {
    const ok = {
      username: 'lingshan-1',
      name: '灵山规划员',
      role: 'planner',
      scope: { level: 'county', counties: ['450721'] },
      password: 'lingshan-password-1',
    };
    const post = (body: unknown) => call('admin', 'POST', '/api/users', body);
    expect(await answer(await post({ ...ok, password: '123456789' }))).toEqual([400, 'password']);
    expect(await answer(await post({ ...ok, username: 'x' }))).toEqual([400, 'username']);
    expect(await answer(await post({ ...ok, role: 'root' }))).toEqual([400, 'role']);
    expect(await answer(await post({ ...ok, scope: { level: 'county', counties: [] } }))).toEqual([
      400,
      'scope.counties',
    ]);
    expect(await answer(await post({ ...ok, isAdmin: true }))).toEqual([400, 'isAdmin']);
    expect(await answer(await post({ ...ok, role: 'chief', scope: undefined }))).toEqual([
      400,
      'person',
    ]);
    expect(
      await answer(await post({ ...ok, role: 'chief', person: '张三', scope: undefined })),
    ).toEqual([400, 'person']);
    expect(await answer(await post({ ...ok, person: '高朴' }))).toEqual([400, 'person']);
    expect(await answer(await post({ ...ok, username: 'ad-admin' }))).toEqual([409, 'username']);
    const users = (await json(await call('admin', 'GET', '/api/users'))) as unknown as {
      username: string;
    }[];
    expect(users.map((u) => u.username)).not.toContain('lingshan-1');
  });

  it('binds a chief named with others in one 河长姓名 field (高朴、王雄昌), as the CLI does', async () => {
    const db = new Database(join(dataDir, 'hejie.sqlite'));
    const setChief = db.prepare(
      "UPDATE plans SET record = json_set(record, '$.chief', ?) WHERE id = ?",
    );
    setChief.run('高朴、王雄昌', 'city-01');
    try {
      const body = {
        username: 'gaopu-2',
        name: '高朴',
        role: 'chief',
        person: '高朴',
        password: 'gaopu-password-2',
      };
      const res = await call('admin', 'POST', '/api/users', body);
      expect(res.status).toBe(201);
      const refused = await call('admin', 'POST', '/api/users', {
        ...body,
        username: 'gaopu-3',
        person: '高朴、王',
      });
      expect(await json(refused)).toMatchObject({
        error: 'person: "高朴、王" is not a river chief in the register',
        code: 'common.invalidField',
        field: 'person',
      });
      const zh = await call(
        'admin',
        'POST',
        '/api/users',
        { ...body, username: 'gaopu-3', person: '张三' },
        {
          'accept-language': 'zh-CN',
        },
      );
      expect((await json(zh)).error).toBe('person：“张三”不是计划表中的河长');
    } finally {
      setChief.run('高朴', 'city-01');
      db.close();
    }
  });

  it('creates a planner (hashed with scrypt) who logs in and works in scope only', async () => {
    const res = await call('admin', 'POST', '/api/users', {
      username: 'lingshan-1',
      name: '灵山规划员',
      role: 'planner',
      scope: { level: 'county', counties: ['450721'] },
      password: 'lingshan-password-1',
    });
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created).toMatchObject({ username: 'lingshan-1', role: 'planner', disabled: false });
    expect(created).not.toHaveProperty('passwordHash');
    const db = new Database(join(dataDir, 'hejie.sqlite'), { readonly: true, fileMustExist: true });
    const row = db
      .prepare('SELECT password_hash AS h FROM users WHERE username = ?')
      .get('lingshan-1') as { h: string };
    db.close();
    expect(row.h).toMatch(/^scrypt\$32768\$8\$1\$/);
    const s = await login(server.url, {
      username: 'lingshan-1',
      password: 'lingshan-password-1',
      role: 'planner',
    });
    const get = (plan: string) =>
      fetch(`${server.url}/api/plans/${plan}/geometry`, { headers: { cookie: s.cookie } });
    expect((await get('county-01')).status).toBe(200); // 灵山县
    expect((await get('city-01')).status).toBe(403);
    const audit = (await json(await call('admin', 'GET', '/api/audit'))) as unknown as {
      action: string;
      target: string;
      actor: string;
      detail: unknown;
    }[];
    const entry = audit.find((a) => a.action === 'user.create' && a.target === 'user:lingshan-1');
    expect(entry).toMatchObject({ actor: 'ad-admin' });
    expect(JSON.stringify(entry)).not.toMatch(/scrypt|password/);
  });

  it('creates a chief bound to a person of the register, who sees that river only', async () => {
    const res = await call('admin', 'POST', '/api/users', {
      username: 'chen-jj',
      name: '陈建军',
      role: 'chief',
      person: '陈建军',
      password: 'chen-password-12',
    });
    expect(res.status).toBe(201);
    const s = await login(server.url, {
      username: 'chen-jj',
      password: 'chen-password-12',
      role: 'chief',
    });
    const get = (plan: string) =>
      fetch(`${server.url}/api/plans/${plan}/geometry`, { headers: { cookie: s.cookie } });
    expect((await get('county-01')).status).toBe(200);
    expect((await get('city-01')).status).toBe(403);
  });

  it('changes a password, a scope, the publish right; disabling ends the sessions at once', async () => {
    const users = (await json(await call('admin', 'GET', '/api/users'))) as unknown as {
      id: string;
      username: string;
    }[];
    const id = (name: string) => users.find((u) => u.username === name)?.id as string;
    const patch = (name: string, body: unknown) =>
      call('admin', 'PATCH', `/api/users/${id(name)}`, body);
    expect(await answer(await patch('lingshan-1', { password: 'short' }))).toEqual([
      400,
      'password',
    ]);
    expect(await answer(await patch('lingshan-1', {}))).toEqual([400, 'body']);
    expect(await answer(await patch('lingshan-1', { role: 'admin' }))).toEqual([400, 'role']);
    expect(await answer(await patch('chen-jj', { canPublish: true }))).toEqual([400, 'canPublish']);
    expect(await answer(await patch('ad-admin', { disabled: true }))).toEqual([400, 'disabled']);
    const missing = await call('admin', 'PATCH', '/api/users/nobody', { disabled: true });
    expect(missing.status).toBe(404);

    const changed = await patch('lingshan-1', {
      password: 'lingshan-password-2',
      scope: { level: 'city', counties: [] },
      canPublish: true,
    });
    expect(changed.status).toBe(200);
    expect(await json(changed)).toMatchObject({ scope: { level: 'city' }, canPublish: true });
    const old = {
      username: 'lingshan-1',
      password: 'lingshan-password-1',
      role: 'planner',
    } as const;
    await expect(login(server.url, old)).rejects.toThrow(/401/);
    const s = await login(server.url, { ...old, password: 'lingshan-password-2' });
    const me = () => fetch(`${server.url}/api/me`, { headers: { cookie: s.cookie } }).then(json);
    expect(((await me()).actor as { scope: unknown }).scope).toEqual({
      level: 'city',
      counties: [],
    });

    expect((await patch('lingshan-1', { disabled: true })).status).toBe(200);
    expect((await me()).actor).toEqual({ kind: 'public' });
    await expect(login(server.url, { ...old, password: 'lingshan-password-2' })).rejects.toThrow(
      /403/,
    );
  });
});

describe('settings', () => {
  it('the admin sets the Tianditu key: /api/config falls back to it; the audit says only "set"', async () => {
    const config = () => fetch(`${server.url}/api/config`).then(json);
    expect((await config()).tiandituKey).toBeNull();
    const put = (body: unknown) => call('admin', 'PUT', '/api/settings', body);
    expect(await answer(await put({ tiandituKey: 'x' }))).toEqual([400, 'tiandituKey']);
    expect(await answer(await put({ supervisionPhone: 'call me' }))).toEqual([
      400,
      'supervisionPhone',
    ]);
    expect(await answer(await put({ colour: 'red' }))).toEqual([400, 'colour']);
    expect(await answer(await put({}))).toEqual([400, 'body']);
    const res = await put({ tiandituKey: 'abcdef0123456789', noticeAuthority: '钦州市人民政府' });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      publicCoordinates: false,
      tiandituKey: 'abcdef0123456789',
      noticeAuthority: '钦州市人民政府',
      supervisionPhone: null,
      ...ISSUE_13_DEFAULTS,
    });
    expect((await config()).tiandituKey).toBe('abcdef0123456789');
    const audit = await call('admin', 'GET', '/api/audit');
    const text = await audit.text();
    expect(text).not.toContain('abcdef0123456789');
    expect(text).toContain('"tiandituKey":"set"');
    expect((await put({ tiandituKey: null })).status).toBe(200);
    expect((await config()).tiandituKey).toBeNull();
  });
});

describe('the settings of issue 13', () => {
  const put = (body: unknown) => call('admin', 'PUT', '/api/settings', body);
  const audits = async () =>
    ((await json(await call('admin', 'GET', '/api/audit'))) as unknown as unknown[]).length;

  it('refuses out-of-range values with the field named, writing nothing', async () => {
    const before = await json(await call('admin', 'GET', '/api/settings'));
    const count = await audits();
    const cases: [Record<string, unknown>, string][] = [
      [{ displayDays: 0 }, 'displayDays'],
      [{ displayDays: 31 }, 'displayDays'],
      [{ displayDays: 7.5 }, 'displayDays'],
      [{ departmentCoordinates: 'yes' }, 'departmentCoordinates'],
      [{ supervisingUnit: 'x'.repeat(101) }, 'supervisingUnit'],
      [{ prohibitedActs: ['在管理范围内建设妨碍行洪的建筑物', ' '] }, 'prohibitedActs.1'],
      [{ prohibitedActs: Array.from({ length: 31 }, (_, i) => `第 ${i} 条`) }, 'prohibitedActs'],
      [{ noticeBoard: { widthCm: 29, heightCm: 100 } }, 'noticeBoard.widthCm'],
      [{ noticeBoard: { widthCm: 150, heightCm: 401 } }, 'noticeBoard.heightCm'],
      [{ noticeBoard: { widthCm: 150 } }, 'noticeBoard.heightCm'],
    ];
    for (const [body, field] of cases) {
      const res = await put(body);
      expect(await answer(res), JSON.stringify(body)).toEqual([400, field]);
    }
    expect((await put({ displayDays: 10 })).status).toBe(200);
    expect((await call('planner', 'PUT', '/api/settings', { displayDays: 3 })).status).toBe(403);
    expect(await audits()).toBe(count + 1);
    expect(await json(await call('admin', 'GET', '/api/settings'))).toEqual({
      ...before,
      displayDays: 10,
      revision: expect.not.stringMatching(String(before.revision)),
    });
  });

  it('the admin sets them; GET shows them, and the audit records each change', async () => {
    const acts = ['在管理范围内建设妨碍行洪的建筑物、构筑物', '在管理范围内倾倒垃圾、渣土'];
    const res = await put({
      displayDays: 15,
      departmentCoordinates: true,
      supervisingUnit: '钦州市水利局',
      prohibitedActs: acts,
      noticeBoard: { widthCm: 200, heightCm: 120 },
    });
    expect(res.status).toBe(200);
    const expected = {
      displayDays: 15,
      departmentCoordinates: true,
      supervisingUnit: '钦州市水利局',
      prohibitedActs: acts,
      noticeBoard: { widthCm: 200, heightCm: 120 },
    };
    expect(await json(res)).toMatchObject(expected);
    expect(await json(await call('admin', 'GET', '/api/settings'))).toMatchObject(expected);
    const audit = (await json(await call('admin', 'GET', '/api/audit'))) as unknown as {
      action: string;
      detail: Record<string, unknown>;
    }[];
    expect(audit.filter((a) => a.action === 'settings.update').at(-1)?.detail).toMatchObject({
      displayDays: 15,
      supervisingUnit: '钦州市水利局',
    });
    // back to the defaults: legal content empty again (尚未设置), never invented
    const reset = await put({ supervisingUnit: null, prohibitedActs: null, displayDays: 7 });
    expect(await json(reset)).toMatchObject({
      supervisingUnit: null,
      prohibitedActs: [],
      displayDays: 7,
    });
    expect(
      (await put({ departmentCoordinates: false, noticeBoard: { widthCm: 150, heightCm: 100 } }))
        .status,
    ).toBe(200);
  });
});

describe('rule table', () => {
  it('is public to read (the default until set) and checked when the admin sets it', async () => {
    const rules = await call('public', 'GET', '/api/rules');
    expect(rules.status).toBe(200);
    expect(await rules.json()).toEqual(DEFAULT_RULES);
    const put = (body: unknown) => call('admin', 'PUT', '/api/rules', body);
    const base = { id: 'qinzhou-2020', version: '1' };
    expect(await answer(await put({ ...base, toe: { 5: { min: 'ten', max: 15 } } }))).toEqual([
      400,
      'toe.5.min',
    ]);
    expect(await answer(await put({ ...base, toe: { 5: { min: 16, max: 15 } } }))).toEqual([
      400,
      'toe.5',
    ]);
    expect(await answer(await put({ version: '1' }))).toEqual([400, 'id']);
    expect(await answer(await put({ ...base, overrides: [{ widths: {} }] }))).toEqual([
      400,
      'overrides.0',
    ]);
    expect(await answer(await call('admin', 'GET', '/api/rules?x=1'))).toEqual([400, 'x']);
    expect(await (await call('public', 'GET', '/api/rules')).json()).toEqual(DEFAULT_RULES);
  });

  it('draft zones compute with the table in force', async () => {
    const save = await call('planner', 'PUT', '/api/plans/city-02/geometry', {
      features: reach(9),
      baseVersion: 0,
    });
    expect(save.status).toBe(201);
    const draft = () => call('planner', 'GET', '/api/zones?plan=city-02&version=draft');
    const before = await draft();
    expect(before.status).toBe(200);
    const zone = ((await json(before)).features as Feature[])[0];
    expect(zone?.properties).toMatchObject({ ruleId: 'GB50286-2013' });

    const table = { id: 'qinzhou-2020', version: '1', toe: { 5: { min: 10, max: 15 } } };
    const set = await call('admin', 'PUT', '/api/rules', table);
    expect(set.status).toBe(200);
    expect(await json(set)).toMatchObject({
      ...table,
      toe: { ...DEFAULT_RULES.toe, ...table.toe },
    });
    expect(await (await call('public', 'GET', '/api/rules')).json()).toMatchObject(table);
    // 9 m of 护堤地 was inside 8–15 m, and is outside the bureau's 10–15 m
    const after = await draft();
    expect(after.status).toBe(400);
    expect((await json(after)).error).toMatch(/width 9 m is outside 10–15 m .*qinzhou-2020 1/);
    const audit = (await json(await call('admin', 'GET', '/api/audit'))) as unknown as {
      action: string;
      detail: { rules?: { id: string } };
    }[];
    expect(audit.filter((a) => a.action === 'settings.update').at(-1)?.detail.rules?.id).toBe(
      'qinzhou-2020',
    );
  });
});
