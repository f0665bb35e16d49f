import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../../src/server/auth/demo-accounts';
import { hashToken } from '../../src/server/auth/sessions';
import { bundledRegister } from '../helpers/register';
import { type RunningServer, startServer } from '../helpers/server';
import { openTestStore, testDatabaseUrl } from '../helpers/test-store';

const { geodata } = bundledRegister();
const JSON_TYPE = { 'content-type': 'application/json' };
const dirs: string[] = [];
const bodies: string[] = [];

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * An app on a fresh SQLite file (or PostgreSQL database, project `api-pg`) with the demo accounts,
 * on a clock the test can move.
 */
async function sqliteApp(trustProxy: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'hejie-auth-'));
  dirs.push(dir);
  const clock = { now: new Date('2026-03-01T09:00:00+08:00') };
  const store = await openTestStore(dir, await testDatabaseUrl(), () => clock.now);
  await store.seedIfEmpty(
    { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'test' },
    'test',
  );
  await seedDemoAccounts(store, 'test');
  const app = createApp({
    store,
    geodata,
    distDir: null,
    demo: true,
    tiandituKey: null,
    trustProxy,
    clock: () => clock.now,
  });
  /** Any request; error bodies are kept to check that none carries a stack trace. */
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await app.request(path, init);
    if (res.status >= 400) bodies.push(await res.clone().text());
    return res;
  };
  const login = async (username: string, password: string, headers: HeadersInit = {}) => {
    const res = await call('/api/login', {
      method: 'POST',
      headers: { ...JSON_TYPE, ...headers },
      body: JSON.stringify({ username, password }),
    });
    const cookie = /hejie_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const body = (await res.clone().json()) as { csrf?: string; actor?: Record<string, unknown> };
    return { res, token: cookie, cookie: `hejie_session=${cookie}`, csrf: body.csrf ?? '', body };
  };
  const me = async (cookie: string) =>
    (await (await call('/api/me', { headers: { cookie } })).json()) as {
      actor: Record<string, unknown>;
      csrf: string | null;
    };
  return { app, store, clock, call, login, me };
}

