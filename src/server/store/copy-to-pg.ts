// `hejie store copy --from <sqlite file> --to <postgres url>`: every table of a SQLite store copied
// verbatim (ids, times, JSON text) into an empty PostgreSQL store migrated by the pg store itself,
// in one transaction; identity sequences moved past the copied ids; the PostGIS table of published
// features filled from the copied publications; then counts and a hash per table compared.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Message } from '../../domain/message';
import { msg } from '../../domain/message';
import { openPgStore } from './pg-store';
import { featureRows } from './pg-workflow';

/** What the copy did, per table: rows and the hash both sides agree on. */
export interface CopiedTable {
  table: string;
  rows: number;
  hash: string;
}

interface PgColumn {
  name: string;
  type: string;
  identity: boolean;
}

/** Tables PostgreSQL derives or keeps for itself: not copied. */
const DERIVED = new Set(['published_features', 'schema_version']);
const BATCH_ROWS = 200;
const BATCH_BYTES = 8 * 2 ** 20;

const NUMERIC = new Set(['integer', 'bigint', 'smallint', 'real', 'double precision', 'numeric']);

/** A value as both sides compare it, by the PostgreSQL column's type. */
function canonical(v: unknown, type: string): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'boolean') return v === true || v === 1 || v === '1' || v === 't';
  if (NUMERIC.has(type)) return Number(v);
  if (Buffer.isBuffer(v)) return v.toString('base64');
  return String(v);
}

/** An order-free hash of rows: the sum of the rows' SHA-256 modulo 2^256. */
function hasher() {
  let sum = 0n;
  let rows = 0;
  return {
    add(values: unknown[]) {
      rows += 1;
      sum =
        (sum + BigInt(`0x${createHash('sha256').update(JSON.stringify(values)).digest('hex')}`)) %
        2n ** 256n;
    },
    done: () => ({ rows, hash: sum.toString(16).padStart(64, '0') }),
  };
}

async function pgColumns(client: pg.PoolClient): Promise<Map<string, PgColumn[]>> {
  const r = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_identity: string;
  }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_identity
     FROM information_schema.columns c JOIN information_schema.tables t
       ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const out = new Map<string, PgColumn[]>();
  for (const c of r.rows) {
    if (DERIVED.has(c.table_name) || c.table_name === 'spatial_ref_sys') continue;
    const list = out.get(c.table_name) ?? [];
    list.push({ name: c.column_name, type: c.data_type, identity: c.is_identity === 'YES' });
    out.set(c.table_name, list);
  }
  return out;
}

/** Tables in an order where every foreign key points at a table copied before. */
async function fkOrder(client: pg.PoolClient, tables: string[]): Promise<string[]> {
  const r = await client.query<{ child: string; parent: string }>(
    `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent
     FROM pg_constraint WHERE contype = 'f'`,
  );
  const done: string[] = [];
  const left = new Set(tables);
  while (left.size > 0) {
    const ready = [...left].filter((t) =>
      r.rows.every((fk) => fk.child !== t || fk.parent === t || !left.has(fk.parent)),
    );
    if (ready.length === 0) throw new Error(`circular foreign keys among ${[...left].join(', ')}`);
    for (const t of ready.sort()) {
      done.push(t);
      left.delete(t);
    }
  }
  return done;
}

/** Why the two schemas cannot be copied one into the other, or null. */
function schemaProblem(
  sqlite: Database.Database,
  columns: Map<string, PgColumn[]>,
): Message | null {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  for (const { name } of tables) {
    const target = columns.get(name);
    if (!target) return msg('storeCopy.noTable', { table: name });
    const have = (sqlite.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map(
      (c) => c.name,
    );
    const missing = have.filter((c) => !target.some((t) => t.name === c));
    const extra = target.filter((t) => !have.includes(t.name) && !t.identity);
    if (missing.length > 0 || extra.length > 0)
      return msg('storeCopy.columns', {
        table: name,
        columns: [...missing, ...extra.map((e) => e.name)].join(', '),
      });
  }
  for (const name of columns.keys())
    if (!tables.some((t) => t.name === name)) return msg('storeCopy.noTable', { table: name });
  return null;
}

/** Inserts one table's rows (SQLite rowid order) in batches; returns their hash. */
async function copyTable(
  sqlite: Database.Database,
  client: pg.PoolClient,
  table: string,
  cols: PgColumn[],
) {
  const have = new Set(
    (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
      (c) => c.name,
    ),
  );
  const copied = cols.filter((c) => have.has(c.name));
  const names = copied.map((c) => `"${c.name}"`).join(', ');
  const overriding = cols.some((c) => c.identity && have.has(c.name))
    ? 'OVERRIDING SYSTEM VALUE'
    : '';
  const h = hasher();
  let batch: unknown[][] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      const marks = row.map((v) => {
        params.push(v);
        return `$${params.length}`;
      });
      return `(${marks.join(', ')})`;
    });
    await client.query(
      `INSERT INTO "${table}" (${names}) ${overriding} VALUES ${tuples.join(', ')}`,
      params,
    );
    batch = [];
    bytes = 0;
  };
  const rows = sqlite.prepare(`SELECT ${names} FROM "${table}" ORDER BY rowid`).raw().iterate();
  for (const raw of rows as Iterable<unknown[]>) {
    const values = raw.map((v, i) => {
      const type = (copied[i] as PgColumn).type;
      return type === 'boolean' && v !== null ? Boolean(v) : v;
    });
    h.add(values.map((v, i) => canonical(v, (copied[i] as PgColumn).type)));
    batch.push(values);
    bytes += values.reduce<number>((a, v) => a + (typeof v === 'string' ? v.length : 8), 0);
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
  }
  await flush();
  for (const c of cols.filter((x) => x.identity))
    await client.query(
      `SELECT setval(pg_get_serial_sequence('"${table}"', '${c.name}'),
                     coalesce((SELECT max("${c.name}") FROM "${table}"), 0) + 1, false)`,
    );
  return { copied, ...h.done() };
}

