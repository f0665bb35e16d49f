// The page's side of the files worker: requests answered in any order by id; the worker is
// created on the first request and ends with dispose().
import type { FilesAnswer, FilesRequest } from './files-protocol';

/** Imports and exports run in a module Web Worker. */
export interface FilesClient {
  run<R extends FilesRequest>(request: R): Promise<FilesAnswer<R>>;
  dispose(): void;
}

type Reply = { id: number; answer?: unknown; error?: string };

/** A client with its own worker. */
export function createFilesClient(): FilesClient {
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<number, { resolve: (a: unknown) => void; reject: (e: Error) => void }>();

  const failAll = (why: string) => {
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
  };
  const spawn = (): Worker => {
    const w = new Worker(new URL('./files-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<Reply>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.error !== undefined) p.reject(new Error(e.data.error));
      else p.resolve(e.data.answer);
    };
    w.onerror = (e) => {
      failAll(e.message || 'the files worker failed');
      worker = null;
    };
    return w;
  };

  return {
    run(request) {
      worker ??= spawn();
      const id = next++;
      const w = worker;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (a: unknown) => void, reject });
        w.postMessage({ id, request });
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      failAll('the files client was disposed');
    },
  };
}
