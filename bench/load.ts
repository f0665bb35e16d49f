// Load figures for `npm run bench` (issue 5): the real server (`npm start`'s process, SQLite file on
// a fresh data dir) on loopback, autocannon in this process with 50 connections for a bounded time
// per run: requests/s and p99 latency of GET /api/plans and GET /api/zones (plain and revalidated
// with If-None-Match → 304), then several clients editing one plan's geometry with baseVersion at
// once: every acknowledged save must be a version in the store, none lost. Prints, never asserts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import type { Feature } from 'geojson';
import { openSqliteStore } from '../src/server/store/sqlite-store';
import { login, provisionAccounts, type Session, STRESS_PLANNER } from '../tests/helpers/accounts';
import { editFeatures, send } from '../tests/helpers/plan-writes';
import { startServer } from '../tests/helpers/server';

interface Row {
  what: string;
  value: number;
  unit: string;
  target?: number;
}

/** Seconds per measured run (BENCH_LOAD_SECONDS overrides); each is preceded by a 2 s warm-up. */
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const CONNECTIONS = 50;
const EDITORS = 8;
const EDITED = 'city-05';

async function hammer(
  label: string,
  url: string,
  headers: Record<string, string>,
  rows: Row[],
  targets: { rps?: number; p99?: number } = {},
): Promise<void> {
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
  const statuses = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;
  const seen = statuses.filter((s) => r[s] > 0).map((s) => `${r[s]} ${s}`);
  const what = `${label}, ${CONNECTIONS} connections, ${SECONDS} s (${seen.join(', ')}${r.errors ? `, ${r.errors} errors` : ''})`;
  // bench/run.ts reads `target` as an upper bound; a throughput floor goes into the label instead
  const floor = targets.rps
    ? ` [target ≥ ${targets.rps}, ratio ${(r.requests.average / targets.rps).toFixed(2)}${r.requests.average >= targets.rps ? ' ✓' : ' ✗'}]`
    : '';
  rows.push({ what: `${what}: requests/s${floor}`, value: r.requests.average, unit: 'req/s' });
  rows.push({
    what: `${label}: p99 latency`,
    value: r.latency.p99,
    unit: 'ms',
    ...(targets.p99 ? { target: targets.p99 } : {}),
  });
  rows.push({ what: `${label}: mean latency`, value: r.latency.average, unit: 'ms' });
}

/** One editor: reads the newest version, saves on top of it, on 409 takes the current one. */
async function editor(
  url: string,
  session: Session,
  id: number,
  until: number,
  acked: Map<number, Feature[]>,
  stats: { conflicts: number; latencies: number[] },
): Promise<void> {
  const first = await send(url, session, 'GET', `/api/plans/${EDITED}/geometry`);
  if (first?.status !== 200) throw new Error(`read ${EDITED}: ${first?.status}`);
  let base = (first.body as { version: number }).version;
  for (let seq = 1; Date.now() < until; seq++) {
    const features = editFeatures(id * 100_000 + seq);
    const t0 = performance.now();
    const r = await send(url, session, 'PUT', `/api/plans/${EDITED}/geometry`, {
      features,
      baseVersion: base,
    });
    stats.latencies.push(performance.now() - t0);
    if (!r) throw new Error('the server stopped answering');
    const body = r.body as { version?: number; current?: { version: number } };
    if (r.status === 201 && body.version !== undefined) {
      acked.set(body.version, features);
      base = body.version;
    } else if (r.status === 409 && body.current) {
      stats.conflicts += 1;
      base = body.current.version;
    } else throw new Error(`edit: ${r.status} ${JSON.stringify(r.body)}`);
  }
}

async function concurrentEdits(
  url: string,
  dataDir: string,
  stop: () => Promise<void>,
  rows: Row[],
) {
  const sessions: Session[] = [];
  for (let i = 0; i < EDITORS; i++) sessions.push(await login(url, STRESS_PLANNER));
  const acked = new Map<number, Feature[]>();
  const stats = { conflicts: 0, latencies: [] as number[] };
  const t0 = performance.now();
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(sessions.map((s, i) => editor(url, s, i + 1, until, acked, stats)));
  const seconds = (performance.now() - t0) / 1000;
  await stop();
  // every acknowledged save is a version in the store, with what that client sent
  const store = openSqliteStore(join(dataDir, 'hejie.sqlite'));
  const latest = (await store.latestGeometry(EDITED))?.version ?? 0;
  let lost = 0;
  for (const [version, features] of acked) {
    const saved = await store.getGeometry(EDITED, version);
    if (!isDeepStrictEqual(saved?.features, features)) lost += 1;
  }
  await store.close();
  const sorted = [...stats.latencies].sort((a, b) => a - b);
  const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? Number.NaN;
  const label = `concurrent edits, ${EDITORS} clients on one plan with baseVersion, ${SECONDS} s`;
  rows.push({
    what: `${label}: acknowledged saves/s`,
    value: acked.size / seconds,
    unit: 'saves/s',
  });
  rows.push({
    what: `${label}: 409 (stale, re-read and retried)`,
    value: stats.conflicts,
    unit: '',
  });
  rows.push({ what: `${label}: PUT p99 latency`, value: p99, unit: 'ms' });
  rows.push({
    what: `${label}: ${acked.size} acknowledged, ${latest} versions in the store; lost or altered`,
    value: lost + Math.abs(latest - acked.size),
    unit: 'saves',
  });
}

/** A plain run of a GET, then a revalidated one (If-None-Match → 304) when it sends an ETag. */
async function plainAndRevalidated(
  url: string,
  path: string,
  rows: Row[],
  targets: { plain?: boolean; revalidated?: boolean },
): Promise<void> {
  const gzip = { 'accept-encoding': 'gzip' };
  const goal = { rps: 2000, p99: 50 };
  await hammer(
    `GET ${path}, plain (gzip accepted)`,
    url + path,
    gzip,
    rows,
    targets.plain ? goal : {},
  );
  const etag = (await fetch(url + path, { headers: gzip })).headers.get('etag');
  if (!etag) {
    rows.push({ what: `GET ${path}, revalidated: no ETag, not measured`, value: 0, unit: '' });
    return;
  }
  const revalidate = { ...gzip, 'if-none-match': etag };
  const label = `GET ${path}, revalidated (If-None-Match → 304)`;
  await hammer(label, url + path, revalidate, rows, targets.revalidated ? goal : {});
}

/** The load runs; the rows are printed by bench/run.ts with the other figures. */
export async function benchLoad(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'hejie-load-'));
  try {
    await provisionAccounts(dir, [STRESS_PLANNER]);
    const server = await startServer({}, dir);
    try {
      // the floor: the smallest JSON route through the same middleware (headers, CSRF, session)
      await hammer(
        'GET /api/config (floor: middleware only)',
        `${server.url}/api/config`,
        {},
        rows,
      );
      await plainAndRevalidated(server.url, '/api/plans', rows, { plain: true, revalidated: true });
      await plainAndRevalidated(server.url, '/api/zones', rows, { revalidated: true });
      await concurrentEdits(server.url, dir, () => server.stop(true), rows);
    } finally {
      await server.stop(true);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
