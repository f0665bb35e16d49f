// The documents of a publication (issue 13): the 公告 as DOCX and PDF (public tier for everyone once
// published, `?full=1` with the coordinate annex for those who may see coordinates), the notice
// boards as PDF, and the archive ZIP for staff. Each is built once per publication and settings, in
// the document pool (off the request thread); a full or late pool is 503 with Retry-After.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { canSeeCoordinates, canViewDraft } from '../../domain/access/permissions';
import { msg } from '../../domain/message';
import type { PlanRecord } from '../../domain/plans/plan';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { type CjkFonts, findCjkFonts } from '../documents/cjk-fonts';
import type { DocumentJob, DocumentResult } from '../documents/document-jobs';
import {
  documentsKey,
  loadArchiveRecords,
  loadPublication,
  type PublicationContext,
} from '../documents/publication-documents';
import { settingsInForce } from '../settings-in-force';
import type { PoolAnswer } from '../workers/worker-pool';
import { fail, findPlan, refuse } from './route-kit';

/** Documents kept, one per publication, settings and kind. */
const CACHED = 32;
type Ctx = Context<AppEnv>;
type Built = PoolAnswer<DocumentResult>;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 503 with Retry-After: the document pool is full, or the document was not built in time. */
function documentsRefused(c: Ctx, why: 'busy' | 'late', retryAfter: number): Response {
  c.header('retry-after', String(retryAfter));
  const code = why === 'busy' ? 'documents.busy' : 'documents.late';
  return fail(c, 503, msg(code, { seconds: retryAfter }));
}

