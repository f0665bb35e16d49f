import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader as Pbf } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { createMemoryStore } from '../../src/server/store/memory-store';
import { rawGet } from '../helpers/raw-get';
import { bundledRegister } from '../helpers/register';
import { type RunningServer, startServer } from '../helpers/server';

const { geodata } = bundledRegister();

async function memoryApp(now = '2019-11-15T12:00:00+08:00') {
  const store = createMemoryStore();
  await store.seedIfEmpty(
    { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'test' },
    'test',
  );
  return createApp({
    store,
    geodata,
    distDir: null,
    demo: true,
    tiandituKey: null,
    clock: () => new Date(now),
  });
}

describe('API (in process, memory store)', () => {
  it('GET /api/plans: 36 plans with stable ids, the seed fields, stage and overdue', async () => {
    const app = await memoryApp();
    const res = await app.request('/api/plans');
    expect(res.status).toBe(200);
    const plans = (await res.json()) as Record<string, unknown>[];
    expect(plans).toHaveLength(36);
    expect(plans.find((p) => p.id === 'city-01')).toMatchObject({
      level: '市级',
      seq: 1,
      name: '钦江',
      basinAreaKm2: 2391,
      chief: '高朴',
      unit: '市水利局',
      leader: '刘佐',
      deadline: '2019年10月',
      dueDate: '2019-10-31',
      note: '示范性河流',
      stage: 'not-started',
      stageLabel: '未开始',
      overdue: true,
    });
    expect(plans.find((p) => p.id === 'county-14')).toMatchObject({
      basinAreaKm2: null,
      section: '康干渠段',
    });
    expect(plans.filter((p) => p.overdue)).toHaveLength(6);
  });

  it('filters by query parameters and rejects bad ones with the field named', async () => {
    const app = await memoryApp();
    const q = async (s: string) =>
      (await (await app.request(`/api/plans?${s}`)).json()) as { name: string }[];
    expect((await q(`q=${encodeURIComponent('武思江')}`)).map((p) => p.name)).toEqual(['武惠江']);
    expect(await q('county=450722')).toHaveLength(2);
    expect(await q('overdue=false&tier=2019-12')).toHaveLength(9);
    const bad = await app.request('/api/plans?overdue=maybe');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'overdue' });
    const unknown = await app.request('/api/plans?colour=red');
    expect(unknown.status).toBe(400);
  });

  it('GET /api/plans/:id, /api/rivers and /api/rivers/:name (also by alias)', async () => {
    const app = await memoryApp();
    expect((await app.request('/api/plans/county-09')).status).toBe(200);
    expect((await app.request('/api/plans/county-99')).status).toBe(404);
    const rivers = (await (await app.request('/api/rivers')).json()) as { id: string }[];
    expect(rivers.length).toBe(34);
    const alias = await app.request(`/api/rivers/${encodeURIComponent('武思江')}`);
    expect(await alias.json()).toMatchObject({ id: 'wuhuijiang', name: '武惠江' });
  });

  it('answers unknown API routes with JSON 404 and sends security headers', async () => {
    const app = await memoryApp();
    const res = await app.request('/api/nothing');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: expect.stringContaining('/api/nothing') });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain('tianditu.gov.cn');
    // issue 17: no forms to elsewhere, no <base>, no framing, no inline styles
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeNull(); // plain HTTP
  });

  it('serves only the listed map files', async () => {
    const app = await memoryApp();
    expect((await app.request('/geodata/plans.csv')).status).toBe(404);
    expect((await app.request('/geodata/..%2Fpackage.json')).status).toBe(404);
    const bounds = await app.request('/geodata/bounds.json');
    expect([200, 404]).toContain(bounds.status);
  });

  it('GET /api/zones: the sample reach of 南流江, computed by the zone engine, marked sample', async () => {
    const app = await memoryApp();
    const fc = (await (await app.request('/api/zones')).json()) as {
      features: {
        properties: {
          reach: string;
          kind: string;
          bank?: string;
          sample: boolean;
          areaM2: number;
          crs: string;
        };
      }[];
    };
    expect(
      fc.features.map((f) =>
        [f.properties.reach, f.properties.kind, f.properties.bank, f.properties.sample].filter(
          (v) => v !== undefined,
        ),
      ),
    ).toEqual([
      ['NLJ-S01', 'management', true],
      ['NLJ-S01', 'protection', true],
      ['NLJ-S01', 'management-line', 'left', true],
      ['NLJ-S01', 'management-line', 'right', true],
      ['NLJ-S01', 'protection-line', 'left', true],
      ['NLJ-S01', 'protection-line', 'right', true],
    ]);
    expect(fc.features[0]?.properties.crs).toBe('EPSG:4546');
    expect(fc.features[0]?.properties.areaM2).toBeGreaterThan(2.7e6);
  });

  it('GET /tiles/base/{z}/{x}/{y}.pbf: vector tiles of the base map, one layer per dataset', async () => {
    const app = await memoryApp();
    // z8 tile over Qinzhou city (108.6E 21.95N)
    const res = await app.request('/tiles/base/8/205/112.pbf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-protobuf');
    const tile = new VectorTile(new Pbf(gunzipSync(Buffer.from(await res.arrayBuffer()))));
    expect(Object.keys(tile.layers).sort()).toEqual(
      expect.arrayContaining(['coast', 'counties', 'county-labels', 'extent', 'sea', 'water']),
    );
    const counties = tile.layers.counties;
    const names = Array.from(
      { length: counties?.length ?? 0 },
      (_, i) => counties?.feature(i).properties.name,
    );
    expect(names).toContain('钦南区');
    // the open ocean far from the data: no tile
    expect((await app.request('/tiles/base/8/0/0.pbf')).status).toBe(204);
    for (const bad of [
      '/tiles/base/8/300/112.pbf',
      '/tiles/base/x/1/1.pbf',
      '/tiles/base/8/1/1.png',
      // canonical integers only (issue 17): exponents, hex, spaces, leading zeros, signs
      '/tiles/base/1e1/0/0.pbf',
      '/tiles/base/0x8/0/0.pbf',
      '/tiles/base/%208/0/0.pbf',
      '/tiles/base/8/%20/0.pbf',
      '/tiles/base/8/0/%200.pbf',
      '/tiles/base/08/0/0.pbf',
      '/tiles/base/+8/0/0.pbf',
      '/tiles/base/8.0/0/0.pbf',
    ]) {
      expect((await app.request(bad)).status).toBe(400);
    }
  });

  it('GET /api/config exposes the demo flag and the server key only', async () => {
    const app = await memoryApp();
    expect(await (await app.request('/api/config')).json()).toMatchObject({
      demo: true,
      tiandituKey: null,
    });
  });
});

