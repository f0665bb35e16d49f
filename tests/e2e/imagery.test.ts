// Imagery (影像底图, issue 18) in chromium: the admin adds a synthetic GeoTIFF (a grid of coloured
// cells, generated here) by its path on the server and watches the conversion; the map's layer
// switcher offers it with its date and source in the credit, and the screen's pixels at known
// coordinates have the cells' colours, to within one tile pixel across a cell boundary. The public
// sees no staff-only layer (and its tiles are 404) until the admin makes it public; then a phone
// shows it too.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shotsDir } from '../helpers/browser';
import { appUnderTest, DESKTOP, errorsOf, LONG, logIn, openPage, PHONE } from '../helpers/map-page';
import {
  cellLonLat,
  type SyntheticImage,
  writeSyntheticGeotiff,
} from '../helpers/synthetic-imagery';

const app = appUnderTest();
const SHOTS = shotsDir('imagery');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical axe-core violations inside `selector`. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (c: unknown) => Promise<unknown> } }).axe;
    const r = (await axe.run({ include: [[sel]] })) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}
const work = mkdtempSync(join(tmpdir(), 'hejie-imagery-e2e-'));
let image: SyntheticImage;
let layerId = '';

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
  image = writeSyntheticGeotiff(join(work, 'grid.tif'), { cells: 4, cellPx: 256, resolution: 1 });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The RGB of the screen at a lon/lat shifted by (dx, dy) CSS pixels. */
async function colourAt(page: Page, shot: Buffer, lonLat: [number, number], dx = 0, dy = 0) {
  const [x, y] = (await page.evaluate((p) => window.hejieMap?.project(p), lonLat)) ?? [0, 0];
  const box = await page.locator('[data-testid="map"]').boundingBox();
  const px = Math.round((box?.x ?? 0) + x + dx);
  const py = Math.round((box?.y ?? 0) + y + dy);
  const { data, info } = await sharp(shot).raw().toBuffer({ resolveWithObject: true });
  const i = (py * info.width + px) * info.channels;
  return [data[i], data[i + 1], data[i + 2]] as number[];
}

const near = (got: number[], want: readonly number[]) =>
  want.every((v, i) => Math.abs((got[i] as number) - v) <= 8);

/** Chooses the imagery layer in the switcher and shows the grid at zoom 17 (1 m ≈ 1 px). */
async function showGrid(page: Page) {
  const switcher = page.locator('details.layer-switcher');
  if (!(await switcher.evaluate((d) => (d as HTMLDetailsElement).open)))
    await switcher.locator('summary').click();
  const radio = switcher.locator(`input[value="imagery:${layerId}"]`);
  await radio.check(LONG);
  // the switcher and the legend fold away: the pixels checked are the map's own
  for (const d of ['details.layer-switcher', 'details.legend'])
    await page.locator(d).evaluate((e) => {
      (e as HTMLDetailsElement).open = false;
    });
  // cells 1–2 across, capped at zoom 17
  const [w, n] = cellLonLat(1.6, 1.4, image);
  const [e, s] = cellLonLat(2.4, 2.6, image);
  await page.evaluate((b) => window.hejieMap?.fitTo(b, {}, 17), [w, s, e, n] as [
    number,
    number,
    number,
    number,
  ]);
  await page.evaluate(() => window.hejieMap?.settled());
}

/** Checks two cell centres and both sides of the boundary between cells (1,1) and (2,1). */
async function checkPixels(page: Page, name: string) {
  const shot = await page.screenshot({ path: `${SHOTS}/${name}.png` });
  for (const [col, row] of [
    [1.5, 1.5],
    [2.5, 2.5],
  ] as const) {
    const got = await colourAt(page, shot, cellLonLat(col, row, image));
    expect(
      near(got, image.colour(Math.floor(col), Math.floor(row))),
      `cell ${col},${row}: ${got}`,
    ).toBe(true);
  }
  const edge = cellLonLat(2, 1.5, image);
  const west = await colourAt(page, shot, edge, -2);
  const east = await colourAt(page, shot, edge, 2);
  expect(near(west, image.colour(1, 1)), `west of the boundary: ${west}`).toBe(true);
  expect(near(east, image.colour(2, 1)), `east of the boundary: ${east}`).toBe(true);
}

