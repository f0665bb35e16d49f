// The map gives something back (issue 19): a card for a clicked zone or marker, the cursor readout
// (B/L for all, X/Y for staff), measuring a distance and an area (checked against PROJ's cs2cs),
// going to a marker number, and room for the map (the panel folds, Esc folds it, the scale bar stays
// uncovered), at 1366×820 and 360×740.
import type { FeatureCollection, Point } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PLANNER, login } from '../helpers/accounts';
import { shotsDir } from '../helpers/browser';
import { cs2csXY } from '../helpers/coordinate-tables';
import { appUnderTest, errorsOf, LONG, logIn, openPage, PHONE } from '../helpers/map-page';
import { editFeatures, saveVersion } from '../helpers/plan-writes';

const app = appUnderTest();
const SHOTS = shotsDir('maptools');

/** cs2cs lon/lat → [E, N] in EPSG:4545 (the independent reference). */
const cs2cs = (pts: readonly [number, number][]): [number, number][] =>
  cs2csXY('EPSG:4545', [...pts]).map(([n, e]) => [e as number, n as number]);

/** Map pixels not covered by anything (the canvas is what the point hits), in CSS px². */
async function freeArea(page: Page): Promise<number> {
  return page.evaluate(() => {
    const r = (
      document.querySelector('[data-testid="map"]') as HTMLElement
    ).getBoundingClientRect();
    let n = 0;
    for (let y = r.top + 2; y < r.bottom; y += 4)
      for (let x = r.left + 2; x < r.right; x += 4)
        if (document.elementFromPoint(x, y)?.classList.contains('maplibregl-canvas')) n++;
    return n * 16;
  });
}

/** Whether the scale bar is on screen and nothing covers any of it. */
async function scaleBarClear(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.querySelector('.maplibregl-ctrl-scale') as HTMLElement | null;
    if (!el) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 20 || r.height < 5) return false;
    for (let x = r.left + 2; x < r.right - 1; x += 4)
      for (const y of [r.top + 2, r.bottom - 3]) {
        const hit = document.elementFromPoint(x, y);
        if (!hit || !el.contains(hit)) return false;
      }
    return true;
  });
}

/** Map-container pixel → page pixel, and the lon/lat the map gives that pixel. */
async function mapPoint(page: Page, px: [number, number]) {
  const box = await page.locator('[data-testid="map"]').boundingBox();
  const lngLat = (await page.evaluate((p) => window.hejieMap?.unproject(p), px)) as [
    number,
    number,
  ];
  return { page: [(box?.x ?? 0) + px[0], (box?.y ?? 0) + px[1]] as [number, number], lngLat };
}

async function pagePoint(page: Page, lngLat: [number, number]): Promise<[number, number]> {
  const box = await page.locator('[data-testid="map"]').boundingBox();
  const [x, y] = (await page.evaluate((p) => window.hejieMap?.project(p), lngLat)) ?? [0, 0];
  return [(box?.x ?? 0) + x, (box?.y ?? 0) + y];
}

/** Whether a point lies in a ring (ray casting). */
function inRing(p: [number, number], ring: readonly [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

/** Of a 40×40 grid over the box, the point inside the ring farthest from its vertices. */
function deepestPoint(ring: readonly [number, number][], b: readonly number[]): [number, number] {
  let best: [number, number] = [0, 0];
  let bestD = -1;
  for (let i = 1; i < 40; i++)
    for (let j = 1; j < 40; j++) {
      const p: [number, number] = [
        (b[0] as number) + (((b[2] as number) - (b[0] as number)) * i) / 40,
        (b[1] as number) + (((b[3] as number) - (b[1] as number)) * j) / 40,
      ];
      if (!inRing(p, ring)) continue;
      const d = Math.min(...ring.map((v) => Math.hypot(v[0] - p[0], v[1] - p[1])));
      if (d > bestD) {
        bestD = d;
        best = p;
      }
    }
  return best;
}

const settle = (page: Page) => page.evaluate(() => window.hejieMap?.settled());
const card = (page: Page) => page.locator('.feature-card');

/** The draft on the map once it has markers (计算 in the plan panel computes them). */
async function draft(page: Page): Promise<FeatureCollection> {
  await page.locator('.plan-panel .draft-compute > button').click();
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            window.hejieMap?.draftData()?.features.filter((f) => f.geometry.type === 'Point')
              .length ?? 0,
        ),
      LONG,
    )
    .toBeGreaterThan(0);
  return (await page.evaluate(() => window.hejieMap?.draftData())) as FeatureCollection;
}

