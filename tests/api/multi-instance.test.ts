// Two real server processes (dist-node) on one PostgreSQL database, no sticky sessions (issue 15):
// a session made on A works on B, a write on A is read on B at once, and `kill -9` of A during a
// stream of writes loses no acknowledged write while B keeps serving.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, provisionAccounts, STRESS_PLANNER } from '../helpers/accounts';
import { freshPgUrl } from '../helpers/pg-store';
import { editFeatures, send } from '../helpers/plan-writes';
import { type ServerProcess, spawnServer } from '../helpers/server-process';

let dir = '';
let url = '';
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hejie-multi-'));
  url = await freshPgUrl();
  await provisionAccounts(dir, [STRESS_PLANNER], true, url);
  const env = { HEJIE_DATABASE_URL: url };
  [a, b] = await Promise.all([spawnServer(dir, env), spawnServer(dir, env)]);
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('two instances on one PostgreSQL database', () => {
  it('takes a session made on A on B, and reads on B what A wrote', async () => {
    const s = await login(a.url, STRESS_PLANNER);
    const me = await fetch(`${b.url}/api/me`, { headers: { cookie: s.cookie } });
    expect(((await me.json()) as { actor: { username?: string } }).actor.username).toBe(
      STRESS_PLANNER.username,
    );
    const saved = await send(a.url, s, 'PUT', '/api/plans/city-02/geometry', {
      features: editFeatures(1),
      baseVersion: 0,
    });
    expect(saved?.status, JSON.stringify(saved?.body)).toBe(201);
    const read = await send(b.url, s, 'GET', '/api/plans/city-02/geometry');
    expect((read?.body as { version?: number } | undefined)?.version).toBe(1);
    // the compare-and-set holds across processes: B refuses the stale base A already used
    const stale = await send(b.url, s, 'PUT', '/api/plans/city-02/geometry', {
      features: editFeatures(2),
      baseVersion: 0,
    });
    expect(stale?.status).toBe(409);
  });

  it('loses no acknowledged write when A is killed with SIGKILL mid-stream; B serves on', async () => {
    const s = await login(b.url, STRESS_PLANNER);
    const acked = new Map<number, Feature[]>();
    let n = 0;
    const writer = (async () => {
      while (a.alive()) {
        const features = editFeatures(n + 1);
        const r = await send(a.url, s, 'PUT', '/api/plans/county-01/geometry', {
          features,
          baseVersion: n,
        });
        if (!r) return; // in flight when A died: not acknowledged
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        n += 1;
        acked.set(n, features);
      }
    })();
    await new Promise((done) => setTimeout(done, 1500));
    await a.kill9();
    await writer;
    expect(acked.size).toBeGreaterThan(3);
    for (const [version, features] of acked) {
      const r = await send(b.url, s, 'GET', `/api/plans/county-01/geometry?version=${version}`);
      expect(r?.status).toBe(200);
      expect((r?.body as { features?: Feature[] } | undefined)?.features).toEqual(features);
    }
    // B takes the next write on the newest version (an unacknowledged one may be there too)
    const newest = (await send(b.url, s, 'GET', '/api/plans/county-01/geometry'))?.body as {
      version: number;
    };
    expect(newest.version).toBeGreaterThanOrEqual(n);
    const next = await send(b.url, s, 'PUT', '/api/plans/county-01/geometry', {
      features: editFeatures(99),
      baseVersion: newest.version,
    });
    expect(next?.status).toBe(201);
  }, 60_000);
});
