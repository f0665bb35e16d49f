// Publishing a plan: zones and markers from its newest saved version, frozen with the rule table.
import { createHash } from 'node:crypto';
import type { Feature } from 'geojson';
import { reachCoder } from '../../domain/markers/number-markers';
import { placeMarkers } from '../../domain/markers/place-markers';
import { readBoundaryLines } from '../../domain/markers/read-lines';
import type { PlanRecord } from '../../domain/plans/plan';
import type { ZoneEngine } from '../../domain/zones/compute-zones';
import type { ServerDeps } from '../auth/context';
import type { GeometryVersion, Publication } from '../store/store';
import { rulesInForce } from './rules-in-force';

/**
 * The publication of a version with the rule table in force (frozen with it), or every reason it
 * cannot be published. The ETag is the SHA-256 of the stored JSON (zones, markers, rules).
 */
export async function buildPublication(
  deps: ServerDeps,
  engine: ZoneEngine,
  plan: PlanRecord,
  version: GeometryVersion,
  publishedBy: string,
): Promise<{ ok: true; publication: Publication } | { ok: false; errors: string[] }> {
  const rules = await rulesInForce(deps.store);
  const zoned = engine.computeZones(
    { type: 'FeatureCollection', features: version.features },
    rules,
  );
  if (!zoned.ok) return zoned;
  const zones = zoned.zones;
  // reaches without a `river` property are the plan's river (its code starts their marker numbers)
  const coder = reachCoder(
    deps.geodata.waterbodies,
    readBoundaryLines(zones).lines.map((l) => ({ reach: l.reach, river: l.river ?? plan.riverId })),
  );
  const placed = placeMarkers(zones, {
    codeFor: (reach, river) => coder(reach, river ?? plan.riverId),
  });
  if (!placed.ok) return placed;
  const frozen = {
    zones: zones as { type: 'FeatureCollection'; features: Feature[] },
    markers: placed.markers as { type: 'FeatureCollection'; features: Feature[] },
    rules,
  };
  const hash = createHash('sha256')
    .update(JSON.stringify({ planId: plan.id, version: version.version, ...frozen }))
    .digest('base64url');
  return {
    ok: true,
    publication: {
      planId: plan.id,
      version: version.version,
      ...frozen,
      etag: `"${hash}"`,
      publishedAt: deps.clock().toISOString(),
      publishedBy,
    },
  };
}
