// The workspaces in a real browser against the real server on a fresh database: log in, the
// planner's 我的任务 and the chief's 我的河湖, the plan panel (stage moves, versions, draft summary,
// comments), the server's refusals shown plainly, logout.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PLANNER, login } from '../helpers/accounts';
import { screenshot, waitForMapIdle } from '../helpers/browser';
import { appUnderTest, logIn } from '../helpers/map-page';
import { editFeatures, saveVersion } from '../helpers/plan-writes';

const app = appUnderTest();

const DESKTOP = { width: 1366, height: 820 };
const PHONE = { width: 360, height: 740 };
const LONG = { timeout: 30_000 };

async function open(path = '/', viewport = DESKTOP): Promise<Page> {
  const page = await app.browser.newPage({ viewport, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as unknown as { errors: string[] }).errors = errors;
  await page.goto(app.server.url + path);
  await waitForMapIdle(page);
  return page;
}

const text = async (page: Page, selector: string) =>
  (await page.locator(selector).textContent(LONG)) ?? '';

describe('planner', () => {
  it('logs in, sees 我的任务 with 36 plans, moves 钦江 未开始 → 收集底图, stays logged in on reload', async () => {
    // a saved version of 钦江, so that the panel has a version and a draft to sum up
    const api = await login(app.server.url, DEMO_PLANNER);
    await saveVersion(app.server.url, api, 'city-01', editFeatures(0), '测试底图');

    const page = await open();
    await logIn(page, 'planner', 'demo-planner');
    await page.locator('.work-list').waitFor(LONG);
    expect(await text(page, '.work-list h2')).toContain('我的任务');
    expect(await page.locator('.work-list li').count()).toBe(36);
    expect(await text(page, 'header nav')).toContain('演示规划员');
    await screenshot(page, 'workspace-planner-tasks');

    await page.click('.work-list button[data-plan="city-01"]');
    const panel = page.locator('.plan-panel[data-plan="city-01"]');
    await panel.waitFor(LONG);
    await panel.locator('.plan-versions li[data-version="1"]').waitFor(LONG);
    expect(await text(page, '.plan-panel .stage-now')).toContain('未开始');
    expect(page.url()).toContain('/plan/city-01');
    // the saved version and its computed draft: the two toe lines give a zone with an area
    expect(await text(page, '.plan-versions')).toContain('测试底图');
    await panel.locator('.draft-summary dl').waitFor(LONG);
    const summary = await text(page, '.draft-summary');
    expect(summary).toMatch(/管理范围面积\s*[1-9][\d.]* ha/);
    expect(summary).toContain('管理范围线：左岸');
    // only the planner's step is offered: 收集底图 (no send-back from the first stage)
    expect(await panel.locator('.stage-moves button[data-to]').count()).toBe(1);
    await screenshot(page, 'workspace-planner-qinjiang-panel');

    await panel.locator('button[data-to="base-map"]').click();
    await panel.locator('.stage-now[data-stage="base-map"]').waitFor(LONG);
    expect(await text(page, '.plan-panel [role="status"]')).toContain('收集底图');
    // the register has the new stage, and so does the task list
    await expect
      .poll(() => text(page, 'table.plans tr[data-plan="city-01"]'), LONG)
      .toContain('收集底图');
    expect(await text(page, '.work-list button[data-plan="city-01"]')).toContain('收集底图');
    // now a send-back is offered too, and it asks why
    await panel.locator('button[data-to="not-started"]').click();
    expect(await text(page, '.plan-panel [role="alert"]')).toContain('退回需填写原因');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('stage-comment');
    await screenshot(page, 'workspace-planner-moved');

    await page.reload();
    await page.locator('.plan-panel .stage-now[data-stage="base-map"]').waitFor(LONG);
    expect(await text(page, 'header nav')).toContain('演示规划员');
    // the task list is a lazy chunk of its own: it may come after the panel
    await expect.poll(() => page.locator('.work-list li').count(), LONG).toBe(36);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('opens a plan from a register row and zooms the map to its river (南流江)', async () => {
    const page = await open();
    await logIn(page, 'planner', 'demo-planner');
    await page.locator('.work-list').waitFor(LONG);
    await page.click('table.plans tr[data-plan="city-05"]');
    await page.locator('.plan-panel[data-plan="city-05"]').waitFor(LONG);
    await page.evaluate(() => window.hejieMap?.settled());
    expect(await page.evaluate(() => window.hejieMap?.renderedIds('selected-river'))).toEqual([
      'nanliujiang',
    ]);
    await page.fill('.plan-comments textarea', '请补充左岸堤防资料');
    await page.click('.plan-comments button[type="submit"]');
    await page.locator('.plan-comments li:has-text("请补充左岸堤防资料")').waitFor(LONG);
    // comments name the person, not the account (issue 19)
    expect(await text(page, '.plan-comments')).toContain('演示规划员');
    await screenshot(page, 'workspace-planner-nanliujiang');
    await page.close();
  });
});

describe('planner computes in the browser', () => {
  it('presses 计算 on 钦江: the draft zones and markers are drawn, summed up, and cleared on close', async () => {
    // two toe lines on 钦江, class 2 / 30 m, saved as the newest version
    const api = await login(app.server.url, DEMO_PLANNER);
    const features = editFeatures(2);
    expect(features.map((f) => f.properties?.embankmentClass)).toEqual([2, 2]);
    expect(features.map((f) => f.properties?.widthM)).toEqual([30, 30]);
    await saveVersion(app.server.url, api, 'city-01', features, '计算测试');

    const page = await open();
    await logIn(page, 'planner', 'demo-planner');
    await page.locator('.work-list').waitFor(LONG);
    await page.click('.work-list button[data-plan="city-01"]');
    const panel = page.locator('.plan-panel[data-plan="city-01"]');
    // nothing of the draft on the map before 计算
    await panel.locator('.draft-compute button').waitFor(LONG);
    expect(await page.evaluate(() => window.hejieMap?.renderedIds('draft-management'))).toEqual([]);
    expect(await text(page, '.legend')).not.toContain('草稿（未公告）');

    await panel.locator('.draft-compute button:has-text("计算")').click();
    const markers = panel.locator('.draft-compute [data-row="markers"] dd');
    await markers.waitFor({ timeout: 60_000 });
    // counted by kind, as the notice counts them (issue 19)
    expect(await markers.textContent()).toMatch(/界桩 [1-9]\d* 个、公告牌 \d+ 块/);
    expect(await text(page, '.draft-compute')).toMatch(/管理范围面积\s*[1-9][\d.]* ha/);
    expect(await text(page, '.draft-compute')).toContain('管理范围线：左岸');
    expect(await panel.locator('.draft-compute [role="alert"]').count()).toBe(0);
    // the drawn features, not the text: the reach's zones and its markers are on screen
    const drawn = (layer: string) =>
      page.evaluate(async (l) => {
        await window.hejieMap?.settled();
        return window.hejieMap?.renderedIds(l) ?? [];
      }, layer);
    await expect.poll(() => drawn('draft-management'), LONG).toEqual(['straight']);
    expect(await drawn('draft-protection')).toEqual(['straight']);
    expect((await drawn('draft-markers')).length).toBeGreaterThan(0);
    expect(await text(page, '.legend')).toContain('草稿（未公告）');
    await markers.scrollIntoViewIfNeeded();
    await screenshot(page, 'workspace-planner-computed');

    await panel.locator('button[aria-label="关闭"]').click();
    await expect.poll(() => drawn('draft-management'), LONG).toEqual([]);
    expect(await drawn('draft-markers')).toEqual([]);
    expect(await text(page, '.legend')).not.toContain('草稿（未公告）');
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('login errors', () => {
  it('says plainly: wrong password, throttled with the wait, disabled account', async () => {
    const page = await open();
    await logIn(page, 'chenjianjun', 'not-the-password');
    const alert = page.locator('dialog.login [role="alert"]');
    await expect.poll(() => alert.textContent(), LONG).toContain('用户名或密码错误');
    for (const password of ['wrong-1', 'wrong-2', 'wrong-3', 'wrong-4', 'demo-chenjianjun']) {
      await page.locator('dialog.login').getByLabel('密码').fill(password);
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/login'), LONG),
        page.click('dialog.login button[type="submit"]'),
      ]);
    }
    await expect.poll(() => alert.textContent(), LONG).toMatch(/登录失败次数过多，请 \d+ 秒后再试/);
    await screenshot(page, 'workspace-login-throttled');

    const admin = await login(app.server.url, {
      username: 'admin',
      password: 'demo-admin',
      role: 'admin',
    });
    const users = (await (
      await fetch(`${app.server.url}/api/users`, { headers: admin.headers() })
    ).json()) as { id: string; username: string }[];
    const lingshan = users.find((u) => u.username === 'planner-lingshan');
    const patched = await fetch(`${app.server.url}/api/users/${lingshan?.id}`, {
      method: 'PATCH',
      headers: admin.headers(),
      body: JSON.stringify({ disabled: true }),
    });
    expect(patched.status).toBe(200);
    const dialog = page.locator('dialog.login');
    await dialog.getByLabel('用户名').fill('planner-lingshan');
    await dialog.getByLabel('密码').fill('demo-planner-lingshan');
    await page.click('dialog.login button[type="submit"]');
    await expect.poll(() => alert.textContent(), LONG).toContain('该账号已停用');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.login').count()).toBe(0);
    expect(await text(page, 'header nav')).toContain('登录');
    await page.close();
  });
});

describe('chief on a phone (360 px)', () => {
  it('sees 我的河湖 with only 钦江, is refused county-01, logs out to the public view', async () => {
    const page = await open('/', PHONE);
    await logIn(page, 'gaopu', 'demo-gaopu');
    await page.locator('.work-list').waitFor(LONG);
    expect(await text(page, '[role="tab"][aria-selected="true"]')).toBe('我的河湖');
    expect(await text(page, '.work-list h2')).toContain('我的河湖');
    const items = page.locator('.work-list button[data-plan]');
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute('data-plan')).toBe('city-01');
    expect(await page.locator('table.plans').isVisible()).toBe(false);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'workspace-chief-phone-rivers');

    await items.first().click();
    const panel = page.locator('.plan-panel[data-plan="city-01"]');
    await panel.locator('.plan-versions').waitFor(LONG);
    expect(await text(page, '[role="tab"][aria-selected="true"]')).toBe('地图');
    // 收集底图 → 图上初划 is a planner's step: nothing for the chief to do here
    expect(await panel.locator('button[data-to]').count()).toBe(0);
    expect(await text(page, '.plan-panel .stage-moves')).toContain('没有你可以执行的操作');
    expect((await panel.boundingBox())?.width).toBeLessThanOrEqual(360);
    await screenshot(page, 'workspace-chief-phone-panel');

    // county-01 (陈建军's) is not in the list, and forcing its URL shows the server's 403
    await page.goto(`${app.server.url}/plan/county-01`);
    const refused = page.locator('.plan-panel[data-plan="county-01"] [role="alert"]');
    await expect.poll(() => refused.textContent(), LONG).toContain('你无权查看此计划的草稿');
    expect(await refused.textContent()).toContain('county-01');
    expect(await page.locator('.plan-panel .plan-versions').count()).toBe(0);
    await screenshot(page, 'workspace-chief-phone-refused');

    await page.click('header nav button:has-text("退出")');
    await page.locator('header nav button:has-text("登录")').waitFor(LONG);
    expect(await page.locator('.work-list').count()).toBe(0);
    expect(await page.locator('.plan-panel').count()).toBe(0);
    expect(await page.locator('[role="tab"]').allTextContents()).toEqual(['计划表', '地图']);
    expect(new URL(page.url()).pathname).toBe('/');
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).toEqual({ actor: { kind: 'public' }, csrf: null });
    await screenshot(page, 'workspace-chief-phone-logged-out');
    await page.close();
  });
});
