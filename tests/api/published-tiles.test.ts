// GET /tiles/published/{z}/{x}/{y}.pbf: decoded with @mapbox/vector-tile + pbf (a real reader), the
// tiles hold exactly what /api/zones and /api/markers serve (features and properties), nothing of a
// draft; 204 outside the data, 400 on a bad address, ETag/304, gzip; a publication changes them.
import { VectorTile } from '@mapbox/vector-tile';
import type { Feature, FeatureCollection } from 'geojson';
import { PbfReader as Pbf } from 'pbf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { synthProvince } from '../../src/domain/synth/synth-province';
import { createApp } from '../../src/server/app';
import { createComputePool } from '../../src/server/compute/compute-pool';
import {
  publishedLayerFor,
  readPublishedLayer,
  TILES_ABOVE_PLANS,
} from '../../src/server/published-layer';
import { buildPublication } from '../../src/server/routes/publish-plan';
import { createMemoryStore } from '../../src/server/store/memory-store';
import { openPgStore } from '../../src/server/store/pg-store';
import type { Store } from '../../src/server/store/store';
import { createPgPublishedTiles, openPgTilePool } from '../../src/server/tiles/pg-published-tiles';
import { writeSynthProvince } from '../../src/server/write-synth-province';
import { freshPgUrl } from '../helpers/pg-store';
import { bundledRegister } from '../helpers/register';

const Z = 11;
let now = new Date('2026-12-01T00:00:00Z');
const clock = () => now;
const compute = createComputePool({ size: 0 });
let store: Store;
let app: ReturnType<typeof createApp>;
const province = (() => {
  const r = synthProvince({ plans: 14, km: 70, seed: 4 });
  if (!r.ok) throw new Error(r.error.code);
  return r.province;
})();

beforeAll(async () => {
  store = createMemoryStore(clock);
  const w = await writeSynthProvince(province, {
    store,
    compute,
    setNow: (at) => {
      now = at;
    },
    force: false,
  });
  if (!w.ok) throw new Error(w.error.code);
  const { geodata } = bundledRegister();
  app = createApp({
    store,
    geodata,
    distDir: null,
    demo: false,
    tiandituKey: null,
    clock,
    compute,
  });
});
afterAll(async () => {
  await store.close();
});

/** Tile column and row of a lon/lat at zoom z (Web Mercator). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  ];
}

async function json(path: string, on = app): Promise<FeatureCollection> {
  return (await (await on.request(path)).json()) as FeatureCollection;
}

/** Every feature of every tile over the province at zoom Z, by layer (with duplicates across tiles). */
async function allTileFeatures(
  on: ReturnType<typeof createApp> = app,
): Promise<Record<string, Record<string, unknown>[]>> {
  const coords = province.plans.flatMap((p) => p.features.flatMap((f) => f.geometry.coordinates));
  const xs = coords.map((c) => tileOf(c[0] as number, c[1] as number, Z));
  const [x0, x1] = [Math.min(...xs.map((t) => t[0])), Math.max(...xs.map((t) => t[0]))];
  const [y0, y1] = [Math.min(...xs.map((t) => t[1])), Math.max(...xs.map((t) => t[1]))];
  const out: Record<string, Record<string, unknown>[]> = { zones: [], markers: [] };
  for (let x = x0 - 1; x <= x1 + 1; x++)
    for (let y = y0 - 1; y <= y1 + 1; y++) {
      const res = await on.request(`/tiles/published/${Z}/${x}/${y}.pbf`, {
        headers: { 'accept-encoding': 'identity' },
      });
      if (res.status === 204) continue;
      expect(res.status).toBe(200);
      const tile = new VectorTile(new Pbf(new Uint8Array(await res.arrayBuffer())));
      expect(Object.keys(tile.layers).every((l) => l === 'zones' || l === 'markers')).toBe(true);
      for (const [name, layer] of Object.entries(tile.layers))
        for (let i = 0; i < layer.length; i++)
          out[name]?.push({ ...layer.feature(i).properties, _type: layer.feature(i).type });
    }
  return out;
}

