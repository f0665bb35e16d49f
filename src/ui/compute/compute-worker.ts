// The planner's "计算" off the main thread: zones (GEOS in WebAssembly) and markers for one request at a
// time. The engine loads once per worker.
import { type Message, msg } from '../../domain/message';
import type { ZoneEngine } from '../../domain/zones/compute-zones';
import { loadZoneEngine } from '../../domain/zones/compute-zones';
import type { ComputeRequest, WorkerMessage } from './compute-protocol';
import { answerCompute } from './compute-request';

let engine: Promise<ZoneEngine> | null = null;

/** The request being answered: an engine abort outside any await (emscripten) fails it. */
let current: number | null = null;

function fail(id: number, message: Message): void {
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
  fail(current, msg('zones.worker.engineLoad', { reason }));
  current = null;
});

self.onmessage = async (event: MessageEvent<{ id: number; request: ComputeRequest }>) => {
  const { id, request } = event.data;
  current = id;
  try {
    engine ??= loadZoneEngine();
    const e = await engine;
    self.postMessage({ id, engineReady: true } satisfies WorkerMessage);
    const response = answerCompute(e, request);
    if (current === id) self.postMessage({ id, response } satisfies WorkerMessage);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (current === id) fail(id, msg('zones.worker.failed', { reason: message }));
  } finally {
    if (current === id) current = null;
  }
};
