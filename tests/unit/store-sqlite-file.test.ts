// What only the SQLite store has: a file that survives reopening, old schemas, raw-SQL guards, backups.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/server/store/memory-store';
import { migrationsUpTo, SCHEMA_VERSION } from '../../src/server/store/sqlite-migrations';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import { bundledRegister, ROOT } from '../helpers/register';

const { geodata } = bundledRegister();
const seed = { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'test' };
const clock = () => new Date('2026-11-28T00:00:00Z');
const fc = { type: 'FeatureCollection' as const, features: [] };

const dirs: string[] = [];
const open: Store[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function dbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hejie-file-'));
  dirs.push(dir);
  return join(dir, 'hejie.sqlite');
}
function store(path: string): Store {
  const s = openSqliteStore(path, clock);
  open.push(s);
  return s;
}

/** A store with one of everything. */
async function fill(s: Store): Promise<void> {
  await s.seedIfEmpty(seed, 'system:test');
  const u = await s.createUser(
    {
      username: 'gao',
      name: '高朴',
      role: 'chief',
      person: '高朴',
      scope: { level: 'all', counties: [] },
      canPublish: false,
      passwordHash: 'scrypt$x',
    },
    'admin',
  );
  await s.createSession({
    id: 'sess',
    userId: u?.id ?? '',
    csrf: 'c',
    createdAt: '2026-11-28T00:00:00.000Z',
    expiresAt: '2026-11-29T00:00:00.000Z',
  });
  await s.saveGeometry('city-01', 0, [], 'lin', 'v1');
  await s.moveStage('city-01', 'not-started', 'deliverables', 'lin', '');
  await s.publish(
    {
      planId: 'city-01',
      version: 1,
      zones: fc,
      markers: fc,
      rules: { id: 'r' },
      etag: '"e1"',
      publishedAt: '2026-11-28T01:00:00.000Z',
      publishedBy: 'lin',
    },
    'deliverables',
    'lin',
  );
  await s.addComment({ planId: 'city-01', author: '高朴', text: '好', lon: 108.6, lat: 22 }, 'gao');
  await s.setSettings({ publicCoordinates: true }, 'admin');
}

/** Everything a store holds, for comparing two of them. */
async function snapshot(s: Store) {
  return {
    plans: await s.listPlans(),
    audit: await s.listAudit(),
    users: await s.listUsers(),
    session: await s.getSession('sess'),
    geometry: await s.latestGeometry('city-01'),
    events: await s.listStageEvents('city-01'),
    publications: await s.listPublications(),
    comments: await s.listComments('city-01'),
    settings: await s.getSettings(),
  };
}

