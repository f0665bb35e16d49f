// Monthly reports, reminders, measured draft lengths and the plans' history (issue 14) in SQLite:
// reports and reminders append-only (triggers), each write audited in its transaction.
import type Database from 'better-sqlite3';
import { publicationFigures } from '../../domain/progress/publication-figures';
import type { StageId } from '../../domain/workflow/stages';
import type { AuditWriter } from './sqlite-accounts';
import type {
  NewReport,
  ReminderRow,
  ReportMethods,
  ReportRow,
  Store,
  StoreHistory,
} from './store';

const REPORT_COLUMNS = `id, unit, month, revision, figures, problems, next_steps AS nextSteps,
  submitted_by AS submittedBy, submitted_at AS submittedAt, late`;

type ReportSqlRow = Omit<ReportRow, 'figures' | 'late'> & { figures: string; late: number };

const toReport = (r: ReportSqlRow): ReportRow => ({
  ...r,
  figures: JSON.parse(r.figures) as unknown,
  late: r.late === 1,
});

/** The report, reminder and draft-length methods over `db`. */
export function reportMethods(db: Database.Database, audit: AuditWriter): ReportMethods {
  const nextRevision = db.prepare(
    'SELECT coalesce(max(revision), 0) + 1 AS n FROM reports WHERE unit = ? AND month = ?',
  );
  const insertReport = db.prepare(
    `INSERT INTO reports (unit, month, revision, figures, problems, next_steps, submitted_by,
       submitted_at, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const oneReport = db.prepare(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = ?`);
  const submit = db.transaction((r: NewReport, actor: string): ReportRow => {
    const { n } = nextRevision.get(r.unit, r.month) as { n: number };
    const id = insertReport.run(
      r.unit,
      r.month,
      n,
      JSON.stringify(r.figures),
      r.problems,
      r.nextSteps,
      r.submittedBy,
      r.submittedAt,
      r.late ? 1 : 0,
    ).lastInsertRowid;
    audit(r.submittedAt, actor, 'report.submit', `report:${r.unit}:${r.month}`, {
      id: Number(id),
      revision: n,
      late: r.late,
    });
    return toReport(oneReport.get(id) as ReportSqlRow);
  });
  const insertReminder = db.prepare(
    'INSERT INTO reminders (unit, month, by, at) VALUES (?, ?, ?, ?)',
  );
  const remind = db.transaction((r: Omit<ReminderRow, 'id'>, actor: string): ReminderRow => {
    const id = Number(insertReminder.run(r.unit, r.month, r.by, r.at).lastInsertRowid);
    audit(r.at, actor, 'report.remind', `report:${r.unit}:${r.month}`, { id });
    return { id, ...r };
  });
  return {
    async addReport(report, actor) {
      return submit.immediate(report, actor);
    },
    async getReport(id) {
      const row = oneReport.get(id) as ReportSqlRow | undefined;
      return row ? toReport(row) : null;
    },
    async listReports(month) {
      const sql = `SELECT ${REPORT_COLUMNS} FROM reports${month === undefined ? '' : ' WHERE month = ?'} ORDER BY id`;
      const rows = (
        month === undefined ? db.prepare(sql).all() : db.prepare(sql).all(month)
      ) as ReportSqlRow[];
      return rows.map(toReport);
    },
    async addReminder(reminder, actor) {
      return remind.immediate(reminder, actor);
    },
    async listReminders(month) {
      const sql = `SELECT id, unit, month, by, at FROM reminders${month === undefined ? '' : ' WHERE month = ?'} ORDER BY id`;
      return (
        month === undefined ? db.prepare(sql).all() : db.prepare(sql).all(month)
      ) as ReminderRow[];
    },
    async listDraftLengths() {
      return db
        .prepare('SELECT plan_id AS planId, version, length_m AS lengthM FROM draft_lengths')
        .all() as { planId: string; version: number; lengthM: number }[];
    },
    async recordDraftLength(planId, version, lengthM) {
      db.prepare(
        'INSERT INTO draft_lengths (plan_id, version, length_m) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ).run(planId, version, lengthM);
    },
  };
}

/** Every plan's moves, versions and publications (their figures measured here, once per read). */
export function historyMethod(db: Database.Database): Pick<Store, 'listHistory'> {
  const events = db.prepare(
    'SELECT plan_id AS planId, from_stage AS "from", to_stage AS "to", at FROM stage_events ORDER BY id',
  );
  const versions = db.prepare(
    'SELECT plan_id AS planId, version, created_at AS at FROM geometry_versions ORDER BY created_at',
  );
  const publications = db.prepare(
    `SELECT plan_id AS planId, version, published_at AS at, zones, markers FROM publications
     ORDER BY rowid`,
  );
  return {
    async listHistory(): Promise<StoreHistory> {
      const pubs = publications.all() as {
        planId: string;
        version: number;
        at: string;
        zones: string;
        markers: string;
      }[];
      return {
        events: events.all() as { planId: string; from: StageId; to: StageId; at: string }[],
        versions: versions.all() as StoreHistory['versions'],
        publications: pubs.map(({ zones, markers, ...p }) => ({
          ...p,
          ...publicationFigures(JSON.parse(zones), JSON.parse(markers)),
        })),
      };
    },
  };
}
