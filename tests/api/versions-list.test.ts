// GET /api/plans/:id/versions lists the versions from their summaries: it never reads a version's
// features (a plan with 35 MB of history took 0.59 s to list when every version was read in full).
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { seedDemoAccounts } from '../../src/server/auth/demo-accounts';
import { createMemoryStore } from '../../src/server/store/memory-store';
import type { Store } from '../../src/server/store/store';
import { bundledRegister } from '../helpers/register';

const { geodata } = bundledRegister();
const JSON_TYPE = { 'content-type': 'application/json' };
const line = (n: number): Feature => ({
  type: 'Feature',
  properties: { reach: 'A', role: 'toe-left', embankmentClass: 5 },
  geometry: {
    type: 'LineString',
    coordinates: [
      [108.6, 21.9 + n / 1000],
      [108.61, 21.9],
    ],
  },
});

describe('listing versions', () => {
  it('reads no version in full', async () => {
    const store = createMemoryStore(() => new Date('2026-12-03T08:00:00Z'));
    await store.seedIfEmpty(
      { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'test' },
      'test',
    );
    await seedDemoAccounts(store, 'test');
    for (let v = 0; v < 3; v++)
      await store.saveGeometry('city-01', v, [line(v), line(v + 10)], 'planner', `v${v + 1}`);
    // a store that fails on reading whole versions: the list must not need them
    const reads: string[] = [];
    const guarded = new Proxy(store, {
      get(target, key: keyof Store) {
        if (key === 'getGeometry' || key === 'latestGeometry')
          return async () => {
            reads.push(key);
            throw new Error(`${key} read a whole version`);
          };
        return target[key];
      },
    });
    const app = createApp({
      store: guarded,
      geodata,
      distDir: null,
      demo: true,
      tiandituKey: null,
      clock: () => new Date('2026-12-03T08:00:00Z'),
    });
    const res = await app.request('/api/login', {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ username: 'planner', password: 'demo-planner' }),
    });
    const cookie = /hejie_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const listed = await app.request('/api/plans/city-01/versions', { headers: { cookie } });
    expect(listed.status).toBe(200);
    expect(reads).toEqual([]);
    const body = (await listed.json()) as { versions: unknown[]; published: unknown };
    expect(body.versions).toEqual(
      [3, 2, 1].map((version) => ({
        planId: 'city-01',
        version,
        author: 'planner',
        comment: `v${version}`,
        createdAt: '2026-12-03T08:00:00.000Z',
        features: 2,
      })),
    );
    expect(body.published).toBeNull();
  });
});
