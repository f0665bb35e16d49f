// The planner's "计算" off the main thread: zones (GEOS in WebAssembly) and markers for one request at a
// time. The engine loads once per worker.
import { reachCoder } from '../../domain/markers/number-markers';
import { placeMarkers } from '../../domain/markers/place-markers';
import type { ZoneEngine } from '../../domain/zones/compute-zones';
import { loadZoneEngine } from '../../domain/zones/compute-zones';
import type { ComputeRequest, ComputeResponse, WorkerMessage } from './compute-protocol';

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

/** The request being answered: an engine abort outside any await (emscripten) fails it. */
let current: number | null = null;

function fail(id: number, message: string): void {
  // a failed engine is not reused: the client replaces this worker (see compute-client.ts)
  engine = null;
  self.postMessage({
    id,
    response: { ok: false, errors: [message] },
    broken: true,
  } satisfies WorkerMessage);
}

// GEOS's loader aborts with an unhandled rejection when WebAssembly cannot be compiled (a CSP without
// 'wasm-unsafe-eval', an old browser): its promise then never settles, so the request is failed here.
self.addEventListener('unhandledrejection', (event) => {
  if (current === null) return;
  const reason = event.reason instanceof Error ? event.reason.message : String(event.reason);
  fail(current, `the zone engine could not load: ${reason}`);
  current = null;
});

self.onmessage = async (event: MessageEvent<{ id: number; request: ComputeRequest }>) => {
  const { id, request } = event.data;
  current = id;
  try {
    engine ??= loadZoneEngine();
    const e = await engine;
    self.postMessage({ id, engineReady: true } satisfies WorkerMessage);
    const response = compute(e, request);
    if (current === id) self.postMessage({ id, response } satisfies WorkerMessage);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (current === id) fail(id, `the computation failed: ${message}`);
  } finally {
    if (current === id) current = null;
  }
};
