// The documents of a publication are built off the request thread (pdfkit, docx, sharp and qrcode
// take ~1 s to load, an archive 1–9 s to build): a small pool of worker threads with the compute
// pool's limits (src/server/workers/worker-pool.ts): a bounded queue, a time budget, 503 with
// Retry-After when full or late.
import { availableParallelism } from 'node:os';
import type { PoolOptions } from '../compute/compute-pool';
import { createWorkerPool, type PoolAnswer } from '../workers/worker-pool';
import type { DocumentJob, DocumentResult } from './document-jobs';

/** The pool the document routes use. */
export interface DocumentPool {
  /** the document's bytes (null: no such board; errors: no sheets), or why none (busy, late) */
  build(job: DocumentJob): Promise<PoolAnswer<DocumentResult>>;
  close(): Promise<void>;
}

/** Documents that may wait for a worker: beyond it, 503 at once. */
const QUEUE_LIMIT = 16;
/** From arrival to answer (30 s, a proxy's patience; an archive takes 1–9 s). */
const BUDGET_MS = 30_000;

/**
 * At most two workers (each holds pdfkit, docx, sharp and the read CJK fonts, ~150 MB), at most
 * one per core but one (the request thread and the compute pool keep theirs), at least one.
 */
const defaultSize = () => Math.max(1, Math.min(2, availableParallelism() - 1));

/**
 * A pool of document workers; size 0 builds on the request thread (what the server did before the
 * pool; only for the bench).
 * @example const pool = createDocumentPool(); await pool.build({ kind: 'archive', ctx, records, fonts })
 */
export function createDocumentPool(options: PoolOptions = {}): DocumentPool {
  const size = options.size ?? defaultSize();
  if (size === 0)
    return {
      async build(job) {
        const { runDocumentJob } = await import('./document-jobs');
        return { ok: true, result: await runDocumentJob(job) };
      },
      async close() {},
    };
  const pool = createWorkerPool<DocumentJob, DocumentResult>(
    {
      built: new URL('./document-worker.mjs', import.meta.url),
      source: new URL('./document-worker.ts', import.meta.url),
      fromSource: import.meta.url.endsWith('.ts'),
    },
    {
      size,
      queueLimit: options.queueLimit ?? QUEUE_LIMIT,
      budgetMs: options.budgetMs ?? BUDGET_MS,
    },
    'documents',
  );
  return { build: (job) => pool.submit(job), close: () => pool.close() };
}

/**
 * A pool whose workers start on the first document (apps that never build one spawn none).
 * @example const pool = lazyDocumentPool(); await pool.close()
 */
export function lazyDocumentPool(options: PoolOptions = {}): DocumentPool {
  let pool: DocumentPool | null = null;
  return {
    build(job) {
      pool ??= createDocumentPool(options);
      return pool.build(job);
    },
    async close() {
      await pool?.close();
    },
  };
}
