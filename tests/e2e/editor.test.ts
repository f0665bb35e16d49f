// The planner's editor in a real browser against the real server on a fresh database: two toe lines
// of 钦江 drawn with mouse clicks, class and widths from the dropdowns, the zones computed in the
// worker and drawn, undo/redo, reverse (the lines flow opposite ways: both banks 待定), a self-crossing line refused while drawing,
// an out-of-range width refused with the rule quoted, a width change recomputed; then the phone.
import type { Position } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PLANNER, login } from '../helpers/accounts';
import { screenshot } from '../helpers/browser';
import { appUnderTest, at, drawLine, drawn, logIn, openPage } from '../helpers/map-page';
import { editFeatures, saveVersion } from '../helpers/plan-writes';

const app = appUnderTest();

const DESKTOP = { width: 1366, height: 820 };
const PHONE = { width: 360, height: 740 };
const LONG = { timeout: 30_000 };

/** The two toe lines of the `straight` fixture (south → north, left = west). */
const [LEFT, RIGHT] = editFeatures(0).map(
  (f) => (f.geometry as { coordinates: Position[] }).coordinates,
) as [Position[], Position[]];
const lerp = (a: Position, b: Position, t: number): [number, number] => [
  (a[0] as number) + ((b[0] as number) - (a[0] as number)) * t,
  (a[1] as number) + ((b[1] as number) - (a[1] as number)) * t,
];

async function openPlanner(viewport = DESKTOP, planId = 'city-01'): Promise<Page> {
  const { page } = await openPage(app.browser, app.server.url, { viewport });
  await logIn(page, 'planner', 'demo-planner');
  await page.locator('.work-list').waitFor(LONG);
  await page.click(`.work-list button[data-plan="${planId}"]`);
  await page.locator(`.plan-panel[data-plan="${planId}"] .plan-editor`).waitFor(LONG);
  return page;
}

const settled = (page: Page) => page.evaluate(() => window.hejieMap?.settled());

const rows = (page: Page) => page.locator('.edit-reaches button[data-feature]');
const area = (page: Page) => page.locator('.draft-compute [data-row="m"] dd').textContent();

