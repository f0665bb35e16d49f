// "计算" in the browser: the newest saved version, the rule table in force and the river's code go
// to the compute worker; the zones and markers come back as one collection for the map.
import type { FeatureCollection } from 'geojson';
import type { RiverView } from '../../domain/rivers/waterbody';
import type { ComputeClient } from '../compute/compute-client';
import type { ComputeResponse } from '../compute/compute-protocol';
import { loadGeometry, loadRules } from './plan-api';

/** What one computation gave: the drawn draft and its parts, or the engine's reasons. */
export type DraftResult =
  | {
      ok: true;
      version: number;
      /** zones, boundary lines and markers in one collection (the map's `draft` source) */
      draft: FeatureCollection;
      zones: FeatureCollection;
      markerCount: number;
      markerErrors: string[];
      warnings: string[];
      ms: number;
    }
  | { ok: false; errors: string[] };

/**
 * Computes the plan's newest saved version. A reach without a `river` property counts as the
 * plan's river, as on the server, so that its markers are numbered with the river's code.
 */
export async function computeDraft(
  client: ComputeClient,
  planId: string,
  river: RiverView | undefined,
): Promise<DraftResult> {
  const [geometry, rules] = await Promise.all([loadGeometry(planId), loadRules()]);
  const input: FeatureCollection = {
    type: 'FeatureCollection',
    features: geometry.features.map((f) => ({
      ...f,
      properties: river ? { river: river.id, ...f.properties } : { ...f.properties },
    })),
  };
  const waterbodies = river
    ? [{ id: river.id, name: river.name, code: river.code, aliases: river.aliases }]
    : [];
  const response: ComputeResponse = await client.compute({ input, rules, waterbodies });
  if (!response.ok) return response;
  const markers = response.markers?.features ?? [];
  return {
    ok: true,
    version: geometry.version,
    draft: { type: 'FeatureCollection', features: [...response.zones.features, ...markers] },
    zones: response.zones,
    markerCount: markers.length,
    markerErrors: response.markerErrors,
    warnings: response.warnings,
    ms: Math.round(response.ms.zones + response.ms.markers),
  };
}
