// Responsiveness figures for `npm run bench` (issue 17): /api/health and GET /api/plans, p50 and p99,
// while 6 draft computations of a synthetic plan (two toe lines of 60,000 vertices each) run, and the
// draft requests' own time. Before: a pool of size 0 computes on the request thread (what the server
// did before the pool). After: the worker pool as the server starts it (cores − 1 workers).
// Real HTTP on loopback against an in-process server over the memory store.
// Alone: `npx tsx bench/responsive.ts`.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../src/server/app';
import { seedDemoAccounts } from '../src/server/auth/demo-accounts';
import { createComputePool, type PoolOptions } from '../src/server/compute/compute-pool';
import { createMemoryStore } from '../src/server/store/memory-store';
import { bundledRegister } from '../tests/helpers/register';
import { syntheticPlan } from '../tests/helpers/synthetic-plan';

export interface ResponsiveRow {
  what: string;
  value: number;
  unit: string;
  target?: number;
}

const DRAFTS = 6;
const VERTICES = 60_000;
const DRAFT = '/api/zones?plan=city-01&version=draft';

const quantile = (xs: number[], q: number) => {
  const s = xs.toSorted((a, b) => a - b);
  return s[Math.max(0, Math.ceil(q * s.length) - 1)] as number;
};

/** Latencies sampled while heavy jobs ran: the two probes and the jobs themselves (ms). */
export interface Samples {
  health: number[];
  plans: number[];
  jobs: number[];
}

/**
 * The rows of a before/after run: p50 and p99 of both probes (p99 against the 200 ms target), the
 * median and slowest job, each with its after ÷ before ratio.
 */
export function beforeAfterRows(
  before: Samples,
  after: Samples,
  o: { label: string; pool: string; job: string; short: string; count: number },
): ResponsiveRow[] {
  const rows: ResponsiveRow[] = [];
  const pair = (
    what: string,
    whatAfter: string,
    b: number,
    a: number,
    ratio: string,
    target?: number,
  ) => {
    rows.push({ what, value: b, unit: 'ms' });
    rows.push({ what: whatAfter, value: a, unit: 'ms', ...(target ? { target } : {}) });
    rows.push({ what: `  ${ratio} after ÷ before`, value: a / b, unit: '×' });
  };
  for (const [name, key] of [
    ['/api/health', 'health'],
    ['GET /api/plans', 'plans'],
  ] as const)
    for (const [q, qn] of [
      [0.5, 'p50'],
      [0.99, 'p99'],
    ] as const)
      pair(
        `${name} ${qn} ${o.label}, request thread (before; n=${before[key].length})`,
        `${name} ${qn} ${o.label}, ${o.pool} (after; n=${after[key].length})`,
        quantile(before[key], q),
        quantile(after[key], q),
        `${name} ${qn}`,
        qn === 'p99' ? 200 : undefined,
      );
  for (const [q, qn] of [
    [0.5, 'median'],
    [1, 'slowest'],
  ] as const)
    pair(
      `${o.job}, ${qn} of ${o.count}, request thread (before)`,
      `${o.job}, ${qn} of ${o.count}, ${o.pool} (after)`,
      quantile(before.jobs, q),
      quantile(after.jobs, q),
      `${o.short} ${qn}`,
    );
  return rows;
}

/** Prints rows as `npm run bench` does, names padded to `width`. */
export function printRows(rows: ResponsiveRow[], width: number): void {
  for (const r of rows) {
    const v = r.unit === 'ms' && r.value >= 100 ? r.value.toFixed(0) : r.value.toFixed(2);
    const target = r.target
      ? `  target < ${r.target} ms, ratio ${(r.value / r.target).toFixed(2)}`
      : '';
    console.log(`${r.what.padEnd(width)} ${v.padStart(8)} ${r.unit}${target}`);
  }
}

async function timed(url: string, headers: Record<string, string> = {}) {
  const t0 = performance.now();
  const r = await fetch(url, { headers });
  await r.arrayBuffer();
  return { ms: performance.now() - t0, status: r.status };
}

/** One run: 6 drafts in parallel, health and plans sampled every ~20 ms until they are done. */
async function run(pool: PoolOptions) {
  const { geodata } = bundledRegister();
  const store = createMemoryStore();
  await store.seedIfEmpty(
    { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'bench' },
    'bench',
  );
  await seedDemoAccounts(store, 'bench');
  await store.saveGeometry('city-01', 0, syntheticPlan(VERTICES), 'bench', 'synthetic');
  const compute = createComputePool(pool);
  const app = createApp({ store, geodata, distDir: null, demo: true, tiandituKey: null, compute });
  const server = serve({ fetch: app.fetch, port: 0 });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'planner', password: 'demo-planner' }),
  });
  const cookie = /hejie_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
  // warm: first requests, the engine load and the workers' start are not what is measured
  for (const path of ['/api/health', '/api/plans', DRAFT]) await timed(`${url}${path}`, { cookie });

  let running = true;
  const drafts = Promise.all(
    Array.from({ length: DRAFTS }, () => timed(`${url}${DRAFT}`, { cookie })),
  ).finally(() => {
    running = false;
  });
  const health: number[] = [];
  const plans: number[] = [];
  for (let i = 0; running; i++) {
    const t = await timed(`${url}${i % 2 ? '/api/plans' : '/api/health'}`);
    if (running) (i % 2 ? plans : health).push(t.ms);
    await new Promise((r) => setTimeout(r, 20));
  }
  const draftTimes = (await drafts).map((d) => d.ms);
  server.close();
  await compute.close();
  await store.close();
  return { health, plans, jobs: draftTimes };
}

/** The rows: before (size 0, inline) and after (the pool), with the after ÷ before ratios. */
export async function benchResponsive(): Promise<ResponsiveRow[]> {
  const before = await run({ size: 0 });
  const after = await run({});
  return beforeAfterRows(before, after, {
    label: `during ${DRAFTS} drafts of 2 × ${VERTICES.toLocaleString('en')} vertices (synthetic)`,
    pool: 'worker pool',
    job: 'draft zones request',
    short: 'draft',
    count: DRAFTS,
  });
}

if (process.argv[1]?.endsWith('responsive.ts')) printRows(await benchResponsive(), 100);
