// hejie store copy: a SQLite store (the synthetic province plus accounts, comments, settings) copied
// into PostgreSQL reads back the same through the Store interface; a non-empty target is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { openPgStore } from '../../src/server/store/pg-store';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import { rawSql } from '../helpers/pg-cluster';
import { freshPgUrl } from '../helpers/pg-store';

const dir = mkdtempSync(join(tmpdir(), 'hejie-copy-'));
const file = join(dir, 'hejie.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
    { LANG: 'zh_CN.UTF-8' },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
};

beforeAll(async () => {
  expect(
    (await run(['synth', '--plans', '20', '--km', '200', '--seed', '2', '--out', file])).code,
  ).toBe(0);
  const s = openSqliteStore(file, () => new Date('2026-12-01T00:00:00Z'));
  const user = await s.createUser(
    {
      username: 'planner-x',
      name: '规划员',
      role: 'planner',
      person: null,
      scope: { level: 'all', counties: [] },
      canPublish: true,
      passwordHash: 'x$y',
    },
    'test',
  );
  await s.addComment(
    { planId: 'synth-00001', author: user?.id ?? '', text: '合成意见', lon: 107, lat: 22.5 },
    'test',
  );
  await s.setSettings({ publicCoordinates: true, noticeAuthority: '（测试机关）' }, 'test');
  await s.close();
}, 120_000);

/** Everything a store gives back through the interface, for comparison. */
async function snapshot(s: Store) {
  const plans = await s.listPlans();
  return {
    plans,
    audit: await s.listAudit(),
    users: await s.listUsers(),
    settings: await s.getSettings(),
    publications: await s.listPublications(),
    events: await Promise.all(plans.map((p) => s.listStageEvents(p.record.id))),
    versions: await Promise.all(plans.map((p) => s.listVersions(p.record.id))),
    comments: await s.listComments('synth-00001'),
    history: await s.listHistory(),
    revision: await s.revision(),
  };
}

it('copies every table verbatim and checks it; the PG store reads what SQLite held', async () => {
  const url = await freshPgUrl();
  const r = await run(['store', 'copy', '--from', file, '--to', url]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/每表行数与哈希均一致/);
  expect(r.out).toMatch(/audit\t\d+ 行/);
  const sqlite = openSqliteStore(file);
  const pgStore = await openPgStore(url);
  try {
    expect(await snapshot(pgStore)).toEqual(await snapshot(sqlite));
    // the PostGIS table is filled from the copied publications; ids go on after the copied ones
    const { rows } = await rawSql(url, 'SELECT count(*)::int AS n FROM published_features');
    const f = rows[0];
    expect((f as { n: number }).n).toBeGreaterThan(0);
    const before = await pgStore.revision();
    await pgStore.appendAudit('test', 'after-copy', 'store', {});
    expect(await pgStore.revision()).toBe(before + 1);
  } finally {
    await sqlite.close();
    await pgStore.close();
  }
  const again = await run(['store', 'copy', '--from', file, '--to', url]);
  expect(again.code).toBe(1);
  expect(again.err).toContain('目标库不是空的');
}, 120_000);
