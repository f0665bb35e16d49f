// Two real server processes (dist-node) on one PostgreSQL database, no sticky sessions (issue 15):
// a session made on A works on B, a write on A is read on B at once, failed logins count on both,
// a publication on A changes B's public zones at once, and `kill -9` of A during a stream of writes
// loses no acknowledged write while B keeps serving.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgStore } from '../../src/server/store/pg-store';
import { login, provisionAccounts, STRESS_PLANNER } from '../helpers/accounts';
import { freshPgUrl } from '../helpers/pg-store';
import { editFeatures, send } from '../helpers/plan-writes';
import { makePublishable } from '../helpers/publishable';
import { type ServerProcess, spawnServer } from '../helpers/server-process';

let dir = '';
let url = '';
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hejie-multi-'));
  url = await freshPgUrl();
  await provisionAccounts(dir, [STRESS_PLANNER], true, url);
  // city-01 at the publishable point, written straight into the database (the review path has
  // its own tests): the publication itself goes over HTTP on A
  const store = await openPgStore(url);
  try {
    await makePublishable(store, 'city-01');
  } finally {
    await store.close();
  }
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

  it('counts failed logins on both: 5 wrong passwords spread over A and B make the next wait', async () => {
    const wrong = (server: ServerProcess) =>
      fetch(`${server.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'throttled-name', password: 'not the password' }),
      });
    for (const server of [a, b, a, b, a]) expect((await wrong(server)).status).toBe(401);
    for (const server of [b, a]) {
      const refused = await wrong(server);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800);
    }
  });

  it("serves a publication made on A in B's public zones at once, with a new ETag", async () => {
    const zones = async (server: ServerProcess, etag?: string) => {
      const r = await fetch(`${server.url}/api/zones`, {
        headers: etag ? { 'if-none-match': etag } : {},
      });
      const body = r.status === 200 ? ((await r.json()) as { features: Feature[] }) : null;
      return { status: r.status, etag: r.headers.get('etag') ?? '', features: body?.features };
    };
    const before = await zones(b);
    expect(before.features?.some((f) => f.properties?.plan === 'city-01')).toBe(false);
    expect((await zones(b, before.etag)).status).toBe(304);
    const s = await login(a.url, STRESS_PLANNER);
    const published = await send(a.url, s, 'POST', '/api/plans/city-01/publish', {
      comment: '公告',
    });
    expect(published?.status, JSON.stringify(published?.body)).toBe(201);
    // B's first request after the publication: the old ETag no longer matches, the plan is there
    const after = await zones(b, before.etag);
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    expect(after.features?.filter((f) => f.properties?.plan === 'city-01').length).toBe(6);
    expect((await zones(a)).etag).toBe(after.etag);
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
