// 验收 (issue 13): a planner records the acceptance of a version with the signed document (a PDF,
// checked by its magic bytes, kept outside the database by its SHA-256); staff read the records and
// download the document.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { ACCEPTANCE_FILE_MAX, acceptanceFields } from '../../contract/review';
import { actsAsPlanner, canViewDraft } from '../../domain/access/permissions';
import { msg } from '../../domain/message';
import { cleanText } from '../../domain/review/clean-text';
import { type FileKind, fileKind } from '../../domain/review/file-kind';
import type { AcceptanceRecord } from '../../domain/review/review-types';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { actorName, checkValue, disposition, fail, findPlan, refuse } from './route-kit';

type Ctx = Context<AppEnv>;
const MB = 1024 * 1024;

/** What a refused upload looks like, in words. */
const KIND_NAMES: Record<Exclude<FileKind, 'pdf'>, string> = {
  png: 'display.kind.png',
  jpeg: 'display.kind.jpeg',
  gif: 'display.kind.gif',
  zip: 'display.kind.zip',
  docx: 'display.kind.docx',
  doc: 'display.kind.doc',
  text: 'display.kind.text',
  unknown: 'display.kind.unknown',
};

/** The uploaded name as shown: its base name only, as typed, never a path. */
function baseName(name: string): string {
  const base = cleanText(name.split(/[\\/]/).at(-1) ?? '').trim();
  return base.slice(0, 200) || 'acceptance.pdf';
}

/** The multipart form: its text fields and the file part, or the response refusing it. */
async function readForm(
  c: Ctx,
): Promise<
  | { ok: true; fields: Record<string, string>; file: File | null }
  | { ok: false; response: Response }
> {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'multipart/form-data')
    return { ok: false, response: fail(c, 415, msg('display.acceptance.notMultipart')) };
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    return { ok: false, response: fail(c, 400, msg('display.acceptance.notMultipart')) };
  }
  const fields: Record<string, string> = {};
  let file: File | null = null;
  for (const [key, value] of form) {
    if (typeof value === 'string') fields[key] = value;
    else if (key === 'file') file = value;
    else fields[key] = value.name; // a file in a text field: the schema refuses the key or value
  }
  return { ok: true, fields, file };
}

/** POST/GET /api/plans/:id/acceptance, GET /api/acceptance/:id/file. */
export function acceptanceRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/api/plans/:id/acceptance', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    const plan = row.record.id;
    if (!actsAsPlanner(actorOf(c), row.record))
      return refuse(c, msg('display.what.record', { plan }));
    const form = await readForm(c);
    if (!form.ok) return form.response;
    const fields = checkValue(c, acceptanceFields, form.fields);
    if (!fields.ok) return fields.response;
    if (row.stage !== 'deliverables') return fail(c, 409, msg('display.acceptance.wrongStage'));
    const { version } = fields.value;
    if (!(await deps.store.getGeometry(plan, version)))
      return fail(c, 400, msg('display.noVersion', { plan, version }), { field: 'version' });
    const { file } = form;
    if (!file || file.size === 0)
      return fail(c, 400, msg('display.acceptance.noFile'), { field: 'file' });
    if (file.size > ACCEPTANCE_FILE_MAX)
      return fail(c, 413, msg('display.acceptance.tooLarge', { mb: ACCEPTANCE_FILE_MAX / MB }), {
        field: 'file',
      });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const kind = fileKind(bytes);
    if (kind !== 'pdf')
      return fail(c, 415, msg('display.acceptance.notPdf', { kind: msg(KIND_NAMES[kind]) }), {
        field: 'file',
      });
    const stored = await deps.files.put(bytes);
    const record = await deps.store.addAcceptance(
      {
        planId: plan,
        ...fields.value,
        file: { ...stored, name: baseName(file.name), mediaType: 'application/pdf' },
        recordedBy: actorName(c),
      },
      actorName(c),
    );
    return c.json(record, 201);
  });

  app.get('/api/plans/:id/acceptance', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { record } = found.plan.row;
    if (!canViewDraft(actorOf(c), record))
      return refuse(c, msg('display.what.readAcceptance', { plan: record.id }));
    return c.json(await deps.store.listAcceptances(record.id), 200, {
      'cache-control': 'no-store',
    });
  });

  app.get('/api/acceptance/:id/file', async (c) => {
    const id = c.req.param('id');
    const found: AcceptanceRecord | null = /^[1-9]\d{0,9}$/.test(id)
      ? await deps.store.getAcceptance(Number(id))
      : null;
    const row = found && (await deps.store.getPlan(found.planId));
    if (!found || !row)
      return fail(c, 404, msg('display.acceptance.none', { id: id.slice(0, 20) }));
    if (!canViewDraft(actorOf(c), row.record))
      return refuse(c, msg('display.what.readAcceptance', { plan: found.planId }));
    const bytes = await deps.files.get(found.file.sha256);
    if (!bytes) return fail(c, 404, msg('display.acceptance.fileMissing', { id: found.id }));
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': found.file.mediaType,
      'content-disposition': disposition(found.file.name),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
  });

  return app;
}
