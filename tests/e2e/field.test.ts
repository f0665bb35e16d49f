// The river chief's field tools in a real browser against the real server on a fresh database, on a
// 360 px touch phone: 我的河湖, the draft computed and drawn on opening, its coordinate table against
// PROJ's cs2cs, 定位我 with the distance to the nearest marker against cs2cs and geod, a denied
// permission, a comment pinned by tapping the map, the sign-off of 现场复核; a second chief refused.
import { execFileSync } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projector } from '../../src/domain/crs/crs';
import { DEMO_PLANNER, login, type Session } from '../helpers/accounts';
import { launchBrowser, screenshot, waitForMapIdle } from '../helpers/browser';
import { consultOverHttp, DEMO_DEPARTMENT } from '../helpers/consult';
import { cmOf, cs2csXY } from '../helpers/coordinate-tables';
import { drawn, logIn } from '../helpers/map-page';
import { editFeatures, saveVersion } from '../helpers/plan-writes';
import { type RunningServer, startServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let planner: Session;

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 820 };
const LONG = { timeout: 30_000 };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  planner = await login(server.url, DEMO_PLANNER);
  // the planner saves two toe lines of 钦江 (class 2 / 30 m) and brings the plan to 现场复核
  await saveVersion(server.url, planner, 'city-01', editFeatures(1), '现场复核用');
  const department = await login(server.url, DEMO_DEPARTMENT);
  for (const to of ['base-map', 'draft', 'consultation', 'field-check']) {
    // 意见征求 → 现场复核 needs a round in which every department replied (issue 13)
    if (to === 'field-check')
      await consultOverHttp(
        server.url,
        { planner, department },
        'city-01',
        DEMO_DEPARTMENT.username,
      );
    const moved = await fetch(`${server.url}/api/plans/city-01/stage`, {
      method: 'POST',
      headers: planner.headers(),
      body: JSON.stringify({ to }),
    });
    expect(moved.status, `→ ${to}: ${await moved.clone().text()}`).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function phone(geolocation: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
  });
  if (geolocation) await context.grantPermissions(['geolocation'], { origin: server.url });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as unknown as { errors: string[] }).errors = errors;
  await page.goto(server.url);
  await waitForMapIdle(page);
  return { context, page };
}

/** Marker numbers drawn on screen (a marker's `id`; `renderedIds` alone gives its reach first). */
const drawnMarkerIds = (page: Page) =>
  page.evaluate(async () => {
    await window.hejieMap?.settled();
    return (window.hejieMap?.renderedIds('draft-markers', 'id') ?? []).sort();
  });

const text = async (page: Page, selector: string) =>
  (await page.locator(selector).first().textContent(LONG)) ?? '';

/** Grid distance in EPSG:4545 between two lon/lat points, both projected by cs2cs. */
function cs2csDistance(a: number[], b: number[]): number {
  const [[n1, e1], [n2, e2]] = cs2csXY('EPSG:4545', [a, b]) as [number[], number[]];
  return Math.hypot((n2 as number) - (n1 as number), (e2 as number) - (e1 as number));
}

/** Geodesic distance on GRS80 by PROJ's geod. */
function geodDistance(a: number[], b: number[]): number {
  const out = execFileSync('geod', ['+ellps=GRS80', '-I', '-f', '%.6f'], {
    input: `${a[1]} ${a[0]} ${b[1]} ${b[0]}\n`,
  });
  return Number(out.toString().trim().split(/\s+/)[2]);
}

/** A point `east`/`north` metres from a lon/lat, in the zone. */
function offset(lonLat: number[], east: number, north: number): [number, number] {
  const gk = projector('EPSG:4545');
  const [e, n] = gk.forward(lonLat);
  return gk.inverse([e + east, n + north]);
}

