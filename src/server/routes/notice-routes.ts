// GET /api/plans/:id/notice: the public notice (公告) of a plan's newest publication.
import { Hono } from 'hono';
import { canSeeCoordinates } from '../../domain/access/permissions';
import { msg } from '../../domain/message';
import {
  buildNotice,
  type PublicNotice,
  withoutCoordinates,
} from '../../domain/notice/build-notice';
import type { PlanRecord } from '../../domain/plans/plan';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { publicGeoOf } from '../public-geo';
import { fail, findPlan } from './route-kit';
import { ruleTableOf } from './rules-in-force';

/** Notices cached per publication (plan id + ETag): each is built once from what was frozen. */
const CACHED_NOTICES = 64;

/** The notice route: public once published, 404 before. */
export function noticeRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // promises, so that parallel requests for a new publication build it once
  const cache = new Map<string, Promise<PublicNotice | null>>();

  const build = async (record: PlanRecord, etag: string): Promise<PublicNotice | null> => {
    const publication = await deps.store.getPublication(record.id);
    if (publication?.etag !== etag) return null; // published anew meanwhile: the next request
    const river = deps.geodata.waterbodies.find((w) => w.id === record.riverId);
    return buildNotice({
      planId: record.id,
      river: river?.name ?? record.name,
      plan: record.name,
      version: publication.version,
      publishedAt: publication.publishedAt,
      zones: publication.zones,
      markers: publication.markers,
      // the table frozen with the publication, not the one in force now
      rules: ruleTableOf({ rules: publication.rules }),
      // the settings' authority and phone may change: set per request
      authority: null,
      supervisionPhone: null,
      geo: publicGeoOf(deps.geodata.dir),
    });
  };
  const noticeOf = (record: PlanRecord, etag: string): Promise<PublicNotice | null> => {
    const key = `${record.id}\u0000${etag}`;
    let notice = cache.get(key);
    if (!notice) {
      notice = build(record, etag);
      cache.set(key, notice);
      void notice.then((n) => n ?? cache.delete(key)).catch(() => cache.delete(key));
      if (cache.size > CACHED_NOTICES) cache.delete(cache.keys().next().value as string);
    }
    return notice;
  };

  app.get('/api/plans/:id/notice', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { record } = found.plan.row;
    const [tag, settings] = await Promise.all([
      deps.store.publicationTag(record.id),
      deps.store.getSettings(),
    ]);
    const notice = tag && (await noticeOf(record, tag.etag));
    if (!notice) return fail(c, 404, msg('server.notice.notPublished', { plan: record.id }));
    const authority = settings.noticeAuthority ?? null;
    const supervisionPhone = settings.supervisionPhone ?? null;
    // the ends' coordinates only for those who may see coordinates (the same rule as markers.csv)
    const context = { publicCoordinates: settings.publicCoordinates, published: true };
    const shown = canSeeCoordinates(actorOf(c), record, context)
      ? notice
      : withoutCoordinates(notice);
    return c.json({ ...shown, authority, supervisionPhone }, 200, {
      'cache-control': 'private, no-cache',
      vary: 'cookie',
    });
  });

  return app;
}
