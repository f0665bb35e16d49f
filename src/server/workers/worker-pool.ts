// A pool of worker threads for work that must not hold the request thread (zones, documents): a
// bounded queue, a time budget per job from arrival to answer, and a worker over budget stopped and
// replaced. The compute pool (src/server/compute) and the document pool (src/server/documents) are
// both this pool with their own worker entry and message.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** How many workers, how many jobs may wait, and how long one may take from arrival to answer. */
export interface PoolLimits {
  size: number;
  queueLimit: number;
  budgetMs: number;
}

/** A worker's answer, or why there is none (busy: the queue is full; late: over budget). */
export type PoolAnswer<R> =
  | { ok: true; result: R }
  | { ok: false; why: 'busy' | 'late'; retryAfter: number };

/** A pool of one kind of worker: `submit` posts `{ id, ...message }` and waits for `{ id, result | error }`. */
export interface WorkerPool<M extends object, R> {
  /** `transfer`: buffers of the message moved to the worker, not copied (unusable here after) */
  submit(message: M, transfer?: ArrayBuffer[]): Promise<PoolAnswer<R>>;
  close(): Promise<void>;
}

/** Where a worker's entry is: its bundle beside the built server, its TypeScript source otherwise. */
export interface WorkerEntry {
  /** the built entry, e.g. new URL('./compute-worker.mjs', import.meta.url) */
  built: URL;
  /** the source, e.g. new URL('./compute-worker.ts', import.meta.url) */
  source: URL;
  /** whether the caller runs from its TypeScript source (tsx, vitest) */
  fromSource: boolean;
}

/**
 * A worker thread: the bundle when built; under tsx and vitest the TypeScript source, loaded
 * through tsx's API (Node 20 ignores `--import tsx` in a worker's execArgv).
 */
function spawnWorker(entry: WorkerEntry): Worker {
  if (!entry.fromSource) return new Worker(entry.built);
  const source = entry.source.href;
  // the ESM entry of tsx/esm/api (require.resolve gives its CommonJS twin)
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const code = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(code, { eval: true });
}

interface Job<M, R> {
  id: number;
  message: M;
  transfer: ArrayBuffer[];
  deadline: number;
  resolve: (o: PoolAnswer<R>) => void;
  reject: (e: unknown) => void;
  timer?: NodeJS.Timeout;
}

interface Slot<M, R> {
  worker: Worker;
  job: Job<M, R> | null;
}

/**
 * A pool of `limits.size` workers of `entry`. `submit` answers the worker's result, or 'busy' at
 * once when `queueLimit` jobs already wait, or 'late' when the answer would come after `budgetMs` (a
 * running job over budget is stopped and its worker replaced).
 * @example const pool = createWorkerPool<{ n: number }, number>(entry, { size: 1, queueLimit: 4, budgetMs: 5000 }, 'sum')
 */
export function createWorkerPool<M extends object, R>(
  entry: WorkerEntry,
  limits: PoolLimits,
  name: string,
): WorkerPool<M, R> {
  const { size, queueLimit, budgetMs } = limits;
  const retryAfter = Math.max(1, Math.ceil(budgetMs / 1000 / 2));
  const queue: Job<M, R>[] = [];
  const slots: Slot<M, R>[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot<M, R> => {
    const slot: Slot<M, R> = { worker: spawnWorker(entry), job: null };
    slot.worker.on('message', (m: { id: number; result?: R; error?: string }) => {
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      finish(slot);
      if (m.error !== undefined) job.reject(new Error(m.error));
      else job.resolve({ ok: true, result: m.result as R });
    });
    slot.worker.on('error', (err) => {
      const job = slot.job;
      if (!job) {
        // failed while loading (no job): out of the pool, a new one in a second (not a hot loop)
        console.error(`${name} worker: ${err.message}`);
        const i = slots.indexOf(slot);
        if (i < 0) return;
        slots.splice(i, 1);
        setTimeout(() => {
          if (closed) return;
          slots.push(spawn());
          pump();
        }, 1000).unref();
        return;
      }
      replace(slot);
      job.reject(err);
    });
    slot.worker.unref();
    return slot;
  };

  const replace = (slot: Slot<M, R>) => {
    if (slot.job?.timer) clearTimeout(slot.job.timer);
    slot.job = null;
    void slot.worker.terminate();
    const i = slots.indexOf(slot);
    if (i >= 0 && !closed) slots[i] = spawn();
    pump();
  };

  const finish = (slot: Slot<M, R>) => {
    if (slot.job?.timer) clearTimeout(slot.job.timer);
    slot.job = null;
    pump();
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.job) continue;
      const job = takeNext();
      if (!job) return;
      slot.job = job;
      job.timer = setTimeout(
        () => {
          // over budget while running: stop the worker (GEOS or pdfkit cannot be interrupted otherwise)
          replace(slot);
          job.resolve({ ok: false, why: 'late', retryAfter });
        },
        Math.max(0, job.deadline - Date.now()),
      );
      slot.worker.postMessage({ id: job.id, ...job.message }, job.transfer);
    }
  };

  const takeNext = (): Job<M, R> | undefined => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      if (Date.now() < job.deadline) return job;
      job.resolve({ ok: false, why: 'late', retryAfter });
    }
    return undefined;
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    submit(message, transfer = []) {
      if (closed) return Promise.reject(new Error(`the ${name} pool is closed`));
      if (queue.length >= queueLimit)
        return Promise.resolve({ ok: false, why: 'busy', retryAfter });
      return new Promise((resolve, reject) => {
        // FIFO with one budget: a waiting job's deadline is never before a running one's, so the
        // running job's timer frees its worker in time for the waiting one to be answered 'late'
        queue.push({
          id: nextId++,
          message,
          transfer,
          deadline: Date.now() + budgetMs,
          resolve,
          reject,
        });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.resolve({ ok: false, why: 'late', retryAfter });
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
