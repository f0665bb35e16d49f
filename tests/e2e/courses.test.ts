// River courses (河道底图, issue 18) in a real browser on the real server. A synthetic course (a
// zig-zag, flagged synthetic, never in the demo) goes in for 钦江 by the command line, staff-only;
// the public sees nothing of it (register, map, river page, any URL), the planner sees 已上图（局数据）
// in the register and the panel and the course drawn. Then the planner imports one for 八尺江 in the
// river panel: a refused file first, then the preview with its counts, then the import.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { seriousViolations } from '../helpers/axe';
import { screenshot, shotsDir } from '../helpers/browser';
import {
  appUnderTest,
  at,
  DESKTOP,
  drawn,
  errorsOf,
  LONG,
  logIn,
  openPage,
  PHONE,
} from '../helpers/map-page';
import { syntheticCourse, syntheticCourseFile } from '../helpers/synthetic-course';

const app = appUnderTest();
const SHOTS = shotsDir('courses');

const badge = (page: Page, plan: string) =>
  page.locator(`tr[data-plan="${plan}"] [data-map-status]`);

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) }).catch(() => undefined);
  await screenshot(page, `courses-${name}`);
}

beforeAll(async () => {
  const file = join(app.server.dataDir, 'synthetic-course.geojson');
  writeFileSync(file, syntheticCourseFile());
  const out: string[] = [];
  const code = await runCli(
    ['course', 'import', '钦江', file, '--source', '合成测试数据', '--declassified', 'no'],
    (s) => out.push(s),
    (s) => out.push(s),
    { HEJIE_DATA: app.server.dataDir, LANG: 'zh_CN.UTF-8' },
  );
  expect(code, out.join('\n')).toBe(0);
  expect(out.join('\n')).toContain('已上图（局数据）');
}, 60_000);

