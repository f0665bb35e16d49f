// A throwaway PostgreSQL 15 + PostGIS 3 cluster for the tests: initdb in a temp dir, started as the
// `postgres` user when we are root (PostgreSQL refuses root), listening on a unix socket in that dir
// only; a template database with PostGIS from which each store gets a fresh database. Missing
// binaries FAIL the run (CI installs postgresql-15 and postgresql-15-postgis-3): never a skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const BIN = '/usr/lib/postgresql/15/bin';
const POSTGIS = '/usr/share/postgresql/15/extension/postgis.control';
/** The template database every test database is copied from. */
const TEMPLATE = 'hejie_template';

/** A running cluster: its admin URL (database `postgres`) and how to stop it. */
export interface PgCluster {
  dir: string;
  /** postgres://postgres@localhost/postgres?host=<socket dir> (the socket wins) */
  adminUrl: string;
  stop: () => void;
}

/** The URL of database `name` on the cluster whose admin URL is `adminUrl`. */
function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

function asPostgres(cmd: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(file, argv, { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

/** Starts a cluster and its PostGIS template; throws when the binaries are missing. */
export async function startPgCluster(): Promise<PgCluster> {
  const missing = [join(BIN, 'initdb'), join(BIN, 'pg_ctl'), POSTGIS].filter((f) => !existsSync(f));
  if (missing.length > 0)
    throw new Error(
      `PostgreSQL 15 + PostGIS 3 are needed by the store tests and are missing (${missing.join(', ')}): apt-get install postgresql-15 postgresql-15-postgis-3`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'hejie-pg-'));
  chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  asPostgres(join(BIN, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--locale=C',
    '--encoding=UTF8',
    '--no-sync',
  ]);
  // no TCP at all; fsync off: the cluster dies with the test run
  const opts = `-k ${dir} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  asPostgres(join(BIN, 'pg_ctl'), ['start', '-w', '-D', data, '-l', join(dir, 'log'), '-o', opts]);
  const stop = () => {
    try {
      asPostgres(join(BIN, 'pg_ctl'), ['stop', '-m', 'immediate', '-w', '-D', data]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const adminUrl = `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`;
  try {
    await onDatabase(adminUrl, (c) => c.query(`CREATE DATABASE ${TEMPLATE}`));
    await onDatabase(databaseUrl(adminUrl, TEMPLATE), (c) => c.query('CREATE EXTENSION postgis'));
  } catch (e) {
    stop();
    throw e;
  }
  return { dir, adminUrl, stop };
}

async function onDatabase<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

let counter = 0;

/** A fresh empty database (PostGIS installed) on the cluster; returns its URL. */
export async function createTestDatabase(adminUrl: string): Promise<string> {
  const name = `t_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  await onDatabase(adminUrl, (c) =>
    c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE} STRATEGY FILE_COPY`),
  );
  return databaseUrl(adminUrl, name);
}

/** Runs raw SQL on a database (the append-only tests' UPDATE and DELETE). */
export function rawSql(url: string, sql: string, params: unknown[] = []) {
  return onDatabase(url, (c) => c.query(sql, params));
}
