// GET /api/markers: the newest publication's markers of every plan for the public map, rounded and
// stripped of survey data, serialized and gzipped once per publication set (ETag → 304).
import { Hono } from 'hono';
import { noQuery } from '../../contract/accounts';
import { redactMarkers } from '../../domain/markers/redact-markers';
import type { AppEnv, ServerDeps } from '../auth/context';
import type { CachedBody } from '../cached-body';
import { cachedBody, sendCached } from '../cached-body';
import { readQuery } from './route-kit';

/** The public markers route. */
export function markerRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // every publication is audited, so the store's revision moves with the publication set; the body
  // is rebuilt only when the set of publications (their ETags) changed
  let cache: { revision: number; set: string; body: CachedBody } | null = null;

  const body = async (): Promise<CachedBody> => {
    const revision = await deps.store.revision();
    if (cache?.revision === revision) return cache.body;
    const publications = (await deps.store.listPublications()).toSorted((a, b) =>
      a.planId.localeCompare(b.planId),
    );
    const set = publications.map((p) => `${p.planId}@${p.etag}`).join(',');
    if (cache?.set === set) {
      cache = { ...cache, revision };
      return cache.body;
    }
    const features = publications.flatMap((p) => redactMarkers(p.markers, p.planId));
    const built = cachedBody({ type: 'FeatureCollection', features });
    cache = { revision, set, body: built };
    return built;
  };

  app.get('/api/markers', async (c) => {
    const query = readQuery(c, noQuery);
    if (!query.ok) return query.response;
    return sendCached(c, await body(), 'application/geo+json');
  });

  return app;
}
