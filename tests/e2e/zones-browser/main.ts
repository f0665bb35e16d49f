// The planner's compute path in a real browser: the page asks src/ui/compute's client, which runs the
// zone engine (GEOS in WebAssembly) and the marker placement in a module Web Worker. The page counts
// its own animation frames meanwhile, to show the main thread stays free.

import { renderMessage } from '../../../src/contract/messages/render';
import { ComputeCancelled, createComputeClient } from '../../../src/ui/compute/compute-client';
import type { ComputeRequest } from '../../../src/ui/compute/compute-protocol';
import straight from '../../fixtures/zones/in/straight.geojson?raw';

const client = createComputeClient();

/** Computes and reports the result's summary and the longest gap between animation frames. */
async function compute(request: ComputeRequest) {
  let last = performance.now();
  let longest = 0;
  let frames = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    frames++;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const t0 = performance.now();
  const response = await client
    .compute(request)
    .catch((e: unknown) => {
      if (e instanceof ComputeCancelled) return { cancelled: e.message } as const;
      throw e;
    })
    .finally(() => {
      running = false;
    });
  if ('cancelled' in response) return { cancelled: response.cancelled };
  const wallMs = performance.now() - t0;
  const summary = response.ok
    ? {
        ok: true,
        zones: response.zones.features.map((f) => [
          f.properties?.kind,
          f.properties?.bank ?? null,
          f.properties?.areaM2 ?? f.properties?.lengthM,
        ]),
        markers: response.markers?.features.length ?? 0,
        markerErrors: response.markerErrors.map((m) => renderMessage(m, 'en')),
        ms: response.ms,
      }
    : { ok: false, errors: response.errors.map((m) => renderMessage(m, 'en')) };
  return { summary, wallMs, frames, longestFrameGapMs: longest };
}

const w = window as unknown as {
  compute: typeof compute;
  zoneResult: unknown;
};
w.compute = compute;
compute({ features: JSON.parse(straight).features }).then(
  (r) => {
    w.zoneResult = r.summary;
  },
  (e: unknown) => {
    w.zoneResult = { error: String(e) };
  },
);
