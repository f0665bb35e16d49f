// The progress dashboard (进度看板, issue 14) in a browser: the city planner filters the plan list by
// clicking a funnel bar and exports its table (read back by GDAL); the city reminds 灵山县 of a
// missing report (催报), the reminder shows in the county planner's 待办 and its link opens the
// report form; the county submits (late for last month, on time for this one) and the city's matrix
// shows 逾期报送 and 按时. Screenshots at 1366 px and 360 px go to docs/screenshots/issue-14/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { login, type TestAccount } from '../helpers/accounts';
import { appUnderTest, errorsOf, LONG, logIn, openPage } from '../helpers/map-page';
import { send } from '../helpers/plan-writes';
import { ROOT } from '../helpers/register';

const app = appUnderTest({ HEJIE_NOW: '2026-12-03T10:00:00+08:00' });
const SHOTS = join(ROOT, 'docs/screenshots/issue-14');
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 360, height: 740 };
const dir = mkdtempSync(join(tmpdir(), 'hejie-dash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const account = (username: string, role: TestAccount['role']): TestAccount =>
  ({ username, password: `demo-${username}`, role }) as TestAccount;

/** The cells of an xlsx sheet as GDAL reads them (no header row: title, column names, rows). */
function xlsxRows(path: string): string[][] {
  const csv = execFileSync(
    'ogr2ogr',
    ['-f', 'CSV', '/vsistdout/', path, '-oo', 'HEADERS=DISABLE', '-oo', 'FIELD_TYPES=STRING'],
    { encoding: 'utf8' },
  );
  return csv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map((c) => c.replace(/^"|"$/g, '')));
}

/** The app at `/` as `user`, then its 进度看板 (the header's link), charts drawn. */
async function dashboardAs(user: string, viewport: typeof DESKTOP): Promise<Page> {
  const { page } = await openPage(app.browser, `${app.server.url}/`, {
    viewport,
    touch: viewport === PHONE,
  });
  await logIn(page, user, `demo-${user}`);
  await page.locator('header .account').waitFor(LONG);
  await page.click('header nav a:has-text("进度看板")');
  await page.locator('.dash-grid[data-ready="1"]').waitFor({ timeout: 60_000 });
  return page;
}

/** 灵山县's plans (by responsible unit) from the register. */
async function lingshanPlans(): Promise<string[]> {
  const plans = (await (await fetch(`${app.server.url}/api/plans`)).json()) as {
    id: string;
    unit: string;
  }[];
  return plans.filter((p) => p.unit.startsWith('灵山县')).map((p) => p.id);
}

describe('the progress dashboard', () => {
  it('the city planner filters the plan list by a funnel bar and exports its table', async () => {
    // two of 灵山县's plans move on: one to 收集底图, one on to 图上初划
    const planner = await login(app.server.url, account('planner', 'planner'));
    const [a, b] = await lingshanPlans();
    for (const [id, to] of [
      [a, 'base-map'],
      [b, 'base-map'],
      [b, 'draft'],
    ] as const) {
      const r = await send(app.server.url, planner, 'POST', `/api/plans/${id}/stage`, { to });
      expect(r?.status, JSON.stringify(r?.body)).toBe(200);
    }
    const page = await dashboardAs('planner', DESKTOP);
    const lingshan = page.locator('.funnel svg g[data-row="450721"]');
    await page.screenshot({ path: join(SHOTS, 'dashboard-desktop.png'), fullPage: true });
    // the bar 灵山县 × 收集底图 says what it is, and filters the list to plan a
    const bar = lingshan.locator('rect[data-segment="base-map"]');
    expect(await bar.getAttribute('aria-label')).toBe('灵山县，收集底图：1 个规划');
    await bar.click();
    const rows = page.locator('.dash-plans tbody tr[data-plan]');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-plan')).toBe(a);
    expect(await page.locator('.filter-chip').first().textContent()).toContain('灵山县 · 收集底图');
    // a count of the table is a filter too, by the keyboard: 灵山县 × 图上初划 → plan b
    await page.locator('.funnel table button[data-unit="450721"][data-stage="draft"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.first().getAttribute('data-plan')).toBe(b);
    await page.screenshot({ path: join(SHOTS, 'dashboard-filtered.png') });
    // the chip's × clears the filter: every plan again
    await page.locator('.dash-plans .chip-clear').click();
    await expect.poll(() => rows.count()).toBe(36);
    // the funnel's table to Excel, read back by GDAL
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.funnel .table-export').click(),
    ]);
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    const sheet = xlsxRows(path);
    expect(sheet[1]?.slice(0, 4)).toEqual(['单位', '未开始', '收集底图', '图上初划']);
    const row = sheet.find((r) => r[0] === '灵山县');
    expect(row?.slice(1, 4)).toEqual([String(Number(row?.[9]) - 2), '1', '1']);
    expect(sheet.at(-1)?.[0]).toBe('合计');
    expect(sheet.at(-1)?.[9]).toBe('36');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('a reminder reaches the county’s open 待办; its link opens the form; the city’s open matrix turns 逾期报送 and 按时', async () => {
    // the county's planner is logged in before the reminder: it arrives live (/api/events)
    const { page: county } = await openPage(app.browser, `${app.server.url}/`, {
      viewport: DESKTOP,
    });
    await logIn(county, 'planner-lingshan', 'demo-planner-lingshan');
    await county.locator('header .account').waitFor(LONG);
    const city = await dashboardAs('planner', DESKTOP);
    const cell = (unit: string, month: string) =>
      city.locator(`.report-matrix tr[data-unit="${unit}"] td[data-month="${month}"]`);
    expect(await cell('450721', '2026-11').getAttribute('data-state')).toBe('missing');
    await cell('450721', '2026-11').locator('button.remind').click();
    await expect.poll(() => cell('450721', '2026-11').textContent()).toContain('已催报 1 次');
    // the reminder in the county's 待办 without a reload; its link opens the form for 灵山县 2026-11
    const todo = county.locator('li[data-todo="report:450721:2026-11"] button');
    await todo.waitFor(LONG);
    expect(await todo.textContent()).toContain('灵山县 2026-11 月报尚未报送');
    await todo.click();
    const form = county.locator('.report-form');
    await form.waitFor(LONG);
    expect(await form.locator('select[name="unit"]').inputValue()).toBe('450721');
    expect(await form.locator('select[name="month"]').inputValue()).toBe('2026-11');
    // the figures drafted from the data, then the two texts
    await form.locator('.report-figures').waitFor(LONG);
    expect(await form.locator('.report-figures').textContent()).toMatch(/规划 \d+ 个/);
    await form.locator('textarea[name="problems"]').fill('（测试）无');
    await form.locator('textarea[name="nextSteps"]').fill('（测试）继续收集底图');
    await form.locator('button[type="submit"]').click();
    await expect
      .poll(() => form.locator('[role="status"]').textContent(), LONG)
      .toBe('已报送 灵山县 2026-11 月报，第 1 版，逾期报送。');
    await form.locator('.report-revisions li[data-revision="1"] a').waitFor(LONG);
    // this month's report: on time
    await form.locator('select[name="month"]').selectOption('2026-12');
    await form.locator('.report-figures').waitFor(LONG);
    await form.locator('button[type="submit"]').click();
    await expect
      .poll(() => form.locator('[role="status"]').textContent(), LONG)
      .toBe('已报送 灵山县 2026-12 月报，第 1 版，按时。');
    await county.screenshot({ path: join(SHOTS, 'report-form-desktop.png'), fullPage: true });
    expect(errorsOf(county)).toEqual([]);
    await county.context().close();
    // the city's open matrix, reloaded by the pushed report events (no reload, no focus): 逾期报送 and 按时
    await expect
      .poll(() => cell('450721', '2026-12').getAttribute('data-state'), LONG)
      .toBe('on-time');
    expect(await cell('450721', '2026-12').locator('.state').textContent()).toBe('按时');
    expect(await cell('450721', '2026-11').locator('.state').textContent()).toBe('逾期报送');
    await city.locator('.matrix').scrollIntoViewIfNeeded();
    await city.screenshot({ path: join(SHOTS, 'matrix-desktop.png') });
    await city.context().close();
  }, 180_000);

  it('at 360 px only the charts and tables scroll sideways, never the page; the public sees counts only', async () => {
    const page = await dashboardAs('planner', PHONE);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, 'dashboard-360.png') });
    await page.locator('.assessment').scrollIntoViewIfNeeded();
    await page.locator('.assessment button.basis-toggle').first().click();
    await page.locator('.assessment .basis-row:not([hidden])').first().waitFor(LONG);
    expect(
      await page.locator('.assessment .basis-row:not([hidden])').first().textContent(),
    ).toContain('应报');
    await page.screenshot({ path: join(SHOTS, 'assessment-360.png') });
    await page.context().close();
    const { page: anyone } = await openPage(app.browser, `${app.server.url}/`, { viewport: PHONE });
    await anyone.click('header nav a:has-text("进度看板")');
    await anyone.locator('.progress-page[data-variant="public"] .dash-grid').waitFor(LONG);
    const text = (await anyone.locator('.progress-page').textContent()) ?? '';
    expect(text).not.toMatch(/county-\d|city-\d/);
    expect(await anyone.locator('.report-form, .report-matrix, .assessment').count()).toBe(0);
    await anyone.screenshot({ path: join(SHOTS, 'public-360.png'), fullPage: true });
    await anyone.context().close();
  }, 180_000);
});
