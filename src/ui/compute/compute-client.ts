// The page's side of the compute worker. One computation at a time: starting a new one (a width
// changed) stops the old one at once (the worker is replaced), and its promise says it was superseded.
import type { ComputeRequest, ComputeResponse } from './compute-protocol';

/** Why a computation gave no result: replaced by a newer one, or the client was disposed. */
export class ComputeCancelled extends Error {}

/** Zones and markers computed in a module Web Worker. */
export interface ComputeClient {
  compute(request: ComputeRequest): Promise<ComputeResponse>;
  dispose(): void;
}

/** A client with its own worker (created on the first computation). */
export function createComputeClient(): ComputeClient {
  let worker: Worker | null = null;
  let next = 1;
  let pending: {
    id: number;
    resolve: (r: ComputeResponse) => void;
    reject: (e: Error) => void;
  } | null = null;

  const stop = (why: string) => {
    worker?.terminate();
    worker = null;
    pending?.reject(new ComputeCancelled(why));
    pending = null;
  };

  const spawn = (): Worker => {
    const w = new Worker(new URL('./compute-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<{ id: number; response: ComputeResponse }>) => {
      if (pending?.id !== e.data.id) return;
      pending.resolve(e.data.response);
      pending = null;
    };
    w.onerror = (e) => {
      pending?.resolve({ ok: false, errors: [`the compute worker failed: ${e.message}`] });
      pending = null;
      worker = null;
    };
    return w;
  };

  return {
    compute(request) {
      if (pending) stop('superseded by a newer computation');
      worker ??= spawn();
      const id = next++;
      const w = worker;
      return new Promise<ComputeResponse>((resolve, reject) => {
        pending = { id, resolve, reject };
        w.postMessage({ id, request });
      });
    },
    dispose() {
      stop('the client was disposed');
    },
  };
}
