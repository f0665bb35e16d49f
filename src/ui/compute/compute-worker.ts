// The planner's "计算" off the main thread: zones (GEOS in WebAssembly) and markers for one request at a
// time. The engine loads once per worker.
import { reachCoder } from '../../domain/markers/number-markers';
import { placeMarkers } from '../../domain/markers/place-markers';
import type { ZoneEngine } from '../../domain/zones/compute-zones';
import { loadZoneEngine } from '../../domain/zones/compute-zones';
import type { ComputeRequest, ComputeResponse } from './compute-protocol';

let engine: Promise<ZoneEngine> | null = null;

function compute(e: ZoneEngine, req: ComputeRequest): ComputeResponse {
  const t0 = performance.now();
  const result = e.computeZones(req.input, req.rules);
  if (!result.ok) return { ok: false, errors: result.errors };
  const t1 = performance.now();
  const reaches = result.zones.features.map((f) => ({
    reach: f.properties.reach,
    river: f.properties.river,
  }));
  const placed = placeMarkers(result.zones, {
    ...req.markerOptions,
    codeFor: reachCoder(req.waterbodies ?? [], reaches),
  });
  return {
    ok: true,
    zones: result.zones,
    warnings: result.warnings,
    markers: placed.ok ? placed.markers : null,
    markerErrors: placed.ok ? [] : placed.errors,
    ms: { zones: t1 - t0, markers: performance.now() - t1 },
  };
}

self.onmessage = async (event: MessageEvent<{ id: number; request: ComputeRequest }>) => {
  const { id, request } = event.data;
  try {
    engine ??= loadZoneEngine();
    self.postMessage({ id, response: compute(await engine, request) });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    self.postMessage({
      id,
      response: { ok: false, errors: [`the computation failed: ${message}`] },
    });
  }
};
