// "计算" in the browser: a plan's lines (the newest saved version, or the editor's working copy), the
// rule table in force and the river's code go to the compute worker; the zones and markers come back
// as one collection for the map.
import type { Feature, FeatureCollection } from 'geojson';
import type { EditFeature } from '../../../domain/editor/edit-types';
import { toSavedFeatures } from '../../../domain/editor/saved-features';
import { countMarkers, type MarkerCounts } from '../../../domain/markers/count-markers';
import { type Message, msg } from '../../../domain/message';
import { riverOfReach } from '../../../domain/plans/delineate-plan';
import type { RiverView } from '../../../domain/rivers/waterbody';
import { readReaches } from '../../../domain/zones/read-reaches';
import type { RuleTable } from '../../../domain/zones/rules';
import type { ComputeClient } from '../../compute/compute-client';
import type { ComputeResponse } from '../../compute/compute-protocol';
import { loadGeometry, loadRules } from '../panel/plan-api';

/** What one computation gave: the drawn draft and its parts, or the engine's reasons. */
export type DraftResult =
  | {
      ok: true;
      /** the saved version computed, or the one the working copy is based on */
      version: number;
      /** the editor's working copy, changed since that version */
      working: boolean;
      /** zones, boundary lines and markers in one collection (the map's `draft` source) */
      draft: FeatureCollection;
      zones: FeatureCollection;
      /** the markers by kind, counted as the notice counts them */
      markerCounts: MarkerCounts;
      markerErrors: Message[];
      warnings: Message[];
      ms: number;
    }
  | { ok: false; errors: Message[] };

/** River codes for marker numbers: the plan's river (waterbodies.json's entry). */
function waterbodiesOf(river: RiverView | undefined) {
  return river
    ? [{ id: river.id, name: river.name, code: river.code, aliases: river.aliases }]
    : [];
}

async function compute(
  client: ComputeClient,
  features: readonly Feature[],
  rules: RuleTable,
  river: RiverView | undefined,
  at: { version: number; working: boolean },
): Promise<DraftResult> {
  const response: ComputeResponse = await client.compute({
    features,
    rules,
    waterbodies: waterbodiesOf(river),
    ...(river ? { river: river.id } : {}),
  });
  if (!response.ok) return response;
  const markers = response.markers?.features ?? [];
  return {
    ok: true,
    ...at,
    draft: { type: 'FeatureCollection', features: [...response.zones.features, ...markers] },
    zones: response.zones,
    markerCounts: countMarkers(markers),
    markerErrors: response.markerErrors,
    warnings: response.warnings,
    ms: Math.round(response.ms),
  };
}

/** Computes the plan's newest saved version. */
export async function computeDraft(
  client: ComputeClient,
  planId: string,
  river: RiverView | undefined,
): Promise<DraftResult> {
  const [geometry, rules] = await Promise.all([loadGeometry(planId), loadRules()]);
  return compute(client, geometry.features, rules, river, {
    version: geometry.version,
    working: false,
  });
}

/** The editor's working copy as the compute worker takes it. */
export interface WorkingCopy {
  features: readonly EditFeature[];
  baseVersion: number;
  dirty: boolean;
  rules: RuleTable;
}

/** Computes the editor's working copy (unsaved lines and widths included). */
export function computeWorkingCopy(
  client: ComputeClient,
  copy: WorkingCopy,
  river: RiverView | undefined,
): Promise<DraftResult> {
  return compute(client, toSavedFeatures(copy.features), copy.rules, river, {
    version: copy.baseVersion,
    working: copy.dirty,
  });
}

/**
 * Why the working copy cannot be computed yet (a reach lacks a bank, a line has no role): the
 * engine's own reading of it; [] when it can go to the engine.
 */
export function unreadyReasons(copy: WorkingCopy, river: RiverView | undefined): Message[] {
  if (copy.features.length === 0) return [msg('zones.draft.noLines')];
  const features = toSavedFeatures(copy.features).map((f) => ({
    ...f,
    properties: { ...f.properties, river: riverOfReach(f.properties, river?.id) },
  }));
  return readReaches({ type: 'FeatureCollection', features }).errors;
}
