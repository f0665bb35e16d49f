import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { PlanRecord } from '../../domain/plans/plan';
import type { Waterbody } from '../../domain/rivers/waterbody';
import type { StageId } from '../../domain/workflow/stages';
import { INITIAL_STAGE, isStageId } from '../../domain/workflow/stages';
import type { AuditEntry, PlanRow, SeedData, Store, StoreInfo } from './store';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE plans (
     id TEXT PRIMARY KEY,
     record TEXT NOT NULL CHECK (json_valid(record)),
     river_id TEXT NOT NULL,
     stage TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE waterbodies (
     id TEXT PRIMARY KEY,
     record TEXT NOT NULL CHECK (json_valid(record)),
     ord INTEGER NOT NULL
   );
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT NOT NULL,
     detail TEXT NOT NULL CHECK (json_valid(detail))
   );
   CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
     BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
   CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
     BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`,
];

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
 * `path` ':memory:' gives a private in-memory database.
 */
export function openSqliteStore(path: string, clock: () => Date = () => new Date()): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  const insertAudit = db.prepare(
    'INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)',
  );
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
    insertAudit.run(at, actor, 'seed', 'register', JSON.stringify(detail));
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
      return { seeded: seed(data, actor) };
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
    async close() {
      db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(
      `database schema version ${version} is newer than this Hejie (${MIGRATIONS.length}); upgrade Hejie`,
    );
  }
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    }
  })();
}
