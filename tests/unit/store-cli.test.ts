// `hejie user …`, `hejie backup` and `hejie restore` against temporary HEJIE_DATA folders.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { runUser } from '../../src/cli/user';
import { verifyPassword } from '../../src/server/auth/password';
import { SCHEMA_VERSION } from '../../src/server/store/sqlite-migrations';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import { ROOT } from '../helpers/register';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hejie-store-cli-'));
  dirs.push(dir);
  return dir;
}
function openStore(dataDir: string): Store {
  const s = openSqliteStore(join(dataDir, 'hejie.sqlite'));
  stores.push(s);
  return s;
}

type Run = { code: number; out: string; err: string };

async function user(dataDir: string, args: string[], stdin = ''): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runUser(args, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    env: { HEJIE_DATA: dataDir, LANG: 'en_US.UTF-8' },
    readStdin: async () => stdin,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function cli(dataDir: string, args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
    { HEJIE_DATA: dataDir, LANG: 'en_US.UTF-8' },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function withStore<T>(dataDir: string, f: (s: Store) => Promise<T>): Promise<T> {
  const s = openSqliteStore(join(dataDir, 'hejie.sqlite'));
  try {
    return await f(s);
  } finally {
    await s.close();
  }
}

describe('hejie user', () => {
  it('adds a planner with a password from stdin, hashed, scoped and audited', async () => {
    const dir = tempDir();
    const r = await user(
      dir,
      [
        'add',
        'lin',
        '--role',
        'planner',
        '--name',
        '林工',
        '--county',
        '灵山县',
        '--county',
        '450722',
        '--publish',
        '--password-stdin',
      ],
      'correct horse battery\n',
    );
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('counties 450721,450722');
    await withStore(dir, async (s) => {
      const u = await s.getUserByUsername('lin');
      expect(u).toMatchObject({
        name: '林工',
        role: 'planner',
        scope: { level: 'county', counties: ['450721', '450722'] },
        canPublish: true,
      });
      expect(u?.passwordHash).toMatch(/^scrypt\$/);
      expect(await verifyPassword('correct horse battery', u?.passwordHash ?? '')).toBe(true);
      const audit = await s.listAudit('user:lin');
      expect(audit).toMatchObject([
        { action: 'user.create', actor: expect.stringMatching(/^cli:/) },
      ]);
      expect(JSON.stringify(audit)).not.toContain('correct horse');
    });
    expect((await user(dir, ['add', 'lin', '--role', 'admin'])).code).toBe(1);
  });

  it('refuses bad accounts and short passwords, creating nothing', async () => {
    const dir = tempDir();
    const cases: [string[], string, number][] = [
      [['add', 'gao', '--role', 'chief', '--person', '某某'], 'not a river chief', 2],
      [['add', 'gao', '--role', 'chief'], '--person: a chief is bound to a person', 2],
      [['add', 'root', '--role', 'admin', '--county', '450721'], 'for planners', 2],
      [['add', 'p', '--role', 'planner'], 'username', 2],
      [['add', 'pp', '--role', 'boss'], '--role: must be', 2],
      [['add', 'pp', '--role', 'planner', '--city', '--county', '450721'], 'not both', 2],
      [['add', 'pp', '--role', 'planner', '--county', '450799'], '--county: "450799" is not', 2],
      [['add', 'pp', '--role', 'planner', '--password-stdin'], 'at least 10', 1],
      [['add', 'pp', 'extra', '--role', 'planner'], 'usage', 2],
      [['add', 'pp', '--role', 'planner', '--password', 'x'], 'Unknown option', 2],
    ];
    for (const [args, message, code] of cases) {
      const r = await user(dir, args, 'short\n');
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.err, args.join(' ')).toContain(message);
    }
    expect((await user(dir, ['list'])).out).toBe('0 account(s)');
  });

  it('binds a chief to a register person; prints a random password when none is given', async () => {
    const dir = tempDir();
    const r = await user(dir, ['add', 'gaopu', '--role', 'chief', '--person', '高朴']);
    expect(r.code).toBe(0);
    const password = /shown once\): (\S+)/.exec(r.out)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(16);
    await withStore(dir, async (s) => {
      const u = await s.getUserByUsername('gaopu');
      expect(u).toMatchObject({
        name: '高朴',
        person: '高朴',
        scope: { level: 'all' },
        canPublish: false,
      });
      expect(await verifyPassword(password, u?.passwordHash ?? '')).toBe(true);
    });
  });

  it('adds a department bound to its organisation and lists it; refuses one without', async () => {
    const dir = tempDir();
    const r = await user(
      dir,
      [
        'add',
        'dept-sthj',
        '--role',
        'department',
        '--organisation',
        '市生态环境局',
        '--password-stdin',
      ],
      'department-password-1\n',
    );
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('added dept-sthj\tdepartment\t市生态环境局\torganisation 市生态环境局');
    const list = await user(dir, ['list']);
    expect(list.out).toContain('dept-sthj\tdepartment\t市生态环境局\torganisation 市生态环境局');
    const json = JSON.parse((await user(dir, ['list', '--json'])).out) as Record<string, unknown>[];
    expect(json.find((u) => u.username === 'dept-sthj')).toMatchObject({
      role: 'department',
      organisation: '市生态环境局',
    });
    const none = await user(dir, ['add', 'dept-x', '--role', 'department']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('--organisation: a department account names its organisation');
    const planner = await user(dir, ['add', 'pl', '--role', 'planner', '--organisation', '某局']);
    expect(planner.err).toContain('only a department account names an organisation');
    await withStore(dir, async (s) => {
      expect(await s.getUserByUsername('dept-x')).toBeNull();
      expect(await s.getUserByUsername('pl')).toBeNull();
    });
  });

  it('binds a chief named with others in one 河长姓名 field (高朴、王雄昌), as the web does', async () => {
    const dir = tempDir();
    expect((await user(dir, ['list'])).code).toBe(0); // the register is seeded
    const raw = new Database(join(dir, 'hejie.sqlite'));
    raw
      .prepare("UPDATE plans SET record = json_set(record, '$.chief', '高朴、王雄昌') WHERE id = ?")
      .run('city-01');
    raw.close();
    const r = await user(dir, ['add', 'gaopu', '--role', 'chief', '--person', '高朴']);
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('added gaopu\tchief\t高朴\tperson 高朴');
    const none = await user(dir, ['add', 'gao', '--role', 'chief', '--person', '高朴、王']);
    expect(none.err).toContain('"高朴、王" is not a river chief');
  });

  it('speaks Chinese unless the locale is English', async () => {
    const dir = tempDir();
    const err: string[] = [];
    const code = await runUser(['add', 'gao', '--role', 'chief', '--person', '某某'], {
      out: () => undefined,
      err: (s) => err.push(s),
      env: { HEJIE_DATA: dir },
      readStdin: async () => '',
    });
    expect(code).toBe(2);
    expect(err.join('\n')).toBe('--person：“某某”不是计划表中的河长');
  });

  it('changes a password, disables an account (ending its sessions) and lists without hashes', async () => {
    const dir = tempDir();
    await user(
      dir,
      ['add', 'lin', '--role', 'planner', '--city', '--password-stdin'],
      'first password 1',
    );
    expect(
      (await user(dir, ['passwd', 'lin', '--password-stdin'], 'second password 2\n')).code,
    ).toBe(0);
    await withStore(dir, async (s) => {
      const u = (await s.getUserByUsername('lin')) ?? expect.fail('no user');
      expect(await verifyPassword('second password 2', u.passwordHash)).toBe(true);
      expect(await verifyPassword('first password 1', u.passwordHash)).toBe(false);
      await s.createSession({
        id: 'h',
        userId: u.id,
        csrf: 'c',
        createdAt: 'a',
        expiresAt: '2099',
      });
    });
    expect((await user(dir, ['disable', 'lin'])).code).toBe(0);
    expect((await user(dir, ['disable', 'nobody'])).err).toContain('no account "nobody"');
    await withStore(dir, async (s) => {
      expect((await s.getUserByUsername('lin'))?.disabled).toBe(true);
      expect(await s.getSession('h')).toBeNull();
    });
    expect((await user(dir, ['list'])).out).toContain(
      'lin\tplanner\tlin\tcity-level plans\tno publish\tDISABLED',
    );
    const json = JSON.parse((await user(dir, ['list', '--json'])).out) as Record<string, unknown>[];
    expect(json).toMatchObject([{ username: 'lin', disabled: true }]);
    expect(json[0]).not.toHaveProperty('passwordHash');
  });

  it('reads the password from the real stdin of `hejie user add`', () => {
    const dir = tempDir();
    // scripts/hejie.mjs: what `npm run -s hejie` runs (the built CLI, rebuilt first if stale)
    const r = spawnSync(
      process.execPath,
      ['scripts/hejie.mjs', 'user', 'add', 'root', '--role', 'admin', '--password-stdin'],
      {
        cwd: ROOT,
        env: { ...process.env, HEJIE_DATA: dir, LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' },
        input: 'a long enough secret\n',
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('added root\tadmin');
    const raw = new Database(join(dir, 'hejie.sqlite'), { readonly: true });
    const row = raw.prepare("SELECT password_hash FROM users WHERE username = 'root'").get() as {
      password_hash: string;
    };
    raw.close();
    return verifyPassword('a long enough secret', row.password_hash).then((ok) =>
      expect(ok).toBe(true),
    );
  }, 30_000);
});

describe('hejie backup and restore', () => {
  it('backs up online while the store is open and checks the copy', async () => {
    const dir = tempDir();
    const live = openStore(dir);
    await cli(dir, ['plans']);
    await user(dir, ['add', 'lin', '--role', 'planner', '--password-stdin'], 'first password 1');
    const file = join(tempDir(), 'copy.sqlite');
    const r = await cli(dir, ['backup', file]);
    expect(r.out).toContain(`integrity_check ok; schema version ${SCHEMA_VERSION}`);
    expect(r.code).toBe(0);
    expect(readdirSync(join(file, '..'))).toEqual(['copy.sqlite']);
    const copy = openSqliteStore(file);
    stores.push(copy);
    expect((await copy.listUsers()).map((u) => u.username)).toEqual(['lin']);
    expect(await copy.listPlans()).toEqual(await live.listPlans());
    expect((await cli(dir, ['backup', file])).err).toContain('exists');
    expect((await cli(tempDir(), ['backup', join(tempDir(), 'x.sqlite')])).err).toContain(
      'no database',
    );
    expect((await cli(dir, ['backup'])).code).toBe(2);
  });

  it('restores a backup, keeping the replaced database as .bak-<timestamp>', async () => {
    const dir = tempDir();
    await user(dir, ['add', 'before', '--role', 'admin', '--password-stdin'], 'first password 1');
    const file = join(tempDir(), 'b.sqlite');
    expect((await cli(dir, ['backup', file])).code).toBe(0);
    await user(dir, ['add', 'after', '--role', 'admin', '--password-stdin'], 'first password 1');
    const r = await cli(dir, ['restore', file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/kept the previous database as .*hejie\.sqlite\.bak-\d{4}-/);
    const names = readdirSync(dir);
    const bak = names.find((n) => n.startsWith('hejie.sqlite.bak-')) ?? expect.fail('no .bak');
    expect(names).not.toContain('hejie.lock');
    await withStore(dir, async (s) =>
      expect((await s.listUsers()).map((u) => u.username)).toEqual(['before']),
    );
    const old = openSqliteStore(join(dir, bak));
    expect((await old.listUsers()).map((u) => u.username)).toEqual(['after', 'before']);
    await old.close();
    // into an empty data folder: nothing to keep
    const fresh = join(tempDir(), 'new');
    expect((await cli(fresh, ['restore', file])).out).not.toContain('kept');
    expect(existsSync(join(fresh, 'hejie.sqlite'))).toBe(true);
  });

  it('refuses files that are not healthy Hejie databases of a known version', async () => {
    const work = tempDir();
    const dir = tempDir();
    await cli(dir, ['plans']);
    const other = join(work, 'other.sqlite');
    const raw = new Database(other);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    const newer = join(work, 'newer.sqlite');
    expect((await cli(dir, ['backup', newer])).code).toBe(0);
    const n = new Database(newer);
    n.pragma('user_version = 99');
    n.close();
    const garbage = join(work, 'garbage.sqlite');
    writeFileSync(garbage, Buffer.alloc(8192, 7));
    const cases: [string, RegExp][] = [
      [other, /not a Hejie database/],
      [newer, /newer than this Hejie/],
      [garbage, /not a database/],
      [join(work, 'missing.sqlite'), /does not exist/],
    ];
    for (const [file, why] of cases) {
      const r = await cli(dir, ['restore', file]);
      expect(r.code, file).toBe(1);
      expect(r.err, file).toMatch(why);
    }
    expect(readdirSync(dir).filter((n) => n.includes('.bak-'))).toEqual([]);
  });

  it('refuses while a server holds the data folder, takes over a stale lock', async () => {
    const dir = tempDir();
    const file = join(tempDir(), 'b.sqlite');
    await cli(dir, ['plans']);
    expect((await cli(dir, ['backup', file])).code).toBe(0);
    writeFileSync(join(dir, 'hejie.lock'), `${process.pid}\n`);
    expect((await cli(dir, ['restore', file])).err).toMatch(/in use by process \d+/);
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dir, 'hejie.lock'), `${dead}\n`);
    const server = openSqliteStore(join(dir, 'hejie.sqlite'));
    expect((await cli(dir, ['restore', file])).err).toMatch(/open in another process/);
    await server.close();
    // the same from another process, as a running server would be
    const other = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const d = new D(process.argv[1]); d.pragma('journal_mode = WAL'); d.prepare('SELECT 1').get(); console.log('open'); setInterval(() => {}, 1000);`,
        join(dir, 'hejie.sqlite'),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((ready) => other.stdout.once('data', ready));
    try {
      expect((await cli(dir, ['restore', file])).err).toMatch(/open in another process/);
    } finally {
      other.kill();
      await new Promise((done) => other.once('exit', done));
    }
    expect((await cli(dir, ['restore', file])).code).toBe(0);
    expect(existsSync(join(dir, 'hejie.lock'))).toBe(false);
  });
});