describe('sqlite store file', () => {
  it('keeps everything across close and reopen', async () => {
    const path = dbPath();
    const a = store(path);
    await fill(a);
    const before = await snapshot(a);
    expect(before.publications).toHaveLength(1);
    expect(before.audit.length).toBeGreaterThanOrEqual(7);
    await a.close();
    expect(await snapshot(store(path))).toEqual(before);
  });

  it('guards publications and the audit log against raw UPDATE and DELETE', async () => {
    const path = dbPath();
    await fill(store(path));
    const raw = new Database(path);
    try {
      expect(() => raw.prepare("UPDATE publications SET etag = 'x'").run()).toThrow(/immutable/);
      expect(() => raw.prepare('DELETE FROM publications').run()).toThrow(/immutable/);
      expect(() => raw.prepare("UPDATE audit SET actor = 'x'").run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
      // a comment is resolved once and never deleted (schema 6)
      expect(() => raw.prepare("UPDATE comments SET text = 'x'").run()).toThrow(/resolved once/);
      const resolve = raw.prepare('UPDATE comments SET resolution = json(\'{"reply":"ok"}\')');
      expect(resolve.run().changes).toBe(1);
      expect(() => resolve.run()).toThrow(/resolved once/);
      expect(() => raw.prepare('DELETE FROM comments').run()).toThrow(/immutable/);
      expect(() => raw.prepare("UPDATE geometry_versions SET features = 'not json'").run()).toThrow(
        /CHECK/,
      );
    } finally {
      raw.close();
    }
  });

  it('migrates a version-1 database file and keeps its plans and audit', async () => {
    const path = dbPath();
    const raw = new Database(path);
    raw.pragma('journal_mode = WAL');
    raw.exec(migrationsUpTo(1)[0] as string);
    raw.pragma('user_version = 1');
    const insert = raw.prepare(
      'INSERT INTO plans (id, record, river_id, stage, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const p of geodata.plans.slice(0, 5))
      insert.run(p.id, JSON.stringify(p), p.riverId, 'draft', '2020-01-01T00:00:00.000Z');
    raw
      .prepare(
        "INSERT INTO audit (at, actor, action, target, detail) VALUES ('t', 'old', 'seed', 'register', '{}')",
      )
      .run();
    raw.close();
    const s = store(path);
    expect((await s.info()).schemaVersion).toBe(SCHEMA_VERSION);
    const plans = await s.listPlans();
    expect(plans.map((p) => p.record)).toEqual(geodata.plans.slice(0, 5));
    expect(plans.every((p) => p.stage === 'draft')).toBe(true);
    expect(await s.listAudit()).toMatchObject([{ actor: 'old', action: 'seed' }]);
    expect(await s.seedIfEmpty(seed, 'x')).toEqual({ seeded: false });
    expect(await s.saveGeometry('city-01', 0, [], 'lin', '')).toMatchObject({ ok: true });
    expect(await s.getSettings()).toEqual({ publicCoordinates: false, tiandituKey: null });
  });

  it('migrates a version-2 database: listed versions keep their feature counts', async () => {
    const path = dbPath();
    const raw = new Database(path);
    for (const m of migrationsUpTo(2)) raw.exec(m);
    raw.pragma('user_version = 2');
    raw
      .prepare('INSERT INTO plans (id, record, river_id, stage, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run('city-01', JSON.stringify(geodata.plans[0]), 'qinjiang', 'draft', 't');
    const features = JSON.stringify([
      { type: 'Feature' },
      { type: 'Feature' },
      { type: 'Feature' },
    ]);
    raw
      .prepare(
        `INSERT INTO geometry_versions (plan_id, version, features, author, comment, created_at)
         VALUES ('city-01', 1, ?, 'lin', 'old', 't')`,
      )
      .run(features);
    raw.close();
    const s = store(path);
    expect(await s.listVersions('city-01')).toEqual([
      { planId: 'city-01', version: 1, author: 'lin', comment: 'old', createdAt: 't', features: 3 },
    ]);
  });

  it('two connections to one file: a stale save from the other loses', async () => {
    const path = dbPath();
    const a = store(path);
    await a.seedIfEmpty(seed, 'system:test');
    const b = store(path);
    expect(await a.saveGeometry('city-02', 0, [], 'a', '')).toMatchObject({ ok: true });
    expect(await b.saveGeometry('city-02', 0, [], 'b', '')).toMatchObject({
      ok: false,
      current: { version: 1, author: 'a' },
    });
    expect(await b.moveStage('city-02', 'not-started', 'base-map', 'b', '')).toMatchObject({
      ok: true,
    });
    expect(await a.moveStage('city-02', 'not-started', 'base-map', 'a', '')).toEqual({
      ok: false,
      current: 'base-map',
    });
  });

  it('backs up online to a consistent file; the memory store refuses', async () => {
    const path = dbPath();
    const s = store(path);
    await fill(s);
    const copy = join(dirs[0] as string, 'copy.sqlite');
    await s.backup(copy);
    const raw = new Database(copy, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    expect(await snapshot(store(copy))).toEqual(await snapshot(s));
    await expect(createMemoryStore().backup(copy)).rejects.toThrow(/no file to back up/);
  });

  it('four processes editing one plan at once lose no update and never see SQLITE_BUSY', async () => {
    const path = dbPath();
    await store(path).seedIfEmpty(seed, 'system:test');
    const script = `
      import { openSqliteStore } from '${join(ROOT, 'src/server/store/sqlite-store.ts')}';
      const s = openSqliteStore(process.argv[2]);
      let won = 0;
      for (let i = 0; i < 250; i++) {
        const base = (await s.latestGeometry('city-04'))?.version ?? 0;
        const r = await s.saveGeometry('city-04', base, [], process.argv[3], "w" + i);
        if (r.ok) won++;
      }
      await s.close();
      console.log(won);`;
    const worker = join(path, '../worker.mts');
    writeFileSync(worker, script);
    const runs = ['p1', 'p2', 'p3', 'p4'].map(
      (name) =>
        new Promise<number>((done, fail) => {
          const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [worker, path, name], {
            cwd: ROOT,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          let err = '';
          child.stdout.on('data', (b: Buffer) => (out += b));
          child.stderr.on('data', (b: Buffer) => (err += b));
          child.once('exit', (code) =>
            code === 0 ? done(Number(out.trim())) : fail(new Error(err)),
          );
        }),
    );
    const won = (await Promise.all(runs)).reduce((a, b) => a + b, 0);
    const s = store(path);
    const latest = (await s.latestGeometry('city-04'))?.version ?? 0;
    expect(latest).toBe(won);
    expect(won).toBeGreaterThanOrEqual(250);
    const saves = (await s.listAudit('city-04')).filter((a) => a.action === 'geometry.save');
    expect(saves.map((a) => (a.detail as { version: number }).version)).toEqual(
      Array.from({ length: won }, (_, i) => i + 1),
    );
  }, 60_000);
});
