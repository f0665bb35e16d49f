// One contract, three stores: the SQLite store, its in-memory twin and the PostgreSQL store (a real
// server, tests/helpers/pg-cluster.ts) must behave alike.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/server/store/memory-store';
import { PG_SCHEMA_VERSION } from '../../src/server/store/pg-migrations';
import { SCHEMA_VERSION } from '../../src/server/store/sqlite-migrations';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { NewUser, Publication, Store } from '../../src/server/store/store';
import { freshPgStore } from '../helpers/pg-store';
import { bundledRegister } from '../helpers/register';

const { geodata } = bundledRegister();
const seed = { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'test' };
let tick = 0;
const clock = () => new Date(Date.UTC(2026, 10, 28, 0, 0, tick++));

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hejie-contract-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const kinds: [string, () => Store | Promise<Store>][] = [
  ['memory', () => createMemoryStore(clock)],
  ['sqlite', () => openSqliteStore(join(tempDir(), 'hejie.sqlite'), clock)],
  ['postgres', () => freshPgStore(clock)],
];

const planner: NewUser = {
  username: 'lin',
  name: '林工',
  role: 'planner',
  person: null,
  scope: { level: 'county', counties: ['450721'] },
  canPublish: true,
  passwordHash: 'scrypt$hash-a',
};

const line = (n: number): Feature => ({
  type: 'Feature',
  properties: { role: 'toe', n },
  geometry: {
    type: 'LineString',
    coordinates: [
      [109.1, 21.9],
      [109.2, 22 + n / 100],
    ],
  },
});

const publication = (version: number): Publication => ({
  planId: 'city-01',
  version,
  zones: { type: 'FeatureCollection', features: [line(version)] },
  markers: { type: 'FeatureCollection', features: [] },
  rules: { id: 'gb50286-2013' },
  etag: `"v${version}"`,
  publishedAt: '2026-11-28T08:00:00.000Z',
  publishedBy: 'lin',
});

