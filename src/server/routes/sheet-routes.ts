// GET /api/plans/:id/sheets.pdf: the map sheets (成果图) of a plan's publication; `?public=1` for
// everyone once published (no grid values, no coordinate anchors), else for who may see coordinates.
// GET /api/plans/:id/sheets-table.pdf: the coordinate-table book (界桩坐标成果表), coordinates only.
// Built from what was frozen, once per publication (ETag) and options: the same bytes every time.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { noQuery } from '../../contract/accounts';
import { sheetsQuery } from '../../contract/sheets';
import { canSeeCoordinates } from '../../domain/access/permissions';
import { type Message, msg } from '../../domain/message';
import { chinaDate } from '../../domain/plans/deadline';
import type { PlanRecord } from '../../domain/plans/plan';
import { buildSheets } from '../../domain/sheets/build-sheets';
import { buildCoordinateBook } from '../../domain/sheets/coordinate-book';
import { resolveSheetOptions } from '../../domain/sheets/sheet-options';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { findCjkFonts } from '../documents/cjk-fonts';
import { loadSheetBase } from '../sheets/sheet-base';
import { fail, findPlan, readQuery } from './route-kit';

const CACHED = 16;
type Built = { ok: true; pdf: Uint8Array; version: number } | { ok: false; errors: Message[] };

/** The sheet routes. */
export function sheetRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const fonts = findCjkFonts(process.env.HEJIE_FONT);
  // promises, so that parallel requests for a new publication build it once
  const cache = new Map<string, Promise<Built | null>>();

  const build = async (record: PlanRecord, etag: string, what: string): Promise<Built | null> => {
    const p = await deps.store.getPublication(record.id);
    if (!p || p.etag !== etag || !fonts) return null; // published anew meanwhile: the next request
    // pdfkit loads on the first sheet asked for: a server start does not pay it
    const { writeSheetsPdf } = await import('../sheets/write-sheets-pdf');
    const { base, riverNames } = loadSheetBase(deps.geodata.dir);
    const features = [...p.zones.features, ...p.markers.features];
    const date = new Date(p.publishedAt);
    const version = `第 ${p.version} 版 · ${etag.replace(/\W/g, '').slice(0, 8)}`;
    const river = riverNames[record.riverId] ?? record.name;
    if (what === 'table') {
      const book = buildCoordinateBook(features, {
        river,
        unit: record.unit || '尚未设置',
        date: chinaDate(date),
        version,
      });
      return book.ok
        ? { ok: true, pdf: await writeSheetsPdf(book.atlas, fonts, date), version: p.version }
        : book;
    }
    const q = JSON.parse(what) as Record<string, string | undefined>;
    const o = resolveSheetOptions(
      { ...q, unit: record.unit },
      { date: chinaDate(date), version, public: q.public === '1' },
    );
    if (!o.ok) return o;
    const built = buildSheets(features, base, o.options, riverNames);
    return built.ok
      ? { ok: true, pdf: await writeSheetsPdf(built.atlas, fonts, date), version: p.version }
      : built;
  };
  const pdfOf = (record: PlanRecord, etag: string, what: string) => {
    const key = `${record.id}\u0000${etag}\u0000${what}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = build(record, etag, what);
      cache.set(key, hit);
      void hit.then((b) => b ?? cache.delete(key)).catch(() => cache.delete(key));
      if (cache.size > CACHED) cache.delete(cache.keys().next().value as string);
    }
    return hit;
  };

  const send = async (c: Context<AppEnv>, isPublic: boolean, what: string, name: string) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { record } = found.plan.row;
    const [tag, settings] = await Promise.all([
      deps.store.publicationTag(record.id),
      deps.store.getSettings(),
    ]);
    const context = { publicCoordinates: settings.publicCoordinates, published: true };
    if (!isPublic && !canSeeCoordinates(actorOf(c), record, context))
      return fail(c, 403, msg('zones.coordinatesNotPublic', { plan: record.id }));
    if (!fonts) return fail(c, 503, msg('sheets.noFont'));
    const built = tag && (await pdfOf(record, tag.etag, what));
    if (!built) return fail(c, 404, msg('sheets.notPublished'));
    if (!built.ok) return fail(c, 400, built.errors[0] as Message, { reasons: built.errors });
    const file = `${record.id}-v${built.version}-${name}.pdf`;
    return c.body(built.pdf as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${file}"`,
      etag: `"${tag.etag}-${name}"`,
      'cache-control': isPublic ? 'no-cache' : 'private, no-cache',
    });
  };

  app.get('/api/plans/:id/sheets.pdf', async (c) => {
    const query = readQuery(c, sheetsQuery);
    if (!query.ok) return query.response;
    const q = query.value;
    const what = JSON.stringify({
      public: q.public,
      scale: q.scale,
      paper: q.paper,
      orientation: q.orientation,
    });
    return send(c, q.public === '1', what, q.public === '1' ? 'sheets-public' : 'sheets');
  });

  app.get('/api/plans/:id/sheets-table.pdf', async (c) => {
    const query = readQuery(c, noQuery);
    if (!query.ok) return query.response;
    return send(c, false, 'table', 'sheets-table');
  });

  return app;
}
