// Starting with HEJIE_DATABASE_URL at a database that cannot be reached (issue 15): the real server
// process exits non-zero within ~5 s, says which host, port and database, never the password, in
// the operator's language, and writes nothing (not even its data directory).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/register';
import { serverBuild } from '../helpers/server-process';

const parent = mkdtempSync(join(tmpdir(), 'hejie-failfast-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** A loopback port nothing listens on (free a moment ago). */
const closedPort = () =>
  new Promise<number>((done) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => done(p));
    });
  });

describe('an unreachable PostgreSQL', () => {
  it.each([
    [
      'zh_CN.UTF-8',
      /无法连接 PostgreSQL 数据库（主机 127\.0\.0\.1，端口 (\d+)，数据库 hejie_prod）/,
    ],
    [
      'en_US.UTF-8',
      /cannot reach the PostgreSQL database \(host 127\.0\.0\.1, port (\d+), database hejie_prod\)/,
    ],
  ])(
    'stops the server at once (%s)',
    async (lang, said) => {
      const server = serverBuild();
      const port = await closedPort();
      const dataDir = join(parent, `data-${lang}`);
      const t0 = Date.now();
      const r = spawnSync(process.execPath, [server], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 20_000,
        env: {
          ...process.env,
          PORT: '0',
          HEJIE_DATA: dataDir,
          LANG: lang,
          LC_ALL: '',
          HEJIE_DATABASE_URL: `postgres://hejie:Pa55-secret@127.0.0.1:${port}/hejie_prod`,
        },
      });
      const ms = Date.now() - t0;
      expect(r.status, r.stderr).not.toBe(0);
      expect(r.status).not.toBeNull();
      expect(ms).toBeLessThan(8000);
      expect(r.stderr).toMatch(said);
      expect(said.exec(r.stderr)?.[1]).toBe(String(port));
      expect(`${r.stdout}${r.stderr}`).not.toContain('Pa55-secret');
      expect(existsSync(dataDir)).toBe(false);
    },
    30_000,
  );
});
