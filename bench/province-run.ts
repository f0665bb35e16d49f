// Child process of `npm run bench` (bench/province.ts), or `npx tsx bench/province-run.ts <plans>`:
// a synthetic province (hejie synth, 10 km per plan, flagged synthetic) on SQLite and on PostgreSQL
// side by side. Measures: the synth itself; `hejie store copy` of the whole province into PostgreSQL;
// publishing a 200 km plan (compute + the store's transaction) on each; then, at 50 connections on
// loopback (bench/http-load.ts), GET /api/plans and published tiles on one SQLite instance and on TWO
// PostgreSQL instances sharing the database (25 connections each, at the same time). Prints one JSON
// line of rows; never asserts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/main';
import { synthProvince } from '../src/domain/synth/synth-province';
import { createComputePool } from '../src/server/compute/compute-pool';
import { buildPublication } from '../src/server/routes/publish-plan';
import { openPgStore } from '../src/server/store/pg-store';
import { openSqliteStore } from '../src/server/store/sqlite-store';
import type { Store } from '../src/server/store/store';
import { createTestDatabase, startPgCluster } from '../tests/helpers/pg-cluster';
import { rawGet } from '../tests/helpers/raw-get';
import { type RunningServer, startServer } from '../tests/helpers/server';
import { bareServer, httpLoad } from './http-load';

const plans = Number(process.argv[2] ?? 500);
const SECONDS = Number(process.env.BENCH_PROVINCE_SECONDS ?? 10);
const rows: { what: string; value: number; unit: string; target?: number }[] = [];
const label = `province ${plans} plans`;
const quiet = () => {};

/** Tile column and row of a lon/lat at zoom z (Web Mercator). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  ];
}

/** 200 tile paths at z12 along the reaches of published plans (what a map view asks for). */
function tilePaths(): string[] {
  const r = synthProvince({ plans, km: plans * 10, seed: 1 });
  if (!r.ok) throw new Error(r.error.code);
  const seen = new Set<string>();
  for (const p of r.province.plans.filter((q) => q.moves.at(-1)?.to === 'published'))
    for (const c of p.features[0]?.geometry.coordinates ?? []) {
      const [x, y] = tileOf(c[0] as number, c[1] as number, 12);
      seen.add(`/tiles/published/12/${x}/${y}.pbf`);
      if (seen.size >= 200) return [...seen];
    }
  return [...seen];
}

/**
 * 50 connections over the URLs' servers at once (split evenly), SECONDS long (bench/http-load.ts);
 * req/s summed, p99 over all requests. Then the same load on a bare node:http server answering
 * the first path's bytes (the reference: this machine with no app), and the ratios.
 */
async function load(what: string, urls: string[], paths: string[], target: number) {
  const headers = { 'accept-encoding': 'gzip' };
  const first = urls[0] ?? '';
  // a warm-up on the first path only: the other paths are met cold in the measured run
  await httpLoad({ urls, paths: paths.slice(0, 1), connections: 50, seconds: 2, headers });
  const app = await httpLoad({ urls, paths, connections: 50, seconds: SECONDS, headers });
  const sample = await rawGet(first + (paths[0] ?? ''), headers);
  const bare = await bareServer(sample.body, sample.headers);
  const ref = await httpLoad({
    urls: [bare.url],
    paths: ['/'],
    connections: 50,
    seconds: SECONDS,
    headers,
  });
  await bare.stop();
  rows.push({
    what: `${label}: ${what}, 50 connections (${app.bad} non-2xx/errors): requests/s`,
    value: app.rps,
    unit: 'req/s',
  });
  rows.push({ what: `${label}: ${what}: p99`, value: app.p99, unit: 'ms', target });
  rows.push({
    what: `${label}: ${what}: reference (bare node:http, the same ${sample.body.length} bytes): requests/s`,
    value: ref.rps,
    unit: 'req/s',
  });
  rows.push({ what: `${label}: ${what}: reference p99`, value: ref.p99, unit: 'ms' });
  rows.push({
    what: `${label}: ${what}: p99 ÷ reference p99`,
    value: app.p99 / ref.p99,
    unit: '×',
  });
}

