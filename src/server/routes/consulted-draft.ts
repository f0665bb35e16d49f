// What a consulted department reads of a round (GET /api/consultations/:id/view): the version's
// drawing, and its zones and markers computed as a publication would compute them; the markers'
// survey coordinates only to those who may see them.
import type { FeatureCollection } from 'geojson';
import type { ConsultedDraft } from '../../contract/review';
import { withoutCoordinates } from '../../domain/markers/redact-markers';
import type { Message } from '../../domain/message';
import type { PlanRecord } from '../../domain/plans/plan';
import type { Consultation } from '../../domain/review/review-types';
import type { ServerDeps } from '../auth/context';
import { delineateVersion } from './publish-plan';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The round's version drawn, zoned and marked; `coordinates` false drops the markers' X/Y (and lon/lat
 * properties, rounding points to ≈ 1 m). Markers that cannot be placed leave the zones standing (as in
 * the editor), with no markers.
 */
export async function consultedDraft(
  deps: ServerDeps,
  plan: PlanRecord,
  round: Consultation,
  coordinates: boolean,
): Promise<
  | { ok: true; draft: ConsultedDraft }
  | { ok: false; errors: Message[] }
  | { ok: false; why: 'busy' | 'late'; retryAfter: number }
  | { ok: false; missing: true }
> {
  const version = await deps.store.getGeometry(plan.id, round.version);
  if (!version) return { ok: false, missing: true };
  const { outcome } = await delineateVersion(deps, plan, version.features);
  if (!outcome.ok) return outcome;
  const done = outcome.delineation;
  if (!done.ok) return done;
  const placed = done.markers?.ok ? (done.markers.markers as FeatureCollection) : EMPTY;
  const { departments: _, ...consultation } = round;
  return {
    ok: true,
    draft: {
      consultation,
      features: version.features,
      zones: done.zones as FeatureCollection,
      markers: coordinates ? placed : withoutCoordinates(placed),
      coordinates,
    },
  };
}
