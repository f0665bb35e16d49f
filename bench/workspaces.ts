// The workspaces in Debian chromium against the real server on a fresh database:
//   page load → interactive, per workspace (public register + map; planner's plan with its editor;
//   the chief's plan on a phone with the draft drawn), median of N fresh contexts;
//   "计算" → zones drawn, for each demo reach saved as a plan's version (median of 3 presses each).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadSampleReaches } from '../src/server/geodata';
import { DEMO_PLANNER, login, type TestAccount } from '../tests/helpers/accounts';
import { launchBrowser } from '../tests/helpers/browser';
import { saveVersion } from '../tests/helpers/plan-writes';
import { ROOT } from '../tests/helpers/register';
import { type RunningServer, startServer } from '../tests/helpers/server';

interface Row {
  what: string;
  value: number;
  unit: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const CHIEF: TestAccount = { username: 'gaopu', password: 'demo-gaopu', role: 'chief' };
const DESKTOP = { width: 1366, height: 820 };
const PHONE = { width: 360, height: 740 };

/** The demo reaches: the valid zone fixtures and the sample reach, each one plan's version. */
function demoReaches(): { name: string; features: Feature[] }[] {
  const dir = join(ROOT, 'tests/fixtures/zones/in');
  const fixtures = readdirSync(dir)
    .filter((f) => f.endsWith('.geojson') && !f.startsWith('invalid-'))
    .sort()
    .map((f) => ({
      name: f.replace('.geojson', ''),
      features: (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { features: Feature[] })
        .features,
    }));
  const sample = loadSampleReaches(join(ROOT, 'geodata')).features as Feature[];
  return [...fixtures, { name: 'sample 南流江', features: sample }];
}

async function save(server: RunningServer, planId: string, features: Feature[]): Promise<void> {
  await saveVersion(server.url, await login(server.url, DEMO_PLANNER), planId, features, 'bench');
}

/** A fresh context logged in as `account` (its session cookie), or anonymous. */
async function contextFor(
  browser: Browser,
  server: RunningServer,
  account: TestAccount | null,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  if (account) {
    const s = await login(server.url, account);
    const [name, value] = s.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
  }
  return context;
}

/** Time from navigation start until `ready` holds in the page (polled in the page, every frame). */
export async function loadUntil(page: Page, url: string, ready: string): Promise<number> {
  // an init script (injected by the browser, not subject to the page's CSP), not eval
  await page.addInitScript({
    content: `(() => {
      const poll = () => {
        if (${ready}) window.__readyAt = performance.now();
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    })();`,
  });
  await page.goto(url);
  await page.waitForFunction(
    () => (window as { __readyAt?: number }).__readyAt !== undefined,
    null,
    {
      timeout: 60_000,
      polling: 100,
    },
  );
  return page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
}

const MAP_IDLE = `document.querySelector('[data-testid="map"][data-idle="1"]')`;
const drawn = (layer: string) => `(window.hejieMap?.renderedIds('${layer}').length ?? 0) > 0`;

const WORKSPACES = [
  {
    what: 'public (register rows + map idle)',
    account: null,
    viewport: DESKTOP,
    path: '/',
    ready: `document.querySelector('table.plans tbody tr') && ${MAP_IDLE}`,
  },
  {
    what: 'planner, /plan/city-01 (panel with the editor + map idle)',
    account: DEMO_PLANNER,
    viewport: DESKTOP,
    path: '/plan/city-01',
    ready: `document.querySelector('.plan-panel .plan-editor .edit-toolbar') && document.querySelector('.plan-panel .draft-compute button') && ${MAP_IDLE}`,
  },
  {
    what: 'chief 高朴 on a 360 px phone, /plan/city-01 (draft drawn)',
    account: CHIEF,
    viewport: PHONE,
    path: '/plan/city-01',
    ready: `${drawn('draft-management')} && ${MAP_IDLE}`,
  },
];

async function pageLoads(browser: Browser, server: RunningServer, runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const w of WORKSPACES) {
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const context = await contextFor(browser, server, w.account, w.viewport);
      const t = await loadUntil(await context.newPage(), server.url + w.path, w.ready);
      if (i > 0) times.push(t); // the first run warms caches
      await context.close();
    }
    rows.push({
      what: `page load → interactive: ${w.what} (median of ${runs})`,
      value: median(times),
      unit: 'ms',
    });
  }
  return rows;
}

/**
 * Presses 计算 on an opened plan and times it until the draft's zones are on screen. A string, not
 * a function: tsx's keepNames would put a `__name` helper the page does not have into a function.
 */
const COMPUTE_TO_DRAWN = `new Promise((resolve, reject) => {
  const button = document.querySelector('.draft-compute button');
  const map = window.hejieMap;
  if (!button || !map) return reject(new Error('no 计算 button or no map'));
  const before = JSON.stringify(map.renderedIds('draft-management'));
  const t0 = performance.now();
  button.click();
  const stop = setTimeout(() => reject(new Error('no zones drawn in 60 s')), 60000);
  const poll = () => {
    const now = map.renderedIds('draft-management');
    if (now.length > 0 && JSON.stringify(now) !== before) {
      clearTimeout(stop);
      resolve(performance.now() - t0);
    } else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})`;

const computeToDrawn = (page: Page): Promise<number> => page.evaluate(COMPUTE_TO_DRAWN);

async function computeTimes(browser: Browser, server: RunningServer): Promise<Row[]> {
  const rows: Row[] = [];
  const reaches = demoReaches();
  const planIds = [
    'city-01',
    'city-02',
    'city-03',
    'city-04',
    'city-06',
    'city-07',
    'county-01',
    'city-05',
  ];
  for (const [i, reach] of reaches.entries()) {
    const planId = planIds[i] as string;
    await save(server, planId, reach.features);
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const context = await contextFor(browser, server, DEMO_PLANNER, DESKTOP);
      const page = await context.newPage();
      await loadUntil(
        page,
        `${server.url}/plan/${planId}`,
        `document.querySelector('.plan-panel .draft-compute button:not([disabled])') && ${MAP_IDLE}`,
      );
      times.push(await computeToDrawn(page));
      await context.close();
    }
    rows.push({
      what: `"计算" → zones drawn, first press on a fresh page (worker start and GEOS load included): ${reach.name} (median of 3)`,
      value: median(times),
      unit: 'ms',
    });
  }
  return rows;
}

/** Rows for `npm run bench`. */
export async function benchWorkspaces(runs: number): Promise<Row[]> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    await save(server, 'city-01', demoReaches()[0]?.features ?? []);
    return [...(await pageLoads(browser, server, runs)), ...(await computeTimes(browser, server))];
  } finally {
    await browser.close();
    await server.stop();
  }
}
