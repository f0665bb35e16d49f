// What only the PostgreSQL store has: migrations under an advisory lock, append-only triggers on the
// audit log and publications, the PostGIS table of published features, and a clear failure when
// the database cannot be reached. A real server (tests/helpers/pg-cluster.ts); nothing mocked.
import { createServer } from 'node:net';
import type { Feature } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { PG_SCHEMA_VERSION } from '../../src/server/store/pg-migrations';
import { openPgStore } from '../../src/server/store/pg-store';
import type { Store } from '../../src/server/store/store';
import { rawSql } from '../helpers/pg-cluster';
import { freshPgUrl } from '../helpers/pg-store';
import { bundledRegister } from '../helpers/register';

const { geodata } = bundledRegister();
const seed = { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'test' };
const open: Store[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});
async function store(url: string): Promise<Store> {
  const s = await openPgStore(url);
  open.push(s);
  return s;
}

const zone: Feature = {
  type: 'Feature',
  properties: { kind: 'boundary', side: 'left' },
  geometry: {
    type: 'LineString',
    coordinates: [
      [108.6, 21.95],
      [108.61, 21.96],
      [108.62, 21.955],
    ],
  },
};
const marker: Feature = {
  type: 'Feature',
  properties: { kind: 'boundary-post', n: 1 },
  geometry: { type: 'Point', coordinates: [108.6, 21.95] },
};

async function published(url: string): Promise<Store> {
  const s = await store(url);
  await s.seedIfEmpty(seed, 'test');
  await s.saveGeometry('city-01', 0, [zone], 'lin', 'v1');
  const ok = await s.publish(
    {
      planId: 'city-01',
      version: 1,
      zones: { type: 'FeatureCollection', features: [zone] },
      markers: { type: 'FeatureCollection', features: [marker] },
      rules: null,
      etag: '"e1"',
      publishedAt: '2026-11-28T08:00:00.000Z',
      publishedBy: 'lin',
    },
    'not-started',
    'lin',
  );
  expect(ok).toBe(true);
  return s;
}

describe('postgres store', () => {
  it('migrates once when two instances start together, and seeds once', async () => {
    const url = await freshPgUrl();
    const [a, b] = await Promise.all([store(url), store(url)]);
    const seeded = await Promise.all([a.seedIfEmpty(seed, 'a'), b.seedIfEmpty(seed, 'b')]);
    expect(seeded.filter((s) => s.seeded)).toHaveLength(1);
    const { rows } = await rawSql(url, 'SELECT version FROM schema_version ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual([PG_SCHEMA_VERSION]);
    expect((await a.listPlans()).length).toBe(geodata.plans.length);
    expect((await b.info()).kind).toBe('postgres');
  });

  it('refuses a database whose schema is newer than this build', async () => {
    const url = await freshPgUrl();
    (await store(url)).close();
    await rawSql(url, "INSERT INTO schema_version VALUES ($1, 'later')", [PG_SCHEMA_VERSION + 1]);
    await expect(openPgStore(url)).rejects.toThrow(/newer than this Hejie/);
  });

  it('fills the PostGIS table in the publish transaction, EPSG:4490, GiST-indexed', async () => {
    const url = await freshPgUrl();
    await published(url);
    const { rows } = await rawSql(
      url,
      `SELECT layer, properties, ST_SRID(geom) AS srid, GeometryType(geom) AS type,
         ST_AsGeoJSON(geom) AS json FROM published_features ORDER BY layer DESC`,
    );
    expect(rows.map((r) => [r.layer, r.srid, r.type])).toEqual([
      ['zones', 4490, 'LINESTRING'],
      ['markers', 4490, 'POINT'],
    ]);
    expect(JSON.parse(rows[0].json).coordinates).toEqual(
      zone.geometry.type === 'LineString' && zone.geometry.coordinates,
    );
    expect(rows[0].properties).toEqual(zone.properties);
    const idx = await rawSql(
      url,
      "SELECT indexdef FROM pg_indexes WHERE tablename = 'published_features' AND indexdef LIKE '%gist%'",
    );
    expect(idx.rows).toHaveLength(1);
    // a bbox query through the index finds the line
    const hit = await rawSql(
      url,
      'SELECT count(*)::int AS n FROM published_features WHERE geom && ST_MakeEnvelope(108.605, 21.9, 108.7, 22, 4490)',
    );
    expect(hit.rows[0].n).toBe(1);
  });

  it('refuses a raw UPDATE or DELETE of the audit log, publications and their features', async () => {
    const url = await freshPgUrl();
    await published(url);
    for (const [sql, why] of [
      ["UPDATE audit SET actor = 'x'", /append-only/],
      ['DELETE FROM audit', /append-only/],
      ["UPDATE publications SET etag = 'x'", /immutable/],
      ['DELETE FROM publications', /immutable/],
      ["UPDATE published_features SET layer = 'markers'", /immutable/],
      ['DELETE FROM published_features', /immutable/],
    ] as [string, RegExp][]) {
      await expect(rawSql(url, sql), sql).rejects.toThrow(why);
    }
  });

  it('fails within 5 s naming host and port, never the password, when nothing listens', async () => {
    // a port that was free a moment ago: nothing listens there
    const port = await new Promise<number>((done) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => done(p));
      });
    });
    const t0 = Date.now();
    const err = await openPgStore(`postgres://hejie:s3cret-pw@127.0.0.1:${port}/hejie`).catch(
      (e: Error) => e,
    );
    expect(Date.now() - t0).toBeLessThan(6000);
    expect(err).toBeInstanceOf(Error);
    const text = (err as Error).message;
    expect(text).toContain('127.0.0.1');
    expect(text).toContain(String(port));
    expect(text).not.toContain('s3cret-pw');
  });
});
