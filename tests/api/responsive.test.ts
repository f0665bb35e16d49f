// Issue 17, "a large plan stalls everyone": zones are computed in the worker pool, so that while 6
// draft computations of a plan with two 60,000-vertex toe lines (synthetic) run, /api/health and
// GET /api/plans still answer in under 200 ms at p99 (before: health waited 13.1 s). A full queue or
// a computation over its time budget is 503 with Retry-After. Real HTTP on loopback, memory store.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { seedDemoAccounts } from '../../src/server/auth/demo-accounts';
import { type ComputePool, createComputePool } from '../../src/server/compute/compute-pool';
import { createMemoryStore } from '../../src/server/store/memory-store';
import type { Store } from '../../src/server/store/store';
import { bundledRegister } from '../helpers/register';
import { syntheticPlan } from '../helpers/synthetic-plan';

const { geodata } = bundledRegister();
const JSON_TYPE = { 'content-type': 'application/json' };
const DRAFT = '/api/zones?plan=city-01&version=draft';
const pools: ComputePool[] = [];
const closers: (() => void)[] = [];

async function seededStore(): Promise<Store> {
  const store = createMemoryStore();
  await store.seedIfEmpty(
    { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'test' },
    'test',
  );
  await seedDemoAccounts(store, 'test');
  await store.saveGeometry('city-01', 0, syntheticPlan(60_000), 'planner', 'synthetic, 2 × 60,000');
  return store;
}

/** A real server on a free port with its own pool; its URL and the planner's cookie. */
async function startServer(store: Store, compute: ComputePool) {
  pools.push(compute);
  const app = createApp({ store, geodata, distDir: null, demo: true, tiandituKey: null, compute });
  const server = serve({ fetch: app.fetch, port: 0 });
  closers.push(() => server.close());
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: JSON_TYPE,
    body: JSON.stringify({ username: 'planner', password: 'demo-planner' }),
  });
  const cookie = /hejie_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  return { url, cookie };
}

let store: Store;
beforeAll(async () => {
  store = await seededStore();
});
afterAll(async () => {
  for (const close of closers) close();
  await Promise.all(pools.map((p) => p.close()));
});

const p99 = (xs: number[]) => {
  const s = xs.toSorted((a, b) => a - b);
  return s[Math.ceil(0.99 * s.length) - 1] as number;
};

describe('the server stays responsive while large plans compute', () => {
  it('health and the register answer in < 200 ms at p99 during 6 drafts of a 2 × 60,000-vertex plan', async () => {
    const { url, cookie } = await startServer(store, createComputePool());
    // warm: the first request of each route, and the workers' start (tsx, GEOS) are not the point
    for (const path of ['/api/health', '/api/plans', DRAFT])
      await (await fetch(`${url}${path}`, { headers: { cookie } })).arrayBuffer();
    /** One round: 6 drafts, and health/the register sampled every ~50 ms while they run. */
    const round = async () => {
      let running = true;
      const drafts = Promise.all(
        Array.from({ length: 6 }, () =>
          fetch(`${url}${DRAFT}`, { headers: { cookie } }).then(async (r) => {
            await r.arrayBuffer();
            return r.status;
          }),
        ),
      ).finally(() => {
        running = false;
      });
      const times: number[] = [];
      for (let i = 0; running; i++) {
        const t0 = performance.now();
        const r = await fetch(`${url}${i % 2 ? '/api/plans' : '/api/health'}`);
        await r.arrayBuffer();
        if (running) times.push(performance.now() - t0);
        expect(r.status).toBe(200);
        await new Promise((res) => setTimeout(res, 40));
      }
      expect(await drafts).toEqual([200, 200, 200, 200, 200, 200]);
      // enough samples, spread over the computations (they take seconds; a sample every ~50 ms)
      expect(times.length).toBeGreaterThanOrEqual(50);
      return times;
    };
    // The figure is the server's, not the machine's: a round in which other test files starve this
    // 2-core machine may show a spike, so the best of at most 3 rounds counts. Computing on the
    // request thread stalls every round by seconds (13.1 s before the pool), so it still fails.
    const rounds: number[][] = [];
    for (let i = 0; i < 3 && !rounds.some((t) => p99(t) < 200); i++) rounds.push(await round());
    const best = rounds.toSorted((a, b) => p99(a) - p99(b))[0] as number[];
    expect(
      p99(best),
      rounds.map((t) => `p99 of ${t.length}: ${t.map(Math.round).join(' ')}`).join('\n'),
    ).toBeLessThan(200);
  }, 120_000);

  it('a full queue is 503 with Retry-After at once; the queued and running ones compute', async () => {
    const { url, cookie } = await startServer(store, createComputePool({ size: 1, queueLimit: 1 }));
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        fetch(`${url}${DRAFT}`, { headers: { cookie, 'accept-language': 'en' } }),
      ),
    );
    const statuses = answers.map((r) => r.status).toSorted();
    expect(statuses).toEqual([200, 200, 503, 503]);
    for (const r of answers.filter((a) => a.status === 503)) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await r.json()) as { error: string }).error).toMatch(/busy .* try again in \d+ s/);
    }
  }, 120_000);

  it('a computation over its time budget is 503 with Retry-After', async () => {
    const { url, cookie } = await startServer(store, createComputePool({ size: 1, budgetMs: 100 }));
    const r = await fetch(`${url}${DRAFT}`, { headers: { cookie, 'accept-language': 'en' } });
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('1');
    expect(((await r.json()) as { error: string }).error).toMatch(/did not finish in time/);
  }, 60_000);
});
