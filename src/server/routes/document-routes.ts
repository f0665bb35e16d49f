// The documents of a publication (issue 13): the 公告 as DOCX and PDF (public tier for everyone once
// published, `?full=1` with the coordinate annex for those who may see coordinates), the notice
// boards as PDF, and the archive ZIP for staff. Each is built once per publication and settings.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { canSeeCoordinates, canViewDraft } from '../../domain/access/permissions';
import type { DocumentModel } from '../../domain/documents/document-model';
import { msg } from '../../domain/message';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { type CjkFonts, findCjkFonts } from '../documents/cjk-fonts';
import type { DocumentWriter } from '../documents/document-writers';
import {
  boardsModel,
  loadPublication,
  noticeModel,
  type PublicationContext,
} from '../documents/publication-documents';
import { fail, findPlan, refuse } from './route-kit';

/**
 * The writers and the archive, loaded on the first document asked for: pdfkit, docx, sharp and
 * qrcode take ~1 s to load, which a server start should not pay.
 */
const writers = () => import('../documents/document-writers');
const archive = () => import('../documents/build-archive');

/** Documents kept, one per publication, settings and kind. */
const CACHED = 32;
type Ctx = Context<AppEnv>;

/** The document routes. */
export function documentRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let fonts: CjkFonts | null | undefined;
  const fontsOf = () => {
    fonts ??= findCjkFonts(process.env.HEJIE_FONT);
    return fonts;
  };
  const cache = new Map<string, Promise<Uint8Array>>();
  const cached = (key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> => {
    let hit = cache.get(key);
    if (!hit) {
      hit = make();
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
      if (cache.size > CACHED) cache.delete(cache.keys().next().value as string);
    }
    return hit;
  };

  /** The publication of `:id` and the fonts, or the response to answer (404, 503). */
  const open = async (
    c: Ctx,
  ): Promise<
    { ok: true; ctx: PublicationContext; fonts: CjkFonts } | { ok: false; response: Response }
  > => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found;
    const { record } = found.plan.row;
    const ctx = await loadPublication(deps, record);
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

  const notice = (id: DocumentWriter['id']) => async (c: Ctx) => {
    const opened = await open(c);
    if (!opened.ok) return opened.response;
    const { ctx } = opened;
    const full = c.req.query('full') === '1';
    if (full) {
      const context = { publicCoordinates: ctx.settings.publicCoordinates, published: true };
      if (!canSeeCoordinates(actorOf(c), ctx.record, context))
        return refuse(c, msg('documents.fullTier'));
    }
    const tier = full ? 'full' : 'public';
    const writer = (await writers()).writerOf(id);
    const date = new Date(ctx.publication.publishedAt);
    const bytes = await cached(`${ctx.key}|notice|${tier}|${writer.id}`, () =>
      writer.write(noticeModel(ctx, tier), opened.fonts, date),
    );
    const name = `${ctx.notice.river}管理范围划定成果公告${full ? '（含坐标）' : ''}-v${ctx.publication.version}.${writer.extension}`;
    return send(c, bytes, writer.mediaType, name, full ? 'private, no-cache' : 'no-cache');
  };
  app.get('/api/plans/:id/notice.docx', notice('docx'));
  app.get('/api/plans/:id/notice.pdf', notice('pdf'));

  const boards = async (c: Ctx, number?: string) => {
    const opened = await open(c);
    if (!opened.ok) return opened.response;
    const { ctx } = opened;
    const origin = process.env.HEJIE_PUBLIC_URL || new URL(c.req.url).origin;
    const model: DocumentModel | null = boardsModel(ctx, origin, number);
    if (!model)
      return fail(
        c,
        404,
        number === undefined
          ? msg('documents.noBoards', { plan: ctx.record.id })
          : msg('documents.noBoard', { plan: ctx.record.id, number }),
      );
    const date = new Date(ctx.publication.publishedAt);
    const { writerOf } = await writers();
    const bytes = await cached(`${ctx.key}|boards|${origin}|${number ?? ''}`, () =>
      writerOf('pdf').write(model, opened.fonts, date),
    );
    return send(
      c,
      bytes,
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
    const opened = await open(c);
    if (!opened.ok) return opened.response;
    const { ctx } = opened;
    const { buildArchive } = await archive();
    const bytes = await cached(`${ctx.key}|archive`, () => buildArchive(deps, ctx, opened.fonts));
    return send(
      c,
      bytes,
      'application/zip',
      `${ctx.notice.river}-归档-v${ctx.publication.version}.zip`,
      'private, no-cache',
    );
  });

  return app;
}
