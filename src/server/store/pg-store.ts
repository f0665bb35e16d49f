import type { PlanRecord } from '../../domain/plans/plan';
import type { Waterbody } from '../../domain/rivers/waterbody';
import { INITIAL_STAGE, isStageId } from '../../domain/workflow/stages';
import { pgAccountMethods } from './pg-accounts';
import { pgCourseMethods, pgImageryMethods } from './pg-courses';
import { connectPg, describeUrl, json, pgAudit, sharedRead } from './pg-db';
import { pgLoginMethods } from './pg-logins';
import { migratePg } from './pg-migrations';
import { pgHistoryMethod, pgReportMethods } from './pg-reports';
import { pgReviewMethods } from './pg-review';
import { pgWorkflowMethods } from './pg-workflow';
import type { AuditEntry, PlanRow, SeedData, Store } from './store';

interface PlanSqlRow {
  record: PlanRecord;
  stage: string;
  updated_at: string;
}

const toPlanRow = (row: PlanSqlRow): PlanRow => ({
  record: row.record,
  stage: isStageId(row.stage) ? row.stage : INITIAL_STAGE,
  updatedAt: row.updated_at,
});

const AUDIT_COLUMNS = 'id, at, actor, action, target, detail';
// pg_advisory_xact_lock key of the first seed: two instances starting on an empty database
const SEED_LOCK = 0x73656564;

/**
 * The PostgreSQL store (issue 15): the same behaviour as the SQLite store over a pool of
 * connections. Migrations run under an advisory lock; each write is one transaction with its audit
 * entry and a compare-and-set on the plan row; append-only tables are enforced by triggers;
 * publications fill the PostGIS table `published_features` (EPSG:4490, GiST) in their transaction.
 * An unreachable database throws a StoreError naming host, port and database within ~5 s.
 */
export async function openPgStore(
  url: string,
  clock: () => Date = () => new Date(),
): Promise<Store> {
  const db = await connectPg(url);
  const client = await db.pool.connect();
  let schemaVersion: number;
  try {
    schemaVersion = await migratePg(client);
  } catch (e) {
    client.release();
    await db.pool.end();
    throw e;
  }
  client.release();
  const { read, tx } = db;
  const audit = pgAudit;
  const where = describeUrl(url);
  let closed = false;
  // one query for every request waiting on the revision at once (the register's and the zones' caches)
  const revision = sharedRead(async () => {
    const [row] = await read<{ n: number }>('SELECT coalesce(max(id), 0) AS n FROM audit');
    return row?.n ?? 0;
  });

  return {
    async info() {
      const rows = await read<{ value: string }>("SELECT value FROM meta WHERE key = 'seeded_at'");
      return {
        kind: 'postgres',
        location: `${where.host}:${where.port}/${where.database}`,
        schemaVersion,
        seededAt: rows[0]?.value ?? null,
      };
    },
    async seedIfEmpty(data: SeedData, actor) {
      const seeded = await tx(async (q) => {
        await q('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
        const [count] = await q<{ n: number }>('SELECT count(*) AS n FROM plans');
        if ((count?.n ?? 0) > 0) return false;
        const at = clock().toISOString();
        for (const p of data.plans)
          await q(
            'INSERT INTO plans (id, record, river_id, stage, updated_at) VALUES ($1, $2, $3, $4, $5)',
            [p.id, json(p), p.riverId, INITIAL_STAGE, at],
          );
        for (const [i, w] of data.waterbodies.entries())
          await q('INSERT INTO waterbodies (id, record, ord) VALUES ($1, $2, $3)', [
            w.id,
            json(w),
            i,
          ]);
        await q("INSERT INTO meta (key, value) VALUES ('seeded_at', $1)", [at]);
        const detail = {
          source: data.source,
          plans: data.plans.length,
          waterbodies: data.waterbodies.length,
        };
        await audit(q, at, actor, 'seed', 'register', detail);
        return true;
      });
      return { seeded };
    },
    async listPlans() {
      return (
        await read<PlanSqlRow>(
          'SELECT record, stage, updated_at FROM plans ORDER BY id COLLATE "C"',
        )
      ).map(toPlanRow);
    },
    async getPlan(id) {
      const [row] = await read<PlanSqlRow>(
        'SELECT record, stage, updated_at FROM plans WHERE id = $1',
        [id],
      );
      return row ? toPlanRow(row) : null;
    },
    async listWaterbodies() {
      return (await read<{ record: Waterbody }>('SELECT record FROM waterbodies ORDER BY ord')).map(
        (r) => r.record,
      );
    },
    async listAudit(target) {
      return target === undefined
        ? read<AuditEntry>(`SELECT ${AUDIT_COLUMNS} FROM audit ORDER BY id`)
        : read<AuditEntry>(`SELECT ${AUDIT_COLUMNS} FROM audit WHERE target = $1 ORDER BY id`, [
            target,
          ]);
    },
    revision,
    async auditSince(afterId, limit) {
      return read<AuditEntry>(
        `SELECT ${AUDIT_COLUMNS} FROM audit WHERE id > $1 ORDER BY id LIMIT $2`,
        [afterId, limit],
      );
    },
    async searchAudit(qy) {
      // strpos on lower(): "contains", case-insensitive for ASCII (as SQLite's instr); LIKE would
      // read % and _ in the input
      return read<AuditEntry>(
        `SELECT ${AUDIT_COLUMNS} FROM audit
         WHERE ($1::text IS NULL OR strpos(lower(target), lower($1)) > 0)
           AND ($2::text IS NULL OR strpos(lower(actor), lower($2)) > 0)
           AND ($3::bigint IS NULL OR id < $3)
         ORDER BY id DESC LIMIT $4`,
        [qy.target || null, qy.actor || null, qy.beforeId ?? null, qy.limit],
      );
    },
    async appendAudit(actor, action, target, detail) {
      await tx((q) => audit(q, clock().toISOString(), actor, action, target, detail));
    },
    ...pgAccountMethods(db, audit, clock),
    ...pgWorkflowMethods(db, audit, clock),
    ...pgReviewMethods(db, audit, clock),
    ...pgCourseMethods(db, audit, clock),
    ...pgImageryMethods(db, audit, clock),
    ...pgLoginMethods(db),
    ...pgReportMethods(db, audit),
    ...pgHistoryMethod(db),
    async backup() {
      throw new Error('the PostgreSQL store is backed up with pg_dump, not through the store');
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.pool.end();
    },
  };
}