describe('river chief 高朴 on a 360 px phone', () => {
  it('sees 钦江 only, its draft drawn with no press, the coordinates, 定位我, a pinned comment, signs off 现场复核', async () => {
    const { context, page } = await phone(true);
    await logIn(page, 'gaopu', 'demo-gaopu');
    await page.locator('.work-list').waitFor(LONG);
    expect(await text(page, '.work-list h2')).toContain('我的河湖');
    const items = page.locator('.work-list button[data-plan]');
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute('data-plan')).toBe('city-01');
    expect(await text(page, '.work-list')).toContain('现场复核');
    await screenshot(page, 'field-phone-rivers');

    // opening the plan computes the newest version in the worker and draws it: nothing to press
    await items.first().tap();
    const panel = page.locator('.plan-panel[data-plan="city-01"]');
    await panel.locator('.draft-view[data-state="done"]').waitFor({ timeout: 60_000 });
    expect(await panel.locator('.draft-compute').count()).toBe(0);
    expect(await text(page, '.draft-view')).toMatch(/管理范围面积\s*[1-9][\d.]* ha/);
    // 界桩 32 个、公告牌 4 块: the markers by kind, counted as the notice counts them
    const counted = await text(page, '.draft-view [data-row="markers"] dd');
    const [, b = '0', n = '0'] = /^界桩 (\d+) 个、公告牌 (\d+) 块$/.exec(counted) ?? [];
    const markerCount = Number(b) + Number(n);
    expect(markerCount).toBeGreaterThan(0);
    await expect.poll(() => drawn(page, 'draft-management'), LONG).toEqual(['straight']);
    expect(await drawn(page, 'draft-protection')).toEqual(['straight']);
    const onMap = await drawnMarkerIds(page);
    expect(onMap.length).toBeGreaterThan(0);
    expect(
      onMap.every((id) => /^QJ01-((GL|BH)-[LR]-\d{3}|GSP-[LR]-\d\d)$/.test(id)),
      onMap.join(),
    ).toBe(true);
    expect(await text(page, '.legend')).toContain('草稿（未公告）');
    await screenshot(page, 'field-phone-draft');

    // the coordinate table: every boundary marker, X/Y in EPSG:4545 equal to cs2cs to the cm
    const table = panel.locator('.coordinate-table');
    expect(await text(page, '.coordinate-table summary')).toMatch(
      new RegExp(`界桩坐标表\\s*${counted}\\s*· EPSG:4545`),
    );
    await table.locator('summary').tap();
    expect(await table.locator('.coord-crs').getAttribute('data-crs')).toBe('EPSG:4545');
    expect(await text(page, '.coord-crs')).toContain('第 36 带');
    expect(await text(page, '.coord-crs')).toContain('X 为北');
    const rows = await table.locator('table.coords tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        table: tr.closest('table')?.dataset.table ?? '',
        id: tr.getAttribute('data-id') ?? '',
        lon: Number(tr.getAttribute('data-lon')),
        lat: Number(tr.getAttribute('data-lat')),
        X: tr.querySelector('[data-col="X"]')?.textContent ?? '',
        Y: tr.querySelector('[data-col="Y"]')?.textContent ?? '',
        B: tr.querySelector('[data-col="B"]')?.textContent ?? '',
      })),
    );
    const boundary = rows.filter((r) => r.table.endsWith('界桩'));
    const boards = rows.filter((r) => r.table === '公告牌');
    // the same counts by kind as the summary
    expect([boundary.length, boards.length]).toEqual([Number(b), Number(n)]);
    expect(boundary.length).toBeGreaterThan(0);
    // every marker and notice board on the map has its row
    expect(onMap).toEqual(rows.map((r) => r.id).sort());
    const ref = cs2csXY(
      'EPSG:4545',
      boundary.map((r) => [r.lon, r.lat]),
    );
    boundary.forEach((r, i) => {
      const [x, y] = ref[i] as [number, number];
      expect([r.X, r.Y], r.id).toEqual([cmOf(x, r.X), cmOf(y, r.Y)]);
      expect(r.B).toMatch(/^21°5\d'\d\d\.\d{4}"$/);
    });
    // it scrolls in its own box on the phone, and the panel stays inside the screen
    const box = await table
      .locator('.coord-scroll')
      .first()
      .evaluate((el) => ({
        scrolls: el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight,
        overflow: getComputedStyle(el).overflow,
      }));
    expect(box.overflow).toBe('auto');
    expect((await panel.boundingBox())?.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBe(0);
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'field-phone-coordinates');

    // a row flies the map to its marker, into the part of the map above the panel
    const last = boundary.at(-1) as (typeof boundary)[number];
    await table.locator(`tr[data-id="${last.id}"] button`).tap();
    await expect
      .poll(async () => {
        await page.evaluate(() => window.hejieMap?.settled());
        const [x, y] = (await page.evaluate((p) => window.hejieMap?.project(p), [
          last.lon,
          last.lat,
        ] as [number, number])) as [number, number];
        const top = ((await panel.boundingBox()) as { y: number }).y;
        const map = (await page.locator('[data-testid="map"]').boundingBox()) as { y: number };
        return x > 0 && x < 360 && y > 0 && map.y + y < top;
      }, LONG)
      .toBe(true);
    expect(await drawnMarkerIds(page)).toContain(last.id);

    // 定位我: 10 m from a marker (6 m west, 8 m south of it), the distance against cs2cs and geod
    const target = boundary[Math.min(3, boundary.length - 1)] as (typeof boundary)[number];
    const here = offset([target.lon, target.lat], -6, -8);
    await context.setGeolocation({ longitude: here[0], latitude: here[1], accuracy: 5 });
    await panel.locator('.locate-me button:has-text("定位我")').tap();
    const nearest = panel.locator('.locate-me .nearest');
    await nearest.waitFor(LONG);
    expect(await nearest.getAttribute('data-marker')).toBe(target.id);
    const expected = cs2csDistance(here, [target.lon, target.lat]);
    expect(await nearest.getAttribute('data-distance')).toBe(expected.toFixed(1));
    expect(await nearest.textContent()).toBe(
      `距最近界桩 ${target.id} 约 ${expected.toFixed(1)} m，方位 NE`,
    );
    expect(Math.abs(expected - geodDistance(here, [target.lon, target.lat]))).toBeLessThan(0.01);
    expect(await text(page, '.locate-me .sub')).toContain('±5 m');
    await expect.poll(() => drawn(page, 'field-position'), LONG).toEqual(['me']);
    expect(await drawn(page, 'field-accuracy')).toEqual(['accuracy']);
    expect(await drawn(page, 'field-nearest-line')).toEqual(['nearest']);
    await panel.locator('.locate-me').scrollIntoViewIfNeeded();
    await screenshot(page, 'field-phone-located');

    // I walk on: 25 m east of another marker; the report follows
    const other = boundary[Math.min(6, boundary.length - 1)] as (typeof boundary)[number];
    const there = offset([other.lon, other.lat], 25, 0);
    await context.setGeolocation({ longitude: there[0], latitude: there[1], accuracy: 8 });
    await expect.poll(() => nearest.getAttribute('data-marker'), LONG).toBe(other.id);
    const expected2 = cs2csDistance(there, [other.lon, other.lat]);
    expect(await nearest.getAttribute('data-distance')).toBe(expected2.toFixed(1));
    expect(await nearest.textContent()).toContain('方位 W');
    expect(await text(page, '.locate-me .sub')).toContain('±8 m');

    // pin a comment: 在地图上标注, then a tap on the map where the first marker I stood by is
    await panel.locator('.plan-comments button:has-text("在地图上标注")').tap();
    await panel.locator('.plan-comments .picking').waitFor(LONG);
    expect(await page.locator('.hejie-picking').count()).toBe(1);
    expect(await panel.locator('.plan-comments .picking').isVisible()).toBe(true);
    await page.evaluate(() => window.hejieMap?.settled());
    const [px, py] = (await page.evaluate((p) => window.hejieMap?.project(p), [
      target.lon,
      target.lat,
    ] as [number, number])) as [number, number];
    const mapBox = (await page.locator('[data-testid="map"]').boundingBox()) as {
      x: number;
      y: number;
      width: number;
    };
    // the marker shows above the shrunken panel
    const panelTop = ((await panel.boundingBox()) as { y: number }).y;
    expect(px).toBeGreaterThan(0);
    expect(px).toBeLessThan(mapBox.width);
    expect(py).toBeGreaterThan(0);
    expect(mapBox.y + py).toBeLessThan(panelTop);
    await screenshot(page, 'field-phone-picking');
    await page.touchscreen.tap(mapBox.x + px, mapBox.y + py);
    const pinned = panel.locator('.plan-comments .pinned');
    await pinned.waitFor(LONG);
    const lon = Number(await pinned.getAttribute('data-lon'));
    const lat = Number(await pinned.getAttribute('data-lat'));
    // the tapped pixel is the marker, to a pixel (< 2 m at zoom 17)
    expect(cs2csDistance([lon, lat], [target.lon, target.lat])).toBeLessThan(2);
    expect(await page.locator('.hejie-picking').count()).toBe(0);
    // the tap picked a point and did not close the plan
    expect(await panel.count()).toBe(1);
    await panel.locator('.plan-comments textarea').fill('此界桩位于鱼塘内，建议外移');
    await panel.locator('.plan-comments button[type="submit"]').tap();
    const item = panel.locator('.plan-comments li:has-text("此界桩位于鱼塘内")');
    await item.waitFor(LONG);
    const comments = (await (
      await fetch(`${server.url}/api/plans/city-01/comments`, { headers: planner.headers() })
    ).json()) as { id: number; author: string; text: string; lon: number; lat: number }[];
    const comment = comments.find((c) => c.text === '此界桩位于鱼塘内，建议外移');
    expect(comment).toMatchObject({ author: 'gaopu', lon, lat });
    await expect.poll(() => drawn(page, 'comment-pins'), LONG).toContain(String(comment?.id));
    await screenshot(page, 'field-phone-pinned');

    // the comment's place flies the map back to it after the map went elsewhere
    await page.evaluate(() => window.hejieMap?.fitTo([108.9, 22.2, 109.0, 22.3]));
    await expect.poll(() => drawn(page, 'comment-pins'), LONG).toEqual([]);
    await item.locator('button.place').tap();
    await expect.poll(() => drawn(page, 'comment-pins'), LONG).toContain(String(comment?.id));

    // Esc cancels a pick: no place, no crosshair
    await panel.locator('.plan-comments button:has-text("在地图上标注")').tap();
    await page.locator('.hejie-picking').waitFor({ state: 'attached', ...LONG });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.hejie-picking').count(), LONG).toBe(0);
    expect(await panel.locator('.plan-comments .pinned').count()).toBe(0);

    // sign off 现场复核 → 审核确定 with a comment
    const moves = panel.locator('.stage-moves');
    expect(await text(page, '.plan-panel .stage-now')).toContain('现场复核');
    expect(await moves.locator('button[data-to]').count()).toBe(2);
    await moves.locator('textarea').fill('现场复核完成，界桩位置基本合理');
    await moves.scrollIntoViewIfNeeded();
    await screenshot(page, 'field-phone-sign-off');
    await moves.locator('button[data-to="review"]').tap();
    await panel.locator('.stage-now[data-stage="review"]').waitFor(LONG);
    const plans = (await (await fetch(`${server.url}/api/plans`)).json()) as {
      id: string;
      stage: string;
    }[];
    expect(plans.find((p) => p.id === 'city-01')?.stage).toBe('review');
    const audit = (await (
      await fetch(`${server.url}/api/audit?plan=city-01`, { headers: planner.headers() })
    ).json()) as { action: string; actor: string; detail: unknown }[];
    const signOff = audit.filter((a) => a.action === 'stage.move').at(-1);
    expect(JSON.stringify(signOff)).toContain('现场复核完成，界桩位置基本合理');
    await screenshot(page, 'field-phone-signed-off');

    // stopping 定位 clears my position from the map
    await panel.locator('.locate-me button:has-text("停止定位")').tap();
    await expect.poll(() => drawn(page, 'field-position'), LONG).toEqual([]);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('a refused location permission says so', async () => {
    const { context, page } = await phone(false);
    await logIn(page, 'gaopu', 'demo-gaopu');
    await page.locator('.work-list button[data-plan="city-01"]').tap();
    const panel = page.locator('.plan-panel[data-plan="city-01"]');
    await panel.locator('.draft-view[data-state="done"]').waitFor({ timeout: 60_000 });
    await panel.locator('.locate-me button:has-text("定位我")').tap();
    const alert = panel.locator('.locate-me [role="alert"]');
    await alert.waitFor(LONG);
    expect(await alert.getAttribute('data-problem')).toBe('denied');
    expect(await alert.textContent()).toContain('未获得位置权限');
    expect(await drawn(page, 'field-position')).toEqual([]);
    await panel.locator('.locate-me').scrollIntoViewIfNeeded();
    await screenshot(page, 'field-phone-denied');
    await context.close();
  }, 120_000);
});