describe('planner draws 钦江 on the map', () => {
  it('draws two toe lines, sets class 2 / 30 m, computes, undoes, reverses, refuses, recomputes', async () => {
    const page = await openPlanner();
    const panel = page.locator('.plan-panel[data-plan="city-01"]');
    expect(await panel.locator('.edit-reaches').count()).toBe(0);
    expect(await panel.locator('.plan-editor .hint').first().textContent()).toContain('单击线选中');
    // 钦江 is not on the map (未上图): zoom to where its two toe lines go
    const lons = [...LEFT, ...RIGHT].map((c) => c[0] as number);
    const lats = [...LEFT, ...RIGHT].map((c) => c[1] as number);
    await page.evaluate(
      (b) => window.hejieMap?.fitTo(b, { right: 360, top: 120, bottom: 120 }, 16),
      [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)] as [
        number,
        number,
        number,
        number,
      ],
    );
    await settled(page);
    // the map's legend and layer list fold away, so that they do not cover the lines
    await page.click('.legend summary');
    await page.click('.layer-switcher summary');

    // the first line: upstream (south) → downstream (north), three clicks and a click to finish
    await panel.locator('[data-tool="line"]').click();
    expect(await panel.locator('[data-tool="line"]').getAttribute('aria-pressed')).toBe('true');
    const [l0, l1] = [LEFT[0] as Position, LEFT[1] as Position];
    await drawLine(page, [lerp(l0, l1, 0), lerp(l0, l1, 0.5), lerp(l0, l1, 1)]);
    await expect.poll(() => rows(page).count(), LONG).toBe(1);
    // a line alone: its bank is 待定 until the other bank is drawn (issue 19)
    expect(await rows(page).first().getAttribute('data-side')).toBe('pending');
    expect(await rows(page).first().textContent()).toMatch(/待定 · 堤脚线.*长 1\.0\d\d km/);
    // a new line is selected and asks for its class: no width is offered before it
    const form = panel.locator('.line-form');
    expect(await form.locator('select[name="embankmentClass"]').inputValue()).toBe('');
    expect(await form.locator('select[name="widthM"]').count()).toBe(0);
    await form.locator('select[name="embankmentClass"]').selectOption('2');
    expect(await form.locator('[data-field="widthM"] label').textContent()).toContain('20–50 m');
    await form.locator('select[name="widthM"]').selectOption('30');
    expect(await form.locator('select[name="widthM"]').inputValue()).toBe('30');
    // one bank is no reach: nothing is computed yet, and the engine says why
    await expect
      .poll(() => panel.locator('.draft-compute').getAttribute('data-state'), LONG)
      .toBe('waiting');
    expect(await panel.locator('.draft-compute').textContent()).toContain('只有一条线');
    await screenshot(page, 'editor-first-line');

    const [r0, r1] = [RIGHT[0] as Position, RIGHT[1] as Position];
    await drawLine(page, [lerp(r0, r1, 0), lerp(r0, r1, 1)]);
    await expect.poll(() => rows(page).count(), LONG).toBe(2);
    expect(await rows(page).nth(1).getAttribute('data-role')).toBe('toe-right');
    expect(await rows(page).first().getAttribute('data-role')).toBe('toe-left');
    // the second line asks for its class too (两岸相同 was not ticked)
    expect(await form.locator('select[name="embankmentClass"]').inputValue()).toBe('');
    await form.locator('select[name="embankmentClass"]').selectOption('2');
    await form.locator('select[name="widthM"]').selectOption('30');
    const ids = await rows(page).evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-feature') ?? ''),
    );

    // the zones are computed in the worker and drawn; the lines with their flow arrows too
    await expect
      .poll(() => panel.locator('.draft-compute').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('done');
    await expect.poll(() => drawn(page, 'draft-management'), LONG).toEqual(['reach-1']);
    expect(await drawn(page, 'draft-protection')).toEqual(['reach-1']);
    expect((await drawn(page, 'draft-markers')).length).toBeGreaterThan(0);
    expect(await drawn(page, 'td-linestring')).toEqual([...ids].sort());
    expect(await drawn(page, 'edit-arrows')).toEqual([...ids].sort());
    const summary = (await panel.locator('.draft-compute').textContent()) ?? '';
    expect(summary).toContain('计算结果（工作副本');
    expect(summary).toMatch(/管理范围面积\s*[1-9][\d.]* ha/);
    expect(summary).toContain('管理范围线：左岸');
    expect(summary).toContain('管理范围线：右岸');
    const area30 = await area(page);
    await screenshot(page, 'editor-two-lines-computed');

    // reverse the first line: the two lines flow opposite ways, both banks are 待定 (never two 左岸)
    const side = () => rows(page).first().getAttribute('data-side');
    await rows(page).first().click();
    await panel.locator('[data-tool="reverse"]').click();
    await expect.poll(side).toBe('pending');
    await expect
      .poll(() => panel.locator('.draft-compute').getAttribute('data-state'), LONG)
      .toBe('waiting');
    expect(await drawn(page, 'draft-management')).toEqual([]);
    await screenshot(page, 'editor-reversed');
    // undo with Ctrl+Z: back to the left bank and the zone; redo with Ctrl+Y, undo again
    await page.locator('.plan-editor h3').click();
    await page.keyboard.press('Control+z');
    await expect.poll(side).toBe('left');
    await page.keyboard.press('Control+y');
    await expect.poll(side).toBe('pending');
    await panel.locator('[data-tool="undo"]').click();
    await expect.poll(side).toBe('left');
    await expect
      .poll(() => drawn(page, 'draft-management'), { timeout: 60_000 })
      .toEqual(['reach-1']);
    await expect.poll(() => area(page), LONG).toBe(area30);

    // a line that crosses itself is refused at the click that would cross, and nothing is added
    await panel.locator('[data-tool="line"]').click();
    const east = (RIGHT[0]?.[0] as number) + 0.0012;
    const south = LEFT[0]?.[1] as number;
    const bow: [number, number][] = [
      [east, south + 0.001],
      [east + 0.002, south + 0.004],
      [east + 0.002, south + 0.001],
      [east, south + 0.004],
    ];
    for (const p of bow) {
      const [x, y] = await at(page, p);
      await page.mouse.move(x, y, { steps: 4 });
      await page.mouse.click(x, y);
      await page.waitForTimeout(80);
    }
    const refusal = panel.locator('[data-refusal="self-intersection"]');
    await refusal.waitFor(LONG);
    expect(await refusal.textContent()).toContain('线不能与自身相交（第 1 段与第 3 段相交于');
    await screenshot(page, 'editor-self-intersection-refused');
    await panel.locator('[data-tool="select"]').click();
    expect(await rows(page).count()).toBe(2);
    expect(await drawn(page, 'td-linestring')).toEqual([...ids].sort());

    // an out-of-range width typed in is refused inline, quoting the rule; the line keeps 30 m
    await rows(page).first().click();
    const typed = form.locator('input[name="widthM-typed"]');
    await typed.fill('60');
    await typed.press('Enter');
    const refused = form.locator('[data-field="widthM"] .refused');
    await refused.waitFor(LONG);
    expect(await refused.textContent()).toContain(
      '超出 2 级堤防护堤地宽度 20–50 m（GB50286-2013 2019-06-20）',
    );
    expect(await form.locator('select[name="widthM"]').inputValue()).toBe('30');
    await refused.scrollIntoViewIfNeeded();
    await screenshot(page, 'editor-width-refused');

    // a width from the dropdown recomputes the zone: time from the change to the new zone drawn
    const t0 = Date.now();
    await form.locator('select[name="widthM"]').selectOption('45');
    await expect.poll(() => area(page), { timeout: 60_000, interval: 20 }).not.toBe(area30);
    await settled(page);
    const ms = Date.now() - t0;
    const area45 = await area(page);
    console.log(
      `editor: width 30 → 45 m on the left toe line, zone recomputed and drawn in ${ms} ms (debounce 400 ms); management area ${area30} → ${area45}`,
    );
    expect(Number.parseFloat(area45 ?? '0')).toBeGreaterThan(Number.parseFloat(area30 ?? '0'));
    expect(await drawn(page, 'draft-management')).toEqual(['reach-1']);
    await screenshot(page, 'editor-width-recomputed');

    // drag the right line's downstream vertex 60 px further north: its length and the zone follow
    await rows(page).nth(1).click();
    const [nx, ny] = await at(page, [RIGHT[1]?.[0] as number, RIGHT[1]?.[1] as number]);
    await page.mouse.move(nx, ny);
    await page.mouse.down();
    await page.mouse.move(nx, ny - 60, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => rows(page).nth(1).textContent(), LONG).not.toContain('长 1.000 km');
    const km = Number(/长 ([\d.]+) km/.exec((await rows(page).nth(1).textContent()) ?? '')?.[1]);
    console.log(`editor: the right line's vertex dragged 60 px north: 1.000 → ${km} km`);
    expect(km).toBeGreaterThan(1.05);
    await expect.poll(() => area(page), { timeout: 60_000 }).not.toBe(area45);
    await screenshot(page, 'editor-vertex-dragged');

    // a water polygon joins the selected line's reach
    await panel.locator('[data-tool="polygon"]').click();
    const mid = lerp(LEFT[0] as Position, RIGHT[1] as Position, 0.5);
    const corners: [number, number][] = [
      [mid[0] - 0.0002, mid[1] - 0.0005],
      [mid[0] + 0.0002, mid[1] - 0.0005],
      [mid[0] + 0.0002, mid[1] + 0.0005],
      [mid[0] - 0.0002, mid[1] + 0.0005],
    ];
    for (const p of [...corners, corners[0] as [number, number]]) {
      const [x, y] = await at(page, p);
      await page.mouse.move(x, y, { steps: 4 });
      await page.mouse.click(x, y);
      await page.waitForTimeout(80);
    }
    await expect.poll(() => rows(page).count(), LONG).toBe(3);
    expect(await rows(page).nth(2).getAttribute('data-role')).toBe('water');
    expect(await drawn(page, 'td-polygon')).toHaveLength(1);
    await expect
      .poll(() => panel.locator('.draft-compute').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('done');
    await screenshot(page, 'editor-water');
    await page.keyboard.press('Control+z');
    await expect.poll(() => rows(page).count()).toBe(2);
    await panel.locator('[data-tool="select"]').click();
    await rows(page).first().click();

    // Delete removes the selected line (the reach waits for its left bank again); undo brings it back
    await page.locator('.plan-editor h3').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => rows(page).count()).toBe(1);
    await expect.poll(() => drawn(page, 'td-linestring'), LONG).toEqual([ids[1] as string]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => rows(page).count()).toBe(2);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('opens a saved plan zoomed to its lines and fits the editor at 360 px', async () => {
    const api = await login(app.server.url, DEMO_PLANNER);
    await saveVersion(app.server.url, api, 'city-01', editFeatures(1), '编辑器测试');

    const page = await openPlanner(PHONE);
    const panel = page.locator('.plan-panel[data-plan="city-01"]');
    await expect.poll(() => rows(page).count(), LONG).toBe(2);
    // the map zoomed to the saved lines: both drawn, with their arrows, inside the map
    await expect.poll(() => drawn(page, 'td-linestring'), LONG).toEqual(['f1', 'f2']);
    expect(await drawn(page, 'edit-arrows')).toEqual(['f1', 'f2']);
    const box = await page.locator('[data-testid="map"]').boundingBox();
    const [x, y] = await at(page, lerp(LEFT[0] as Position, LEFT[1] as Position, 0.5));
    expect(x).toBeGreaterThan(box?.x ?? 0);
    expect(x).toBeLessThan((box?.x ?? 0) + (box?.width ?? 0));
    expect(y).toBeGreaterThan(box?.y ?? 0);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect((await panel.boundingBox())?.width).toBeLessThanOrEqual(360);
    const tools = page.locator('.edit-toolbar button');
    for (let i = 0; i < (await tools.count()); i++) {
      const b = await tools.nth(i).boundingBox();
      expect((b?.x ?? 0) + (b?.width ?? 0)).toBeLessThanOrEqual(360);
    }
    await rows(page).first().click();
    await panel.locator('.line-form').waitFor(LONG);
    await panel.locator('.line-form').scrollIntoViewIfNeeded();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'editor-phone-form');
    // a drawing tool gives the map room: the panel shrinks
    const before = (await panel.boundingBox())?.height ?? 0;
    await panel.locator('[data-tool="line"]').click();
    await expect.poll(async () => (await panel.boundingBox())?.height ?? 0).toBeLessThan(before);
    await screenshot(page, 'editor-phone-drawing');
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('snaps a new line’s first vertex onto an existing line’s vertex (saved exactly there)', async () => {
    const api = await login(app.server.url, DEMO_PLANNER);
    await saveVersion(app.server.url, api, 'city-02', editFeatures(1), '吸附测试');
    const url = `${app.server.url}/api/plans/city-02/geometry`;
    const existing = ((editFeatures(1)[0] as unknown as { geometry: { coordinates: number[][] } })
      .geometry.coordinates[0] ?? []) as [number, number];

    const page = await openPlanner(DESKTOP, 'city-02');
    const panel = page.locator('.plan-panel[data-plan="city-02"]');
    await expect.poll(() => rows(page).count(), LONG).toBe(2);
    await page.click('.legend summary');
    await page.click('.layer-switcher summary');
    // the lower half of the reach, clear of the panel: the vertex and room to draw north of it
    const [x0, y0] = existing;
    await page.evaluate(
      (b) => window.hejieMap?.fitTo(b, { right: 360, top: 120, bottom: 80 }, 16),
      [x0 - 0.001, y0 - 0.0005, x0 + 0.002, y0 + 0.004] as [number, number, number, number],
    );
    await settled(page);
    // the first click lands 5 px east of the existing vertex (≈ 10 m at this zoom)
    const [vx, vy] = await at(page, existing);
    await panel.locator('[data-tool="line"]').click();
    for (const [x, y] of [
      [vx + 5, vy],
      [vx + 60, vy - 120],
    ]) {
      await page.mouse.move(x as number, y as number, { steps: 4 });
      await page.mouse.click(x as number, y as number);
      await page.waitForTimeout(80);
    }
    await page.mouse.click(vx + 60, vy - 120);
    await screenshot(page, 'editor-snapped');
    await expect.poll(() => rows(page).count(), LONG).toBe(3);
    await page.fill('#save-comment', '吸附');
    await page.click('.save-bar button[data-action="save"]');
    await expect
      .poll(() => page.locator('.save-bar').getAttribute('data-state'), LONG)
      .toBe('saved');
    const saved = (await (await fetch(url, { headers: api.headers() })).json()) as {
      features: { geometry: { coordinates: [number, number][] } }[];
    };
    const first = saved.features[2]?.geometry.coordinates[0] as [number, number];
    const off = Math.hypot((first[0] - existing[0]) * 103_000, (first[1] - existing[1]) * 111_000);
    console.log(
      `editor: a click 5 px from a vertex was saved ${(off * 1000).toFixed(2)} mm from it`,
    );
    // snapped: on the vertex to Terra Draw's 1e-9° (0.1 mm), not where the mouse was (metres away)
    expect(off).toBeLessThan(0.001);
    await screenshot(page, 'editor-snapped');
    await page.close();
  }, 120_000);
});
