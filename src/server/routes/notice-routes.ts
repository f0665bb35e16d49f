// GET /api/plans/:id/notice: the public notice (公告) of a plan's newest publication.
import { Hono } from 'hono';
import { msg } from '../../domain/message';
import { buildNotice } from '../../domain/notice/build-notice';
import type { AppEnv, ServerDeps } from '../auth/context';
import { fail, findPlan } from './route-kit';
import { ruleTableOf } from './rules-in-force';

/** The notice route: public once published, 404 before. */
export function noticeRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/plans/:id/notice', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { record } = found.plan.row;
    const [publication, settings] = await Promise.all([
      deps.store.getPublication(record.id),
      deps.store.getSettings(),
    ]);
    if (!publication) return fail(c, 404, msg('server.notice.notPublished', { plan: record.id }));
    const river = deps.geodata.waterbodies.find((w) => w.id === record.riverId);
    const notice = buildNotice({
      planId: record.id,
      river: river?.name ?? record.name,
      plan: record.name,
      version: publication.version,
      publishedAt: publication.publishedAt,
      zones: publication.zones,
      markers: publication.markers,
      // the table frozen with the publication, not the one in force now
      rules: ruleTableOf({ rules: publication.rules }),
      authority: settings.noticeAuthority ?? null,
      supervisionPhone: settings.supervisionPhone ?? null,
    });
    return c.json(notice, 200, { 'cache-control': 'no-cache' });
  });

  return app;
}