describe('another chief', () => {
  it('陈建军 opening /plan/city-01 is refused, and no draft is drawn', async () => {
    const { context, page } = await phone(true);
    await logIn(page, 'chenjianjun', 'demo-chenjianjun');
    await page.locator('.work-list').waitFor(LONG);
    expect(await page.locator('.work-list button[data-plan="city-01"]').count()).toBe(0);
    await page.goto(`${server.url}/plan/city-01`);
    const refused = page.locator('.plan-panel[data-plan="city-01"] [role="alert"]');
    await expect.poll(() => refused.textContent(), LONG).toContain('你无权查看此计划的草稿');
    await waitForMapIdle(page);
    expect(await page.locator('.draft-view, .coordinate-table, .locate-me').count()).toBe(0);
    expect(await drawnMarkerIds(page)).toEqual([]);
    expect(await drawn(page, 'draft-management')).toEqual([]);
    await screenshot(page, 'field-phone-other-chief-refused');
    await context.close();
  }, 120_000);
});

describe('river chief on a desktop', () => {
  it('sees the draft drawn beside the panel with its coordinate table', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'zh-CN' });
    await page.goto(server.url);
    await waitForMapIdle(page);
    await logIn(page, 'gaopu', 'demo-gaopu');
    await page.locator('.work-list button[data-plan="city-01"]').click();
    const panel = page.locator('.plan-panel[data-plan="city-01"]');
    await panel.locator('.draft-view[data-state="done"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => drawn(page, 'draft-management'), LONG).toEqual(['straight']);
    expect((await drawnMarkerIds(page)).length).toBeGreaterThan(0);
    // the pinned comment of the phone test is drawn too
    expect((await drawn(page, 'comment-pins')).length).toBeGreaterThan(0);
    await panel.locator('.coordinate-table summary').click();
    await panel.locator('.coordinate-table table.coords').first().waitFor(LONG);
    await panel.locator('.coordinate-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'field-desktop-chief');
    await page.close();
  }, 120_000);
});
