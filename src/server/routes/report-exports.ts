// The supervision exports (issue 14): a unit's report as XLSX (GET /api/reports/:id.xlsx) and the
// city's monthly summary to 桂河长办 as XLSX and PDF (GET /api/progress.xlsx, /api/progress.pdf),
// built as document models by the domain and written by the document writers.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { progressQuery } from '../../contract/progress';
import type { Actor } from '../../domain/access/actor';
import type { DocumentModel } from '../../domain/documents/document-model';
import { msg } from '../../domain/message';
import { countyByCode } from '../../domain/plans/counties';
import {
  buildProgressSummary,
  buildReportDocument,
  type ReportText,
} from '../../domain/progress/build-progress-documents';
import { monthOf } from '../../domain/progress/report-month';
import { reportState, unitsVisibleTo } from '../../domain/progress/report-rules';
import { REPORTING_UNITS, type UnitFigures } from '../../domain/progress/unit-figures';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { displayNames } from '../display-names';
import { type CjkFonts, findCjkFonts } from '../documents/cjk-fonts';
import { writePdf } from '../documents/write-pdf';
import { writeStyledSheets } from '../documents/write-styled-sheets';
import type { ProgressService } from '../progress/progress-service';
import { computeRefused, disposition, fail, readQuery, refuse } from './route-kit';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whether the actor sees every unit (the city's summary is of them all). */
const seesCity = (actor: Actor) => unitsVisibleTo(actor).length === REPORTING_UNITS.length;

const send = (c: Context<AppEnv>, bytes: Uint8Array, type: string, name: string) =>
  c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': type,
    'content-disposition': disposition(name),
    'cache-control': 'no-store',
  });

async function planNames(deps: ServerDeps): Promise<Record<string, string>> {
  return Object.fromEntries(
    (await deps.store.listPlans()).map((p) => [p.record.id, p.record.name]),
  );
}

/** The export routes over the progress service. */
export function reportExportRoutes(deps: ServerDeps, service: ProgressService): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let fonts: CjkFonts | null = null;

  const summary = async (
    c: Context<AppEnv>,
  ): Promise<
    { ok: true; model: DocumentModel; month: string } | { ok: false; response: Response }
  > => {
    if (!seesCity(actorOf(c))) return { ok: false, response: refuse(c, msg('reports.what.read')) };
    const q = readQuery(c, progressQuery);
    if (!q.ok) return q;
    const now = deps.clock();
    const month = q.value.month ?? monthOf(now);
    const outcome = await service.progress(month);
    if (!outcome.ok)
      return { ok: false, response: computeRefused(c, outcome.why, outcome.retryAfter) };
    const reports = await deps.store.listReports(month);
    const states = Object.fromEntries(
      REPORTING_UNITS.map((u) => {
        const mine = reports.filter((r) => r.unit === u);
        return [u, { state: reportState(month, mine, now), report: mine.at(-1) ?? null }];
      }),
    );
    const model = buildProgressSummary({
      month,
      units: outcome.progress.units,
      reports: states,
      planNames: await planNames(deps),
    });
    return { ok: true, model, month };
  };

  app.get('/api/progress.xlsx', async (c) => {
    const s = await summary(c);
    if (!s.ok) return s.response;
    return send(
      c,
      writeStyledSheets(s.model, deps.clock()),
      XLSX,
      `钦州市划界进展汇总表-${s.month}.xlsx`,
    );
  });

  app.get('/api/progress.pdf', async (c) => {
    const s = await summary(c);
    if (!s.ok) return s.response;
    fonts ??= findCjkFonts(deps.documents.font ?? undefined);
    if (!fonts) return fail(c, 503, msg('documents.noFont'));
    const bytes = await writePdf(s.model, fonts, deps.clock());
    return send(c, bytes, 'application/pdf', `钦州市划界进展汇总表-${s.month}.pdf`);
  });

  app.get('/api/reports/:file', async (c) => {
    const m = /^(\d{1,9})\.xlsx$/.exec(c.req.param('file'));
    const id = m ? Number(m[1]) : Number.NaN;
    const row = Number.isInteger(id) ? await deps.store.getReport(id) : null;
    const actor = actorOf(c);
    if (actor.kind !== 'user') return refuse(c, msg('reports.what.read'));
    if (!row || !unitsVisibleTo(actor).includes(row.unit))
      return fail(c, 404, msg('reports.noReport', { id: c.req.param('file') }));
    // the report names the person who sent it, not the account
    const text: ReportText = {
      ...row,
      submittedBy: (await displayNames(deps.store))(row.submittedBy),
    };
    const model = buildReportDocument(row.figures as UnitFigures, text, await planNames(deps));
    const name = `${countyByCode(row.unit)?.name ?? row.unit}月报-${row.month}-第${row.revision}版.xlsx`;
    return send(c, writeStyledSheets(model, new Date(row.submittedAt)), XLSX, name);
  });
  return app;
}
