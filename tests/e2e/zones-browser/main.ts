// Runs the zone engine (src/domain/zones, GEOS in WebAssembly) in a module Web Worker, as the
// planner's workspace will: the page posts a reach and reads the zones back.
import straight from '../../fixtures/zones/in/straight.geojson?raw';

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (e: MessageEvent) => {
  (window as unknown as { zoneResult: unknown }).zoneResult = e.data;
};
worker.onerror = (e) => {
  (window as unknown as { zoneResult: unknown }).zoneResult = { error: e.message };
};
worker.postMessage(JSON.parse(straight));
