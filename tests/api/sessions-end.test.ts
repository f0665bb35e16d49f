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
});
