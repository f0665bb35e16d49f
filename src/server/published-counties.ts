// The counties each published plan's zones lie in (adcodes), for the register's rivers: computed
// once per publication (plan id + ETag) from the bundled county boundaries.
import { zoneCounties } from '../domain/notice/zone-counties';
import type { PlanRecord } from '../domain/plans/plan';
import type { StageId } from '../domain/workflow/stages';
import type { ServerDeps } from './auth/context';
import { publicGeoOf } from './public-geo';

/** A reader of the published plans' counties, keeping each publication's answer. */
export function publishedCounties(
  deps: Pick<ServerDeps, 'store' | 'geodata'>,
): (rows: readonly { record: PlanRecord; stage: StageId }[]) => Promise<Map<string, string[]>> {
  const known = new Map<string, string[]>();
  return async (rows) => {
    const out = new Map<string, string[]>();
    for (const { record } of rows.filter((r) => r.stage === 'published')) {
      const tag = await deps.store.publicationTag(record.id);
      if (!tag) continue;
      const key = `${record.id}\u0000${tag.etag}`;
      let codes = known.get(key);
      if (!codes) {
        const publication = await deps.store.getPublication(record.id);
        if (!publication) continue;
        const { counties } = publicGeoOf(deps.geodata.dir);
        codes = zoneCounties(publication.zones.features, counties).map((c) => c.adcode);
        known.set(key, codes);
      }
      out.set(record.id, codes);
    }
    return out;
  };
}
