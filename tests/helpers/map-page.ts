// What the browser tests of the app share: a page opened on the real server (its uncaught errors
// kept), the login dialog, what the map draws, and clicks at a lon/lat. The map is reached through
// the app's one test hook, window.hejieMap (set by its owner, src/ui/map-handle.ts).
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, waitForMapIdle } from './browser';
import { type RunningServer, startServer } from './server';

export const DESKTOP = { width: 1366, height: 820 };
export const PHONE = { width: 360, height: 740 };
export const LONG = { timeout: 30_000 };

/** A page of its own context at `url`, once the map is idle; `touch`: a phone with a touch screen. */
export async function openPage(
  browser: Browser,
  url: string,
  options: { viewport?: { width: number; height: number }; touch?: boolean } = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    locale: 'zh-CN',
    ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as unknown as { errors: string[] }).errors = errors;
  await page.goto(url);
  await waitForMapIdle(page);
  return { page, context };
}

/** The uncaught errors of a page opened by `openPage`. */
export const errorsOf = (page: Page): string[] => (page as unknown as { errors: string[] }).errors;

/** Logs in through the header's 登录 dialog. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.click('header nav button:has-text("登录")');
  const dialog = page.locator('dialog.login');
  await dialog.waitFor(LONG);
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('密码').fill(password);
  await dialog.locator('button[type="submit"]').click();
}

/** What a map layer draws on screen once the map has settled: ids, or one property's values. */
export const drawn = (page: Page, layer: string, property?: string): Promise<string[]> =>
  page.evaluate(
    async ([l, p]) => {
      await window.hejieMap?.settled();
      return (window.hejieMap?.renderedIds(l as string, p) ?? []).sort();
    },
    [layer, property] as const,
  );

/** The first matching element's text. */
export const textOf = async (page: Page, selector: string): Promise<string> =>
  (await page.locator(selector).first().textContent(LONG)) ?? '';

/** Page coordinates of a lon/lat on the map. */
export async function at(page: Page, lngLat: [number, number]): Promise<[number, number]> {
  const box = await page.locator('[data-testid="map"]').boundingBox();
  const [x, y] = (await page.evaluate((p) => window.hejieMap?.project(p), lngLat)) ?? [0, 0];
  return [(box?.x ?? 0) + x, (box?.y ?? 0) + y];
}

/** Clicks the points with the mouse, then the last one again (a double click) to finish a line. */
export async function drawLine(page: Page, points: [number, number][]): Promise<void> {
  for (const p of points) {
    const [x, y] = await at(page, p);
    await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.click(x, y);
    await page.waitForTimeout(80);
  }
  const [x, y] = await at(page, points.at(-1) as [number, number]);
  await page.mouse.click(x, y);
}

/**
 * What covers the map's edges in the planner's workspace: the plan panel on the right, the folded
 * 定位与测量 / 图层 / 图例 boxes at the top left (a click there opens a box, not a vertex). The map
 * is narrow beside the work list, so the lines go below the boxes rather than beside them.
 */
const PLANNER_COVER = { right: 360, top: 120 } as const;

/** Zooms the map to where the lines are (beside the plan panel and the map's controls) and waits for it to settle. */
export async function fitLines(page: Page, lines: [number, number][][]): Promise<void> {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of lines.flat()) {
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  }
  await page.evaluate((b) => window.hejieMap?.fitTo(b.box, { ...b.cover, bottom: 80 }, 16), {
    box,
    cover: PLANNER_COVER,
  });
  await page.evaluate(() => window.hejieMap?.settled());
}

/** Sets the selected line's class and width in the editor's form. */
async function setClassAndWidth(page: Page, klass: string, width: string): Promise<void> {
  const form = page.locator('.plan-panel .line-form');
  await form.locator('select[name="embankmentClass"]').selectOption(klass);
  await form.locator('select[name="widthM"]').selectOption(width);
}

/**
 * Draws a toe line with the line tool (already chosen), waits until the editor lists `count`
 * lines, and sets the new line's class and width.
 */
export async function drawToeLine(
  page: Page,
  points: [number, number][],
  count: number,
  klass: string,
  width: string,
): Promise<void> {
  await drawLine(page, points);
  await expect
    .poll(() => page.locator('.plan-panel .edit-reaches button[data-feature]').count(), LONG)
    .toBe(count);
  await setClassAndWidth(page, klass, width);
}

/** The app under test in one test file: the real server on a fresh database, and chromium. */
export interface AppUnderTest {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Restarts the server on the same database with `env` (e.g. a later HEJIE_NOW); log in again. */
  restart(env: Record<string, string>): Promise<void>;
}

/**
 * Starts the server (with `env`) and the browser before the file's tests and stops both after them;
 * the returned object has them once the tests run.
 */
export function appUnderTest(env: Record<string, string> = {}): AppUnderTest {
  let restarted = false;
  const app = {
    async restart(more: Record<string, string>) {
      await app.server.stop(true);
      app.server = await startServer({ ...env, ...more }, app.server.dataDir);
      restarted = true;
    },
  } as {
    server: RunningServer;
    browser: Browser;
    restart(e: Record<string, string>): Promise<void>;
  };
  beforeAll(async () => {
    [app.server, app.browser] = await Promise.all([startServer(env), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
    // a restarted server was given the first one's directory: removed here
    if (restarted && app.server) rmSync(app.server.dataDir, { recursive: true, force: true });
  });
  return app;
}