// scrypt costs ~100 ms a password by design: a test of 25 logins needs more than the default 5 s
describe('logins and sessions (in process, SQLite store on a temp file)', {
  timeout: 60_000,
}, () => {
  it('logs every demo account in: actor without hash, csrf, a cookie with the agreed flags', async () => {
    const { store, login, me } = await sqliteApp();
    for (const account of DEMO_ACCOUNTS) {
      const { res, token, cookie, csrf, body } = await login(account.username, account.password);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(body.actor).toMatchObject({
        kind: 'user',
        username: account.username,
        role: account.role,
        person: account.person,
        scope: account.scope,
        canPublish: account.canPublish,
      });
      expect(JSON.stringify(body)).not.toMatch(/scrypt|passwordHash|demo-/);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const flags = res.headers.get('set-cookie') ?? '';
      expect(flags).toMatch(/; HttpOnly/);
      expect(flags).toMatch(/; SameSite=Strict/);
      expect(flags).toMatch(/; Path=\//);
      expect(flags).toMatch(/; Max-Age=28800/);
      expect(flags).not.toMatch(/Secure/);
      // the store keeps sha256(token), never the token
      expect(await store.getSession(hashToken(token))).toMatchObject({ csrf });
      expect(await store.getSession(token)).toBeNull();
      expect(await me(cookie)).toEqual({ actor: body.actor, csrf });
    }
    expect(await me('')).toEqual({ actor: { kind: 'public' }, csrf: null });
    const chief = (await login('gaopu', 'demo-gaopu')).body.actor;
    expect(chief).toMatchObject({ role: 'chief', person: '高朴' });
    const lingshan = (await login('planner-lingshan', 'demo-planner-lingshan')).body.actor;
    expect(lingshan).toMatchObject({ scope: { level: 'county', counties: ['450721'] } });
  });

  // adapted for issue 17: X-Forwarded-Proto counts only from a proxy named in HEJIE_TRUST_PROXY
  // (in process the peer is 'local')
  it('sets Secure behind TLS: an https URL, or X-Forwarded-Proto: https from a trusted proxy', async () => {
    const { login, call } = await sqliteApp(['local']);
    const proxied = await login('admin', 'demo-admin', { 'x-forwarded-proto': 'https' });
    expect(proxied.res.headers.get('set-cookie')).toMatch(/; Secure/);
    expect(proxied.res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    const direct = await call('https://hejie.example/api/login', {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ username: 'admin', password: 'demo-admin' }),
    });
    expect(direct.headers.get('set-cookie')).toMatch(/; Secure/);
    expect(direct.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });

  it('ignores X-Forwarded-Proto and -Host from a peer that is not a trusted proxy; no HSTS over HTTP', async () => {
    const { login, call } = await sqliteApp(['10.0.0.1']);
    const spoofed = await login('admin', 'demo-admin', { 'x-forwarded-proto': 'https' });
    expect(spoofed.res.status).toBe(200);
    expect(spoofed.res.headers.get('set-cookie')).not.toMatch(/; Secure/);
    expect(spoofed.res.headers.get('strict-transport-security')).toBeNull();
    const plain = await call('/api/health');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    // an attacker's page cannot pass the origin check by naming its own host as forwarded
    const cross = await call('/api/logout', {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' },
    });
    expect(cross.status).toBe(403);
    const trusted = await sqliteApp(['local']);
    const viaProxy = await trusted.call('/api/logout', {
      method: 'POST',
      headers: {
        origin: 'https://hejie.example',
        'x-forwarded-host': 'hejie.example',
        'x-forwarded-proto': 'https',
      },
    });
    expect(viaProxy.status).toBe(200);
  });

  it('refuses wrong passwords, unknown users and disabled accounts; audits each without the password', async () => {
    const { store, login, me } = await sqliteApp();
    const wrong = await login('planner', 'not-the-password');
    const unknown = await login('nobody', 'not-the-password');
    for (const { res } of [wrong, unknown]) {
      expect(res.status).toBe(401);
      // no Accept-Language: the answer is in Chinese
      expect(await res.json()).toEqual({
        error: '用户名或密码错误',
        code: 'server.login.wrong',
        params: {},
      });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const chief = await store.getUserByUsername('chenjianjun');
    if (!chief) throw new Error('demo account missing');
    const before = await login('chenjianjun', 'demo-chenjianjun');
    await store.updateUser(chief.id, { disabled: true }, 'admin');
    const disabled = await login('chenjianjun', 'demo-chenjianjun');
    expect(disabled.res.status).toBe(403);
    expect(disabled.res.headers.get('set-cookie')).toBeNull();
    // an open session of a disabled account is the public from then on
    expect((await me(before.cookie)).actor).toEqual({ kind: 'public' });
    const audit = await store.listAudit();
    const failed = audit.filter((e) => e.action === 'user.login-failed');
    expect(failed.map((e) => (e.detail as { reason: string }).reason)).toEqual([
      'wrong password',
      'unknown user',
      'account disabled',
    ]);
    expect(audit.filter((e) => e.action === 'user.login').map((e) => e.actor)).toEqual([
      'chenjianjun',
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/not-the-password|demo-chenjianjun|scrypt\$/);
  });

  it('names the wrong field of a login body (400) and wants JSON (415)', async () => {
    const { call } = await sqliteApp();
    const post = (body: string, type = 'application/json') =>
      call('/api/login', { method: 'POST', headers: { 'content-type': type }, body });
    const cases: [string, string][] = [
      ['{"password":"x"}', 'username'],
      ['{"username":"admin"}', 'password'],
      ['{"username":"","password":"x"}', 'username'],
      ['{"username":"admin","password":"x","role":"admin"}', 'role'],
      ['not json', 'body'],
      ['[1,2]', 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      expect(await res.json()).toMatchObject({ field });
    }
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      expect((await post('username=admin&password=demo-admin', type)).status).toBe(415);
    }
    expect(
      (
        await post(
          '{"username":"admin","password":"demo-admin"}',
          'application/json; charset=utf-8',
        )
      ).status,
    ).toBe(200);
  });

  it('logs out (needs the CSRF token): session deleted, cookie cleared, the old cookie is the public', async () => {
    const { store, call, login, me } = await sqliteApp();
    const { cookie, csrf, token } = await login('planner', 'demo-planner');
    const noToken = await call('/api/logout', { method: 'POST', headers: { cookie } });
    expect(noToken.status).toBe(403);
    expect((await me(cookie)).actor).toMatchObject({ username: 'planner' });
    const res = await call('/api/logout', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/hejie_session=; Max-Age=0/);
    expect(await store.getSession(hashToken(token))).toBeNull();
    expect(await me(cookie)).toEqual({ actor: { kind: 'public' }, csrf: null });
    expect((await store.listAudit()).map((e) => e.action)).toContain('user.logout');
  });

  it('treats forged, malformed and expired (8 h) cookies as the public', async () => {
    const { store, clock, call, login, me } = await sqliteApp();
    const forged = `hejie_session=${Buffer.alloc(32, 7).toString('base64url')}`;
    expect(await me(forged)).toEqual({ actor: { kind: 'public' }, csrf: null });
    const cleared = await call('/api/plans', { headers: { cookie: forged } });
    expect(cleared.status).toBe(200);
    expect(cleared.headers.get('set-cookie')).toMatch(/hejie_session=; Max-Age=0/);
    expect(await me('hejie_session=../../etc/passwd')).toMatchObject({ csrf: null });
    const { cookie, token } = await login('admin', 'demo-admin');
    clock.now = new Date(clock.now.getTime() + 8 * 3600_000 - 1000);
    expect((await me(cookie)).actor).toMatchObject({ username: 'admin' });
    clock.now = new Date(clock.now.getTime() + 1000);
    expect(await me(cookie)).toEqual({ actor: { kind: 'public' }, csrf: null });
    expect(await store.getSession(hashToken(token))).toBeNull();
  });

  it('refuses cross-site state changes and logged-in ones without the right X-CSRF-Token (403)', async () => {
    const { call, login } = await sqliteApp();
    const { cookie, csrf } = await login('planner', 'demo-planner');
    const post = (path: string, headers: Record<string, string>) =>
      call(path, { method: 'POST', headers: { ...JSON_TYPE, ...headers }, body: '{}' });
    for (const origin of [
      'https://evil.example',
      'null',
      'https://localhost',
      'http://localhost.evil.example',
    ]) {
      const res = await post('/api/login', { origin });
      expect(res.status, origin).toBe(403);
    }
    expect(
      (await post('/api/logout', { cookie, 'x-csrf-token': csrf, 'sec-fetch-site': 'cross-site' }))
        .status,
    ).toBe(403);
    expect(
      (await post('/api/logout', { cookie, 'x-csrf-token': csrf, origin: 'https://evil.example' }))
        .status,
    ).toBe(403);
    // the guard stands before any route: a missing or wrong token never reaches a handler
    for (const token of [undefined, 'wrong', `${csrf}x`, csrf.slice(1)]) {
      const headers: Record<string, string> = token
        ? { cookie, 'x-csrf-token': token }
        : { cookie };
      for (const path of ['/api/plans/city-01/stage', '/api/logout', '/api/no-such-route']) {
        expect((await post(path, headers)).status, `${path} ${token}`).toBe(403);
      }
    }
    const same = await post('/api/logout', {
      cookie,
      'x-csrf-token': csrf,
      origin: 'http://localhost',
      'sec-fetch-site': 'same-origin',
    });
    expect(same.status).toBe(200);
  });

  it('limits bodies: 1 MB in general, 20 MB for PUT /api/plans/:id/geometry (413 JSON)', async () => {
    const { call } = await sqliteApp();
    const big = (mb: number) =>
      JSON.stringify({ username: 'x'.repeat(mb * 1024 * 1024), password: 'x' });
    const login = await call('/api/login', { method: 'POST', headers: JSON_TYPE, body: big(1) });
    expect(login.status).toBe(413);
    expect(await login.json()).toMatchObject({ code: 'server.body.tooLarge', params: { mb: 1 } });
    const put = (mb: number) =>
      call('/api/plans/city-01/geometry', { method: 'PUT', headers: JSON_TYPE, body: big(mb) });
    expect((await put(2)).status).not.toBe(413);
    expect((await put(21)).status).toBe(413);
  });

  it('throttles 5 failed logins per username and 20 per address for 15 minutes (429, Retry-After)', async () => {
    const { clock, login } = await sqliteApp();
    for (let i = 0; i < 5; i++) expect((await login('planner', `guess-${i}`)).res.status).toBe(401);
    const blocked = await login('planner', 'demo-planner');
    expect(blocked.res.status).toBe(429);
    expect(blocked.res.headers.get('retry-after')).toBe('900');
    expect(blocked.body).toEqual({
      error: '登录失败次数过多，请 900 秒后再试',
      code: 'server.login.throttled',
      params: { seconds: 900 },
    });
    clock.now = new Date(clock.now.getTime() + 10 * 60_000);
    expect((await login('planner', 'demo-planner')).res.headers.get('retry-after')).toBe('300');
    expect((await login('admin', 'demo-admin')).res.status).toBe(200); // other names still log in
    clock.now = new Date(clock.now.getTime() + 5 * 60_000);
    expect((await login('planner', 'demo-planner')).res.status).toBe(200);
    // one address: 20 failures over any names (the first 5 have left the window), then all wait
    for (let i = 0; i < 20; i++) expect((await login(`user-${i}`, 'guess')).res.status).toBe(401);
    expect((await login('admin', 'demo-admin')).res.status).toBe(429);
  });

  it('behind a trusted proxy counts each client by its forwarded address, never by the proxy', async () => {
    // in process the peer is 'local': trusted as the proxy here, as a reverse proxy would be
    const { login } = await sqliteApp(['local']);
    const from = (address: string) => ({ 'x-forwarded-for': `203.0.113.9, ${address}` });
    for (let i = 0; i < 5; i++)
      expect((await login('planner', `guess-${i}`, from('198.51.100.7'))).res.status).toBe(401);
    expect((await login('planner', 'demo-planner', from('198.51.100.7'))).res.status).toBe(429);
    // the same user behind the same proxy from another client address is not locked out
    expect((await login('planner', 'demo-planner', from('198.51.100.8'))).res.status).toBe(200);
  });

  it('counts parallel guesses before their hashes are checked: 10 at once, 5 refused', async () => {
    const { login } = await sqliteApp();
    const all = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login('gaopu', `parallel-${i}`)),
    );
    const statuses = all.map((a) => a.res.status).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('answers each refusal in the request language: zh by default and for zh-CN, en when asked; with code and params', async () => {
    const { call, login } = await sqliteApp();
    const { cookie, csrf } = await login('planner', 'demo-planner');
    const big = JSON.stringify({ username: 'x'.repeat(1024 * 1024), password: 'x' });
    const session = { cookie, 'x-csrf-token': csrf, ...JSON_TYPE };
    type Case = [string, RequestInit, number, string, Record<string, unknown>, string, string];
    const cases: Case[] = [
      [
        'wrong password',
        { method: 'POST', headers: JSON_TYPE, body: '{"username":"planner","password":"x"}' },
        401,
        'server.login.wrong',
        {},
        '用户名或密码错误',
        'wrong username or password',
      ],
      [
        'login body',
        { method: 'POST', headers: JSON_TYPE, body: '{"username":"planner"}' },
        400,
        'server.login.required',
        { field: 'password' },
        'password：必须填写（文本）',
        'password: required (a string)',
      ],
      [
        'CSRF',
        { method: 'POST', headers: { cookie, ...JSON_TYPE }, body: '{}' },
        403,
        'server.csrf.refused',
        {},
        '安全校验未通过：缺少或错误的 X-CSRF-Token 请求头，请刷新页面后重试',
        'missing or wrong X-CSRF-Token header (see GET /api/me)',
      ],
      [
        'cross-site',
        { method: 'POST', headers: { origin: 'https://evil.example', ...JSON_TYPE }, body: '{}' },
        403,
        'server.crossSite.origin',
        { origin: 'https://evil.example' },
        '已拒绝跨站请求（来源 https://evil.example）',
        'cross-site request refused (Origin https://evil.example)',
      ],
      [
        '413',
        { method: 'POST', headers: JSON_TYPE, body: big },
        413,
        'server.body.tooLarge',
        { mb: 1 },
        '请求内容超过 1 MB 的上限',
        'request body is larger than 1 MB',
      ],
      [
        '415',
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' },
        415,
        'server.body.notJson',
        {},
        '请求内容必须为 JSON 格式（Content-Type: application/json）',
        'request body must be JSON (Content-Type: application/json)',
      ],
    ];
    const paths: Record<string, string> = { CSRF: '/api/logout' };
    for (const [name, init, status, code, params, zh, en] of cases) {
      const path = paths[name] ?? '/api/login';
      for (const [lang, error] of [
        [undefined, zh],
        ['zh-CN,zh;q=0.9', zh],
        ['en', en],
      ] as const) {
        const headers = { ...(init.headers as Record<string, string>) };
        if (lang) headers['accept-language'] = lang;
        const res = await call(path, { ...init, headers });
        expect(res.status, `${name} ${lang}`).toBe(status);
        expect(await res.json(), `${name} ${lang}`).toMatchObject({ error, code, params });
      }
    }
    // a stale save: 409 with who saved what, the fields the UI reads kept in every language
    const put = (baseVersion: number, lang?: string) =>
      call('/api/plans/city-01/geometry', {
        method: 'PUT',
        headers: { ...session, ...(lang ? { 'accept-language': lang } : {}) },
        body: JSON.stringify({ features: [], baseVersion, comment: '初划' }),
      });
    expect((await put(0)).status).toBe(201);
    for (const lang of [undefined, 'zh-CN', 'en']) {
      const stale = await put(0, lang);
      expect(stale.status).toBe(409);
      const body = (await stale.json()) as Record<string, unknown>;
      expect(body).toMatchObject({
        code: 'server.geometry.staleSaved',
        params: { version: 1, author: 'planner', base: 0 },
        field: 'baseVersion',
        current: { version: 1, author: 'planner', comment: '初划' },
      });
      expect(body.error).toMatch(
        lang === 'en'
          ? /^version 1 was saved by planner at \d{4}-.*, not version 0; reload and apply your edit to it$/
          : /^第 1 版已由 planner 于 \d{4}-.* 保存，你的修改基于第 0 版；请重新加载后在最新版本上修改$/,
      );
    }
    const none = await call('/api/plans/city-02/geometry', {
      method: 'PUT',
      headers: { ...session, 'accept-language': 'en' },
      body: JSON.stringify({ features: [], baseVersion: 2 }),
    });
    expect(await none.json()).toMatchObject({
      code: 'server.geometry.staleNone',
      params: { base: 2 },
      error: 'no version has been saved yet, not version 2; reload and apply your edit to it',
      current: { version: 0 },
    });
    const noVersion = await call('/api/plans/city-01/geometry?version=7', { headers: { cookie } });
    expect(await noVersion.json()).toMatchObject({
      code: 'server.geometry.noVersion',
      error: '计划 city-01 没有第 7 版',
    });
    const notice = await call('/api/plans/city-01/notice', {
      headers: { 'accept-language': 'en' },
    });
    expect([notice.status, await notice.json()]).toEqual([
      404,
      {
        code: 'server.notice.notPublished',
        params: { plan: 'city-01' },
        error: 'city-01 has not been published',
      },
    ]);
  });

  it('never answers an error with a stack trace', () => {
    expect(bodies.length).toBeGreaterThan(40);
    for (const body of bodies) {
      const parsed = JSON.parse(body) as { error: unknown };
      expect(typeof parsed.error).toBe('string');
      expect(body).not.toMatch(/\bat .*\(|\.ts:\d+|node_modules|Error:/);
    }
  });
});

describe('logins over real HTTP (npm start on a temp data dir)', { timeout: 60_000 }, () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  }, 120_000);
  afterAll(() => server?.stop());

  const post = (path: string, headers: Record<string, string>, body: string) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { ...JSON_TYPE, ...headers }, body });

  it('seeds the demo accounts; a chief logs in and /api/me says who it is', async () => {
    const res = await post(
      '/api/login',
      {},
      JSON.stringify({ username: 'gaopu', password: 'demo-gaopu' }),
    );
    expect(res.status).toBe(200);
    const flags = res.headers.get('set-cookie') ?? '';
    expect(flags).toMatch(
      /^hejie_session=[A-Za-z0-9_-]{43}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    const cookie = flags.split(';')[0] ?? '';
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie } });
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect(await me.json()).toMatchObject({ actor: { role: 'chief', person: '高朴' } });
    const cross = await post('/api/logout', { cookie, origin: 'https://evil.example' }, '{}');
    expect(cross.status).toBe(403);
  });

  it('refuses a chunked body over 1 MB with 413 and throttles by the peer address', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL('/api/login', server.url);
      const req = httpRequest(url, { method: 'POST', headers: JSON_TYPE }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write('x'.repeat(100_000)); // no Content-Length: chunked
      req.end();
    });
    expect(status).toBe(413);
    const tries = [];
    for (let i = 0; i < 6; i++)
      tries.push(await post('/api/login', {}, '{"username":"admin","password":"nope"}'));
    expect(tries.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(Number(tries[5]?.headers.get('retry-after'))).toBeGreaterThan(890);
  });
});

describe('production start', () => {
  it('seeds no account', async () => {
    const server = await startServer({ HEJIE_MODE: 'production' });
    try {
      const res = await fetch(`${server.url}/api/login`, {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ username: 'admin', password: 'demo-admin' }),
      });
      expect(res.status).toBe(401);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
