// Zones, markers and publications are computed off the request thread: a pool of worker threads, each
// with its own zone engine (GEOS in WebAssembly), a bounded queue and a time budget per request. A
// large plan then slows only its own request, never /api/health or the register.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Feature } from 'geojson';
import type { Message } from '../../domain/message';
import {
  type DelineateOptions,
  type Delineation,
  delineatePlan,
} from '../../domain/plans/delineate-plan';
import { loadZoneEngine, type ZoneEngine } from '../../domain/zones/compute-zones';

/**
 * How many workers (0: compute on the request thread, as before the pool; only for the bench), how
 * many requests may wait, and how long one may take from arrival to answer.
 */
export interface PoolOptions {
  size?: number;
  queueLimit?: number;
  budgetMs?: number;
}

/** The pool's answer: the delineation, or why there is none (busy: the queue is full; late: over budget). */
export type PoolOutcome =
  | { ok: true; delineation: Delineation }
  | { ok: false; why: 'busy' | 'late'; retryAfter: number };

/**
 * A plan's features, or their JSON text: a string crosses to a worker as one copy, while a large
 * plan's nested arrays cost the request thread ~50 ms of structured cloning per computation.
 */
export type Features = readonly Feature[] | string;

/** What tags a draft's zone features (each gets `plan`, `version` and `draft: true`). */
export interface DraftTag {
  plan: string;
  version: number;
}

/** A draft's zones, serialized in the worker (a large plan's JSON costs the request thread 100+ ms). */
export type DraftZones =
  | { ok: true; featuresJson: string; warnings: Message[] }
  | { ok: false; errors: Message[] };

/** The pool's answer for a draft: its zones, or why there are none (busy, late). */
export type DraftOutcome =
  | { ok: true; draft: DraftZones }
  | { ok: false; why: 'busy' | 'late'; retryAfter: number };

/** The compute pool the routes use. */
export interface ComputePool {
  delineate(features: Features, options: DelineateOptions): Promise<PoolOutcome>;
  /** the zones only (no markers), tagged with `tag` and serialized off the request thread */
  draftZones(features: Features, options: DelineateOptions, tag: DraftTag): Promise<DraftOutcome>;
  close(): Promise<void>;
}

interface Job {
  id: number;
  features: Features;
  options: DelineateOptions;
  tag?: DraftTag;
  deadline: number;
  resolve: (o: Answer) => void;
  reject: (e: unknown) => void;
  timer?: NodeJS.Timeout;
}

/** A worker's answer, or why there is none. */
type Answer =
  | { ok: true; result: unknown }
  | { ok: false; why: 'busy' | 'late'; retryAfter: number };

interface Slot {
  worker: Worker;
  job: Job | null;
}

/** Requests that may wait for a worker: beyond it, 503 at once (a 60,000-vertex plan takes ~2 s). */
const QUEUE_LIMIT = 16;
/** From arrival to answer: a job still waiting or running after this is 503 (30 s, a proxy's patience). */
const BUDGET_MS = 30_000;

/** One worker per core but one (the request thread keeps its own), at least one. */
const defaultSize = () => Math.max(1, availableParallelism() - 1);

/**
 * The worker: its bundle beside this one when built; under tsx and vitest its TypeScript source,
 * loaded through tsx's API (Node 20 ignores `--import tsx` in a worker's execArgv).
 */
function spawnWorker(): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./compute-worker.mjs', import.meta.url));
  const source = new URL('./compute-worker.ts', import.meta.url).href;
  // the ESM entry of tsx/esm/api (require.resolve gives its CommonJS twin)
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const code = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(code, { eval: true });
}

/**
 * A pool of zone-engine workers. `delineate` answers the plan's delineation, or 'busy' at once when
 * `queueLimit` requests already wait, or 'late' when the answer would come after `budgetMs` (a
 * running job over budget is stopped and its worker replaced).
 * @example const pool = createComputePool({ budgetMs: 20_000 }); await pool.delineate(features, { river: 'qinjiang' })
 */
