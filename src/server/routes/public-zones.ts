// GET /api/zones for everyone: the newest publication of every plan (and the demo's sample reach),
// serialized and gzipped once per publication set, so that a revalidation is a string compare.
// The body is kept per store revision: a request reads the revision (one indexed query), and when
// it moved, the audit entries since (a publication is audited as `publish`) tell whether the
// publication set changed. So a publication made by another process on the same database is
// served at once (issue 15), and other writes (saves, logins) do not rebuild the body.
import type { Feature } from 'geojson';
import { renderMessage } from '../../contract/messages/render';
import type { ZoneEngine } from '../../domain/zones/compute-zones';
import type { ServerDeps } from '../auth/context';
import type { CachedBody } from '../cached-body';
import { cachedBody } from '../cached-body';
import { loadSampleReaches } from '../geodata';
import type { Publication } from '../store/store';

type Body = CachedBody;

/** More audit entries than this since the cached revision: rebuilt without reading them all. */
const LOOK_BACK = 500;

/** The public zones: the body for the store as it is now. */
export interface PublicZones {
  body(): Promise<Body>;
  /** the features of the body for these publications (the published tiles cut them) */
  featuresOf(publications: readonly Publication[]): Promise<Feature[]>;
}

/** Features with the plan they belong to (null: the demo's sample reach). */
function tagged(features: readonly Feature[], plan: string | null, version: number | null) {
  return features.map((f) => ({ ...f, properties: { ...f.properties, plan, version } }));
}

/** The public zones over a store; `engine` computes the sample reach in demo mode. */
export function createPublicZones(
  deps: ServerDeps,
  engine: () => Promise<ZoneEngine>,
): PublicZones {
  let cached: { revision: number; body: Body } | null = null;
  let sample: Feature[] | null = null;

  const sampleFeatures = async (): Promise<Feature[]> => {
    if (!deps.demo) return [];
    if (!sample) {
      const result = (await engine()).computeZones(loadSampleReaches(deps.geodata.dir));
      if (!result.ok)
        throw new Error(
          `sample reaches: ${result.errors.map((e) => renderMessage(e, 'en')).join('; ')}`,
        );
      sample = tagged(result.zones.features, null, null);
    }
    return sample;
  };

  const featuresOf = async (all: readonly Publication[]): Promise<Feature[]> => {
    const publications = all.toSorted((a, b) => a.planId.localeCompare(b.planId));
    return [
      ...publications.flatMap((p) => tagged(p.zones.features, p.planId, p.version)),
      ...(await sampleFeatures()),
    ];
  };
  const build = async (): Promise<Body> =>
    cachedBody({
      type: 'FeatureCollection',
      features: await featuresOf(await deps.store.listPublications()),
    });

  /** Whether a publication was made after `revision` (or too much happened to tell cheaply). */
  const publishedSince = async (revision: number): Promise<boolean> => {
    const since = await deps.store.auditSince(revision, LOOK_BACK);
    return since.length >= LOOK_BACK || since.some((e) => e.action === 'publish');
  };

  return {
    featuresOf,
    async body() {
      const revision = await deps.store.revision();
      const kept = cached;
      if (kept && kept.revision === revision) return kept.body;
      if (kept && kept.revision < revision && !(await publishedSince(kept.revision))) {
        if (cached === kept) cached = { revision, body: kept.body };
        return kept.body;
      }
      // built from what is there at `revision` or later: a publication landing meanwhile is seen
      // by the next request's look at the audit entries after `revision`
      const body = await build();
      if (!cached || cached.revision <= revision) cached = { revision, body };
      return body;
    },
  };
}
