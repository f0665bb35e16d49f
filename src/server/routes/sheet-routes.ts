// GET /api/plans/:id/sheets.pdf: the map sheets (成果图) of a plan's publication; `?public=1` for
// everyone once published (no grid values, no coordinate anchors), else for who may see coordinates;
// `?version=draft` the newest saved version, computed as a publication would be, for who may see drafts.
// GET /api/plans/:id/sheets-table.pdf: the coordinate-table book (界桩坐标成果表), coordinates only.
// Built once per publication (ETag) or saved version and options: the same bytes every time.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { noQuery } from '../../contract/accounts';
import { sheetsQuery } from '../../contract/sheets';
import { canSeeCoordinates, canViewDraft } from '../../domain/access/permissions';
import { maySeeImagery } from '../../domain/imagery/may-see-imagery';
import { sheetCredit } from '../../domain/imagery/sheet-credit';
import { type Message, msg } from '../../domain/message';
import type { PlanRecord } from '../../domain/plans/plan';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { findCjkFonts } from '../documents/cjk-fonts';
import type { SheetImagery } from '../imagery/sheet-raster';
import type { SheetSource } from '../sheets/make-sheets';
import { computeRefused, fail, findPlan, readQuery, refuse } from './route-kit';
import { rulesInForce } from './rules-in-force';

const CACHED = 16;
type Built =
  | { ok: true; pdf: Uint8Array }
  | { ok: false; errors: Message[] }
  /** the document pool did not build it (full, or over its time budget): asked again next time */
  | { ok: false; why: 'busy' | 'late'; retryAfter: number };
/** What a file is made of: the features, the date and version it prints, and which file. */
interface Source {
  features: Feature[];
  date: Date;
  version: string;
  /** `table`, or the sheet options as JSON (with the imagery layer's id: part of the cache key) */
  what: string;
  imagery?: SheetImagery;
}
type Ctx = Context<AppEnv>;

