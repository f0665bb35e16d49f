// Zones, markers and publications are computed off the request thread: a pool of worker threads, each
// with its own zone engine (GEOS in WebAssembly), a bounded queue and a time budget per request. A
// large plan then slows only its own request, never /api/health or the register.
import { availableParallelism } from 'node:os';
import type { Feature } from 'geojson';
import type { Message } from '../../domain/message';
import {
  type DelineateOptions,
  type Delineation,
  delineatePlan,
} from '../../domain/plans/delineate-plan';
import { loadZoneEngine, type ZoneEngine } from '../../domain/zones/compute-zones';
import { createWorkerPool } from '../workers/worker-pool';

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

/** Requests that may wait for a worker: beyond it, 503 at once (a 60,000-vertex plan takes ~2 s). */
const QUEUE_LIMIT = 16;
/** From arrival to answer: a job still waiting or running after this is 503 (30 s, a proxy's patience). */
const BUDGET_MS = 30_000;

/** One worker per core but one (the request thread keeps its own), at least one. */
const defaultSize = () => Math.max(1, availableParallelism() - 1);

/** What the compute worker gets (src/server/compute/compute-worker.ts). */
interface ComputeMessage {
  features: Features;
  options: DelineateOptions;
  tag?: DraftTag;
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
  const pool = createWorkerPool<ComputeMessage, unknown>(
    {
      built: new URL('./compute-worker.mjs', import.meta.url),
      source: new URL('./compute-worker.ts', import.meta.url),
      fromSource: import.meta.url.endsWith('.ts'),
    },
    {
      size,
      queueLimit: options.queueLimit ?? QUEUE_LIMIT,
      budgetMs: options.budgetMs ?? BUDGET_MS,
    },
    'compute',
  );
  return {
    async delineate(features, opts) {
      const a = await pool.submit({ features, options: opts });
      return a.ok ? { ok: true, delineation: a.result as Delineation } : a;
    },
    async draftZones(features, opts, tag) {
      const a = await pool.submit({ features, options: { ...opts, markers: false }, tag });
      return a.ok ? { ok: true, draft: a.result as DraftZones } : a;
    },
    close: () => pool.close(),
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
