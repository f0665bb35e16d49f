// A plan's geometry versions: read (authorised only) and save with compare-and-set on baseVersion.
import type { Feature } from 'geojson';
import { Hono } from 'hono';
import { geometryQuery, saveGeometryBody } from '../../contract/versions';
import { canEditGeometry, canViewDraft } from '../../domain/access/permissions';
import { checkFeatures } from '../../domain/geo/check-features';
import { type Message, msg } from '../../domain/message';
import { readWorks } from '../../domain/works/read-works';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import type { GeometryVersion } from '../store/store';
import { actorName, fail, findPlan, readBody, readQuery, refuse } from './route-kit';

/**
 * What one saved line may hold. 60,000 vertices: two toe lines of that size delineate with markers
 * in ~1.7 s (a synthetic reach, tests/helpers/synthetic-plan.ts; figures in docs/api.md); nesting 8:
 * a plan's properties are flat, 8 leaves room for a survey's own attributes.
 */
const SAVE_LIMITS = { maxVertices: 60_000, maxDepth: 8 };

/** A version without its features (what a list or a conflict reports). */
function describeVersion(v: GeometryVersion) {
  return {
    planId: v.planId,
    version: v.version,
    author: v.author,
    comment: v.comment,
    createdAt: v.createdAt,
    features: v.features.length,
  };
}

/** GET/PUT /api/plans/:id/geometry and GET /api/plans/:id/versions. */
export function geometryRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/plans/:id/geometry', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    if (!canViewDraft(actorOf(c), row.record))
      return refuse(c, msg('common.what.seeDrafts', { plan: row.record.id }));
    const query = readQuery(c, geometryQuery);
    if (!query.ok) return query.response;
    const asked = query.value.version;
    const version =
      asked === undefined
        ? await deps.store.latestGeometry(row.record.id)
        : await deps.store.getGeometry(row.record.id, Number(asked));
    if (version) return c.json(version, 200, { 'cache-control': 'no-store' });
    if (asked !== undefined)
      return fail(
        c,
        404,
        msg('server.geometry.noVersion', { plan: row.record.id, version: asked }),
      );
    // before the first save: version 0, the baseVersion of the first PUT
    const empty = {
      planId: row.record.id,
      version: 0,
      features: [],
      author: null,
      comment: '',
      createdAt: null,
    };
    return c.json(empty, 200, { 'cache-control': 'no-store' });
  });

  app.get('/api/plans/:id/versions', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    if (!canViewDraft(actorOf(c), row.record))
      return refuse(c, msg('common.what.seeDrafts', { plan: row.record.id }));
    const versions = await deps.store.listVersions(row.record.id);
    const published = await deps.store.publicationTag(row.record.id);
    return c.json({ versions, published: published?.version ?? null }, 200, {
      'cache-control': 'no-store',
    });
  });

  app.put('/api/plans/:id/geometry', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    if (!canEditGeometry(actorOf(c), row.record))
      return refuse(c, msg('common.what.edit', { plan: row.record.id }));
    const body = await readBody(c, saveGeometryBody);
    if (!body.ok) return body.response;
    const { features, baseVersion, comment } = body.value;
    // what could not be computed later is refused now (it used to be saved, then fail with 500)
    // a work (涉水工程) without a type or a name cannot be saved either (readWorks names the feature)
    const unsavable = [
      ...checkFeatures(features, { region: deps.region, ...SAVE_LIMITS }),
      ...readWorks({ type: 'FeatureCollection', features: features as Feature[] }).errors,
    ];
    if (unsavable.length > 0)
      return fail(c, 400, unsavable[0] as Message, { field: 'features', reasons: unsavable });
    const saved = await deps.store.saveGeometry(
      row.record.id,
      baseVersion,
      features as Feature[],
      actorName(c),
      comment ?? '',
    );
    if (!saved.ok && 'refused' in saved) return fail(c, 409, saved.refused);
    if (!saved.ok) {
      const cur = saved.current;
      const message = cur
        ? msg('server.geometry.staleSaved', {
            version: cur.version,
            author: cur.author,
            at: cur.createdAt,
            base: baseVersion,
          })
        : msg('server.geometry.staleNone', { base: baseVersion });
      return fail(c, 409, message, {
        field: 'baseVersion',
        current: cur ? describeVersion(cur) : { version: 0 },
      });
    }
    return c.json(describeVersion(saved.version), 201);
  });

  return app;
}
