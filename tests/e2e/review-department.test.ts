// A consulted department in the browser (issue 13): 市生态环境局 logs in, sees only its round, reads
// the version on the map read-only (no editor, no stage buttons, no coordinates), replies 有意见 with
// a pin placed on the map, and sees its reply read-only; another plan's draft is refused.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login } from '../helpers/accounts';
import { appUnderTest, DESKTOP, drawn, errorsOf, LONG, logIn, openPage } from '../helpers/map-page';
import { send } from '../helpers/plan-writes';
import { openRoundFor, STHJ } from '../helpers/review-path';

const app = appUnderTest({ HEJIE_NOW: '2026-12-03T10:00:00+08:00' });
const PLAN = 'city-01';
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/ui-shots/${name}.png` });

describe('a department reads its round and replies with a pin', () => {
  it('sees only its round, replies 有意见 with a pin, and cannot read another plan', async () => {
    const { round } = await openRoundFor(app.server.url, PLAN, [STHJ.username, 'dept-zrzy']);
    const { page, context } = await openPage(app.browser, app.server.url, { viewport: DESKTOP });
    await logIn(page, STHJ.username, STHJ.password);
    const list = page.locator('.dept-rounds');
    await list.locator(`button[data-round="${round}"]`).waitFor(LONG);
    expect(await list.locator('button[data-round]').count()).toBe(1);
    const line = await list.locator(`button[data-round="${round}"]`).textContent();
    expect(line).toContain('钦江');
    expect(line).toContain('未反馈');
    expect(line).toMatch(/剩 \d+ 天/);
    await shot(page, 'dept-1-rounds');

    await list.locator(`button[data-round="${round}"]`).click();
    const panel = page.locator(`.dept-round[data-round="${round}"]`);
    await panel.waitFor(LONG);
    await expect.poll(() => drawn(page, 'draft-management'), LONG).toEqual(['straight']);
    expect(await panel.textContent()).toContain('请对钦江管理范围划定草案提出意见');
    expect(await panel.textContent()).toContain('管理范围线');
    // read-only: no editor, no stage buttons, no coordinate table
    expect(
      await page.locator('.plan-editor, .stage-moves, .save-bar, .coordinate-table').count(),
    ).toBe(0);
    expect(await panel.textContent()).toContain('坐标不向部门公开');

    // 有意见 without a text is refused in the browser, naming what is missing
    await panel.locator('input[value="objection"]').check();
    await panel.locator('textarea').fill('');
    await panel.locator('button[data-action="reply"]').click();
    expect(
      await panel
        .locator('textarea')
        .evaluate((e) => (e as HTMLTextAreaElement).validity.valueMissing),
    ).toBe(true);

    await panel.locator('textarea').fill('下游左岸与城市排水口位置冲突，请核对');
    await panel.locator('button.pin').click();
    // a tap where the map is free of the panel (its left quarter)
    const box = await page.locator('[data-testid="map"]').boundingBox();
    if (!box) throw new Error('no map');
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.5);
    await panel.locator('.pinned').waitFor(LONG);
    await shot(page, 'dept-2-reply-form');
    await panel.locator('button[data-action="reply"]').click();
    const sent = panel.locator('.reply.sent');
    await sent.waitFor(LONG);
    expect(await sent.getAttribute('data-verdict')).toBe('objection');
    expect(await sent.textContent()).toContain('下游左岸与城市排水口位置冲突');
    expect(await sent.textContent()).toContain('标注位置');
    expect(await panel.locator('form.reply-form').count()).toBe(0);
    await expect
      .poll(() => list.locator(`button[data-round="${round}"]`).textContent(), LONG)
      .toContain('已反馈');
    await shot(page, 'dept-3-replied');

    // another plan's draft: refused by the server, said plainly in the panel
    const status = await page.evaluate(async () => {
      const [geometry, view] = await Promise.all([
        fetch('/api/plans/county-01/geometry'),
        fetch('/api/consultations/999/view'),
      ]);
      return [geometry.status, view.status];
    });
    expect(status[0]).toBe(403);
    expect([403, 404]).toContain(status[1]);
    await page.goto(`${app.server.url}/plan/county-01`);
    const refused = page.locator('.plan-panel[data-plan="county-01"] [role="alert"]');
    await expect.poll(() => refused.textContent(), LONG).toContain('你无权查看此计划的草稿');
    expect(await page.locator('.stage-moves button[data-to]').count()).toBe(0);
    await shot(page, 'dept-4-other-plan-refused');
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it('sees the coordinate table once the admin lets departments see coordinates', async () => {
    const admin = await login(app.server.url, {
      username: 'admin',
      password: 'demo-admin',
      role: 'admin',
    });
    const put = await send(app.server.url, admin, 'PUT', '/api/settings', {
      departmentCoordinates: true,
    });
    expect(put?.status).toBe(200);
    const { page, context } = await openPage(app.browser, app.server.url, { viewport: DESKTOP });
    await logIn(page, STHJ.username, STHJ.password);
    await page.locator('.dept-rounds button[data-round]').first().click();
    const panel = page.locator('.dept-round');
    await panel.locator('.coordinate-table summary').click();
    await panel.locator('.coordinate-table table.coords').first().waitFor(LONG);
    expect(await panel.textContent()).not.toContain('坐标不向部门公开');
    await panel.locator('.coordinate-table').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(page, 'dept-5-coordinates-allowed');
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