export function createComputePool(options: PoolOptions = {}): ComputePool {
  const size = options.size ?? defaultSize();
  if (size === 0) return inlinePool();
  const queueLimit = options.queueLimit ?? QUEUE_LIMIT;
  const budgetMs = options.budgetMs ?? BUDGET_MS;
  const retryAfter = Math.max(1, Math.ceil(budgetMs / 1000 / 2));
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: spawnWorker(), job: null };
    slot.worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      finish(slot);
      if (m.error !== undefined) job.reject(new Error(m.error));
      else job.resolve({ ok: true, result: m.result });
    });
    slot.worker.on('error', (err) => {
      const job = slot.job;
      if (!job) {
        // failed while loading (no job): out of the pool, a new one in a second (not a hot loop)
        console.error(`compute worker: ${err.message}`);
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

  const replace = (slot: Slot) => {
    if (slot.job?.timer) clearTimeout(slot.job.timer);
    slot.job = null;
    void slot.worker.terminate();
    const i = slots.indexOf(slot);
    if (i >= 0 && !closed) slots[i] = spawn();
    pump();
  };

  const finish = (slot: Slot) => {
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
          // over budget while running: stop the worker (GEOS cannot be interrupted otherwise)
          replace(slot);
          job.resolve({ ok: false, why: 'late', retryAfter });
        },
        Math.max(0, job.deadline - Date.now()),
      );
      const { id, features, options: opts, tag } = job;
      slot.worker.postMessage({ id, features, options: opts, tag });
    }
  };

  const takeNext = (): Job | undefined => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      if (Date.now() < job.deadline) return job;
      job.resolve({ ok: false, why: 'late', retryAfter });
    }
    return undefined;
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  const submit = (features: Features, opts: DelineateOptions, tag?: DraftTag): Promise<Answer> => {
    if (closed) return Promise.reject(new Error('the compute pool is closed'));
    if (queue.length >= queueLimit) return Promise.resolve({ ok: false, why: 'busy', retryAfter });
    return new Promise((resolve, reject) => {
      const deadline = Date.now() + budgetMs;
      // FIFO with one budget: a waiting job's deadline is never before a running one's, so the
      // running job's timer frees its worker in time for the waiting one to be answered 'late'
      const job: Job = { id: nextId++, features, options: opts, tag, deadline, resolve, reject };
      queue.push(job);
      pump();
    });
  };

  return {
    async delineate(features, opts) {
      const a = await submit(features, opts);
      return a.ok ? { ok: true, delineation: a.result as Delineation } : a;
    },
    async draftZones(features, opts, tag) {
      const a = await submit(features, { ...opts, markers: false }, tag);
      return a.ok ? { ok: true, draft: a.result as DraftZones } : a;
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.resolve({ ok: false, why: 'late', retryAfter });
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** Size 0: the request thread computes (what the server did before the pool); the bench's baseline. */
function inlinePool(): ComputePool {
  let engine: Promise<ZoneEngine> | null = null;
  const run = async (features: Features, opts: DelineateOptions) => {
    engine ??= loadZoneEngine();
    const parsed = typeof features === 'string' ? (JSON.parse(features) as Feature[]) : features;
    return delineatePlan(await engine, parsed, opts);
  };
  return {
    async delineate(features, opts) {
      return { ok: true, delineation: await run(features, opts) };
    },
    async draftZones(features, opts, tag) {
      return { ok: true, draft: draftOf(await run(features, { ...opts, markers: false }), tag) };
    },
    async close() {},
  };
}

/**
 * A pool whose workers start on the first computation (apps that never compute spawn none); its
 * workers are unref'd, so a test process that forgets `close` still exits.
 * @example const pool = lazyComputePool({ size: 1 }); await pool.close()
 */
export function lazyComputePool(options: PoolOptions = {}): ComputePool {
  let pool: ComputePool | null = null;
  return {
    delineate(features, opts) {
      pool ??= createComputePool(options);
      return pool.delineate(features, opts);
    },
    draftZones(features, opts, tag) {
      pool ??= createComputePool(options);
      return pool.draftZones(features, opts, tag);
    },
    async close() {
      await pool?.close();
    },
  };
}

/**
 * A draft's zones from its delineation: each feature tagged with its plan and version, serialized.
 * @example draftOf(delineation, { plan: 'city-01', version: 3 }).ok
 */
export function draftOf(d: Delineation, tag: DraftTag): DraftZones {
  if (!d.ok) return d;
  const features = d.zones.features.map((f) => ({
    ...f,
    properties: { ...f.properties, plan: tag.plan, version: tag.version, draft: true },
  }));
  return { ok: true, featuresJson: JSON.stringify(features), warnings: d.warnings };
}
