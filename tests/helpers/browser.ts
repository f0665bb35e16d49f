import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ROOT } from './register';

/** Debian's chromium, headless, with no network chatter (the machine has no outside network). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

/**
 * Where the issues' before/after pictures go: test-results/shots/<topic> in the checkout (tests
 * never write outside it; CI's machine has no other place to count on). Created when asked for.
 */
export function shotsDir(topic: string): string {
  const dir = join(ROOT, 'test-results/shots', topic);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Saves a screenshot under test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Waits until the map has its data and has finished rendering (its `idle` event). */
export async function waitForMapIdle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector('[data-testid="map"][data-idle="1"]', { state: 'attached', timeout });
}