describe('npm start (real process, real SQLite file)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('creates and seeds the SQLite file under HEJIE_DATA on first run', async () => {
    expect(server.log()).toContain('seeded now');
    expect(existsSync(join(server.dataDir, 'hejie.sqlite'))).toBe(true);
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as Record<
      string,
      unknown
    >;
    expect(health).toMatchObject({ ok: true, plans: 36, demo: true, store: { kind: 'sqlite' } });
  });

  it('serves the 36 plans and the built front end', async () => {
    const plans = (await (await fetch(`${server.url}/api/plans`)).json()) as unknown[];
    expect(plans).toHaveLength(36);
    const page = await fetch(`${server.url}/river/${encodeURIComponent('钦江')}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    // the first screen's data is in the page, as inert JSON that cannot close its own tag
    const m = /<script type="application\/json" id="hejie-initial">([^<]*)<\/script>/.exec(html);
    expect(m).not.toBeNull();
    const data = JSON.parse(m?.[1] ?? '{}') as {
      plans: unknown[];
      rivers: unknown[];
      config: { demo: boolean };
    };
    expect(data.plans).toHaveLength(36);
    expect(data.rivers).toHaveLength(34);
    expect(data.config.demo).toBe(true);
  });

  it('writes a cached body in one piece, with its length, not as a chunked stream', async () => {
    // a middleware's header after the handler had made Hono rebuild the response as a web stream
    // (chunked, ~3× the cost per request at a province's register: src/server/late-header.ts)
    for (const path of ['/api/plans', '/api/zones', '/api/markers']) {
      const r = await rawGet(`${server.url}${path}`, { 'accept-encoding': 'gzip' });
      expect(r.status).toBe(200);
      expect(r.headers['transfer-encoding']).toBeUndefined();
      expect(Number(r.headers['content-length'])).toBe(r.body.length);
      expect(r.headers.vary).toContain('Cookie');
    }
  });

  it('keeps its data on restart without seeding again', async () => {
    const dataDir = server.dataDir;
    await server.stop(true);
    server = await startServer({}, dataDir);
    expect(server.log()).not.toContain('seeded now');
    const plans = (await (await fetch(`${server.url}/api/plans`)).json()) as unknown[];
    expect(plans).toHaveLength(36);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    server = await startServer();
  }, 120_000);

  it('refuses a bad PORT with a clear message', async () => {
    await expect(startServer({ PORT: 'eighty' })).rejects.toThrow(/PORT must be 0–65535/);
  }, 60_000);
});
