// The PostgreSQL store's connection: a pool, transactions, the audit writer, and the failure of a
// database that cannot be reached (named by host, port and database, never by password).
import pg from 'pg';
import { msg } from '../../domain/message';
import { StoreError } from './store-error';

/** A query run on the pool (reads) or inside a transaction (writes). */
export type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/** Appends an audit entry inside the caller's transaction. */
export type PgAuditWriter = (
  q: Query,
  at: string,
  actor: string,
  action: string,
  target: string,
  detail: unknown,
) => Promise<void>;

/** The pool with its two ways in. */
export interface PgDb {
  pool: pg.Pool;
  read: Query;
  /** Runs `fn` in one READ COMMITTED transaction on one connection; rolls back when it throws. */
  tx<T>(fn: (q: Query) => Promise<T>): Promise<T>;
}

// int8 (counts, identity ids) as numbers: ids stay far below 2^53
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const queryOn =
  (c: pg.Pool | pg.PoolClient): Query =>
  async <T>(sql: string, params?: unknown[]) =>
    (await c.query(sql, params)).rows as T[];

/** Where a URL points, without its password: host (or socket directory), port, database. */
export function describeUrl(url: string): { host: string; port: string; database: string } {
  try {
    const u = new URL(url);
    const socket = u.searchParams.get('host');
    return {
      host: socket || u.hostname || 'localhost',
      port: u.port || '5432',
      database: decodeURIComponent(u.pathname.replace(/^\//, '')) || '(default)',
    };
  } catch {
    return { host: '(unreadable URL)', port: '?', database: '?' };
  }
}

/** The password of a URL, for scrubbing it out of driver messages. */
function passwordOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}

/** Opens a pool and one first connection; a database that cannot be reached throws within ~5 s. */
export async function connectPg(url: string, max = 10): Promise<PgDb> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5000,
    types,
  });
  // an idle connection the server dropped: the next query reconnects
  pool.on('error', (e) => console.error(`PostgreSQL connection lost: ${e.message}`));
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    const secret = passwordOf(url);
    let why = (e as Error).message || String(e);
    if (secret) why = why.split(secret).join('***');
    throw new StoreError(msg('server.store.unreachable', { ...describeUrl(url), why }));
  }
  return {
    pool,
    read: queryOn(pool),
    async tx(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn(queryOn(c));
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
  };
}

// pg_advisory_xact_lock key of the audit log: audit ids commit in the order they are given, so a
// reader that has seen id n never later finds an id below n appear (auditSince, revision caches)
const AUDIT_LOCK = 0x61756469;

/** The audit writer: one entry per write, in the write's transaction. */
export const pgAudit: PgAuditWriter = async (q, at, actor, action, target, detail) => {
  await q('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  await q('INSERT INTO audit (at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5)', [
    at,
    actor,
    action,
    target,
    JSON.stringify(detail ?? null),
  ]);
};

/** A JSON value as a query parameter for a `json` column (text, as written). */
export const json = (v: unknown): string => JSON.stringify(v ?? null);

/**
 * A read that concurrent callers share: a call joins the next query to start, never one already
 * running (which may have begun before a write the caller saw acknowledged), so every caller gets a
 * value read after it called. Under load, N concurrent requests make at most two queries (one
 * running, one queued) instead of N round trips queued on the pool.
 */
export function sharedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const p: Promise<T> = read().finally(() => {
      if (running === p) running = null;
    });
    running = p;
    return p;
  };
  return () => {
    if (!running) return start();
    queued ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}
