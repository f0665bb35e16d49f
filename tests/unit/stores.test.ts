import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/server/store/memory-store';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import { freshPgStore } from '../helpers/pg-store';
import { bundledRegister } from '../helpers/register';

const { geodata } = bundledRegister();
const seed = { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'test' };
const clock = () => new Date('2026-11-28T00:00:00Z');

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

const kinds: [string, () => Store | Promise<Store>][] = [
  ['memory', () => createMemoryStore(clock)],
  [
    'sqlite',
    () => openSqliteStore(join(mkdtempSync(join(tmpdir(), 'hejie-')), 'db.sqlite'), clock),
  ],
  ['postgres', () => freshPgStore(clock)],
];

describe.each(kinds)('%s store', (_kind, open) => {
  const make = async () => {
    const s = await open();
    stores.push(s);
    return s;
  };

  it('seeds an empty store once, in full, and audits it', async () => {
    const s = await make();
    expect(await s.seedIfEmpty(seed, 'system:test')).toEqual({ seeded: true });
    expect(await s.seedIfEmpty(seed, 'system:test')).toEqual({ seeded: false });
    const plans = await s.listPlans();
    expect(plans).toHaveLength(36);
    expect(plans.every((p) => p.stage === 'not-started')).toBe(true);
    expect(plans.map((p) => p.record)).toEqual(expect.arrayContaining(geodata.plans));
    expect(await s.listWaterbodies()).toEqual(geodata.waterbodies);
    const audit = await s.listAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'system:test', action: 'seed', detail: { plans: 36 } });
    expect((await s.info()).seededAt).toBe('2026-11-28T00:00:00.000Z');
  });

  it('searches the audit log newest first, by contained target and actor, a page at a time', async () => {
    const s = await make();
    for (const [actor, target] of [
      ['Admin', 'user:dept-sthj'],
      ['planner', 'plan:city-01'],
      ['admin', 'settings'],
      ['admin', 'user:100%_x'],
    ])
      await s.appendAudit(actor as string, 'test.write', target as string, { n: 1 });
    const all = await s.listAudit();
    const ids = all.map((e) => e.id).reverse();
    expect((await s.searchAudit({ limit: 10 })).map((e) => e.id)).toEqual(ids);
    expect((await s.searchAudit({ limit: 2 })).map((e) => e.id)).toEqual(ids.slice(0, 2));
    expect(
      (await s.searchAudit({ limit: 2, beforeId: ids[1] as number })).map((e) => e.id),
    ).toEqual(ids.slice(2, 4));
    const admins = await s.searchAudit({ actor: 'ADMIN', target: 'user', limit: 10 });
    expect(admins.map((e) => e.target)).toEqual(['user:100%_x', 'user:dept-sthj']);
    expect((await s.searchAudit({ target: '%', limit: 10 })).map((e) => e.target)).toEqual([
      'user:100%_x',
    ]);
    expect(await s.searchAudit({ target: 'nothing', limit: 10 })).toEqual([]);
  });

  it('returns copies: changing a result does not change the store', async () => {
    const s = await make();
    await s.seedIfEmpty(seed, 'system:test');
    const first = await s.getPlan('city-01');
    if (!first) throw new Error('missing');
    first.record.chief = '改';
    expect((await s.getPlan('city-01'))?.record.chief).toBe('高朴');
    expect(await s.getPlan('nope')).toBeNull();
  });

  it('does not mutate the seed it is given', async () => {
    const before = JSON.stringify(seed);
    await (await make()).seedIfEmpty(seed, 'system:test');
    expect(JSON.stringify(seed)).toBe(before);
  });
});

describe('sqlite store file', () => {
  it('keeps its data across reopen, in WAL mode, with an append-only audit log', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hejie-')), 'sub/dir/db.sqlite');
    const a = openSqliteStore(path, clock);
    await a.seedIfEmpty(seed, 'system:test');
    await a.close();
    const b = openSqliteStore(path, clock);
    expect(await b.seedIfEmpty(seed, 'system:test')).toEqual({ seeded: false });
    expect(await b.listPlans()).toHaveLength(36);
    await b.close();
    const raw = new Database(path);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(() => raw.prepare('UPDATE audit SET actor = ?').run('x')).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    raw.close();
  });

  it('refuses a database from a newer Hejie', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hejie-')), 'db.sqlite');
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openSqliteStore(path)).toThrow(/newer than this Hejie/);
  });
});
