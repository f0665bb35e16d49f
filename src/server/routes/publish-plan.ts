// Publishing a plan: zones and markers from its newest saved version, frozen with the rule table.
import { createHash } from 'node:crypto';
import type { Feature } from 'geojson';
import type { Message } from '../../domain/message';
import type { PlanRecord } from '../../domain/plans/plan';
import type { RuleTable } from '../../domain/zones/rules';
import type { ServerDeps } from '../auth/context';
import type { PoolOutcome } from '../compute/compute-pool';
import type { GeometryVersion, Publication } from '../store/store';
import { rulesInForce } from './rules-in-force';

/** What computing a publication reads: the store (rules), the pool, the waterbodies and the clock. */
type PublishDeps = Pick<ServerDeps, 'store' | 'compute' | 'clock'> & {
  geodata: Pick<ServerDeps['geodata'], 'waterbodies'>;
};

/**
 * A version's zones and markers with the rule table in force, computed in the pool: what a
 * publication freezes, and what a consulted department reads of the version of its round.
 */
export async function delineateVersion(
  deps: PublishDeps,
  plan: PlanRecord,
  features: readonly Feature[],
): Promise<{ rules: RuleTable; outcome: PoolOutcome }> {
  const rules = await rulesInForce(deps.store);
  const outcome = await deps.compute.delineate(features, {
    river: plan.riverId,
    rules,
    waterbodies: deps.geodata.waterbodies,
  });
  return { rules, outcome };
}

/**
 * The publication of a version with the rule table in force (frozen with it), computed in the pool,
 * with the warnings publishing gives (a work inside the river whose range is 尚未设置), or every
 * reason it cannot be published, or why the pool did not compute it (busy, late). The ETag
 * is the SHA-256 of the stored JSON (zones, markers, rules).
 */
export async function buildPublication(
  deps: PublishDeps,
  plan: PlanRecord,
  version: GeometryVersion,
  publishedBy: string,
): Promise<
  | { ok: true; publication: Publication; warnings: Message[] }
  | { ok: false; errors: Message[] }
  | { ok: false; why: 'busy' | 'late'; retryAfter: number }
> {
  const { rules, outcome } = await delineateVersion(deps, plan, version.features);
  if (!outcome.ok) return outcome;
  const done = outcome.delineation;
  if (!done.ok) return done;
  if (!done.markers?.ok) return { ok: false, errors: done.markers?.errors ?? [] };
  const frozen = {
    zones: done.zones as { type: 'FeatureCollection'; features: Feature[] },
    markers: done.markers.markers as { type: 'FeatureCollection'; features: Feature[] },
    rules,
  };
  const hash = createHash('sha256')
    .update(JSON.stringify({ planId: plan.id, version: version.version, ...frozen }))
    .digest('base64url');
  // a work whose type's range is unset is published without a range: say so (works.unset)
  const warnings = done.warnings.filter((w) => w.code === 'works.unset');
  return {
    ok: true,
    warnings,
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