/** The sheet routes. */
export function sheetRoutes(deps: ServerDeps, imageryDir: string | null = null): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const fonts = findCjkFonts(process.env.HEJIE_FONT);
  // promises, so that parallel requests for the same file build it once
  const cache = new Map<string, Promise<Built | null>>();

  // built in the document pool's worker (pdfkit loads there, never on the request thread)
  const make = async (record: PlanRecord, s: Source): Promise<Built> => {
    if (!fonts) return { ok: false, errors: [msg('sheets.noFont')] };
    const { imagery: _, ...what } =
      s.what === 'table' ? {} : (JSON.parse(s.what) as Record<string, string>);
    const source: SheetSource = {
      features: s.features,
      geodataDir: deps.geodata.dir,
      riverId: record.riverId,
      planName: record.name,
      unit: record.unit,
      at: s.date.toISOString(),
      version: s.version,
      what: s.what === 'table' ? 'table' : what,
      imagery: s.imagery,
    };
    const answer = await deps.documentPool.build({ kind: 'sheets', source, fonts });
    if (!answer.ok) return answer;
    const r = answer.result;
    if (r instanceof Uint8Array) return { ok: true, pdf: r };
    return { ok: false, errors: r?.errors ?? [msg('sheets.noFont')] };
  };
  const cached = (key: string, source: () => Promise<Source | null>, record: PlanRecord) => {
    let hit = cache.get(key);
    if (!hit) {
      hit = source().then((s) => (s ? make(record, s) : null));
      cache.set(key, hit);
      const forget = () => cache.get(key) === hit && cache.delete(key);
      void hit.then((b) => (!b || (!b.ok && 'why' in b) ? forget() : null)).catch(forget);
      if (cache.size > CACHED) cache.delete(cache.keys().next().value as string);
    }
    return hit;
  };

  const answer = (c: Ctx, built: Built | null, file: string, etag: string, isPublic: boolean) => {
    if (!built) return fail(c, 404, msg('sheets.notPublished'));
    if (!built.ok && 'why' in built) {
      c.header('retry-after', String(built.retryAfter));
      const code = built.why === 'busy' ? 'documents.busy' : 'documents.late';
      return fail(c, 503, msg(code, { seconds: built.retryAfter }));
    }
    if (!built.ok) return fail(c, 400, built.errors[0] as Message, { reasons: built.errors });
    return c.body(built.pdf as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${file}"`,
      etag: `"${etag}"`,
      'cache-control': isPublic ? 'no-cache' : 'private, no-cache',
    });
  };

  const published = async (
    c: Ctx,
    isPublic: boolean,
    what: string,
    name: string,
    imagery?: SheetImagery,
  ) => {
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
    if (!tag) return fail(c, 404, msg('sheets.notPublished'));
    const source = async (): Promise<Source | null> => {
      const p = await deps.store.getPublication(record.id);
      if (!p || p.etag !== tag.etag) return null; // published anew meanwhile: the next request
      const version = `第 ${p.version} 版 · ${tag.etag.replace(/\W/g, '').slice(0, 8)}`;
      const features = [...p.zones.features, ...p.markers.features];
      return { features, date: new Date(p.publishedAt), version, what, imagery };
    };
    const built = await cached(`${record.id}\u0000${tag.etag}\u0000${what}`, source, record);
    const file = `${record.id}-v${tag.version}-${name}.pdf`;
    return answer(c, built, file, `${tag.etag.replace(/"/g, '')}-${name}`, isPublic);
  };

  const draft = async (c: Ctx, what: string, imagery?: SheetImagery) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { record } = found.plan.row;
    if (!canViewDraft(actorOf(c), record))
      return refuse(c, msg('common.what.seeDrafts', { plan: record.id }));
    if (!fonts) return fail(c, 503, msg('sheets.noFont'));
    const latest = await deps.store.latestGeometry(record.id);
    if (!latest) return fail(c, 404, msg('zones.noGeometryYet', { plan: record.id }));
    const rules = await rulesInForce(deps.store);
    const key = createHash('sha256')
      .update(JSON.stringify([record.id, latest.version, rules, what]))
      .digest('base64url');
    let refused: Response | null = null;
    const source = async (): Promise<Source | null> => {
      const options = { river: record.riverId, rules, waterbodies: deps.geodata.waterbodies };
      const outcome = await deps.compute.delineate(latest.features, options);
      if (!outcome.ok) {
        refused = computeRefused(c, outcome.why, outcome.retryAfter);
        return null;
      }
      const d = outcome.delineation;
      if (!d.ok) throw Object.assign(new Error('draft'), { reasons: d.errors });
      const markers = d.markers?.ok ? d.markers.markers.features : [];
      const features = [...(d.zones.features as Feature[]), ...markers];
      const version = `草稿 第 ${latest.version} 版（未公布）`;
      return { features, date: new Date(latest.createdAt), version, what, imagery };
    };
    try {
      const built = await cached(`draft\u0000${key}`, source, record);
      // a build refused here, or by a parallel request sharing it: the pool is busy
      if (!built) return refused ?? computeRefused(c, 'busy', 1);
      return answer(c, built, `${record.id}-draft-v${latest.version}-sheets.pdf`, key, false);
    } catch (e) {
      const reasons = (e as { reasons?: Message[] }).reasons;
      if (!reasons) throw e;
      return fail(c, 400, reasons[0] as Message, { reasons });
    }
  };

  app.get('/api/plans/:id/sheets.pdf', async (c) => {
    const query = readQuery(c, sheetsQuery);
    if (!query.ok) return query.response;
    const { public: pub, version, scale, paper, orientation, imagery } = query.value;
    // an imagery layer: one the asker may see (a public set: a public layer), else 404 as unknown
    let layer: SheetImagery | undefined;
    if (imagery !== undefined) {
      const found = (await deps.store.listImagery()).find((l) => l.id === imagery);
      const visible =
        found && maySeeImagery(actorOf(c), found) && (pub !== '1' || found.public) && imageryDir;
      if (!found || !visible)
        return fail(c, 404, msg('imagery.sheets.unknownLayer', { layer: imagery }));
      layer = {
        path: join(imageryDir, found.file),
        format: found.format,
        minzoom: found.minzoom,
        maxzoom: found.maxzoom,
        credit: sheetCredit(found),
      };
    }
    const what = JSON.stringify({ public: pub, scale, paper, orientation, imagery });
    if (version === 'draft') return draft(c, what, layer);
    return published(c, pub === '1', what, pub === '1' ? 'sheets-public' : 'sheets', layer);
  });

  app.get('/api/plans/:id/sheets-table.pdf', async (c) => {
    const query = readQuery(c, noQuery);
    if (!query.ok) return query.response;
    return published(c, false, 'table', 'sheets-table');
  });

  return app;
}
