// GET /tiles/published/{z}/{x}/{y}.pbf: the published zones and markers as vector tiles, cut by the
// app's own tiler (SQLite and memory stores), so that a province's boundaries never travel as one
// GeoJSON. Layers `zones` (what GET /api/zones serves, properties and all) and `markers` (what GET
// /api/markers serves: redacted). The index is rebuilt when the set of publications changes. It is
// built and kept in a worker thread (tile-worker.ts): at a province's 5,000 plans the build takes
// ~20 s of CPU, and the request thread answers everything else meanwhile.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { Feature } from 'geojson';
import { redactMarkers } from '../../domain/markers/redact-markers';
import type { Publication, Store } from '../store/store';
import { createWorkerPool, type WorkerPool } from '../workers/worker-pool';
import type { TileAddress } from './tile-address';

const CACHE_TILES = 20_000;
/** From a request's arrival to its answer, the index build included (a province: ~20 s of CPU). */
const BUDGET_MS = 180_000;

/** A tile: its gzipped body (null: nothing there) and its strong ETag. */
export interface PublishedTile {
  gzip: Buffer | null;
  etag: string;
}

/** The published tiles of a store. */
export interface PublishedTiles {
  tile(at: TileAddress): Promise<PublishedTile>;
}

/** What the tile worker is asked: build the index of a publication set, or cut a tile from it. */
export type TileJob =
  | { kind: 'build'; tag: string; json: ArrayBuffer }
  | ({ kind: 'tile'; tag: string } & TileAddress);

type TileAnswer = { built: true } | { gzip: Uint8Array | null } | { stale: true };

interface Index {
  set: string;
  tag: string;
  cache: Map<string, Buffer | null>;
}

/** The worker, started on the first tile request (apps that serve no tile start none). */
function lazyWorker(): () => WorkerPool<TileJob, TileAnswer> {
  let pool: WorkerPool<TileJob, TileAnswer> | null = null;
  return () => {
    pool ??= createWorkerPool<TileJob, TileAnswer>(
      {
        built: new URL('./tile-worker.mjs', import.meta.url),
        source: new URL('./tile-worker.ts', import.meta.url),
        fromSource: import.meta.url.endsWith('.ts'),
      },
      { size: 1, queueLimit: 10_000, budgetMs: BUDGET_MS },
      'published tiles',
    );
    return pool;
  };
}

/** Posts a job; a worker that is busy, late or failed is an error (the route answers 500). */
async function ask(
  pool: WorkerPool<TileJob, TileAnswer>,
  job: TileJob,
  transfer: ArrayBuffer[] = [],
): Promise<TileAnswer> {
  const a = await pool.submit(job, transfer);
  if (!a.ok) throw new Error(`published tiles: the tile worker is ${a.why}`);
  return a.result;
}

/** A tile index over the public zones and markers, rebuilt when the publications change. */
export function createPublishedTiles(
  store: Store,
  zones: (publications: readonly Publication[]) => Promise<readonly Feature[]>,
): PublishedTiles {
  const worker = lazyWorker();
  let index: Index | null = null;
  let revision = -1;
  let building: Promise<{ built: Index; at: number }> | null = null;

  const build = async (at: number): Promise<{ built: Index; at: number }> => {
    // read once (at a province, ~3.5 s of SQLite reading on this thread): the zones come from it too
    const publications = (await store.listPublications()).toSorted((a, b) =>
      a.planId.localeCompare(b.planId),
    );
    const set = publications.map((p) => `${p.planId}@${p.etag}`).join(',');
    if (index?.set === set) return { built: index, at };
    const markers = publications.flatMap((p) => redactMarkers(p.markers, p.planId));
    const tag = createHash('sha256').update(set).digest('base64url').slice(0, 22);
    // as JSON bytes moved to the worker: a structured clone of a province's zones held this thread
    // for ~7 s, JSON.stringify takes ~1.6 s
    const bytes = Buffer.from(JSON.stringify({ zones: await zones(publications), markers }));
    const json = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await ask(worker(), { kind: 'build', tag, json }, [json]);
    return { built: { set, tag, cache: new Map() }, at };
  };

  const current = async (): Promise<Index> => {
    const now = await store.revision();
    if (index && now === revision) return index;
    building ??= build(now).finally(() => {
      building = null;
    });
    // the revision read before the build began: a write that landed since is seen next time
    const { built, at } = await building;
    index = built;
    revision = at;
    return built;
  };

  return {
    async tile({ z, x, y }) {
      const ix = await current();
      const key = `${z}/${x}/${y}`;
      const etag = `"${ix.tag}-${z}-${x}-${y}"`;
      const hit = ix.cache.get(key);
      if (hit !== undefined) return { gzip: hit, etag };
      let answer = await ask(worker(), { kind: 'tile', tag: ix.tag, z, x, y });
      if ('stale' in answer) {
        // the worker was replaced (it failed or ran over budget): its index is built anew
        if (index === ix) index = null;
        const again = await current();
        answer = await ask(worker(), { kind: 'tile', tag: again.tag, z, x, y });
      }
      const gzip = 'gzip' in answer && answer.gzip ? Buffer.from(answer.gzip) : null;
      if (ix.cache.size < CACHE_TILES) ix.cache.set(key, gzip);
      return { gzip, etag };
    },
  };
}

/** A gzipped tile as bytes for a client that does not take gzip. */
export function gunzipTile(gzip: Buffer): Buffer {
  return gunzipSync(gzip);
}
