// hejie backup / restore with HEJIE_DATABASE_URL: pg_dump -Fc, then pg_restore over later writes
// gives the backed-up store back; refused while a session is connected; the password never shown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { openPgStore } from '../../src/server/store/pg-store';
import { freshPgUrl } from '../helpers/pg-store';

const dir = mkdtempSync(join(tmpdir(), 'hejie-pgbackup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (args: string[], url: string) => {
  const out: string[] = [];
  const err: string[] = [];
  const env = { LANG: 'zh_CN.UTF-8', HEJIE_DATABASE_URL: url, HEJIE_DATA: dir };
  const code = await runCli(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
    env,
  );
  return { code, text: [...out, ...err].join('\n') };
};

it('backs up with pg_dump and restores with pg_restore, never printing the password', async () => {
  const plain = await freshPgUrl();
  // the test cluster trusts local connections: the password is ignored by the server, but must
  // reach the tools only through PGPASSWORD and never be printed
  const u = new URL(plain);
  u.username = 'postgres';
  u.password = 'pw-s3cret';
  const url = u.toString();
  const synth = await runCli(
    ['synth', '--plans', '8', '--km', '80', '--seed', '1', '--to', url],
    () => {},
    () => {},
  );
  expect(synth).toBe(0);
  let store = await openPgStore(url);
  const before = { revision: await store.revision(), plans: (await store.listPlans()).length };
  await store.close();

  const file = join(dir, 'hejie.dump');
  const backup = await run(['backup', file], url);
  expect(backup.text).not.toContain('pw-s3cret');
  expect(backup.code).toBe(0);
  expect(backup.text).toContain('pg_dump -Fc');

  store = await openPgStore(url);
  await store.appendAudit('test', 'after-backup', 'store', {});
  expect(await store.revision()).toBe(before.revision + 1);
  const busy = await run(['restore', file], url);
  expect(busy.code).toBe(1);
  expect(busy.text).toContain('请先停止所有实例');
  await store.close();

  const restore = await run(['restore', file], url);
  expect(restore.text).not.toContain('pw-s3cret');
  expect(restore.code).toBe(0);
  store = await openPgStore(url);
  expect(await store.revision()).toBe(before.revision);
  expect((await store.listPlans()).length).toBe(before.plans);
  expect((await store.listPublications()).length).toBeGreaterThan(0);
  await store.close();

  const notDump = await run(['restore', join(dir, 'nothing.dump')], url);
  expect(notDump.code).toBe(1);
}, 120_000);

it('--url names the database (the restore drill into a scratch one), over HEJIE_DATABASE_URL', async () => {
  const live = await freshPgUrl();
  const drill = await freshPgUrl();
  const synth = await runCli(
    ['synth', '--plans', '4', '--km', '40', '--seed', '2', '--to', live],
    () => {},
    () => {},
  );
  expect(synth).toBe(0);
  const file = join(dir, 'drill.dump');
  // no HEJIE_DATABASE_URL at all: --url alone selects PostgreSQL
  const plain = async (args: string[]) => {
    const said: string[] = [];
    const code = await runCli(
      args,
      (s) => said.push(s),
      (s) => said.push(s),
      {
        LANG: 'zh_CN.UTF-8',
        HEJIE_DATA: dir,
      },
    );
    return { code, text: said.join('\n') };
  };
  expect((await plain(['backup', '--url', live, file])).code).toBe(0);
  // the environment names the live database; --url wins, and the live one is left alone
  const restored = await run(['restore', '--url', drill, file], live);
  expect(restored.code).toBe(0);
  const store = await openPgStore(drill);
  expect((await store.listPlans()).length).toBe(4);
  await store.close();

  const bad = await plain(['restore', '--url', 'mysql://x/y', file]);
  expect(bad.code).toBe(2);
  expect(bad.text).toContain('restore [--url postgres://…] <file>');
  expect((await plain(['backup', file, '--url'])).code).toBe(2);
}, 120_000);