/** A 200 km plan saved and published on a store (compute in-process, then the store's transaction). */
async function publish200(store: Store, kind: string) {
  const r = synthProvince({ plans: 1, km: 200, seed: 99 });
  if (!r.ok) throw new Error(r.error.code);
  const target = (await store.listPlans()).find((p) => p.stage === 'deliverables');
  if (!target) throw new Error('no plan at 成果文件制作与验收');
  const latest = await store.latestGeometry(target.record.id);
  const features = (r.province.plans[0]?.features ?? []).map((f) => ({
    ...f,
    properties: { ...f.properties, river: target.record.riverId },
  }));
  // the plan's own version number goes on: the long reach replaces its lines
  await store.moveStage(target.record.id, 'deliverables', 'draft', 'bench', '');
  const saved = await store.saveGeometry(
    target.record.id,
    latest?.version ?? 0,
    features,
    'bench',
    '200 km',
  );
  await store.moveStage(target.record.id, 'draft', 'deliverables', 'bench', '');
  if (!saved.ok) throw new Error('save refused');
  const compute = createComputePool({ size: 0 });
  const waterbodies = await store.listWaterbodies();
  const t0 = performance.now();
  const built = await buildPublication(
    { store, compute, clock: () => new Date(), geodata: { waterbodies } },
    target.record,
    saved.version,
    'bench',
  );
  const t1 = performance.now();
  if (!built.ok) throw new Error('not publishable');
  await store.publish(built.publication, 'deliverables', 'bench');
  const t2 = performance.now();
  rows.push({
    what: `${label}: publish a 200 km plan on ${kind}: zones + markers (compute)`,
    value: t1 - t0,
    unit: 'ms',
  });
  rows.push({
    what: `${label}: publish a 200 km plan on ${kind}: the store's transaction`,
    value: t2 - t1,
    unit: 'ms',
  });
}

const dir = mkdtempSync(join(tmpdir(), 'hejie-province-bench-'));
const cluster = await startPgCluster();
const servers: RunningServer[] = [];
try {
  const file = join(dir, 'sqlite', 'hejie.sqlite');
  const km = String(plans * 10);
  let t = performance.now();
  const synth = await runCli(
    ['synth', '--plans', String(plans), '--km', km, '--seed', '1', '--out', file],
    quiet,
    console.error,
  );
  if (synth !== 0) throw new Error('synth failed');
  rows.push({
    what: `${label}: hejie synth into SQLite (${km} km)`,
    value: (performance.now() - t) / 1000,
    unit: 's',
  });

  const url = await createTestDatabase(cluster.adminUrl);
  t = performance.now();
  if ((await runCli(['store', 'copy', '--from', file, '--to', url], quiet, console.error)) !== 0)
    throw new Error('store copy failed');
  rows.push({
    what: `${label}: hejie store copy SQLite → PostgreSQL (whole province, checked)`,
    value: (performance.now() - t) / 1000,
    unit: 's',
  });

  const sqlite = openSqliteStore(file);
  await publish200(sqlite, 'SQLite');
  await sqlite.close();
  const pgStore = await openPgStore(url);
  await publish200(pgStore, 'PostgreSQL');
  await pgStore.close();

  const paths = tilePaths();
  const one = await startServer({ HEJIE_MODE: 'production' }, join(dir, 'sqlite'));
  servers.push(one);
  t = performance.now();
  await fetch(`${one.url}${paths[0]}`);
  rows.push({
    what: `${label}: SQLite: first published tile (the tiler's index built)`,
    value: performance.now() - t,
    unit: 'ms',
  });
  await load('SQLite, 1 instance, GET /api/plans', [one.url], ['/api/plans'], 100);
  await load('SQLite, 1 instance, published tiles (200 z12 tiles)', [one.url], paths, 50);
  await one.stop(true);
  servers.pop();

  const pgEnv = { HEJIE_MODE: 'production', HEJIE_DATABASE_URL: url };
  const a = await startServer(pgEnv, join(dir, 'pg'));
  servers.push(a);
  const b = await startServer(pgEnv, join(dir, 'pg'));
  servers.push(b);
  for (const s of [a, b]) {
    t = performance.now();
    const res = await fetch(`${s.url}/api/plans`);
    await res.arrayBuffer();
    if (process.env.BENCH_PROVINCE_DEBUG)
      console.error(res.status, performance.now() - t, s.log().slice(-500));
  }
  await load('PostgreSQL, 2 instances, GET /api/plans', [a.url, b.url], ['/api/plans'], 100);
  await load('PostgreSQL, 2 instances, published tiles (200 z12 tiles)', [a.url, b.url], paths, 50);
} finally {
  for (const s of servers) await s.stop(true).catch(() => undefined);
  cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(rows));
