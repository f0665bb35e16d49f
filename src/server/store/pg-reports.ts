// Monthly reports, reminders, measured draft lengths and the plans' history (issue 14) in
// PostgreSQL: reports and reminders append-only (triggers), each write audited in its transaction.
import { publicationFigures } from '../../domain/progress/publication-figures';
import type { PgAuditWriter, PgDb } from './pg-db';
import { json } from './pg-db';
import type { ReminderRow, ReportMethods, ReportRow, Store, StoreHistory } from './store';

const REPORT_COLUMNS = `id, unit, month, revision, figures, problems, next_steps AS "nextSteps",
  submitted_by AS "submittedBy", submitted_at AS "submittedAt", late`;
const REMINDER_COLUMNS = 'id, unit, month, by, at';

/** The report, reminder and draft-length methods over the pool. */
export function pgReportMethods({ read, tx }: PgDb, audit: PgAuditWriter): ReportMethods {
  const byMonth = (columns: string, table: string, month: string | undefined) =>
    month === undefined
      ? read(`SELECT ${columns} FROM ${table} ORDER BY id`)
      : read(`SELECT ${columns} FROM ${table} WHERE month = $1 ORDER BY id`, [month]);
  return {
    async addReport(r, actor) {
      return tx(async (q) => {
        // one submitter at a time per unit and month numbers the revisions without a gap or a clash
        await q('SELECT pg_advisory_xact_lock(hashtext($1))', [`report:${r.unit}:${r.month}`]);
        const [row] = await q<ReportRow>(
          `INSERT INTO reports (unit, month, revision, figures, problems, next_steps, submitted_by,
             submitted_at, late)
           SELECT $1, $2, coalesce(max(revision), 0) + 1, $3, $4, $5, $6, $7, $8
           FROM reports WHERE unit = $1 AND month = $2
           RETURNING ${REPORT_COLUMNS}`,
          [
            r.unit,
            r.month,
            json(r.figures),
            r.problems,
            r.nextSteps,
            r.submittedBy,
            r.submittedAt,
            r.late,
          ],
        );
        const report = row as ReportRow;
        await audit(q, r.submittedAt, actor, 'report.submit', `report:${r.unit}:${r.month}`, {
          id: report.id,
          revision: report.revision,
          late: r.late,
        });
        return report;
      });
    },
    async getReport(id) {
      const [row] = await read<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1`, [
        id,
      ]);
      return row ?? null;
    },
    async listReports(month) {
      return (await byMonth(REPORT_COLUMNS, 'reports', month)) as unknown as ReportRow[];
    },
    async addReminder(r, actor) {
      return tx(async (q) => {
        const [row] = await q<{ id: number }>(
          'INSERT INTO reminders (unit, month, by, at) VALUES ($1, $2, $3, $4) RETURNING id',
          [r.unit, r.month, r.by, r.at],
        );
        const id = row?.id as number;
        await audit(q, r.at, actor, 'report.remind', `report:${r.unit}:${r.month}`, { id });
        return { id, ...r };
      });
    },
    async listReminders(month) {
      return (await byMonth(REMINDER_COLUMNS, 'reminders', month)) as unknown as ReminderRow[];
    },
    async listDraftLengths() {
      return read<{ planId: string; version: number; lengthM: number }>(
        'SELECT plan_id AS "planId", version, length_m AS "lengthM" FROM draft_lengths',
      );
    },
    async recordDraftLength(planId, version, lengthM) {
      await read(
        'INSERT INTO draft_lengths (plan_id, version, length_m) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [planId, version, lengthM],
      );
    },
  };
}

/** Every plan's moves, versions and publications (their figures measured here, once per read). */
export function pgHistoryMethod({ read }: PgDb): Pick<Store, 'listHistory'> {
  return {
    async listHistory(): Promise<StoreHistory> {
      const [events, versions, pubs] = await Promise.all([
        read<StoreHistory['events'][number]>(
          'SELECT plan_id AS "planId", from_stage AS "from", to_stage AS "to", at FROM stage_events ORDER BY id',
        ),
        read<StoreHistory['versions'][number]>(
          'SELECT plan_id AS "planId", version, created_at AS at FROM geometry_versions ORDER BY created_at, plan_id, version',
        ),
        read<{ planId: string; version: number; at: string; zones: never; markers: never }>(
          `SELECT plan_id AS "planId", version, published_at AS at, zones, markers FROM publications
           ORDER BY seq`,
        ),
      ]);
      return {
        events,
        versions,
        publications: pubs.map(({ zones, markers, ...p }) => ({
          ...p,
          ...publicationFigures(zones, markers),
        })),
      };
    },
  };
}
