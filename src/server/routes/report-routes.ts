// Supervision (可监督、可考核, issue 14): GET /api/progress (each unit's figures as of a month's end
// and the 考核表), POST /api/reports (a unit's 月报), GET /api/reports (the city's matrix), POST
// /api/reports/reminders (催报). The exports are in report-exports.ts.
import { Hono } from 'hono';
import {
  progressQuery,
  progressSeriesQuery,
  type Report,
  reminderBody,
  reportBody,
  reportsQuery,
} from '../../contract/progress';
import type { Actor } from '../../domain/access/actor';
import { msg } from '../../domain/message';
import { countyByCode } from '../../domain/plans/counties';
import { assessUnit } from '../../domain/progress/assess-units';
import {
  isReportLate,
  monthOf,
  monthsBetween,
  REPORTING_START,
} from '../../domain/progress/report-month';
import {
  mayReportFor,
  maySupervise,
  reportState,
  unitsVisibleTo,
} from '../../domain/progress/report-rules';
import { publicFigures } from '../../domain/progress/unit-figures';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { displayNames } from '../display-names';
import type { ProgressService } from '../progress/progress-service';
import type { ReportRow } from '../store/store';
import { actorName, computeRefused, fail, readBody, readQuery, refuse } from './route-kit';

/** A report row on the wire. */
/** A stored report as answered: with the display name of the account that submitted it. */
const toReport = (r: ReportRow, name: (username: string) => string): Report => ({
  ...(r as Omit<Report, 'submittedByName'>),
  submittedByName: name(r.submittedBy),
});

/** Staff who read every figure: chiefs, planners and admins (others get the public summary). */
const readsProgress = (actor: Actor) => actor.kind === 'user' && actor.role !== 'department';

/** The months a matrix covers: one, a range (at most 120), or the current month. */
function matrixMonths(q: { month?: string; from?: string; to?: string }, now: Date): string[] {
  if (q.month) return [q.month];
  const to = q.to ?? monthOf(now);
  return monthsBetween(q.from ?? to, to);
}

/** The report routes over the progress service. */
export function reportRoutes(deps: ServerDeps, service: ProgressService): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api/progress', async (c) => {
    const q = readQuery(c, progressQuery);
    if (!q.ok) return q.response;
    const now = deps.clock();
    const month = q.value.month ?? monthOf(now);
    if (!readsProgress(actorOf(c))) {
      // the public summary: counts only, from the same figures (drafts not measured for it)
      const outcome = await service.progress(month, { measure: false });
      if (!outcome.ok) return computeRefused(c, outcome.why, outcome.retryAfter);
      const { asOf, units } = outcome.progress;
      return c.json({ month, asOf, public: true, units: units.map(publicFigures) }, 200, {
        'cache-control': 'no-store',
      });
    }
    const outcome = await service.progress(month);
    if (!outcome.ok) return computeRefused(c, outcome.why, outcome.retryAfter);
    const reports = await deps.store.listReports();
    const assessment = outcome.progress.units.map((f) => assessUnit(f, reports, now));
    return c.json({ ...outcome.progress, assessment }, 200, { 'cache-control': 'no-store' });
  });

  // the dashboard's months in one answer: counts only, computed in one pass over the history
  app.get('/api/progress/series', async (c) => {
    const q = readQuery(c, progressSeriesQuery);
    if (!q.ok) return q.response;
    const { from, to } = q.value;
    const months = monthsBetween(from, to);
    if (months.length === 0 || months.length > 120)
      return fail(c, 400, msg('reports.month.range', { from, to }));
    if (!readsProgress(actorOf(c))) {
      const outcome = await service.series(months, { measure: false });
      if (!outcome.ok) return computeRefused(c, outcome.why, outcome.retryAfter);
      const answer = outcome.series.months.map(({ month, asOf, units }) => ({
        month,
        asOf,
        units: units.map(({ unit, plans, byStage, km, markers, overdue }) => ({
          unit,
          plans,
          byStage,
          publishedKm: km.published,
          markers,
          overdue,
        })),
      }));
      return c.json({ from, to, public: true, months: answer }, 200, {
        'cache-control': 'no-store',
      });
    }
    const outcome = await service.series(months);
    if (!outcome.ok) return computeRefused(c, outcome.why, outcome.retryAfter);
    return c.json({ from, to, ...outcome.series }, 200, { 'cache-control': 'no-store' });
  });

  app.post('/api/reports', async (c) => {
    const actor = actorOf(c);
    const body = await readBody(c, reportBody);
    if (!body.ok) return body.response;
    const { unit, month, problems, nextSteps } = body.value;
    if (!mayReportFor(actor, unit))
      return refuse(c, msg('reports.what.submit', { unit: countyByCode(unit)?.name ?? unit }));
    const now = deps.clock();
    if (month > monthOf(now)) return fail(c, 400, msg('reports.month.future', { month }));
    if (month < REPORTING_START)
      return fail(c, 400, msg('reports.month.beforeStart', { month, start: REPORTING_START }));
    const outcome = await service.progress(month);
    if (!outcome.ok) return computeRefused(c, outcome.why, outcome.retryAfter);
    const figures = outcome.progress.units.find((f) => f.unit === unit);
    const row = await deps.store.addReport(
      {
        unit,
        month,
        figures,
        problems,
        nextSteps,
        submittedBy: actorName(c),
        submittedAt: now.toISOString(),
        late: isReportLate(month, now),
      },
      actorName(c),
    );
    return c.json(toReport(row, await displayNames(deps.store)), 201);
  });

  app.get('/api/reports', async (c) => {
    const actor = actorOf(c);
    const units = unitsVisibleTo(actor);
    if (units.length === 0) return refuse(c, msg('reports.what.read'));
    const q = readQuery(c, reportsQuery);
    if (!q.ok) return q.response;
    const now = deps.clock();
    const months = matrixMonths(q.value, now);
    if (months.length === 0 || months.length > 120)
      return fail(
        c,
        400,
        msg('reports.month.range', { from: q.value.from ?? '', to: q.value.to ?? '' }),
      );
    const one = months.length === 1 ? months[0] : undefined;
    const [reports, reminders] = await Promise.all([
      deps.store.listReports(one),
      deps.store.listReminders(one),
    ]);
    const name = await displayNames(deps.store);
    const rows = units.map((unit) => ({
      unit,
      cells: months.map((month) => {
        const mine = reports.filter((r) => r.unit === unit && r.month === month);
        const newest = mine.at(-1) ?? null;
        return {
          month,
          state: reportState(month, mine, now),
          report: newest ? toReport(newest, name) : null,
          reminders: reminders.filter((r) => r.unit === unit && r.month === month).length,
          revisions: mine.map(({ id, revision, submittedBy, submittedAt, late }) => ({
            id,
            revision,
            submittedBy,
            submittedByName: name(submittedBy),
            submittedAt,
            late,
          })),
        };
      }),
    }));
    return c.json({ months, rows }, 200, { 'cache-control': 'no-store' });
  });

  app.post('/api/reports/reminders', async (c) => {
    const actor = actorOf(c);
    if (!maySupervise(actor)) return refuse(c, msg('reports.what.remind'));
    const body = await readBody(c, reminderBody);
    if (!body.ok) return body.response;
    const { unit, month } = body.value;
    const now = deps.clock();
    if (month > monthOf(now)) return fail(c, 400, msg('reports.month.future', { month }));
    const row = await deps.store.addReminder(
      { unit, month, by: actorName(c), at: now.toISOString() },
      actorName(c),
    );
    return c.json(row, 201);
  });
  return app;
}