/** Opens the folded 定位与测量 box (it starts folded so that it covers no map beside a panel). */
async function openTools(page: Page): Promise<void> {
  if ((await page.locator('.map-tools-box').getAttribute('open')) === null)
    await page.locator('.map-tools-box summary').click();
}

/** Measures with the tool by clicking map pixels; returns the lon/lats the map put there. */
async function measure(page: Page, tool: '测距' | '测面积', pixels: [number, number][]) {
  await openTools(page);
  await page.getByRole('button', { name: tool, exact: true }).click();
  const points: [number, number][] = [];
  for (const px of pixels) {
    const p = await mapPoint(page, px);
    await page.mouse.click(p.page[0], p.page[1]);
    points.push(p.lngLat);
  }
  await page.locator('.measure-box button', { hasText: '完成' }).click();
  return points;
}

describe('map tools for a planner at 1366×820', () => {
  it('card, readout with X/Y, measure, go to, and a panel that folds', async () => {
    const api = await login(app.server.url, DEMO_PLANNER);
    await saveVersion(app.server.url, api, 'city-01', editFeatures(0), '测试');
    const { page, context } = await openPage(app.browser, app.server.url);
    await logIn(page, 'planner', 'demo-planner');
    await page.locator('.work-list').waitFor(LONG);
    await page.click('.work-list button[data-plan="city-01"]');
    await page.locator('.plan-panel .draft-summary dl').waitFor(LONG);
    await settle(page);
    const crowded = await freeArea(page);
    expect(await scaleBarClear(page)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/after-plan-desktop.png` });

    // a draft marker: its card has the number, chainage and X/Y in its zone
    const fc = await draft(page);
    // the layer list and the legend fold with their (named) toggles
    await page.locator('.layer-switcher summary').click();
    await page.locator('.legend summary').click();
    expect(await page.locator('.legend').getAttribute('open')).toBeNull();
    const marker = fc.features.find(
      (f) => f.properties?.markerType === 'boundary' && f.properties?.kind === 'main',
    );
    if (!marker) throw new Error('the draft has no boundary marker');
    const at = (marker.geometry as Point).coordinates as [number, number];
    await page.evaluate(
      (p) =>
        window.hejieMap?.fitTo(
          [p[0] - 2e-4, p[1] - 2e-4, p[0] + 2e-4, p[1] + 2e-4],
          { right: 360 },
          17,
        ),
      at,
    );
    await expect
      .poll(() => page.evaluate(() => window.hejieMap?.zoom() ?? 0), LONG)
      .toBeGreaterThan(16.5);
    await settle(page);
    const [mx, my] = await pagePoint(page, at);
    await page.mouse.click(mx, my);
    await card(page).waitFor(LONG);
    const markerCard = (await card(page).textContent()) ?? '';
    expect(markerCard).toContain(`编号${marker.properties?.id}`);
    expect(markerCard).toMatch(/里程K\d+\+\d{3}\.\d\d/);
    expect(markerCard).toMatch(/X（北）\d{7}\.\d{3} m/);
    expect(markerCard).toContain('EPSG:4545');
    expect(markerCard).toContain('草稿（未公告）');
    expect(markerCard).not.toMatch(/reach-/);
    await page.screenshot({ path: `${SHOTS}/after-marker-card-desktop.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
    // Esc closed the card first: the panel is still open
    expect(await page.locator('.plan-panel').isVisible()).toBe(true);

    // the cursor readout: B/L and, for staff, X/Y of the zone
    const probe = await mapPoint(page, [120, 420]);
    await page.mouse.move(probe.page[0], probe.page[1]);
    await expect
      .poll(() => page.locator('[data-readout="bl"]').textContent())
      .toContain(`B ${probe.lngLat[1].toFixed(6)}°`);
    const xy = (await page.locator('[data-readout="xy"]').textContent()) ?? '';
    const [[e, n]] = cs2cs([probe.lngLat]) as [[number, number]];
    expect(xy).toContain(`X ${n.toFixed(2)}`.slice(0, 10));
    expect(xy).toContain(`Y ${e.toFixed(2)}`.slice(0, 8));
    expect(xy).toContain('EPSG:4545');

    // measure a 2-segment line and a triangle: the numbers cs2cs gives
    // below the open legend and above the readout, left of the panel
    const path = await measure(page, '测距', [
      [40, 600],
      [150, 640],
      [260, 690],
    ]);
    const pxy = cs2cs(path);
    let len = 0;
    for (let i = 1; i < pxy.length; i++)
      len += Math.hypot(
        (pxy[i]?.[0] ?? 0) - (pxy[i - 1]?.[0] ?? 0),
        (pxy[i]?.[1] ?? 0) - (pxy[i - 1]?.[1] ?? 0),
      );
    const shownLen = Number(
      /([\d.]+) m$/.exec((await page.locator('[data-measure="length"]').textContent()) ?? '')?.[1],
    );
    expect(Math.abs(shownLen - len)).toBeLessThan(0.006);
    await page.screenshot({ path: `${SHOTS}/after-measure-desktop.png` });
    await page.keyboard.press('Escape'); // finished already: Esc closes the tool
    await expect.poll(() => page.locator('.measure-box').count()).toBe(0);
    const tri = await measure(page, '测面积', [
      [40, 600],
      [260, 600],
      [150, 690],
    ]);
    const [[ax, ay], [bx, by], [cx, cy]] = cs2cs(tri) as [
      [number, number],
      [number, number],
      [number, number],
    ];
    const area = Math.abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2;
    const areaText = (await page.locator('[data-measure="area"]').textContent()) ?? '';
    expect(Math.abs(Number(/^([\d.]+) m²/.exec(areaText)?.[1]) - area)).toBeLessThan(0.06);
    expect(areaText).toContain(`${(area / (10000 / 15)).toFixed(2)} 亩`);
    await page.locator('.measure-box button', { hasText: '关闭测量' }).click();

    // go to a marker number: the map flies there, clear of the panel
    await page.evaluate(() => window.hejieMap?.fitTo([108.0, 21.6, 109.2, 22.4], {}, 10));
    await settle(page);
    await openTools(page);
    const box = page.getByRole('searchbox', { name: '定位到坐标或界桩编号' });
    await box.fill(String(marker.properties?.id).toLowerCase());
    await box.press('Enter');
    await expect
      .poll(() => page.evaluate(() => window.hejieMap?.zoom() ?? 0), LONG)
      .toBeGreaterThan(16.9);
    await settle(page);
    const [gx, gy] = await pagePoint(page, at);
    expect(
      await page.evaluate(
        ([x, y]) => document.elementFromPoint(x as number, y as number)?.className ?? '',
        [gx, gy],
      ),
    ).toContain('maplibregl-canvas');
    await box.fill('QJ99-GL-L-001');
    await box.press('Enter');
    await expect
      .poll(() => page.locator('.go-to [role="alert"]').textContent())
      .toContain('地图上没有编号为 QJ99-GL-L-001');
    await box.fill('钦江大桥');
    await box.press('Enter');
    await expect
      .poll(() => page.locator('.go-to [role="alert"]').textContent())
      .toContain('无法识别“钦江大桥”');

    // room for the map: fold the panel (a named toggle), Esc folds it too, remembered on reload
    await page.getByRole('button', { name: '收起面板' }).click();
    await expect.poll(() => page.locator('.plan-panel').isVisible()).toBe(false);
    const roomy = await freeArea(page);
    expect(roomy).toBeGreaterThan(crowded * 1.5);
    expect(await scaleBarClear(page)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/after-folded-desktop.png` });
    await page.getByRole('button', { name: '展开面板' }).click();
    await page.locator('.plan-panel').waitFor(LONG);
    await page.locator('[data-testid="map"]').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.plan-panel').isVisible()).toBe(false);
    await page.reload();
    await page.locator('.work-list').waitFor(LONG);
    await expect.poll(() => page.getByRole('button', { name: '展开面板' }).count(), LONG).toBe(1);
    console.log(`free map area 1366×820, plan panel open: ${crowded} px², folded: ${roomy} px²`);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  }, 90_000);
});

describe('map tools for the public', () => {
  it('at 1366×820: a published zone gives its card, the readout gives B/L without X/Y', async () => {
    const { page, context } = await openPage(app.browser, app.server.url);
    await page.evaluate(() => localStorage.clear());
    const zones = await page.evaluate(
      async () => (await (await fetch('/api/zones')).json()) as FeatureCollection,
    );
    const zone = zones.features.find((f) => f.properties?.kind === 'management');
    if (!zone) throw new Error('no published or sample zone');
    const ring = (zone.geometry as { coordinates: number[][][][] }).coordinates[0]?.[0] as [
      number,
      number,
    ][];
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const bbox: [number, number, number, number] = [
      Math.min(...lons),
      Math.min(...lats),
      Math.max(...lons),
      Math.max(...lats),
    ];
    await page.evaluate((b) => window.hejieMap?.fitTo(b, {}, 16), bbox);
    await settle(page);
    const inside = deepestPoint(ring, bbox);
    // close in, so that the zone is wide on screen and its boundary lines far from the click
    await page.evaluate(
      (p) => window.hejieMap?.fitTo([p[0] - 3e-4, p[1] - 3e-4, p[0] + 3e-4, p[1] + 3e-4], {}, 18),
      inside,
    );
    await settle(page);
    const [zx, zy] = await pagePoint(page, inside);
    await page.mouse.click(zx, zy);
    await card(page).waitFor(LONG);
    const text = (await card(page).textContent()) ?? '';
    expect(text).toMatch(/管理范围|保护范围/);
    expect(text).toContain('已公告');
    expect(text).toMatch(/面积[\d.]+ m²（[\d.]+ 亩）|面积[\d.]+ km²/);
    expect(text).toContain('河段');
    expect(text).not.toMatch(/reach-|undefined|null/);
    await page.screenshot({ path: `${SHOTS}/after-zone-card-public-desktop.png` });
    // below the card (it points down at the click)
    await page.mouse.move(zx + 60, zy + 80);
    await expect
      .poll(() => page.locator('[data-readout="dms"]').textContent())
      .toMatch(/B \d+°\d\d'\d\d\.\d\d" L \d+°/);
    expect(await page.locator('[data-readout="xy"]').count()).toBe(0);
    expect(await scaleBarClear(page)).toBe(true);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('at 360×740 on a touch screen: the centre readout, controls folded, the scale bar clear, measuring by taps', async () => {
    const { page, context } = await openPage(app.browser, app.server.url, {
      viewport: PHONE,
      touch: true,
    });
    await page
      .getByRole('tab', { name: '地图' })
      .or(page.locator('.tabs button', { hasText: '地图' }))
      .first()
      .click();
    await settle(page);
    expect(await page.locator('.layer-switcher').getAttribute('open')).toBeNull();
    expect(await page.locator('.legend').getAttribute('open')).toBeNull();
    await expect
      .poll(() => page.locator('.map-readout').getAttribute('data-source'))
      .toBe('centre');
    const centre = (await page.evaluate(() => {
      const el = document.querySelector('[data-testid="map"]') as HTMLElement;
      return window.hejieMap?.unproject([el.clientWidth / 2, el.clientHeight / 2]);
    })) as [number, number];
    expect(await page.locator('[data-readout="bl"]').textContent()).toContain(
      `L ${centre[0].toFixed(6)}°`,
    );
    expect(await page.locator('.map-crosshair').count()).toBe(1);
    expect(await scaleBarClear(page)).toBe(true);
    const free = await freeArea(page);
    expect(await page.locator('.map-tools-box').getAttribute('open')).toBeNull();
    await page.locator('.map-tools-box summary').tap();
    await page.getByRole('button', { name: '测距', exact: true }).tap();
    // below the open measuring box
    for (const px of [
      [60, 420],
      [250, 520],
    ] as [number, number][]) {
      const p = await mapPoint(page, px);
      await page.touchscreen.tap(p.page[0], p.page[1]);
    }
    await expect
      .poll(() => page.locator('[data-measure="length"]').textContent())
      .toMatch(/^(?!0\.00 m)[\d.]+ (m|km)$/);
    await page.screenshot({ path: `${SHOTS}/after-measure-phone.png` });
    console.log(`free map area 360×740 public map tab: ${free} px²`);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  }, 60_000);
});