describe('imagery layers', { timeout: 120_000 }, () => {
  it('an admin adds a GeoTIFF by its server path and sees the conversion end', async () => {
    const { page, context } = await openPage(app.browser, app.server.url, { viewport: DESKTOP });
    await logIn(page, 'admin', 'demo-admin');
    await page.locator('header nav a:has-text("管理")').click();
    await page.locator('.admin-tabs button[data-section="imagery"]').click();
    const form = page.locator('form[aria-labelledby="imagery-title"]');
    await form.locator('input[name="name"]').fill('合成网格影像');
    await form.locator('input[name="date"]').fill('2024-05');
    await form.locator('input[name="source"]').fill('测试生成');
    await form.locator('input[name="path"]').fill(image.path);
    await form.locator('button[data-action="add-imagery"]').click();
    const row = page.locator('.imagery-table tbody tr');
    await expect.poll(() => row.count(), LONG).toBe(1);
    layerId = (await row.getAttribute('data-layer')) ?? '';
    expect(await row.textContent()).toContain('15–17');
    await page.screenshot({ path: `${SHOTS}/admin-imagery-desktop.png`, fullPage: true });
    expect(await axeViolations(page, '.admin-console')).toEqual([]);

    // a file that is not what its name says: refused with the reason, in Chinese
    await form.locator('input[name="name"]').fill('假文件');
    await form.locator('input[name="path"]').fill(join(app.server.dataDir, 'hejie.sqlite'));
    await form.locator('button[data-action="add-imagery"]').click();
    await expect
      .poll(() => form.locator('[role="alert"]').textContent(), LONG)
      .toContain('不是 GeoTIFF');
    // an upload named .tif that is not a TIFF: refused, nothing listed
    await form.locator('input[name="path"]').fill('');
    await form.locator('input[type="file"]').setInputFiles({
      name: 'fake.tif',
      mimeType: 'image/tiff',
      buffer: Buffer.from('not a tiff'),
    });
    await form.locator('button[data-action="add-imagery"]').click();
    await expect
      .poll(() => form.locator('[role="alert"]').textContent(), LONG)
      .toContain('与扩展名不符');
    expect(await row.count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/admin-imagery-refused.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBe(0);

    await page.goto(app.server.url);
    await page.waitForSelector('[data-testid="map"][data-idle="1"]', LONG);
    await showGrid(page);
    await checkPixels(page, 'map-imagery-desktop');
    await page.locator('details.layer-switcher summary').click();
    expect(await axeViolations(page, '.map-controls')).toEqual([]);
    const credit = await page.locator('.maplibregl-ctrl-attrib-inner').textContent();
    expect(credit).toContain('影像 © 测试生成（2024-05）');
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('the public sees no staff-only layer, then sees it on a phone once it is public', async () => {
    const { page, context } = await openPage(app.browser, app.server.url, { viewport: PHONE });
    const tile = await page.evaluate(
      (id) => fetch(`/tiles/imagery/${id}/15/25938/14327`).then((r) => r.status),
      layerId,
    );
    expect(tile).toBe(404);
    await page
      .locator('nav button:has-text("地图"), [role="tab"]:has-text("地图")')
      .first()
      .click();
    await page.locator('details.layer-switcher summary').click();
    expect(await page.locator('.imagery-options').count()).toBe(0);

    const admin = await openPage(app.browser, app.server.url, { viewport: PHONE });
    await logIn(admin.page, 'admin', 'demo-admin');
    await admin.page.locator('header nav a:has-text("管理")').click();
    await admin.page.locator('.admin-tabs button[data-section="imagery"]').click();
    await admin.page.locator(`tr[data-layer="${layerId}"] input[type="checkbox"]`).click();
    await expect
      .poll(
        () => admin.page.locator(`tr[data-layer="${layerId}"] input[type="checkbox"]`).isChecked(),
        LONG,
      )
      .toBe(true);
    await admin.page.screenshot({ path: `${SHOTS}/admin-imagery-phone.png`, fullPage: true });
    expect(await admin.page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBe(
      0,
    );
    await admin.context.close();

    // reopening the switcher asks again
    await page.locator('details.layer-switcher summary').click();
    await page.locator('details.layer-switcher summary').click();
    await showGrid(page);
    await checkPixels(page, 'map-imagery-phone');
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });
});
