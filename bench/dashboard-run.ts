// Child process of `npm run bench` (bench/dashboard.ts), or
// `npx tsx bench/dashboard-run.ts <plans> [runs]` after a build: the 进度看板's first render in
// Debian chromium, logged in as the demo planner (every plan), at 1366 × 900, against the built front
// end served over loopback by the app on the history of bench/progress-seed.ts (the register's 36
// plans, or <plans> synthetic plans: flagged synthetic in every record, never in the demo).
// Ready = `.dash-grid[data-ready="1"]` with its SVG charts in the DOM: the page sets data-ready once
// every chart has its data (the months' counts 2019-06 … 2026-12 in one GET /api/progress/series, the
// month's GET /api/progress, and the matrix).
// The reference, in the same process, server and browser: the same app's start page until the
// register's first row. Each is the median of `runs` fresh contexts after one warm-up run.
// Prints one JSON line of rows.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../src/server/app';
import { launchBrowser } from '../tests/helpers/browser';
import { ROOT } from '../tests/helpers/register';
import { noPool, seedProgressStore } from './progress-seed';
import { loadUntil } from './workspaces';

const count = Number(process.argv[2] ?? 36);
const runs = Number(process.argv[3] ?? 5);

const median = (xs: number[]) => {
  const s = xs.toSorted((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const { store, geodata, clock } = await seedProgressStore(count);
const app = createApp({
  store,
  geodata,
  distDir: join(ROOT, 'dist'),
  demo: true,
  tiandituKey: null,
  clock,
  compute: noPool,
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const login = await app.request('/api/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'planner', password: 'demo-planner' }),
});
const cookie = /hejie_session=([^;]*)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
if (!cookie) throw new Error(`login failed: ${login.status}`);

const PAGES = [
  { key: 'register', path: '/', ready: `document.querySelector('table.plans tbody tr')` },
  {
    key: 'dashboard',
    path: '/progress',
    ready: `document.querySelector('.dash-grid[data-ready="1"] svg')`,
  },
] as const;

const browser = await launchBrowser();
const times: Record<string, number[]> = { register: [], dashboard: [] };
try {
  for (let i = 0; i < runs + 1; i++)
    for (const p of PAGES) {
      const context = await browser.newContext({
        viewport: { width: 1366, height: 900 },
        locale: 'zh-CN',
      });
      await context.addCookies([{ name: 'hejie_session', value: cookie, url }]);
      const t = await loadUntil(await context.newPage(), url + p.path, p.ready);
      if (i > 0) times[p.key]?.push(t); // the first run warms caches
      await context.close();
    }
} finally {
  await browser.close();
  server.close();
  await store.close();
}
const label = count === 36 ? '36 plans (register)' : `${count} synthetic plans`;
const dashboard = median(times.dashboard ?? []);
const register = median(times.register ?? []);
console.log(
  JSON.stringify([
    {
      what: `dashboard, ${label}: page load → register shown, logged in (reference; median of ${runs})`,
      value: register,
      unit: 'ms',
    },
    {
      what: `dashboard, ${label}: /progress load → every chart drawn (median of ${runs})`,
      value: dashboard,
      unit: 'ms',
    },
    { what: `  dashboard ÷ register, ${label}`, value: dashboard / register, unit: '×' },
  ]),
);
