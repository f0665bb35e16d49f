// 公示 on the public river page (issue 13): while 钦江's display is open, /river/钦江 shows its proposed
// zones marked 公示中 with the end date and an opinion form (live count, limit, optional name and
// contact); a citizen's `<script>` is sent and reads back as text, in the browser and in the
// planner's panel; the contact is shown to the staff only.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  appUnderTest,
  DESKTOP,
  drawn,
  errorsOf,
  LONG,
  logIn,
  openPage,
  PHONE,
} from '../helpers/map-page';
import { openDisplayFor } from '../helpers/review-path';

const app = appUnderTest({ HEJIE_NOW: '2026-12-03T10:00:00+08:00' });
const PLAN = 'city-01';
const SCRIPT = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">';
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/ui-shots/${name}.png` });

describe('公示中 on the public river page', () => {
  it('shows the display and takes an opinion whose markup stays text', async () => {
    await openDisplayFor(app.server.url, PLAN);
    const { page, context } = await openPage(
      app.browser,
      `${app.server.url}/river/${encodeURIComponent('钦江')}`,
      { viewport: DESKTOP },
    );
    const display = page.locator(`.plan-display[data-display="${PLAN}"]`);
    await display.waitFor(LONG);
    expect(await display.getAttribute('data-state')).toBe('open');
    const text = (await display.textContent()) ?? '';
    expect(text).toContain('公示中');
    expect(text).toMatch(/2026-12-03 至 2026-12-\d\d/);
    // the proposed zones on the map, no coordinate table, no coordinates link
    await expect.poll(() => drawn(page, 'draft-management'), LONG).toEqual(['straight']);
    expect(await page.locator('a:has-text("坐标成果表"), .coordinate-table').count()).toBe(0);
    // the legend names them as proposed and on display, not as a draft or as published
    expect(await page.locator('.legend').textContent()).toContain('拟划定范围（公示中，未公告）');
    expect(text).toContain('联系方式仅水利局工作人员可见');
    await shot(page, 'public-1-display');

    const form = display.locator('form.opinion-form');
    // the live count, and the limit refused in the browser before sending
    await form.locator('textarea').fill('长'.repeat(1001));
    expect(await form.locator('.count').textContent()).toBe('1001 / 1000 字');
    await form.locator('button[data-action="send-opinion"]').click();
    expect(await form.locator('[role="alert"]').textContent()).toContain('意见不能超过 1000 字');
    await form.locator('textarea').fill(SCRIPT);
    expect(await form.locator('.count').textContent()).toBe(`${[...SCRIPT].length} / 1000 字`);
    await form.getByLabel('姓名（可不填）').fill('李四');
    await form.getByLabel('联系方式（可不填）').fill('13800000000');
    await shot(page, 'public-2-opinion-form');
    await form.locator('button[data-action="send-opinion"]').click();
    const thanks = display.locator('[data-opinion-sent]');
    await thanks.waitFor(LONG);
    expect(await thanks.textContent()).toMatch(/感谢你的意见，已收到。回执编号：\d+。/);
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    ).toBeUndefined();
    await shot(page, 'public-3-thanks');
    expect(errorsOf(page)).toEqual([]);
    await context.close();

    // the planner reads it as text, with the name and contact, and an answer form
    const staff = await openPage(app.browser, app.server.url, { viewport: DESKTOP });
    await logIn(staff.page, 'planner', 'demo-planner');
    await staff.page.click(`.work-list button[data-plan="${PLAN}"]`);
    const opinion = staff.page.locator('.plan-panel .opinions li[data-opinion]');
    await opinion.waitFor(LONG);
    expect(await opinion.locator('.text').textContent()).toBe(SCRIPT);
    expect(await opinion.locator('script, img').count()).toBe(0);
    expect(await opinion.textContent()).toContain('13800000000');
    expect(await staff.page.locator('.plan-panel [data-gate="publish"]').textContent()).toContain(
      '发布公告',
    );
    await opinion.scrollIntoViewIfNeeded();
    await shot(staff.page, 'public-4-planner-opinions');
    expect(
      await staff.page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    ).toBeUndefined();
    expect(errorsOf(staff.page)).toEqual([]);
    await staff.context.close();
  }, 180_000);

  it('fits a phone: the display and the form stay inside the screen', async () => {
    const { page, context } = await openPage(
      app.browser,
      `${app.server.url}/river/${encodeURIComponent('钦江')}`,
      { viewport: PHONE, touch: true },
    );
    const display = page.locator(`.plan-display[data-display="${PLAN}"]`);
    await display.waitFor(LONG);
    await display.scrollIntoViewIfNeeded();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await shot(page, 'public-5-phone');
    await context.close();
  }, 120_000);
});
