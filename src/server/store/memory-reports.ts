// Monthly reports, reminders and measured draft lengths of the memory twin (see sqlite-reports.ts).
import type { ReminderRow, ReportMethods, ReportRow } from './store';

type Write = (at: string, actor: string, action: string, target: string, detail: unknown) => void;

/** The report methods in memory; copies in and out. */
export function memoryReports(write: Write): ReportMethods {
  const reports: ReportRow[] = [];
  const reminders: ReminderRow[] = [];
  const lengths = new Map<string, { planId: string; version: number; lengthM: number }>();
  const copy = <T>(v: T): T => structuredClone(v);
  return {
    async addReport(r, actor) {
      const revision = reports.filter((x) => x.unit === r.unit && x.month === r.month).length + 1;
      const row: ReportRow = { ...copy(r), id: reports.length + 1, revision };
      reports.push(row);
      write(r.submittedAt, actor, 'report.submit', `report:${r.unit}:${r.month}`, {
        id: row.id,
        revision,
        late: r.late,
      });
      return copy(row);
    },
    async getReport(id) {
      return copy(reports.find((r) => r.id === id) ?? null);
    },
    async listReports(month) {
      return copy(reports.filter((r) => month === undefined || r.month === month));
    },
    async addReminder(r, actor) {
      const row = { ...r, id: reminders.length + 1 };
      reminders.push(row);
      write(r.at, actor, 'report.remind', `report:${r.unit}:${r.month}`, { id: row.id });
      return copy(row);
    },
    async listReminders(month) {
      return copy(reminders.filter((r) => month === undefined || r.month === month));
    },
    async listDraftLengths() {
      return copy([...lengths.values()]);
    },
    async recordDraftLength(planId, version, lengthM) {
      const key = `${planId}:${version}`;
      if (!lengths.has(key)) lengths.set(key, { planId, version, lengthM });
    },
  };
}
