// GET /api/zones for everyone: the newest publication of every plan (and the demo's sample reach),
// serialized and gzipped once per publication set, so that a revalidation is a string compare.
import type { Feature } from 'geojson';
import { renderMessage } from '../../contract/messages/render';
import type { ZoneEngine } from '../../domain/zones/compute-zones';
import type { ServerDeps } from '../auth/context';
import type { CachedBody } from '../cached-body';
import { cachedBody } from '../cached-body';
import { loadSampleReaches } from '../geodata';

type Body = CachedBody;

/** The public zones: the cached body, and a way to drop it when a plan is published. */
export interface PublicZones {
  body(): Promise<Body>;
  /** the features of the body, read anew from the store (the published tiles cut them) */
  features(): Promise<Feature[]>;
  invalidate(): void;
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
  let cached: Body | null = null;
  let generation = 0;
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

  const features = async (): Promise<Feature[]> => {
    const publications = (await deps.store.listPublications()).toSorted((a, b) =>
      a.planId.localeCompare(b.planId),
    );
    return [
      ...publications.flatMap((p) => tagged(p.zones.features, p.planId, p.version)),
      ...(await sampleFeatures()),
    ];
  };
  const build = async (): Promise<Body> =>
    cachedBody({ type: 'FeatureCollection', features: await features() });

  return {
    features,
    async body() {
      if (cached) return cached;
      const seen = generation;
      const built = await build();
      // a publication that landed while building makes this body stale: serve it, do not keep it
      if (seen === generation) cached = built;
      return built;
    },
    invalidate() {
      generation += 1;
      cached = null;
    },
  };
}