describe.each(kinds)('%s store contract', (kind, open) => {
  const make = async () => {
    const s = await open();
    cleanup.push(() => s.close());
    await s.seedIfEmpty(seed, 'system:test');
    return s;
  };
  const actions = async (s: Store) => (await s.listAudit()).map((a) => a.action);

  it('creates accounts with unique usernames, audited without the hash', async () => {
    const s = await make();
    const u = await s.createUser(planner, 'admin:root');
    expect(u).toMatchObject({ ...planner, disabled: false });
    expect(u?.id).toMatch(/\S{8,}/);
    expect(await s.createUser({ ...planner, name: 'other' }, 'admin:root')).toBeNull();
    expect(await s.getUserByUsername('lin')).toEqual(u);
    expect(await s.getUser(u?.id ?? '')).toEqual(u);
    expect(await s.getUser('nobody')).toBeNull();
    expect(await s.getUserByUsername('nobody')).toBeNull();
    const entries = await s.listAudit('user:lin');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'admin:root', action: 'user.create' });
    expect(JSON.stringify(entries)).not.toContain('hash-a');
  });

  it('updates, disables and lists accounts; disabling ends the sessions; returns copies', async () => {
    const s = await make();
    const u = (await s.createUser(planner, 'admin:root')) ?? expect.fail('no user');
    await s.createUser(
      { ...planner, username: 'gao', role: 'chief', person: '高朴' },
      'admin:root',
    );
    await s.createSession({ id: 'h1', userId: u.id, csrf: 'c', createdAt: 'x', expiresAt: '2099' });
    await s.createSession({ id: 'h2', userId: u.id, csrf: 'c', createdAt: 'x', expiresAt: '2099' });
    // a new password ends the account's other sessions (the caller's own, h1, is kept)
    const changed = await s.updateUser(
      u.id,
      { passwordHash: 'scrypt$hash-b', scope: { level: 'all', counties: [] } },
      'admin:root',
      'h1',
    );
    expect(changed).toMatchObject({ passwordHash: 'scrypt$hash-b', scope: { level: 'all' } });
    expect(await s.getSession('h1')).not.toBeNull();
    expect(await s.getSession('h2')).toBeNull();
    expect(
      await s.updateUser(u.id, { disabled: true, canPublish: false }, 'admin:root'),
    ).toMatchObject({ disabled: true, canPublish: false, passwordHash: 'scrypt$hash-b' });
    expect(await s.getSession('h1')).toBeNull();
    expect(await s.updateUser('nobody', { disabled: true }, 'admin:root')).toBeNull();
    const listed = await s.listUsers();
    expect(listed.map((x) => x.username)).toEqual(['gao', 'lin']);
    (listed[0] as { name: string }).name = 'changed';
    expect((await s.getUserByUsername('gao'))?.name).toBe('林工');
    const updates = (await s.listAudit('user:lin')).filter((a) => a.action === 'user.update');
    expect(updates.map((a) => a.detail)).toEqual([
      { scope: { level: 'all', counties: [] }, password: 'changed' },
      { disabled: true, canPublish: false },
    ]);
  });

  it('keeps sessions until deleted or expired', async () => {
    const s = await make();
    const u = (await s.createUser(planner, 'admin:root')) ?? expect.fail('no user');
    const at = (h: number) => new Date(Date.UTC(2026, 10, 28, h)).toISOString();
    for (const [id, h] of [
      ['a', 1],
      ['b', 2],
      ['c', 5],
    ] as const)
      await s.createSession({
        id,
        userId: u.id,
        csrf: `csrf-${id}`,
        createdAt: at(0),
        expiresAt: at(h),
      });
    expect(await s.getSession('a')).toEqual({
      id: 'a',
      userId: u.id,
      csrf: 'csrf-a',
      createdAt: at(0),
      expiresAt: at(1),
    });
    expect(await s.deleteExpiredSessions(at(3))).toBe(2);
    expect(await s.getSession('a')).toBeNull();
    expect(await s.getSession('c')).not.toBeNull();
    await s.deleteSession('c');
    expect(await s.getSession('c')).toBeNull();
    expect(await s.deleteExpiredSessions(at(9))).toBe(0);
    await expect(
      s.createSession({ id: 'x', userId: 'nobody', csrf: 'c', createdAt: at(0), expiresAt: at(1) }),
    ).rejects.toThrow();
  });

  it('saves geometry versions compare-and-set: a stale base gets the current version', async () => {
    const s = await make();
    expect(await s.latestGeometry('city-01')).toBeNull();
    const features = [line(1)];
    const before = JSON.stringify(features);
    const v1 = await s.saveGeometry('city-01', 0, features, 'lin', 'first');
    expect(v1).toMatchObject({
      ok: true,
      version: { planId: 'city-01', version: 1, author: 'lin', comment: 'first', features },
    });
    expect(JSON.stringify(features)).toBe(before);
    features[0] = line(9);
    expect((await s.latestGeometry('city-01'))?.features).toEqual([line(1)]);
    expect(await s.saveGeometry('city-01', 0, [line(2)], 'lin', 'stale')).toMatchObject({
      ok: false,
      current: { version: 1 },
    });
    expect(await s.saveGeometry('city-02', 4, [line(2)], 'lin', 'ahead')).toEqual({
      ok: false,
      current: null,
    });
    expect(await s.saveGeometry('city-01', 1, [line(2)], 'lin', 'second')).toMatchObject({
      ok: true,
      version: { version: 2 },
    });
    expect((await s.getGeometry('city-01', 1))?.features).toEqual([line(1)]);
    expect(await s.getGeometry('city-01', 3)).toBeNull();
    expect(await s.latestGeometry('nope')).toBeNull();
    await expect(s.saveGeometry('nope', 0, [], 'lin', '')).rejects.toThrow(/unknown plan/);
    expect(await s.listVersions('city-01')).toEqual([
      expect.objectContaining({ version: 2, author: 'lin', comment: 'second', features: 1 }),
      expect.objectContaining({ version: 1, author: 'lin', comment: 'first', features: 1 }),
    ]);
    expect(await s.listVersions('city-02')).toEqual([]);
    const saves = (await s.listAudit('city-01')).filter((a) => a.action === 'geometry.save');
    expect(saves.map((a) => a.detail)).toEqual([
      { version: 1, features: 1, comment: 'first' },
      { version: 2, features: 1, comment: 'second' },
    ]);
  });

  it('takes no save at 公告实施, in the save transaction, until the plan is sent back', async () => {
    const s = await make();
    await s.saveGeometry('city-04', 0, [line(0)], 'lin', 'v1');
    await s.moveStage('city-04', 'not-started', 'published', 'lin', 'test');
    expect(await s.saveGeometry('city-04', 1, [line(1)], 'lin', 'late')).toEqual({
      ok: false,
      refused: expect.objectContaining({ code: 'workflow.save.published' }),
    });
    expect(await s.listVersions('city-04')).toHaveLength(1);
    await s.moveStage('city-04', 'published', 'deliverables', 'lin', 'change');
    expect(await s.saveGeometry('city-04', 1, [line(1)], 'lin', 'v2')).toMatchObject({ ok: true });
  });

  it('lets exactly one of many concurrent saves on the same base win', async () => {
    const s = await make();
    await s.saveGeometry('city-03', 0, [line(0)], 'lin', 'base');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        s.saveGeometry('city-03', 1, [line(i + 1)], `u${i}`, 'race'),
      ),
    );
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    const winner = won[0]?.ok ? won[0].version : expect.fail('no winner');
    for (const r of results.filter((x) => !x.ok)) expect(r).toEqual({ ok: false, current: winner });
    expect((await s.latestGeometry('city-03'))?.version).toBe(2);
  });

  it('moves stages compare-and-set with events and audit entries', async () => {
    const s = await make();
    const moved = await s.moveStage('county-05', 'not-started', 'base-map', 'lin', '开始');
    expect(moved).toMatchObject({
      ok: true,
      event: {
        planId: 'county-05',
        from: 'not-started',
        to: 'base-map',
        actor: 'lin',
        comment: '开始',
      },
    });
    expect((await s.getPlan('county-05'))?.stage).toBe('base-map');
    const race = await Promise.all([
      s.moveStage('county-05', 'base-map', 'draft', 'a', ''),
      s.moveStage('county-05', 'base-map', 'draft', 'b', ''),
    ]);
    expect(race.filter((r) => r.ok)).toHaveLength(1);
    expect(race.find((r) => !r.ok)).toEqual({ ok: false, current: 'draft' });
    const events = await s.listStageEvents('county-05');
    expect(events.map((e) => `${e.from}>${e.to}`)).toEqual([
      'not-started>base-map',
      'base-map>draft',
    ]);
    expect(await s.listStageEvents('nope')).toEqual([]);
    await expect(s.moveStage('nope', 'draft', 'review', 'lin', '')).rejects.toThrow(/unknown plan/);
    expect((await actions(s)).filter((a) => a === 'stage.move')).toHaveLength(2);
  });

  it('records the newest saved version with each stage move (what a sign-off signs)', async () => {
    const s = await make();
    await s.moveStage('county-06', 'not-started', 'base-map', 'lin', '');
    await s.saveGeometry('county-06', 0, [line(1)], 'lin', 'v1');
    await s.saveGeometry('county-06', 1, [line(2)], 'lin', 'v2');
    const moved = await s.moveStage('county-06', 'base-map', 'draft', 'lin', '');
    expect(moved).toMatchObject({ ok: true, event: { version: 2 } });
    const events = await s.listStageEvents('county-06');
    expect(events.map((e) => e.version)).toEqual([null, 2]);
    const audit = (await s.listAudit('county-06')).filter((a) => a.action === 'stage.move');
    expect(audit.map((a) => (a.detail as { version: unknown }).version)).toEqual([null, 2]);
  });

  it('publishes a frozen version, moves the plan to 公告实施, refuses when it moved on', async () => {
    const s = await make();
    await s.saveGeometry('city-01', 0, [line(1)], 'lin', '');
    await s.moveStage('city-01', 'not-started', 'deliverables', 'lin', '');
    expect(await s.publish(publication(2), 'deliverables', 'lin')).toBe(false);
    expect(await s.publish(publication(1), 'review', 'lin')).toBe(false);
    expect(await s.publish({ ...publication(1), planId: 'nope' }, 'deliverables', 'lin')).toBe(
      false,
    );
    const p1 = publication(1);
    const frozen = JSON.stringify(p1);
    expect(await s.publish(p1, 'deliverables', 'lin')).toBe(true);
    expect(JSON.stringify(p1)).toBe(frozen);
    expect(await s.publish(p1, 'published', 'lin')).toBe(false);
    expect((await s.getPlan('city-01'))?.stage).toBe('published');
    expect((await s.listStageEvents('city-01')).at(-1)).toMatchObject({
      from: 'deliverables',
      to: 'published',
    });
    const got = (await s.getPublication('city-01')) ?? expect.fail('not published');
    expect(got).toEqual(p1);
    expect(await s.publicationTag('city-01')).toEqual({ version: 1, etag: p1.etag });
    expect(await s.publicationTag('city-02')).toBeNull();
    got.zones.features = [];
    expect(await s.getPublication('city-01')).toEqual(p1);
    // a later change is a send-back, a new draft and a new publication; the old one stays as it was
    await s.moveStage('city-01', 'published', 'deliverables', 'lin', 'revise');
    await s.saveGeometry('city-01', 1, [line(2)], 'lin', 'change');
    expect(await s.publish(publication(2), 'deliverables', 'lin')).toBe(true);
    expect((await s.getPublication('city-01'))?.version).toBe(2);
    expect(await s.listPublications()).toEqual([publication(2)]);
    expect(await s.getPublication('city-02')).toBeNull();
    expect(
      (await s.listAudit('city-01')).filter((a) => a.action === 'publish').map((a) => a.detail),
    ).toEqual([
      { version: 1, etag: '"v1"', fromStage: 'deliverables' },
      { version: 2, etag: '"v2"', fromStage: 'deliverables' },
    ]);
  });

  it('keeps comments, pinned or not, audited', async () => {
    const s = await make();
    const c = await s.addComment(
      { planId: 'city-02', author: '高朴', text: '桩号 K3 需复核', lon: 108.6, lat: 21.95 },
      'gao',
    );
    expect(c).toMatchObject({ planId: 'city-02', text: '桩号 K3 需复核', lon: 108.6, lat: 21.95 });
    await s.addComment(
      { planId: 'city-02', author: '高朴', text: '同意', lon: null, lat: null },
      'gao',
    );
    expect((await s.listComments('city-02')).map((x) => x.text)).toEqual([
      '桩号 K3 需复核',
      '同意',
    ]);
    expect(await s.listComments('city-01')).toEqual([]);
    await expect(
      s.addComment({ planId: 'city-02', author: 'x', text: 'half', lon: 108, lat: null }, 'x'),
    ).rejects.toThrow(/both/);
    await expect(
      s.addComment({ planId: 'nope', author: 'x', text: 'y', lon: null, lat: null }, 'x'),
    ).rejects.toThrow(/unknown plan/);
    expect((await actions(s)).filter((a) => a === 'comment.add')).toHaveLength(2);
  });

  it('resolves a comment once, with its version and objection kept; reads the audit since an id', async () => {
    const s = await make();
    const before = await s.revision();
    const c = await s.addComment(
      {
        planId: 'city-02',
        author: 'gao',
        text: '堤脚线偏离',
        lon: 108.6,
        lat: 21.95,
        objection: true,
      },
      'gao',
    );
    expect(c).toMatchObject({ version: null, objection: true, resolution: null });
    const done = await s.resolveComment('city-02', c.id, '已修正', 'lin');
    expect(done).toEqual({
      ok: true,
      value: { ...c, resolution: { reply: '已修正', by: 'lin', at: expect.any(String) } },
    });
    const again = await s.resolveComment('city-02', c.id, '再次', 'lin');
    expect(again.ok ? null : again.refused.code).toBe('live.comment.alreadyResolved');
    const wrong = await s.resolveComment('city-01', c.id, '别的计划', 'lin');
    expect(wrong.ok ? null : wrong.refused.code).toBe('live.comment.unknown');
    expect((await s.listComments('city-02'))[0]?.resolution?.reply).toBe('已修正');
    const since = await s.auditSince(before, 10);
    expect(since.map((a) => a.action)).toEqual(['comment.add', 'comment.resolve']);
    expect(since[0]?.id).toBe(before + 1);
    expect(await s.auditSince(before, 1)).toHaveLength(1);
    expect(await s.auditSince(await s.revision(), 10)).toEqual([]);
  });

  it('has default settings, patches them, audits without the key', async () => {
    const s = await make();
    expect(await s.getSettings()).toEqual({ publicCoordinates: false, tiandituKey: null });
    expect(await s.setSettings({ tiandituKey: 'secret-key' }, 'admin:root')).toEqual({
      publicCoordinates: false,
      tiandituKey: 'secret-key',
    });
    expect(await s.setSettings({ publicCoordinates: true }, 'admin:root')).toEqual({
      publicCoordinates: true,
      tiandituKey: 'secret-key',
    });
    expect(await s.setSettings({ tiandituKey: null }, 'admin:root')).toEqual({
      publicCoordinates: true,
      tiandituKey: null,
    });
    const entries = await s.listAudit('settings');
    expect(entries.map((a) => a.detail)).toEqual([
      { tiandituKey: 'set' },
      { publicCoordinates: true },
      { tiandituKey: 'cleared' },
    ]);
    expect(JSON.stringify(entries)).not.toContain('secret-key');
  });

  it('appends audit entries in order and reports its schema', async () => {
    const s = await make();
    await s.appendAudit('lin', 'login', 'user:lin', { ip: '127.0.0.1' });
    const all = await s.listAudit();
    expect(all.map((a) => a.action)).toEqual(['seed', 'login']);
    expect(all[1]).toMatchObject({
      id: 2,
      actor: 'lin',
      target: 'user:lin',
      detail: { ip: '127.0.0.1' },
    });
    expect((await s.info()).schemaVersion).toBe(
      kind === 'postgres' ? PG_SCHEMA_VERSION : SCHEMA_VERSION,
    );
  });

  it('counts login failures per key up to their limits, forgives, forgets the window, bounds keys', async () => {
    const s = await make();
    const revision = await s.revision();
    const attempt = (at: number, keys = ['p:x|lin', 'u:lin'], maxKeys = 100) =>
      s.countLoginFailure({
        keys: keys.map((key, i) => ({ key, limit: i === 0 ? 2 : 3 })),
        since: at - 1000,
        at,
        maxKeys,
      });
    const first = await attempt(10_000);
    expect(first).toMatchObject({ ok: true });
    expect(first.ok && first.ids.length).toBe(2);
    expect(await attempt(10_001)).toMatchObject({ ok: true });
    // the pair is at its limit: refused, nothing recorded, each key's times oldest first
    expect(await attempt(10_002)).toEqual({
      ok: false,
      times: [
        [10_000, 10_001],
        [10_000, 10_001],
      ],
    });
    expect(await attempt(10_003)).toEqual({
      ok: false,
      times: [
        [10_000, 10_001],
        [10_000, 10_001],
      ],
    });
    // a success clears the pair and takes back only its own ids of the other keys
    const other = await attempt(10_004, ['p:y|lin', 'u:lin']);
    expect(other.ok).toBe(true);
    if (other.ok) await s.forgiveLogin('p:y|lin', other.ids);
    await s.forgiveLogin('p:x|lin', []);
    expect(await attempt(10_005)).toMatchObject({ ok: true });
    expect(await attempt(10_006)).toEqual({
      ok: false,
      times: [[10_005], [10_000, 10_001, 10_005]],
    });
    // failures at or before `since` are forgotten
    expect(await attempt(11_001)).toMatchObject({ ok: true });
    expect(await attempt(11_002)).toEqual({
      ok: false,
      times: [
        [10_005, 11_001],
        [10_005, 11_001],
      ],
    });
    expect(await attempt(12_000)).toMatchObject({ ok: true });
    // at the bound a new key is not remembered; a known key still is
    const bounded = await attempt(12_001, ['p:z|lin', 'u:lin'], 2);
    expect(bounded.ok && bounded.ids.length).toBe(1);
    expect(await attempt(12_002, ['p:z|lin', 'u:lin'], 2)).toMatchObject({ ok: true });
    expect(await attempt(12_003, ['p:z|lin', 'u:lin'], 2)).toEqual({
      ok: false,
      times: [[], [12_000, 12_001, 12_002]],
    });
    // the throttle's writes are not audited: views cached on the revision stay valid
    expect(await s.revision()).toBe(revision);
  });

  it("counts opinions per key within each key's own window, forgets the oldest, bounds keys", async () => {
    const s = await make();
    const revision = await s.revision();
    // a short window (limit 2 in 100 ms) and a long one (limit 3 in 1000 ms), as minute and day
    const attempt = (at: number, keys = ['m:x', 'd:x|p'], maxKeys = 100) =>
      s.countOpinion({
        keys: keys.map((key, i) => ({
          key,
          limit: i === 0 ? 2 : 3,
          since: at - (i === 0 ? 100 : 1000),
        })),
        at,
        maxKeys,
      });
    expect(await attempt(10_000)).toEqual({ ok: true });
    expect(await attempt(10_010)).toEqual({ ok: true });
    // the short window is full: refused, nothing recorded, each key's times in its own window
    expect(await attempt(10_020)).toEqual({
      ok: false,
      times: [
        [10_000, 10_010],
        [10_000, 10_010],
      ],
    });
    // the short window has moved on; the long one still holds both
    expect(await attempt(10_200)).toEqual({ ok: true });
    expect(await attempt(10_300)).toEqual({
      ok: false,
      times: [[], [10_000, 10_010, 10_200]],
    });
    // past the long window everything before it is forgotten
    expect(await attempt(11_100)).toEqual({ ok: true });
    expect(await attempt(11_150)).toEqual({ ok: true });
    expect(await attempt(11_160)).toEqual({
      ok: false,
      times: [
        [11_100, 11_150],
        [10_200, 11_100, 11_150],
      ],
    });
    // at the bound a new key is not remembered (the opinion goes through), a known one still is
    for (let i = 0; i < 5; i++)
      expect(await attempt(11_170 + i, ['m:new', 'd:new|p'], 2)).toEqual({ ok: true });
    expect((await attempt(11_180, ['m:x', 'd:x|p'], 2)).ok).toBe(false);
    expect(await s.revision()).toBe(revision);
  });
});