describe('river courses in the browser', () => {
  it('the public sees no staff-only course: register, map, river page, any URL', async () => {
    const { page, context } = await openPage(app.browser, `${app.server.url}/river/钦江`);
    expect(
      await page.locator('.river-panel [data-map-status]').getAttribute('data-map-status'),
    ).toBe('unmapped');
    expect(await page.locator('.river-panel .river-course').count()).toBe(0);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).not.toContain(
      '局数据',
    );
    await page.evaluate(() => window.hejieMap?.whenCoursesReady());
    expect(await drawn(page, 'course-centreline', 'courseRiverId')).toEqual([]);
    for (const url of [
      '/api/courses',
      '/api/rivers/qinjiang/courses/1',
      '/api/rivers/钦江',
      '/api/rivers/qinjiang/courses',
    ]) {
      const r = await page.request.get(`${app.server.url}${url}`);
      const body = await r.text();
      if (url.endsWith('/1')) expect(r.status()).toBe(404);
      else expect(body, url).not.toContain('synthetic');
    }
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('a planner sees 已上图（局数据） and the course drawn, and imports one in the river panel', async () => {
    const { page, context } = await openPage(app.browser, `${app.server.url}/river/钦江`, {
      viewport: DESKTOP,
    });
    await logIn(page, 'planner', 'demo-planner');
    await expect
      .poll(() => badge(page, 'city-01').getAttribute('data-map-status'), LONG)
      .toBe('bureau-data');
    expect(await badge(page, 'city-01').textContent()).toBe('局数据');
    await expect
      .poll(() => page.locator('.river-panel [data-map-status]').textContent(), LONG)
      .toBe('已上图（局数据）');
    await expect
      .poll(() => drawn(page, 'course-centreline', 'courseRiverId'), LONG)
      .toEqual(['qinjiang']);
    expect(await drawn(page, 'course-bank', 'role')).toEqual(['bank']);
    expect(await page.locator('.legend').textContent()).toContain('河道底图（局数据）');
    expect(await page.locator('.river-course').textContent()).toContain('第 1 版 · 合成测试数据');
    await shot(page, 'planner-qinjiang');

    // 八尺江 through the river panel: a file without features is refused, then the synthetic course
    await page.goto(`${app.server.url}/river/八尺江`);
    await page.locator('.river-panel[data-river="bachijiang"]').waitFor(LONG);
    const section = page.locator('.course-section');
    await section.locator('summary:has-text("导入河道底图")').click();
    const input = section.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'empty.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from('{"type":"FeatureCollection","features":[]}'),
    });
    await section.locator('[data-action="course-preview"]').click();
    await expect
      .poll(() => section.locator('[role="alert"]').textContent(), LONG)
      .toContain('empty.geojson');
    await input.setInputFiles({
      name: 'synthetic-course.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(syntheticCourseFile(12, 2000)),
    });
    await section.locator('input[name="source"]').fill('合成测试数据（界面导入）');
    await section.locator('input[name="date"]').fill('2021-06');
    await section.locator('input[name="unit"]').fill('合成测绘队');
    await section.locator('[data-action="course-preview"]').click();
    await expect
      .poll(() => section.locator('[data-course-preview]').textContent(), LONG)
      .toContain('中心线 1 条、岸线 2 条、水面 1 处');
    expect(await drawn(page, 'import-preview-line', 'role')).toEqual(['bank', 'centreline']);
    await shot(page, 'planner-preview');
    await section.locator('[data-action="course-import"]').click();
    await expect
      .poll(() => section.locator('[role="status"]').textContent(), LONG)
      .toContain('已上图（局数据）');
    await expect
      .poll(() => badge(page, 'city-02').getAttribute('data-map-status'), LONG)
      .toBe('bureau-data');
    await expect
      .poll(() => drawn(page, 'course-centreline', 'courseRiverId'), LONG)
      .toContain('bachijiang');
    expect(await section.locator('[data-course-version]').count()).toBe(1);
    expect(await section.locator('.course-versions').textContent()).toContain('合成测绘队');
    await shot(page, 'planner-imported');
    expect(await seriousViolations(page, '.river-panel')).toEqual([]);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('on a phone the planner reads the course in the river panel', async () => {
    const { page, context } = await openPage(app.browser, `${app.server.url}/river/钦江`, {
      viewport: PHONE,
      touch: true,
    });
    await logIn(page, 'planner', 'demo-planner');
    await expect
      .poll(() => page.locator('.river-panel [data-map-status]').textContent(), LONG)
      .toBe('已上图（局数据）');
    await page.locator('.tabs [role="tab"]:has-text("地图")').click();
    await page.locator('.river-course').scrollIntoViewIfNeeded();
    expect(await page.locator('.river-course').isVisible()).toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'phone-planner-qinjiang');
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('the line tool snaps to the course: a click 5 px from its vertex is saved on it', async () => {
    const { page, context } = await openPage(app.browser, app.server.url, { viewport: DESKTOP });
    await logIn(page, 'planner', 'demo-planner');
    await page.locator('.work-list').waitFor(LONG);
    await page.click('.work-list button[data-plan="city-01"]');
    const panel = page.locator('.plan-panel[data-plan="city-01"]');
    await panel.locator('.plan-editor').waitFor(LONG);
    await expect
      .poll(() => drawn(page, 'course-centreline', 'courseRiverId'), LONG)
      .toContain('qinjiang');
    const centre = syntheticCourse().features[0]?.geometry;
    if (centre?.type !== 'LineString') throw new Error('no synthetic centreline');
    const vertex = centre.coordinates[0] as [number, number];
    await page.click('.legend summary');
    await page.click('.layer-switcher summary');
    const [x0, y0] = vertex;
    const box: [number, number, number, number] = [x0 - 0.001, y0 - 0.0005, x0 + 0.002, y0 + 0.004];
    await page.evaluate((b) => window.hejieMap?.fitTo(b, { right: 360, bottom: 80 }, 16), box);
    await page.evaluate(() => window.hejieMap?.settled());
    const [vx, vy] = await at(page, vertex);
    await panel.locator('[data-tool="line"]').click();
    for (const [x, y] of [
      [vx + 5, vy],
      [vx + 60, vy - 120],
    ] as const) {
      await page.mouse.move(x, y, { steps: 4 });
      await page.mouse.click(x, y);
      await page.waitForTimeout(80);
    }
    await page.mouse.click(vx + 60, vy - 120);
    await expect
      .poll(() => panel.locator('.edit-reaches button[data-feature]').count(), LONG)
      .toBe(1);
    await shot(page, 'planner-snapped');
    await page.fill('#save-comment', '吸附河道底图');
    await page.click('.save-bar button[data-action="save"]');
    await expect
      .poll(() => page.locator('.save-bar').getAttribute('data-state'), LONG)
      .toBe('saved');
    const saved = (await (
      await page.request.get(`${app.server.url}/api/plans/city-01/geometry`)
    ).json()) as {
      features: { geometry: { coordinates: [number, number][] } }[];
    };
    const first = saved.features[0]?.geometry.coordinates[0] as [number, number];
    const off = Math.hypot((first[0] - x0) * 103_000, (first[1] - y0) * 111_000);
    console.info(
      `courses: a click 5 px from the course's vertex was saved ${(off * 1000).toFixed(2)} mm from it`,
    );
    expect(off).toBeLessThan(0.001);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('an admin imports a declassified course public in the console; an undeclassified one stays staff-only', async () => {
    const { page, context } = await openPage(app.browser, app.server.url, { viewport: DESKTOP });
    await logIn(page, 'admin', 'demo-admin');
    await page.locator('header nav a:has-text("管理")').click();
    await page.locator('.admin-tabs button[data-section="courses"]').click();
    const section = page.locator('.courses-admin');
    const river = section.locator('select[name="river"]');
    await expect.poll(() => river.locator('option').count(), LONG).toBeGreaterThan(30);
    // 钦江's version 1 is 未脱密: making it public is refused, with the reason
    await river.selectOption('qinjiang');
    await section.locator('[data-course-version="1"] [data-action="course-public"]').click();
    await expect
      .poll(() => section.locator('[role="alert"]').textContent(), LONG)
      .toContain('未脱密，不能向公众公开');
    // 马江: a declassified course, imported public
    await river.selectOption('majiang');
    await section.locator('summary:has-text("导入河道底图")').click();
    await section.locator('input[type="file"]').setInputFiles({
      name: 'synthetic-course.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(syntheticCourseFile(12, 4000)),
    });
    await section.locator('input[name="source"]').fill('合成测试数据（管理员）');
    await section.locator('select[name="declassified"]').selectOption('yes');
    await section.locator('input[name="public"]').check();
    await section.locator('[data-action="course-import"]').click();
    await expect
      .poll(() => section.locator('[role="status"]').textContent(), LONG)
      .toContain('已上图（局数据）');
    await expect
      .poll(() => section.locator('[data-course-version="1"]').getAttribute('data-public'), LONG)
      .toBe('true');
    await shot(page, 'admin-console');
    expect(await seriousViolations(page, '.courses-admin')).toEqual([]);
    // the public now sees 马江's course, and still not 钦江's
    const pub = await app.browser.newContext();
    const majiang = (await (
      await pub.request.get(`${app.server.url}/api/rivers/majiang`)
    ).json()) as {
      mapStatus: string;
    };
    expect(majiang.mapStatus).toBe('bureau-data');
    const all = (await (await pub.request.get(`${app.server.url}/api/courses`)).json()) as {
      features: { properties: { courseRiverId: string } }[];
    };
    expect([...new Set(all.features.map((f) => f.properties.courseRiverId))]).toEqual(['majiang']);
    await pub.close();
    expect(errorsOf(page)).toEqual([]);
    await context.close();
    // and on the public map: /river/马江 goes to its course and draws it, 已上图（局数据）
    const visitor = await openPage(
      app.browser,
      `${app.server.url}/river/${encodeURIComponent('马江')}`,
    );
    await expect
      .poll(() => visitor.page.locator('.river-panel [data-map-status]').textContent(), LONG)
      .toBe('已上图（局数据）');
    await expect
      .poll(() => drawn(visitor.page, 'course-centreline', 'courseRiverId'), LONG)
      .toEqual(['majiang']);
    await shot(visitor.page, 'public-majiang');
    expect(errorsOf(visitor.page)).toEqual([]);
    await visitor.context.close();
  }, 60_000);
  // last: a second course on the map would change what the tests above draw and snap to
  it('an import made elsewhere reaches an open page: 武惠江 turns 局数据 without a reload', async () => {
    const { page, context } = await openPage(app.browser, `${app.server.url}/`, {
      viewport: DESKTOP,
    });
    await logIn(page, 'planner', 'demo-planner');
    await expect
      .poll(() => badge(page, 'city-03').getAttribute('data-map-status'), LONG)
      .toBe('unmapped');
    const file = join(app.server.dataDir, 'synthetic-course-3.geojson');
    writeFileSync(file, syntheticCourseFile(8, 0.02));
    const out: string[] = [];
    const code = await runCli(
      ['course', 'import', '武惠江', file, '--source', '合成测试数据', '--declassified', 'no'],
      (t) => out.push(t),
      (t) => out.push(t),
      { HEJIE_DATA: app.server.dataDir, LANG: 'zh_CN.UTF-8' },
    );
    expect(code, out.join('\n')).toBe(0);
    await expect
      .poll(() => badge(page, 'city-03').getAttribute('data-map-status'), LONG)
      .toBe('bureau-data');
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });
});
