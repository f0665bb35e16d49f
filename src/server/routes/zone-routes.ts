// GET /api/zones (published, public; or a plan's draft, authorised) and the published markers'
// coordinate table GET /api/plans/:id/markers.csv.
import { Hono } from 'hono';
import { langOfAcceptLanguage } from '../../contract/messages/lang';
import { renderMessage } from '../../contract/messages/render';
import { zonesQuery } from '../../contract/versions';
import { canSeeCoordinates, canViewDraft } from '../../domain/access/permissions';
import { exportFeatures } from '../../domain/formats/export/export-features';
import { type Message, msg } from '../../domain/message';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { sendCached } from '../cached-body';
import type { PublicZones } from './public-zones';
import { computeRefused, fail, findPlan, readQuery, refuse } from './route-kit';
import { rulesInForce } from './rules-in-force';

/** The zone and coordinate routes. */
export function zoneRoutes(deps: ServerDeps, publicZones: PublicZones): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/zones', async (c) => {
    const query = readQuery(c, zonesQuery);
    if (!query.ok) return query.response;
    const planId = query.value.plan;
    if (planId !== undefined) {
      const row = await deps.store.getPlan(planId);
      if (!row) return fail(c, 404, msg('common.noPlan', { id: planId }));
      if (!canViewDraft(actorOf(c), row.record))
        return refuse(c, msg('common.what.seeDrafts', { plan: planId }));
      const latest = await deps.store.latestGeometry(planId);
      if (!latest) return fail(c, 404, msg('zones.noGeometryYet', { plan: planId }));
      const outcome = await deps.compute.delineate(latest.features, {
        river: row.record.riverId,
        rules: await rulesInForce(deps.store),
        markers: false,
      });
      if (!outcome.ok) return computeRefused(c, outcome.why, outcome.retryAfter);
      const result = outcome.delineation;
      if (!result.ok) {
        const reason = result.errors[0] ?? msg('zones.input.noReach');
        return fail(c, 400, msg('zones.cannotCompute', { version: latest.version, reason }), {
          reasons: result.errors,
        });
      }
      const features = result.zones.features.map((f) => ({
        ...f,
        properties: { ...f.properties, plan: planId, version: latest.version, draft: true },
      }));
      c.header('cache-control', 'no-store');
      const lang = langOfAcceptLanguage(c.req.header('accept-language'));
      const warnings = result.warnings.map((w) => renderMessage(w, lang));
      return c.json({ type: 'FeatureCollection', features, warnings });
    }
    return sendCached(c, await publicZones.body(), 'application/geo+json');
  });

  app.get('/api/plans/:id/markers.csv', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    const [publication, settings] = await Promise.all([
      deps.store.getPublication(row.record.id),
      deps.store.getSettings(),
    ]);
    const context = { publicCoordinates: settings.publicCoordinates, published: true };
    // coordinates are a permission (DOMAIN.md): 403 for everyone without it, the public included
    if (!canSeeCoordinates(actorOf(c), row.record, context)) {
      return fail(c, 403, msg('zones.coordinatesNotPublic', { plan: row.record.id }));
    }
    if (!publication) return fail(c, 404, msg('zones.notPublished', { plan: row.record.id }));
    const out = exportFeatures(publication.markers, {
      format: 'csv',
      crs: 'auto',
      encoding: 'utf-8',
      baseName: row.record.id,
    });
    if (!out.ok) return fail(c, 400, out.errors[0] as Message, { reasons: out.errors });
    // one file per table (management/protection markers, notice boards): one download, one BOM
    // (TextDecoder drops each file's own)
    const text = out.files
      .map((f, i) => `${i === 0 ? '\ufeff' : ''}${new TextDecoder().decode(f.bytes)}`)
      .join('\r\n');
    const name = `${row.record.id}-v${publication.version}-markers.csv`;
    return c.body(text, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'private, no-cache',
    });
  });

  return app;
}
