// The page's side of the compute worker. One computation at a time: starting a new one (a width
// changed) stops the old one at once (the worker is replaced), and its promise says it was superseded.
// Every computation ends: a worker that cannot start, an engine that cannot load (or does not within
// ENGINE_TIMEOUT_MS) or a worker that dies answers with a reason, and the next computation gets a
// fresh worker.
import { type Message, msg } from '../../domain/message';
import type { ComputeRequest, ComputeResponse, WorkerMessage } from './compute-protocol';

/** Why a computation gave no result: replaced by a newer one, or the client was disposed. */
export class ComputeCancelled extends Error {}

/** Zones and markers computed in a module Web Worker. */
export interface ComputeClient {
  compute(request: ComputeRequest): Promise<ComputeResponse>;
  dispose(): void;
}

/** How long the worker may take to load and compile the engine (≈ 0.1 s on a desk, more on a phone). */
const ENGINE_TIMEOUT_MS = 30_000;

interface Pending {
  id: number;
  resolve: (r: ComputeResponse) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout> | null;
}

/** A client with its own worker (created on the first computation). */
export function createComputeClient(): ComputeClient {
  let worker: Worker | null = null;
  let next = 1;
  let pending: Pending | null = null;

  const drop = () => {
    worker?.terminate();
    worker = null;
  };
  const settle = (p: Pending, end: () => void) => {
    if (p.timer) clearTimeout(p.timer);
    if (pending === p) pending = null;
    end();
  };
  const failAll = (reason: Message) => {
    drop();
    const p = pending;
    if (p) settle(p, () => p.resolve({ ok: false, errors: [reason] }));
  };

  const spawn = (): Worker => {
    const w = new Worker(new URL('./compute-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const p = pending;
      if (p?.id !== e.data.id) return;
      if ('engineReady' in e.data) {
        if (p.timer) clearTimeout(p.timer);
        p.timer = null;
        return;
      }
      if (e.data.broken) drop();
      const { response } = e.data;
      settle(p, () => p.resolve(response));
    };
    w.onerror = (e) =>
      failAll(
        e.message
          ? msg('zones.worker.crashed', { reason: e.message })
          : msg('zones.worker.couldNotStart'),
      );
    w.onmessageerror = () => failAll(msg('zones.worker.unreadable'));
    return w;
  };

  return {
    compute(request) {
      const old = pending;
      if (old) {
        drop();
        settle(old, () => old.reject(new ComputeCancelled('superseded by a newer computation')));
      }
      worker ??= spawn();
      const id = next++;
      const w = worker;
      return new Promise<ComputeResponse>((resolve, reject) => {
        const p: Pending = { id, resolve, reject, timer: null };
        p.timer = setTimeout(() => {
          failAll(msg('zones.worker.timeout', { s: ENGINE_TIMEOUT_MS / 1000 }));
        }, ENGINE_TIMEOUT_MS);
        pending = p;
        w.postMessage({ id, request });
      });
    },
    dispose() {
      const p = pending;
      drop();
      if (p) settle(p, () => p.reject(new ComputeCancelled('the client was disposed')));
    },
  };
}
