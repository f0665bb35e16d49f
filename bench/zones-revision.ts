// What the store-revision check of GET /api/zones costs per request (issue 15: the public zones are
// kept per store revision, so that a publication by another process is served at once). In one
// process, on the same app and the same cached body, revalidations (If-None-Match → 304) timed over
// `npx tsx bench/zones-revision.ts [requests]` (default 300) in three ways, on SQLite and on
// PostgreSQL (a throwaway cluster, tests/helpers/pg-cluster.ts):
//   reference  revision() answered from memory (no database round trip: what a per-process cache
//              costs, the figure the others are compared with)
//   unchanged  the real revision(): one indexed query per request
//   moved      an audit entry (not a publication) appended before each request, outside the timing:
//              revision() and the audit entries since the cached revision are read, the body kept
// Prints a table of p50 and p90 in ms and the ratio of each p50 to the reference's.
import { createApp } from '../src/server/app';
import type { ComputePool } from '../src/server/compute/compute-pool';
import { openPgStore } from '../src/server/store/pg-store';
import { openSqliteStore } from '../src/server/store/sqlite-store';
import type { Store } from '../src/server/store/store';
import { createTestDatabase, startPgCluster } from '../tests/helpers/pg-cluster';
import { bundledRegister } from '../tests/helpers/register';

const requests = Number(process.argv[2] ?? 300);
const { geodata } = bundledRegister();
const noPool: ComputePool = {
  delineate: async () => ({ ok: false, why: 'busy', retryAfter: 1 }),
  draftZones: async () => ({ ok: false, why: 'busy', retryAfter: 1 }),
  close: async () => {},
};
const quantile = (xs: number[], q: number) =>
  xs.toSorted((a, b) => a - b)[Math.floor(xs.length * q)] as number;

/** The store with revision() answered from a number kept in memory (the reference). */
function frozenRevision(store: Store, revision: number): Store {
  return new Proxy(store, {
    get: (target, key, receiver) =>
      key === 'revision' ? async () => revision : Reflect.get(target, key, receiver),
  });
}

async function run(kind: string, store: Store) {
  await store.seedIfEmpty({ ...geodata, source: 'bench' }, 'bench');
  const appOf = (s: Store) =>
    createApp({
      store: s,
      geodata,
      distDir: null,
      demo: false,
      tiandituKey: null,
      compute: noPool,
    });
  const time = async (app: ReturnType<typeof appOf>, before?: () => Promise<void>) => {
    const first = await app.request('/api/zones');
    const etag = first.headers.get('etag') ?? '';
    await first.arrayBuffer();
    const ms: number[] = [];
    for (let i = 0; i < requests; i++) {
      if (before) await before();
      const a = performance.now();
      const r = await app.request('/api/zones', { headers: { 'if-none-match': etag } });
      ms.push(performance.now() - a);
      if (r.status !== 304) throw new Error(`${kind}: ${r.status}, not 304`);
    }
    return { p50: quantile(ms, 0.5), p90: quantile(ms, 0.9) };
  };
  const reference = await time(appOf(frozenRevision(store, await store.revision())));
  const unchanged = await time(appOf(store));
  const moved = await time(appOf(store), () =>
    store.appendAudit('bench', 'bench.write', 'bench', {}),
  );
  const rows = { reference, unchanged, moved };
  for (const [what, r] of Object.entries(rows))
    console.log(
      `${kind.padEnd(8)} ${what.padEnd(10)} p50 ${r.p50.toFixed(3)} ms  p90 ${r.p90.toFixed(3)} ms  ×${(r.p50 / reference.p50).toFixed(2)}`,
    );
  await store.close();
}

console.log(`GET /api/zones revalidations (304), ${requests} per row, node ${process.version}`);
await run('sqlite', openSqliteStore(':memory:'));
const cluster = await startPgCluster();
try {
  await run('postgres', await openPgStore(await createTestDatabase(cluster.adminUrl)));
} finally {
  cluster.stop();
}
