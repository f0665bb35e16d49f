// Child process of `npm run bench` (bench/progress.ts), or `npx tsx bench/progress-run.ts <plans>`:
// GET /api/progress over a history of 90 months (2019-06 … 2026-11) in the SQLite store, for the
// bundled register's 36 plans or a synthetic province of <plans> plans (bench/progress-seed.ts:
// flagged synthetic in every record, never in the demo). Prints one JSON line of rows: the first
// request (the history read from the store), then ms per request over the 90 months, median and p99,
// and GET /api/progress/series of the same 90 months in one request (median of 9) against the 90
// single-month requests it replaces.
import { monthsBetween } from '../src/domain/progress/report-month';
import { createApp } from '../src/server/app';
import { noPool, seedProgressStore } from './progress-seed';

const count = Number(process.argv[2] ?? 36);
const { store, geodata, clock, seedMs } = await seedProgressStore(count);
const app = createApp({
  store,
  geodata,
  distDir: null,
  demo: true,
  tiandituKey: null,
  clock,
  compute: noPool,
});
const login = await app.request('/api/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password: 'demo-admin' }),
});
const cookie = /hejie_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
const months = monthsBetween('2019-06', '2026-11');
const get = async (month: string) => {
  const a = performance.now();
  const res = await app.request(`/api/progress?month=${month}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  return performance.now() - a;
};
const first = await get('2026-11');
const times: number[] = [];
for (let round = 0; round < 3; round++) for (const m of months) times.push(await get(m));
const perMonthTotal = times.reduce((a, b) => a + b, 0) / 3;
times.sort((a, b) => a - b);
const seriesTimes: number[] = [];
let seriesBytes = 0;
for (let k = 0; k < 9; k++) {
  const a = performance.now();
  const res = await app.request('/api/progress/series?from=2019-06&to=2026-11', {
    headers: { cookie },
  });
  if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
  seriesBytes = (await res.arrayBuffer()).byteLength;
  seriesTimes.push(performance.now() - a);
}
seriesTimes.sort((a, b) => a - b);
const series = seriesTimes[4] as number;
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] as number;
const label =
  count === 36
    ? 'progress: 36 plans (register), 90 months'
    : `progress: ${count} synthetic plans, 90 months`;
console.log(
  JSON.stringify([
    { what: `${label}: seeding the history (store writes)`, value: seedMs / 1000, unit: 's' },
    { what: `${label}: first GET /api/progress (history read)`, value: first, unit: 'ms' },
    { what: `${label}: GET /api/progress, median of ${times.length}`, value: at(0.5), unit: 'ms' },
    { what: `${label}: GET /api/progress, p99`, value: at(0.99), unit: 'ms', target: 100 },
    { what: `${label}: the 90 single-month GETs, summed`, value: perMonthTotal, unit: 'ms' },
    {
      what: `${label}: GET /api/progress/series, 90 months, median of 9`,
      value: series,
      unit: 'ms',
    },
    { what: `${label}: GET /api/progress/series answer`, value: seriesBytes / 1024, unit: 'KiB' },
    { what: `  ${label}: series ÷ 90 single-month GETs`, value: series / perMonthTotal, unit: '×' },
  ]),
);
await store.close();
