import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { PlanRecord } from '../../domain/plans/plan';
import type { Waterbody } from '../../domain/rivers/waterbody';
import type { StageId } from '../../domain/workflow/stages';
import { INITIAL_STAGE, isStageId } from '../../domain/workflow/stages';
import type { AuditWriter } from './sqlite-accounts';
import { accountMethods } from './sqlite-accounts';
import { courseMethods } from './sqlite-courses';
import { imageryMethods } from './sqlite-imagery';
import { loginMethods } from './sqlite-logins';
import { migrate } from './sqlite-migrations';
import { historyMethod, reportMethods } from './sqlite-reports';
import { reviewMethods } from './sqlite-review';
import { workflowMethods } from './sqlite-workflow';
import type { AuditEntry, PlanRow, SeedData, Store, StoreInfo } from './store';

interface PlanSqlRow {
  record: string;
  stage: string;
  updated_at: string;
}

function toPlanRow(row: PlanSqlRow): PlanRow {
  const stage: StageId = isStageId(row.stage) ? row.stage : INITIAL_STAGE;
  return { record: JSON.parse(row.record) as PlanRecord, stage, updatedAt: row.updated_at };
}

/**
 * The SQLite store: one file (WAL mode), migrations by `user_version`, all SQL of the app here.
 * `path` ':memory:' gives a private in-memory database. Writes run in `BEGIN IMMEDIATE`
 * transactions, so a compare-and-set never has to upgrade a read lock another process raced for.
 */
export function openSqliteStore(path: string, clock: () => Date = () => new Date()): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  const revisionQuery = db.prepare('SELECT coalesce(max(id), 0) AS n FROM audit');
  const auditSinceQuery = db.prepare(
    'SELECT id, at, actor, action, target, detail FROM audit WHERE id > ? ORDER BY id LIMIT ?',
  );
  // instr on lower(): "contains", case-insensitive for ASCII; LIKE would read % and _ in the input
  const searchAuditQuery = db.prepare(
    `SELECT id, at, actor, action, target, detail FROM audit
     WHERE (@target IS NULL OR instr(lower(target), lower(@target)) > 0)
       AND (@actor IS NULL OR instr(lower(actor), lower(@actor)) > 0)
       AND (@before IS NULL OR id < @before)
     ORDER BY id DESC LIMIT @limit`,
  );
  const insertAudit = db.prepare(
    'INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)',
  );
  const audit: AuditWriter = (at, actor, action, target, detail) => {
    insertAudit.run(at, actor, action, target, JSON.stringify(detail ?? null));
  };
  const seed = db.transaction((data: SeedData, actor: string): boolean => {
    const count = db.prepare('SELECT count(*) AS n FROM plans').get() as { n: number };
    if (count.n > 0) return false;
    const at = clock().toISOString();
    const insertPlan = db.prepare(
      'INSERT INTO plans (id, record, river_id, stage, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const p of data.plans)
      insertPlan.run(p.id, JSON.stringify(p), p.riverId, INITIAL_STAGE, at);
    const insertWater = db.prepare('INSERT INTO waterbodies (id, record, ord) VALUES (?, ?, ?)');
    for (const [i, w] of data.waterbodies.entries()) insertWater.run(w.id, JSON.stringify(w), i);
    db.prepare("INSERT INTO meta (key, value) VALUES ('seeded_at', ?)").run(at);
    const detail = {
      source: data.source,
      plans: data.plans.length,
      waterbodies: data.waterbodies.length,
    };
    audit(at, actor, 'seed', 'register', detail);
    return true;
  });
  return {
    async info(): Promise<StoreInfo> {
      const seeded = db.prepare("SELECT value FROM meta WHERE key = 'seeded_at'").get() as
        | { value: string }
        | undefined;
      return {
        kind: 'sqlite',
        location: path,
        schemaVersion: db.pragma('user_version', { simple: true }) as number,
        seededAt: seeded?.value ?? null,
      };
    },
    async seedIfEmpty(data, actor) {
      return { seeded: seed.immediate(data, actor) };
    },
    async listPlans() {
      const rows = db
        .prepare('SELECT record, stage, updated_at FROM plans ORDER BY id')
        .all() as PlanSqlRow[];
      return rows.map(toPlanRow);
    },
    async getPlan(id) {
      const row = db.prepare('SELECT record, stage, updated_at FROM plans WHERE id = ?').get(id) as
        | PlanSqlRow
        | undefined;
      return row ? toPlanRow(row) : null;
    },
    async listWaterbodies() {
      const rows = db.prepare('SELECT record FROM waterbodies ORDER BY ord').all() as {
        record: string;
      }[];
      return rows.map((r) => JSON.parse(r.record) as Waterbody);
    },
    async listAudit(target) {
      const sql = `SELECT id, at, actor, action, target, detail FROM audit${target === undefined ? '' : ' WHERE target = ?'} ORDER BY id`;
      const rows = (
        target === undefined ? db.prepare(sql).all() : db.prepare(sql).all(target)
      ) as (Omit<AuditEntry, 'detail'> & { detail: string })[];
      return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown }));
    },
    async revision() {
      return (revisionQuery.get() as { n: number }).n;
    },
    async auditSince(afterId, limit) {
      const rows = auditSinceQuery.all(afterId, limit) as (Omit<AuditEntry, 'detail'> & {
        detail: string;
      })[];
      return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown }));
    },
    async searchAudit(q) {
      const rows = searchAuditQuery.all({
        target: q.target || null,
        actor: q.actor || null,
        before: q.beforeId ?? null,
        limit: q.limit,
      }) as (Omit<AuditEntry, 'detail'> & { detail: string })[];
      return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown }));
    },
    async appendAudit(actor, action, target, detail) {
      audit(clock().toISOString(), actor, action, target, detail);
    },
    ...accountMethods(db, audit, clock),
    ...workflowMethods(db, audit, clock),
    ...reviewMethods(db, audit, clock),
    ...courseMethods(db, audit, clock),
    ...imageryMethods(db, audit, clock),
    ...loginMethods(db),
    ...reportMethods(db, audit),
    ...historyMethod(db),
    async backup(file) {
      await db.backup(file);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
