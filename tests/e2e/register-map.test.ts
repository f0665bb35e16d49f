import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, waitForMapIdle } from '../helpers/browser';
import { appUnderTest } from '../helpers/map-page';

const app = appUnderTest();

async function open(path = '/', viewport = { width: 1366, height: 820 }): Promise<Page> {
  const page = await app.browser.newPage({ viewport, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  (page as unknown as { errors: string[] }).errors = errors;
  await page.goto(app.server.url + path);
  await waitForMapIdle(page);
  return page;
}

const renderedIds = (page: Page, layer: string) =>
  page.evaluate((l) => window.hejieMap?.renderedIds(l) ?? [], layer);

describe('register and map (desktop)', () => {
  it('loads to an idle map with the real river and reservoir drawn and the demo banner', async () => {
    const page = await open();
    expect(await page.locator('.demo-banner').textContent()).toContain('演示');
    expect(await page.locator('table.plans tbody tr').count()).toBe(36);
    expect(await renderedIds(page, 'rivers-named')).toContain('nanliujiang');
    expect(await renderedIds(page, 'reservoir')).toContain('hongchaojiang-reservoir');
    expect(await page.locator('.legend').textContent()).toContain('高德');
    await screenshot(page, 'desktop-home');
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('finds 钦江 by search and shows 高朴 and 2019年10月 in its panel, marked 未上图', async () => {
    const page = await open();
    await page.fill('.register input[type="search"]', '钦江');
    await expect.poll(() => page.locator('table.plans tbody tr').count()).toBe(1);
    await page.click('table.plans tbody tr[data-plan="city-01"]');
    const panel = page.locator('.river-panel');
    await panel.waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('钦江');
    expect(text).toContain('高朴');
    expect(text).toContain('2019年10月');
    expect(text).toContain('未上图');
    expect(text).toContain('灵东水库');
    expect(page.url()).toContain(`/river/${encodeURIComponent('钦江')}`);
    await screenshot(page, 'desktop-search-qinjiang');
    await page.close();
  });

  it('selects 南流江 from its row: the map draws it highlighted', async () => {
    const page = await open();
    await page.fill('.register input[type="search"]', 'nlj');
    await page.click('tr[data-plan="city-05"]');
    await page.locator('.river-panel[data-river="nanliujiang"]').waitFor();
    await page.evaluate(() => window.hejieMap?.settled());
    expect(await renderedIds(page, 'selected-river')).toEqual(['nanliujiang']);
    expect(await page.locator('.river-panel').textContent()).toContain('李从佳');
    await screenshot(page, 'desktop-select-nanliujiang');
    await page.close();
  });

  it('selects a river by clicking it on the map: the row is marked and the panel opens', async () => {
    const page = await open();
    const target = await page.evaluate(async () => {
      const res = await fetch('/geodata/rivers.geojson');
      const fc = (await res.json()) as {
        features: {
          properties: { riverId?: string };
          geometry: { type: string; coordinates: unknown };
        }[];
      };
      const f = fc.features.find((x) => x.properties.riverId === 'nanliujiang');
      if (!f) return null;
      const lines = (
        f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates
      ) as [number, number][][];
      const line = lines[0] ?? [];
      return line[Math.floor(line.length / 2)] ?? null;
    });
    expect(target).not.toBeNull();
    const [x, y] = await page.evaluate(
      (p) => window.hejieMap?.project(p as [number, number]) ?? [0, 0],
      target,
    );
    const box = await page.locator('[data-testid="map"]').boundingBox();
    if (!box) throw new Error('no map box');
    await page.mouse.click(box.x + x, box.y + y);
    await page.locator('.river-panel[data-river="nanliujiang"]').waitFor();
    expect(await page.locator('tr[data-plan="city-05"]').getAttribute('class')).toContain(
      'selected',
    );
    await page.close();
  });

  it('opens a shared river URL zoomed to the river with its panel', async () => {
    const page = await open(`/river/${encodeURIComponent('武思江')}`);
    const panel = page.locator('.river-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('武惠江');
    expect(await panel.textContent()).toContain('李磊岩');
    await page.close();
  });

  it('switches to English', async () => {
    const page = await open();
    await page.click('header nav button:has-text("EN")');
    expect(await page.locator('h1').textContent()).toContain('Hejie');
    expect(await page.locator('.register input[type="search"]').getAttribute('placeholder')).toBe(
      'Search…',
    );
    await page.evaluate(() => localStorage.removeItem('hejie.lang'));
    await page.close();
  });
});

describe('computed zones', () => {
  it('draws the sample reach of 南流江: management range and protection band', async () => {
    const page = await open();
    const box = await page.evaluate(async () => {
      const fc = (await (await fetch('/api/zones')).json()) as {
        features: { geometry: { type: string; coordinates: number[][][][] } }[];
      };
      const pts = fc.features
        .filter((f) => f.geometry.type === 'MultiPolygon')
        .flatMap((f) => f.geometry.coordinates.flat(2));
      const xs = pts.map((p) => p[0] as number);
      const ys = pts.map((p) => p[1] as number);
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as [
        number,
        number,
        number,
        number,
      ];
    });
    await page.evaluate((b) => window.hejieMap?.fitTo(b), box);
    await page.evaluate(() => window.hejieMap?.settled());
    expect(await renderedIds(page, 'zone-management')).toEqual(['NLJ-S01']);
    expect(await renderedIds(page, 'zone-protection')).toEqual(['NLJ-S01']);
    expect(await page.locator('.legend').textContent()).toContain('南流江示例河段为示例，非实测');
    await screenshot(page, 'desktop-sample-zones');
    await page.close();
  });
});

describe('天地图 layer switcher', () => {
  it('says why imagery is unavailable without a key', async () => {
    const page = await open();
    const radio = page.locator('input[name="basemap"]').nth(1);
    expect(await radio.isDisabled()).toBe(true);
    expect(await page.locator('.layer-switcher').textContent()).toContain('TIANDITU_KEY');
    await page.close();
  });

  it('shows a clear message when 天地图 refuses the key (HTTP 418)', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 820 } });
    await page.route(/tianditu\.gov\.cn/, (route) =>
      route.fulfill({ status: 418, body: 'bad key' }),
    );
    await page.addInitScript(() =>
      localStorage.setItem('hejie.tiandituKey', '0123456789abcdef0123456789abcdef'),
    );
    await page.goto(app.server.url);
    await waitForMapIdle(page);
    await page.locator('input[name="basemap"]').nth(1).click();
    const alert = page.locator('.map-controls [role="alert"]');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('418');
    expect(await page.locator('input[name="basemap"]').first().isChecked()).toBe(true);
    await screenshot(page, 'tianditu-rejected');
    await page.close();
  });
});

describe('map data failure', () => {
  it('says that the base map tiles failed and keeps the register usable', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 820 } });
    await page.route('**/tiles/base/**', (route) => route.fulfill({ status: 500, body: 'boom' }));
    await page.goto(app.server.url);
    const alert = page.locator('.map-controls [role="alert"]');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toMatch(/地图数据加载失败.*tiles\/base.*500/);
    expect(await page.locator('table.plans tbody tr').count()).toBe(36);
    await page.close();
  });
});

describe('phone (360 px)', () => {
  it('searches, taps a row and sees the river on the map with its panel', async () => {
    const page = await open('/', { width: 360, height: 740 });
    await screenshot(page, 'phone-register');
    await page.fill('.register input[type="search"]', '高朴');
    // the phone's register is a compact list (issue 19)
    await page.click('.plan-list button[data-plan="city-01"]');
    await page.locator('.river-panel').waitFor();
    expect(await page.locator('[role="tab"][aria-selected="true"]').textContent()).toBe('地图');
    const panelBox = await page.locator('.river-panel').boundingBox();
    expect(panelBox?.width).toBeLessThanOrEqual(360);
    await screenshot(page, 'phone-panel');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