/** The hash of a PostgreSQL table's copied columns, read back in batches through a cursor. */
async function pgHash(client: pg.PoolClient, table: string, copied: PgColumn[]) {
  const select = copied
    .map((c) => (c.type === 'json' || c.type === 'jsonb' ? `"${c.name}"::text` : `"${c.name}"`))
    .join(', ');
  const h = hasher();
  await client.query(`DECLARE copy_check NO SCROLL CURSOR FOR SELECT ${select} FROM "${table}"`);
  for (;;) {
    const r = await client.query({ text: 'FETCH 500 FROM copy_check', rowMode: 'array' });
    for (const row of r.rows as unknown[][])
      h.add(row.map((v, i) => canonical(v, (copied[i] as PgColumn).type)));
    if (r.rows.length < 500) break;
  }
  await client.query('CLOSE copy_check');
  return h.done();
}

/**
 * Copies a SQLite store file into an empty PostgreSQL database (migrated first by the pg store);
 * one transaction: all or nothing. Refused when the target holds any row, or the schemas differ.
 * @example await copyToPg('/srv/hejie/data/hejie.sqlite', 'postgres://hejie@db/hejie') // { ok: true, tables: [{ table: 'audit', rows: 1204, hash: '…' }, …] }
 */
export async function copyToPg(
  from: string,
  to: string,
): Promise<{ ok: true; tables: CopiedTable[] } | { ok: false; error: Message }> {
  const sqlite = new Database(from, { readonly: true, fileMustExist: true });
  await (await openPgStore(to)).close();
  const pool = new pg.Pool({ connectionString: to, max: 1 });
  const client = await pool.connect();
  try {
    const columns = await pgColumns(client);
    const problem = schemaProblem(sqlite, columns);
    if (problem) return { ok: false, error: problem };
    for (const table of columns.keys()) {
      const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
      const n = Number(r.rows[0]?.n ?? 0);
      if (n > 0) return { ok: false, error: msg('storeCopy.notEmpty', { table, rows: n }) };
    }
    const order = await fkOrder(client, [...columns.keys()]);
    await client.query('BEGIN');
    const tables: CopiedTable[] = [];
    try {
      for (const table of order) {
        const { copied, rows, hash } = await copyTable(
          sqlite,
          client,
          table,
          columns.get(table) ?? [],
        );
        const back = await pgHash(client, table, copied);
        if (back.rows !== rows || back.hash !== hash) {
          await client.query('ROLLBACK');
          return { ok: false, error: msg('storeCopy.mismatch', { table, rows, got: back.rows }) };
        }
        tables.push({ table, rows, hash });
      }
      await fillPublishedFeatures(client);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
    return { ok: true, tables };
  } finally {
    client.release();
    await pool.end();
    sqlite.close();
  }
}

/** The PostGIS table of the copied publications, with the publish transaction's mapping (featureRows). */
async function fillPublishedFeatures(client: pg.PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO published_features (plan_id, version, layer, properties, geom)
     SELECT p.plan_id, p.version, l.layer, f.*
     FROM publications p
     CROSS JOIN LATERAL (VALUES ('zones', p.zones), ('markers', p.markers)) AS l(layer, fc)
     CROSS JOIN LATERAL (SELECT ${featureRows('l.fc')}) AS f
     ORDER BY p.seq`,
  );
}
