// "计算" in the browser: a plan's lines (the newest saved version, or the editor's working copy), the
// rule table in force and the river's code go to the compute worker; the zones and markers come back
// as one collection for the map.
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { BankSetting } from '../../../domain/editor/bank-settings';
import { bankSettings } from '../../../domain/editor/bank-settings';
import { draftBlockers } from '../../../domain/editor/draft-blockers';
import type { EditFeature } from '../../../domain/editor/edit-types';
import { toEditFeatures, toSavedFeatures } from '../../../domain/editor/saved-features';
import { countMarkers, type MarkerCounts } from '../../../domain/markers/count-markers';
import { type Message, msg } from '../../../domain/message';
import { riverOfReach } from '../../../domain/plans/delineate-plan';
import { reachesInOrder, reachLabel } from '../../../domain/plans/reach-label';
import type { RiverView } from '../../../domain/rivers/waterbody';
import { readReaches } from '../../../domain/zones/read-reaches';
import type { RuleTable } from '../../../domain/zones/rules';
import type { ComputeClient } from '../../compute/compute-client';
import type { ComputeResponse } from '../../compute/compute-protocol';
import { rulesFor } from '../editor/rules-for';
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
      /** each bank line's class and widths in force */
      banks: BankSetting[];
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
  edits: readonly EditFeature[],
  rules: RuleTable,
  river: RiverView | undefined,
  at: { version: number; working: boolean },
): Promise<DraftResult> {
  const features: Feature[] = toSavedFeatures(edits);
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
    banks: bankSettings(edits, river?.name ?? null, (f) => rulesFor(rules, f, river)),
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
  return compute(client, toEditFeatures(geometry.features).features, rules, river, {
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
  return compute(client, copy.features, copy.rules, river, {
    version: copy.baseVersion,
    working: copy.dirty,
  });
}

/** Engine reasons the editor's own say better: a toe line's class, a reach's banks (when sides are in doubt). */
const SAID_BETTER = new Set(['zones.feature.noClass', 'zones.reach.banks']);

/**
 * Why the working copy cannot be computed yet: sides the geometry contradicts or cannot tell, a
 * line against the river's course (when the map has one), a
 * class never chosen (named per line), then the engine's own reading of it (a reach named as
 * people read it, never by its id); [] when it can go to the engine.
 */
export function unreadyReasons(
  copy: WorkingCopy,
  river: RiverView | undefined,
  course: readonly Position[] | null = null,
): Message[] {
  if (copy.features.length === 0) return [msg('zones.draft.noLines')];
  const name = river?.name ?? null;
  const blockers = draftBlockers(copy.features, name, course);
  const sides = blockers.some((b) => b.code !== 'lines.class.missing');
  const labels = new Map(
    reachesInOrder(copy.features).map((r) => [r.id, reachLabel({ river: name, ...r })]),
  );
  const features = toSavedFeatures(copy.features).map((f) => ({
    ...f,
    properties: { ...f.properties, river: riverOfReach(f.properties, river?.id) },
  }));
  const engine = readReaches({ type: 'FeatureCollection', features })
    .errors.filter(
      (e) => !(SAID_BETTER.has(e.code) && (sides || e.code === 'zones.feature.noClass')),
    )
    .map((e) => {
      const label = typeof e.params?.reach === 'string' ? labels.get(e.params.reach) : undefined;
      return label ? { ...e, params: { ...e.params, reach: label } } : e;
    });
  return [...blockers, ...engine];
}
