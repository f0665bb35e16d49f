// The public map on a synthetic province with the published layer as vector tiles: the map reads
// /tiles/published/… (not /api/zones or /api/markers), draws the zones and markers, and a click on a
// zone opens its card with the plan's properties. The province is synthetic (hejie synth).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Position } from 'geojson';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { launchBrowser, screenshot, waitForMapIdle } from '../helpers/browser';
import { DESKTOP, LONG } from '../helpers/map-page';
import { type RunningServer, startServer } from '../helpers/server';

const dir = mkdtempSync(join(tmpdir(), 'hejie-province-'));
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const code = await runCli(
    ['synth', '--plans', '24', '--km', '240', '--seed', '3', '--out', join(dir, 'hejie.sqlite')],
    () => {},
    (s) => console.error(s),
  );
  if (code !== 0) throw new Error(`synth: ${code}`);
  [server, browser] = await Promise.all([
    startServer({ HEJIE_PUBLISHED_LAYER: 'tiles' }, dir),
    launchBrowser(),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('published layer as vector tiles', () => {
  it('draws the zones and markers from tiles, and a zone click opens its card', async () => {
    const config = (await (await fetch(`${server.url}/api/config`)).json()) as {
      publishedLayer: string;
    };
    expect(config.publishedLayer).toBe('tiles');
    const zones = (await (await fetch(`${server.url}/api/zones`)).json()) as FeatureCollection;
    const polygon = zones.features.find(
      (f) => f.geometry.type === 'MultiPolygon' && f.properties?.kind === 'management',
    );
    if (polygon?.geometry.type !== 'MultiPolygon') throw new Error('no published zone');
    const plan = polygon.properties?.plan as string;
    const ring = polygon.geometry.coordinates[0]?.[0] as Position[];
    const lons = ring.map((c) => c[0] as number);
    const lats = ring.map((c) => c[1] as number);
    const bbox = [
      lons.reduce((a, x) => Math.min(a, x)),
      lats.reduce((a, x) => Math.min(a, x)),
      lons.reduce((a, x) => Math.max(a, x)),
      lats.reduce((a, x) => Math.max(a, x)),
    ] as [number, number, number, number];

    const urls: string[] = [];
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    context.on('request', (r) => urls.push(new URL(r.url()).pathname));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await waitForMapIdle(page);
    await page.evaluate((b) => window.hejieMap?.fitTo(b, {}, 15), bbox);
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            await window.hejieMap?.settled();
            return window.hejieMap?.renderedIds('zone-management', 'plan') ?? [];
          }),
        LONG,
      )
      .toContain(plan);
    expect(urls.some((u) => u.startsWith('/tiles/published/'))).toBe(true);
    expect(urls.filter((u) => u === '/api/zones' || u === '/api/markers')).toEqual([]);
    await expect
      .poll(() => page.evaluate(() => window.hejieMap?.renderedIds('markers', 'plan') ?? []), LONG)
      .toContain(plan);

    // a click across the sine reach at the middle of the zone's box: one point lies on the zone
    const box = await page.locator('[data-testid="map"]').boundingBox();
    const centre = await page.evaluate(
      (b) =>
        window.hejieMap?.project([
          ((b[0] as number) + (b[2] as number)) / 2,
          ((b[1] as number) + (b[3] as number)) / 2,
        ]),
      bbox,
    );
    if (!centre || !box) throw new Error('no map');
    for (let dy = -60; dy <= 60; dy += 4) {
      await page.mouse.click(box.x + centre[0], box.y + centre[1] + dy);
      if (await page.locator('.feature-card').isVisible()) break;
    }
    const card = page.locator('.feature-card');
    await card.waitFor(LONG);
    expect(await card.textContent()).toMatch(/合成河流|管理范围/);
    await screenshot(page, 'published-tiles-card');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