/** A feature's identity across tiles: its properties without nulls (a vector tile keeps no null). */
const key = (p: Record<string, unknown>) =>
  JSON.stringify(
    Object.entries(p)
      .filter(([k, v]) => v !== null && v !== undefined && k !== '_type')
      .toSorted(([a], [b]) => a.localeCompare(b)),
  );

describe('published vector tiles', () => {
  it('hold the features and properties of /api/zones and /api/markers, and no draft', async () => {
    const zones = await json('/api/zones');
    const markers = await json('/api/markers');
    expect(zones.features.length).toBeGreaterThan(10);
    const tiles = await allTileFeatures();
    const fromTiles = new Set((tiles.zones ?? []).map(key));
    const fromApi = new Set(zones.features.map((f: Feature) => key(f.properties ?? {})));
    expect(fromTiles).toEqual(fromApi);
    const markerTiles = new Set((tiles.markers ?? []).map(key));
    expect(markerTiles).toEqual(new Set(markers.features.map((f) => key(f.properties ?? {}))));
    const published = new Set((await store.listPublications()).map((p) => p.planId));
    const drafts = (await store.listPlans()).filter(
      (p) => !published.has(p.record.id) && p.stage !== 'not-started',
    );
    expect(drafts.length).toBeGreaterThan(0);
    for (const f of [...(tiles.zones ?? []), ...(tiles.markers ?? [])])
      expect(published.has(f.plan as string)).toBe(true);
  });

  it('answers 204 outside the data and 400 on a bad address', async () => {
    const far = await app.request('/tiles/published/11/0/0.pbf');
    expect(far.status).toBe(204);
    for (const bad of ['23/0/0', '3/8/0', '3/0/8', '01/0/0', 'a/0/0', '3/0/-1', '3/0/1e0'])
      expect((await app.request(`/tiles/published/${bad}.pbf`)).status, bad).toBe(400);
    const res = await app.request('/tiles/published/3/0/x.pbf', {
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('瓦片地址');
  });

  it('is gzipped, revalidated by ETag, and changes with a publication', async () => {
    const first = province.plans.find((p) => p.moves.at(-1)?.to === 'published');
    const [lon, lat] = (first?.features[0]?.geometry.coordinates[0] ?? []) as [number, number];
    const [x, y] = tileOf(lon, lat, Z);
    const url = `/tiles/published/${Z}/${x}/${y}.pbf`;
    const a = await app.request(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(a.status).toBe(200);
    expect(a.headers.get('content-encoding')).toBe('gzip');
    expect(a.headers.get('cache-control')).toBe('no-cache');
    const etag = a.headers.get('etag') as string;
    expect((await app.request(url, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const waiting = province.plans.find((p) => p.moves.at(-1)?.to === 'deliverables');
    if (!waiting) throw new Error('the seed has no plan at 成果文件制作与验收');
    const version = await store.latestGeometry(waiting.record.id);
    const built = await buildPublication(
      { store, compute, clock, geodata: province },
      waiting.record,
      version as NonNullable<typeof version>,
      'test',
    );
    if (!built.ok) throw new Error('not publishable');
    expect(await store.publish(built.publication, 'deliverables', 'test')).toBe(true);
    const b = await app.request(url, { headers: { 'if-none-match': etag } });
    expect(b.status).not.toBe(304);
    expect(b.headers.get('etag')).not.toBe(etag);
    const tiles = await allTileFeatures();
    expect(tiles.zones?.some((f) => f.plan === waiting.record.id)).toBe(true);
  });
});

describe('GET /api/config publishedLayer', () => {
  it('is geojson up to the threshold of published plans, tiles above it, or as configured', async () => {
    const published = (await store.listPublications()).length;
    expect(published).toBeLessThanOrEqual(TILES_ABOVE_PLANS);
    const config = async (a: ReturnType<typeof createApp>) =>
      ((await (await a.request('/api/config')).json()) as { publishedLayer: string })
        .publishedLayer;
    expect(await config(app)).toBe('geojson');
    const { geodata } = bundledRegister();
    const base = { store, geodata, distDir: null, demo: false, tiandituKey: null, clock, compute };
    expect(await config(createApp({ ...base, publishedLayer: 'tiles' }))).toBe('tiles');
    expect(publishedLayerFor(TILES_ABOVE_PLANS, 'auto')).toBe('geojson');
    expect(publishedLayerFor(TILES_ABOVE_PLANS + 1, 'auto')).toBe('tiles');
    expect(publishedLayerFor(5000, 'geojson')).toBe('geojson');
    expect(() => readPublishedLayer('vector')).toThrow(/HEJIE_PUBLISHED_LAYER/);
  });
});

describe('published vector tiles from PostGIS (ST_AsMVT)', () => {
  it("hold what /api/zones and /api/markers serve, as the app's own tiler does", async () => {
    const url = await freshPgUrl();
    const pgStore = await openPgStore(url, clock);
    const pool = openPgTilePool(url);
    try {
      const w = await writeSynthProvince(province, {
        store: pgStore,
        compute,
        setNow: (at) => {
          now = at;
        },
        force: false,
      });
      if (!w.ok) throw new Error(w.error.code);
      const { geodata } = bundledRegister();
      const onPg = createApp({
        store: pgStore,
        geodata,
        distDir: null,
        demo: false,
        tiandituKey: null,
        clock,
        compute,
        publishedTiles: createPgPublishedTiles(pool),
      });
      const zones = await json('/api/zones', onPg);
      const markers = await json('/api/markers', onPg);
      const tiles = await allTileFeatures(onPg);
      expect(new Set((tiles.zones ?? []).map(key))).toEqual(
        new Set(zones.features.map((f) => key(f.properties ?? {}))),
      );
      expect(new Set((tiles.markers ?? []).map(key))).toEqual(
        new Set(markers.features.map((f) => key(f.properties ?? {}))),
      );
      expect((await onPg.request('/tiles/published/11/0/0.pbf')).status).toBe(204);
      expect((await onPg.request('/tiles/published/3/9/0.pbf')).status).toBe(400);

      // published again (a new version): the tiles hold only the newest publication of the plan
      const again = province.plans.find((p) => p.moves.at(-1)?.to === 'published');
      if (!again) throw new Error('the seed has no published plan');
      const id = again.record.id;
      const before = await pgStore.latestGeometry(id);
      if (!before) throw new Error('no version');
      await pgStore.moveStage(id, 'published', 'deliverables', 'test', 'again');
      const saved = await pgStore.saveGeometry(id, before.version, before.features, 'test', 'v2');
      if (!saved.ok) throw new Error('save refused');
      const built = await buildPublication(
        { store: pgStore, compute, clock, geodata: province },
        again.record,
        saved.version,
        'test',
      );
      if (!built.ok) throw new Error('not publishable');
      expect(await pgStore.publish(built.publication, 'deliverables', 'test')).toBe(true);
      const after = await allTileFeatures(onPg);
      const versions = new Set(
        [...(after.zones ?? [])].filter((f) => f.plan === id).map((f) => f.version),
      );
      expect(versions).toEqual(new Set([saved.version.version]));
      expect(new Set((after.zones ?? []).map(key))).toEqual(
        new Set((await json('/api/zones', onPg)).features.map((f) => key(f.properties ?? {}))),
      );

      // many requests for a tile not cut yet wait for one query
      const cuts = vi.spyOn(pool, 'query');
      const [lon, lat] = (again.features[0]?.geometry.coordinates[0] ?? []) as [number, number];
      const [x, y] = tileOf(lon, lat, 13);
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => onPg.request(`/tiles/published/13/${x}/${y}.pbf`)),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
      const mvt = cuts.mock.calls.filter((c) => String(c[0]).includes('ST_AsMVT'));
      expect(mvt.length).toBe(1);
      cuts.mockRestore();
    } finally {
      await pool.end();
      await pgStore.close();
    }
  }, 60_000);
});
