// Issue 19's admin console on the API: what the console needs beyond issue 5's routes (an account's
// name and organisation, enabling, stale edits refused, the rule table's reasons per cell, the audit
// log filtered), and publishing refused while the notice authority or the phone is unset.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComputePool } from '../../src/server/compute/compute-pool';
import { openRegister } from '../../src/server/open-register';
import type { Store } from '../../src/server/store/store';
import {
  carryTo,
  displayAndAccept,
  type InProcessApp,
  logInProcess,
  startInProcess,
  testClock,
} from '../helpers/display-accept';
import { ROOT } from '../helpers/register';

const JSON_TYPE = { 'content-type': 'application/json' };
const compute = createComputePool({ size: 1 });
const clock = testClock('2026-12-03T02:00:00Z');

let store: Store;
let app: InProcessApp['app'];
const as: Record<string, Record<string, string>> = {};

async function logIn(...who: [string, string][]) {
  for (const [username, password] of who)
    as[username] = { ...JSON_TYPE, ...(await logInProcess(app, username, password)).headers };
}
const call = async (
  who: string | null,
  method: string,
  path: string,
  body?: unknown,
  zh = false,
) => {
  const res = await app.request(path, {
    method,
    headers: {
      ...(who ? as[who] : JSON_TYPE),
      ...(zh ? { 'accept-language': 'zh-CN' } : { 'accept-language': 'en' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & unknown[] };
};
type User = { id: string; username: string; revision: string; disabled: boolean };
const userNamed = async (username: string) =>
  ((await call('admin', 'GET', '/api/users')).body as unknown as User[]).find(
    (u) => u.username === username,
  ) as User;

beforeAll(async () => {
  ({ app, store } = await startInProcess({ clock: clock.now, compute, publishSettings: false }));
  await logIn(
    ['admin', 'demo-admin'],
    ['planner', 'demo-planner'],
    ['dept-sthj', 'demo-dept-sthj'],
  );
});
afterAll(() => compute.close());

describe('accounts: what the console edits', () => {
  it('renames an account and changes a department’s organisation, audited; only a department has one', async () => {
    const sthj = await userNamed('dept-sthj');
    const res = await call('admin', 'PATCH', `/api/users/${sthj.id}`, {
      name: '生态环境局（联系人）',
      organisation: '钦州市生态环境局',
      base: sthj.revision,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: '生态环境局（联系人）',
      organisation: '钦州市生态环境局',
    });
    expect(res.body.revision).not.toBe(sthj.revision);
    const planner = await userNamed('planner');
    const wrong = await call(
      'admin',
      'PATCH',
      `/api/users/${planner.id}`,
      { organisation: 'x' },
      true,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ field: 'organisation' });
    const audit = (await call('admin', 'GET', '/api/admin/audit?target=user:dept-sthj')).body;
    expect(audit[0]).toMatchObject({
      action: 'user.update',
      actor: 'admin',
      detail: { name: '生态环境局（联系人）', organisation: '钦州市生态环境局' },
    });
  });

  it('disables and enables an account: disabled, its session ends and it cannot log in; enabled, it can', async () => {
    const sthj = await userNamed('dept-sthj');
    expect((await call('admin', 'PATCH', `/api/users/${sthj.id}`, { disabled: true })).status).toBe(
      200,
    );
    expect((await call('dept-sthj', 'GET', '/api/me')).body.actor).toEqual({ kind: 'public' });
    await expect(logIn(['dept-sthj', 'demo-dept-sthj'])).rejects.toThrow(/403/);
    const enabled = await call('admin', 'PATCH', `/api/users/${sthj.id}`, { disabled: false });
    expect(enabled.body).toMatchObject({ disabled: false });
    await logIn(['dept-sthj', 'demo-dept-sthj']);
  });

  it('refuses an edit made from an older revision (409, in the user’s language), writing nothing', async () => {
    const planner = await userNamed('planner');
    const first = await call('admin', 'PATCH', `/api/users/${planner.id}`, {
      name: '规划员甲',
      base: planner.revision,
    });
    expect(first.status).toBe(200);
    const stale = await call(
      'admin',
      'PATCH',
      `/api/users/${planner.id}`,
      { name: '规划员乙', base: planner.revision },
      true,
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'admin.stale.account',
      error: '账号“planner”已被他人修改，请重新载入后再修改',
      current: { name: '规划员甲' },
    });
    expect((await userNamed('planner')) as unknown).toMatchObject({ name: '规划员甲' });
  });
});

describe('settings and the rule table: stale edits, reasons per cell', () => {
  it('refuses settings saved from an older revision', async () => {
    const before = (await call('admin', 'GET', '/api/settings')).body;
    expect(before).toMatchObject({ noticeAuthority: null, revision: expect.any(String) });
    const ok = await call('admin', 'PUT', '/api/settings', {
      displayDays: 9,
      base: before.revision,
    });
    expect(ok.status).toBe(200);
    const stale = await call(
      'admin',
      'PUT',
      '/api/settings',
      { displayDays: 5, base: before.revision },
      true,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('设置已被他人修改，请重新载入后再修改');
    expect((await call('admin', 'GET', '/api/settings')).body.displayDays).toBe(9);
  });

  it('gives every reason of a refused table at its cell, and refuses a stale table', async () => {
    const { rulesRevision } = (await call('admin', 'GET', '/api/settings')).body;
    const table = (await call(null, 'GET', '/api/rules')).body as Record<string, unknown>;
    const bad = {
      ...table,
      toe: { ...(table.toe as object), 5: { min: 8, max: 600 } },
      protection: { min: 60, max: 50 },
    };
    const res = await call('admin', 'PUT', `/api/rules?base=${rulesRevision}`, bad, true);
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([
      { field: 'toe.5', error: expect.stringContaining('护堤地宽度') },
      { field: 'protection', error: expect.stringContaining('堤防安全保护区宽度') },
    ]);
    const fine = { ...table, version: '2' };
    expect((await call('admin', 'PUT', `/api/rules?base=${rulesRevision}`, fine)).status).toBe(200);
    const stale = await call('admin', 'PUT', `/api/rules?base=${rulesRevision}`, table, true);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('admin.stale.rules');
    expect((await call(null, 'GET', '/api/rules')).body.version).toBe('2');
  });
});

describe('the audit log for the console', () => {
  it('is for admins only, newest first, filtered by target and actor, limited', async () => {
    expect((await call(null, 'GET', '/api/admin/audit')).status).toBe(401);
    expect((await call('planner', 'GET', '/api/admin/audit')).status).toBe(403);
    expect((await call('admin', 'GET', '/api/admin/audit?limit=0')).body.field).toBe('limit');
    const all = (await call('admin', 'GET', '/api/admin/audit?limit=500')).body as unknown as {
      id: number;
      actor: string;
      target: string;
    }[];
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    const settings = (await call('admin', 'GET', '/api/admin/audit?target=SETTINGS&actor=adm'))
      .body as unknown as typeof all;
    expect(settings.length).toBeGreaterThan(0);
    expect(settings.every((e) => e.target === 'settings' && e.actor === 'admin')).toBe(true);
    expect((await call('admin', 'GET', '/api/admin/audit?limit=2')).body).toHaveLength(2);
    // the next page: older than the last entry shown, with the same filter
    const first = (await call('admin', 'GET', '/api/admin/audit?limit=3'))
      .body as unknown as typeof all;
    const last = first.at(-1)?.id as number;
    const next = (await call('admin', 'GET', `/api/admin/audit?limit=3&before=${last}`))
      .body as unknown as typeof all;
    expect(next.map((e) => e.id)).toEqual(all.slice(3, 6).map((e) => e.id));
    expect((await call('admin', 'GET', '/api/admin/audit?before=x')).body.field).toBe('before');
    // "contains" is literal: % and _ are not wildcards
    expect((await call('admin', 'GET', '/api/admin/audit?target=%25')).body).toEqual([]);
  });
});

describe('publishing needs the notice authority and the supervision phone', () => {
  it('is refused while either is unset, saying where to set them; the review gate says so first', async () => {
    await carryTo(store, 'city-01', 'deliverables');
    await displayAndAccept(app, as.admin as Record<string, string>, 'city-01', 1, clock);
    await logIn(['admin', 'demo-admin'], ['planner', 'demo-planner']);
    const gate = (await call('planner', 'GET', '/api/plans/city-01/review', undefined, true)).body;
    const where =
      '尚未设置发布机关和监督电话，不能发布公告。请管理员在 管理 → 公告与公示 中设置发布机关和监督电话';
    expect(gate.publish).toMatchObject({ code: 'admin.publish.settingsMissing', text: where });
    const refused = await call('planner', 'POST', '/api/plans/city-01/publish', {}, true);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe(where);

    await call('admin', 'PUT', '/api/settings', { noticeAuthority: '钦州市人民政府' });
    const phone = await call('planner', 'POST', '/api/plans/city-01/publish', {}, true);
    expect(phone.body.error).toMatch(/^尚未设置监督电话，/);
    await call('admin', 'PUT', '/api/settings', { supervisionPhone: '0777-2822222' });
    const open = (await call('planner', 'GET', '/api/plans/city-01/review')).body;
    expect(open.publish).toBeNull();
    const published = await call('planner', 'POST', '/api/plans/city-01/publish', {});
    expect(published.status, JSON.stringify(published.body)).toBe(201);
  }, 60_000);
});

describe('the SQLite store', () => {
  it('changes an account’s name and organisation, and the audit says what changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hejie-admin-console-'));
    const { store: sqlite } = await openRegister(ROOT, { dataDir: dir, databaseUrl: null }, 'test');
    try {
      const created = await sqlite.createUser(
        {
          username: 'dept-x',
          name: '部门',
          role: 'department',
          person: null,
          scope: { level: 'all', counties: [] },
          canPublish: false,
          organisation: '市交通局',
          passwordHash: 'x',
        },
        'test',
      );
      const updated = await sqlite.updateUser(
        created?.id ?? '',
        { name: '交通局', organisation: '钦州市交通运输局' },
        'admin',
      );
      expect(updated).toMatchObject({ name: '交通局', organisation: '钦州市交通运输局' });
      const audit = await sqlite.listAudit('user:dept-x');
      expect(audit.at(-1)).toMatchObject({
        action: 'user.update',
        detail: { name: '交通局', organisation: '钦州市交通运输局' },
      });
    } finally {
      await sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
