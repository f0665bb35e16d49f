// Responsiveness while documents are built (issue 13): /api/health and GET /api/plans, p50 and p99,
// while the archives of 5 publications (5 plans, each with two 3 km toe lines) are built at once,
// from a cold cache, and the archive requests' own time. The built server (`npm start`'s
// dist-node/bin/server.mjs) on a SQLite data directory seeded here. Before: HEJIE_DOCUMENT_WORKERS=0
// builds on the request thread (what the server did before the document pool). After: the pool as
// the server starts it. Alone: `npx tsx bench/documents-responsive.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import type { ServerDeps } from '../src/server/auth/context';
import { seedDemoAccounts } from '../src/server/auth/demo-accounts';
import { createComputePool } from '../src/server/compute/compute-pool';
import { openRegister } from '../src/server/open-register';
import { buildPublication } from '../src/server/routes/publish-plan';
import { ROOT } from '../tests/helpers/register';
import { startServer } from '../tests/helpers/server';
import { beforeAfterRows, printRows, type ResponsiveRow } from './responsive';

const ARCHIVES = 5;
const STAGES = [
  'not-started',
  'base-map',
  'draft',
  'consultation',
  'field-check',
  'review',
  'deliverables',
] as const;

/** A class-2 toe line 3 km west → east near 钦州, `dLat` off the reach's axis. */
const toe = (role: string, lat: number): Feature => ({
  type: 'Feature',
  geometry: {
    type: 'LineString',
    coordinates: [0, 1, 2, 3, 4, 5, 6].map((i) => [108.6 + i * 0.005, lat + (i % 2) * 0.0005]),
  },
  properties: { reach: 'A', role, embankmentClass: 2, widthM: 30 },
});

/** A data directory with `ARCHIVES` published plans; their ids. */
async function seed(dir: string): Promise<string[]> {
  const { store, geodata } = await openRegister(ROOT, { dataDir: dir, databaseUrl: null }, 'bench');
  await seedDemoAccounts(store, 'bench');
  const compute = createComputePool({ size: 1 });
  const deps = { store, geodata, compute, clock: () => new Date() } as unknown as ServerDeps;
  const plans = geodata.plans.slice(0, ARCHIVES);
  for (const [i, plan] of plans.entries()) {
    const lat = 21.95 + i * 0.01;
    await store.saveGeometry(
      plan.id,
      0,
      [toe('toe-left', lat + 0.00036), toe('toe-right', lat - 0.00036)],
      'bench',
      'v1',
    );
    for (let s = 0; s + 1 < STAGES.length; s++)
      await store.moveStage(plan.id, STAGES[s] as never, STAGES[s + 1] as never, 'bench', '');
    const version = await store.getGeometry(plan.id, 1);
    const record = (await store.getPlan(plan.id))?.record;
    if (!version || !record) throw new Error(`${plan.id}: no version to publish`);
    const built = await buildPublication(deps, record, version, 'admin');
    if (!built.ok) throw new Error(`${plan.id}: not publishable`);
    await store.publish(built.publication, 'deliverables', 'admin');
  }
  await compute.close();
  await store.close();
  return plans.map((p) => p.id);
}

/**
 * A request's time. Asked again once when the connection was reset: a server whose thread was held
 * closes its idle keep-alive sockets late, as the client reuses one (the time counts both tries).
 */
async function timed(url: string, headers: Record<string, string> = {}) {
  const t0 = performance.now();
  const r = await fetch(url, { headers }).catch(() => fetch(url, { headers }));
  await r.arrayBuffer();
  return { ms: performance.now() - t0, status: r.status };
}

/** One run on the built server: 5 archives at once, health and plans sampled every ~20 ms. */
async function run(dir: string, plans: string[], env: Record<string, string>) {
  const server = await startServer({ HEJIE_MODE: 'demo', ...env }, dir);
  try {
    return await measure(server.url, plans);
  } catch (err) {
    throw new Error(`${err} (${(err as Error).cause}); the server said:\n${server.log()}`);
  } finally {
    await server.stop(true);
  }
}

async function measure(url: string, plans: string[]) {
  const login = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo-admin' }),
  });
  const cookie = /hejie_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
  for (const path of ['/api/health', '/api/plans']) await timed(`${url}${path}`, { cookie });
  let running = true;
  const archives = Promise.all(
    plans.map((id) => timed(`${url}/api/plans/${id}/archive.zip`, { cookie })),
  ).finally(() => {
    running = false;
  });
  const health: number[] = [];
  const list: number[] = [];
  for (let i = 0; running; i++) {
    const t = await timed(`${url}${i % 2 ? '/api/plans' : '/api/health'}`);
    // every sample that started while archives were built counts, also the one they held longest
    (i % 2 ? list : health).push(t.ms);
    await new Promise((r) => setTimeout(r, 20));
  }
  const done = await archives;
  const refused = done.filter((a) => a.status !== 200).map((a) => a.status);
  if (refused.length > 0) throw new Error(`archives refused: ${refused.join(', ')}`);
  return { health, plans: list, jobs: done.map((a) => a.ms) };
}

/** The rows: before (request thread) and after (document pool), with the after ÷ before ratios. */
export async function benchDocumentsResponsive(): Promise<ResponsiveRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hejie-bench-docs-'));
  try {
    const plans = await seed(dir);
    const before = await run(dir, plans, { HEJIE_DOCUMENT_WORKERS: '0' });
    const after = await run(dir, plans, {});
    return beforeAfterRows(before, after, {
      label: `during ${ARCHIVES} archives of different publications (built server, cold cache)`,
      pool: 'document pool',
      job: 'archive request',
      short: 'archive',
      count: ARCHIVES,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('documents-responsive.ts'))
  printRows(await benchDocumentsResponsive(), 110);