/** The document routes. */
export function documentRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let fonts: CjkFonts | null | undefined;
  const fontsOf = () => {
    fonts ??= findCjkFonts(deps.documents.font ?? undefined);
    return fonts;
  };
  // only built documents are kept: a busy or late pool, or a failure, is asked again next time
  const cache = new Map<string, Promise<Built>>();
  const build = (key: string, job: DocumentJob): Promise<Built> => {
    let hit = cache.get(key);
    if (!hit) {
      hit = deps.documentPool.build(job);
      cache.set(key, hit);
      hit.then(
        (a) => {
          if (!a.ok && cache.get(key) === hit) cache.delete(key);
        },
        () => cache.delete(key),
      );
      if (cache.size > CACHED) cache.delete(cache.keys().next().value as string);
    }
    return hit;
  };

  // a publication's context (notice, places, settings) is read and built once per documents key,
  // which the publication's tag and the settings give without reading zones and markers
  const contexts = new Map<string, Promise<PublicationContext | null>>();
  const contextOf = async (record: PlanRecord): Promise<PublicationContext | null> => {
    const [tag, stored] = await Promise.all([
      deps.store.publicationTag(record.id),
      deps.store.getSettings(),
    ]);
    if (!tag) return null;
    const key = documentsKey(record.id, tag.etag, settingsInForce(stored));
    let hit = contexts.get(key);
    if (!hit) {
      hit = loadPublication(deps, record);
      contexts.set(key, hit);
      // published anew, or settings changed, between the tag and the read: not kept under this key
      const forget = () => contexts.get(key) === hit && contexts.delete(key);
      hit.then((ctx) => ctx?.key === key || forget(), forget);
      if (contexts.size > CACHED) contexts.delete(contexts.keys().next().value as string);
    }
    return hit;
  };

  /** The publication of `:id` and the fonts, or the response to answer (404, 503). */
  const open = async (
    c: Ctx,
    known?: PlanRecord,
  ): Promise<
    { ok: true; ctx: PublicationContext; fonts: CjkFonts } | { ok: false; response: Response }
  > => {
    let record = known;
    if (!record) {
      const found = await findPlan(c, deps);
      if (!found.ok) return found;
      record = found.plan.row.record;
    }
    const ctx = await contextOf(record);
    if (!ctx)
      return {
        ok: false,
        response: fail(c, 404, msg('documents.notPublished', { plan: record.id })),
      };
    const f = fontsOf();
    if (!f) return { ok: false, response: fail(c, 503, msg('documents.noFont')) };
    return { ok: true, ctx, fonts: f };
  };

  const send = (c: Ctx, bytes: Uint8Array, type: string, name: string, cacheControl: string) =>
    c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': type,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': cacheControl,
    });

  const notice = (format: 'pdf' | 'docx') => async (c: Ctx) => {
    const opened = await open(c);
    if (!opened.ok) return opened.response;
    const { ctx, fonts } = opened;
    const full = c.req.query('full') === '1';
    if (full) {
      // the setting as it is now (the context is kept per printed settings, which it is not part of)
      const { publicCoordinates } = await deps.store.getSettings();
      const context = { publicCoordinates, published: true };
      if (!canSeeCoordinates(actorOf(c), ctx.record, context))
        return refuse(c, msg('documents.fullTier'));
    }
    const tier = full ? 'full' : 'public';
    const built = await build(`${ctx.key}|notice|${tier}|${format}`, {
      kind: 'notice',
      tier,
      format,
      ctx,
      fonts,
    });
    if (!built.ok) return documentsRefused(c, built.why, built.retryAfter);
    const name = `${ctx.notice.river}管理范围划定成果公告${full ? '（含坐标）' : ''}-v${ctx.publication.version}.${format}`;
    const type = format === 'pdf' ? 'application/pdf' : DOCX;
    return send(c, built.result as Uint8Array, type, name, full ? 'private, no-cache' : 'no-cache');
  };
  app.get('/api/plans/:id/notice.docx', notice('docx'));
  app.get('/api/plans/:id/notice.pdf', notice('pdf'));

  const boards = async (c: Ctx, number?: string) => {
    const opened = await open(c);
    if (!opened.ok) return opened.response;
    const { ctx, fonts } = opened;
    const origin = deps.documents.publicUrl ?? new URL(c.req.url).origin;
    const built = await build(`${ctx.key}|boards|${origin}|${number ?? ''}`, {
      kind: 'boards',
      origin,
      ...(number !== undefined ? { number } : {}),
      ctx,
      fonts,
    });
    if (!built.ok) return documentsRefused(c, built.why, built.retryAfter);
    if (!built.result)
      return fail(
        c,
        404,
        number === undefined
          ? msg('documents.noBoards', { plan: ctx.record.id })
          : msg('documents.noBoard', { plan: ctx.record.id, number }),
      );
    return send(
      c,
      built.result as Uint8Array,
      'application/pdf',
      `${number ?? `${ctx.notice.river}公告牌`}.pdf`,
      'no-cache',
    );
  };
  app.get('/api/plans/:id/boards.pdf', (c) => boards(c));
  app.get('/api/plans/:id/boards/:number{[A-Za-z0-9-]+\\.pdf}', (c) =>
    boards(c, c.req.param('number').replace(/\.pdf$/, '')),
  );

  app.get('/api/plans/:id/archive.zip', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    if (!canViewDraft(actorOf(c), found.plan.access))
      return refuse(c, msg('documents.archive', { plan: found.plan.row.record.id }));
    const opened = await open(c, found.plan.row.record);
    if (!opened.ok) return opened.response;
    const { ctx, fonts } = opened;
    const key = `${ctx.key}|archive`;
    // the records are read only when the archive is not already built or being built
    const records = cache.has(key) ? null : await loadArchiveRecords(deps, ctx);
    const built = await (records
      ? build(key, { kind: 'archive', records, ctx, fonts, geodataDir: deps.geodata.dir })
      : (cache.get(key) as Promise<Built>));
    if (!built.ok) return documentsRefused(c, built.why, built.retryAfter);
    return send(
      c,
      built.result as Uint8Array,
      'application/zip',
      `${ctx.notice.river}-归档-v${ctx.publication.version}.zip`,
      'private, no-cache',
    );
  });

  return app;
}
