// A new password ends the account's other sessions (an admin's change ends them all), as disabling
// already did: a stolen session cookie stops working when the password is changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccountServer, login, startWithAccounts, testAccount } from '../helpers/accounts';

const ACCOUNTS = {
  admin: testAccount('se-admin', { role: 'admin' }),
  planner: testAccount('se-planner', { role: 'planner', canPublish: true }),
};

let app: AccountServer<keyof typeof ACCOUNTS>;

beforeAll(async () => {
  app = await startWithAccounts('hejie-sessions-', ACCOUNTS, { TIANDITU_KEY: '' });
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('sessions end with a new password', () => {
  it("an admin's password change logs the user out everywhere", async () => {
    const url = app.server.url;
    const phone = await login(url, ACCOUNTS.planner);
    const desk = await login(url, ACCOUNTS.planner);
    const draft = (s: typeof phone) =>
      fetch(`${url}/api/plans/city-01/geometry`, { headers: s.headers() });
    expect((await draft(phone)).status).toBe(200);
    expect((await draft(desk)).status).toBe(200);
    const users = (await (await app.call('admin', 'GET', '/api/users')).json()) as {
      id: string;
      username: string;
    }[];
    const id = users.find((u) => u.username === ACCOUNTS.planner.username)?.id;
    const changed = await app.call('admin', 'PATCH', `/api/users/${id}`, {
      password: 'a-new-password-2026',
    });
    expect(changed.status).toBe(200);
    expect((await draft(phone)).status).toBe(401);
    expect((await draft(desk)).status).toBe(401);
    // the admin's own session is untouched, and the new password logs in
    expect((await app.call('admin', 'GET', '/api/users')).status).toBe(200);
    const again = await login(url, { ...ACCOUNTS.planner, password: 'a-new-password-2026' });
    expect((await draft(again)).status).toBe(200);
  });

  it('POST /api/me/password: the current password is checked, the rules apply, only this session stays', async () => {
    const url = app.server.url;
    const account = { ...ACCOUNTS.admin };
    const phone = await login(url, account);
    const desk = await login(url, account);
    const users = (s: typeof phone) => fetch(`${url}/api/users`, { headers: s.headers() });
    const change = (s: typeof phone, body: unknown, lang = 'en') =>
      fetch(`${url}/api/me/password`, {
        method: 'POST',
        headers: s.headers({ 'accept-language': lang }),
        body: JSON.stringify(body),
      });
    const anonymous = await fetch(`${url}/api/me/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ current: account.password, password: 'another-password-1' }),
    });
    expect(anonymous.status).toBe(401);
    const noCsrf = await fetch(`${url}/api/me/password`, {
      method: 'POST',
      headers: { cookie: desk.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ current: account.password, password: 'another-password-1' }),
    });
    expect(noCsrf.status).toBe(403);
    const short = await change(desk, { current: account.password, password: 'short' });
    expect(short.status).toBe(400);
    const shortBody = (await short.json()) as { error: string; field: string };
    expect(shortBody.field).toBe('password');
    expect(shortBody.error).toMatch(/at least 10 characters/); // the account rules' message
    const wrong = await change(desk, {
      current: 'not-the-password',
      password: 'another-password-1',
    });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({
      code: 'accounts.password.wrongCurrent',
      field: 'current',
    });
    expect((await change(desk, { password: 'another-password-1' })).status).toBe(400);
    expect((await users(phone)).status).toBe(200); // nothing changed yet
    const done = await change(desk, { current: account.password, password: 'another-password-1' });
    expect(done.status).toBe(200);
    expect((await users(desk)).status).toBe(200); // the session that changed it stays
    expect((await users(phone)).status).toBe(401); // every other session ends
    await expect(login(url, account)).rejects.toThrow(/401/); // the old password is gone
    const again = await login(url, { ...account, password: 'another-password-1' });
    expect((await users(again)).status).toBe(200);
  });
});
