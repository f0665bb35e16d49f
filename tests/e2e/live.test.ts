// The workflow between people in two browsers (issue 19): the planner on server A, 高朴 on his phone
// on server B (one data directory, one SQLite file). Each sees the other's change without
// reloading: the planner's move, the chief's objection, the sign-offs. The chief's 待办 counts what
// waits for him; an open objection blocks publishing, named, until the planner resolves it; the
// stage history lists the sign-off with its note.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { login } from '../helpers/accounts';
import { screenshot, shotsDir } from '../helpers/browser';
import { displayAndAcceptOverHttp } from '../helpers/display-accept';
import { appUnderTest, DESKTOP, errorsOf, LONG, logIn, openPage, PHONE } from '../helpers/map-page';
import { send } from '../helpers/plan-writes';
import { openRoundFor, STHJ } from '../helpers/review-path';
import { type RunningServer, startServer } from '../helpers/server';

const NOW = { HEJIE_NOW: '2026-12-03T10:00:00+08:00' };
const app = appUnderTest(NOW);
let b: RunningServer | null = null;
afterAll(async () => {
  await b?.stop();
});

const panelOf = (page: Page) => page.locator('.plan-panel[data-plan="city-01"]');
const SHOTS = shotsDir('live');

describe('live workflow between the planner (A) and the chief on a phone (B)', () => {
  it('pushes moves, comments and sign-offs both ways; 待办; objections block publishing', async () => {
    const a = app.server;
    // 市生态环境局's list is open, empty; the round the planner opens appears on it unreloaded
    const watcher = await openPage(app.browser, `${a.url}/`, { viewport: DESKTOP });
    await logIn(watcher.page, STHJ.username, STHJ.password);
    await watcher.page.locator('.dept-rounds').waitFor(LONG);
    expect(await watcher.page.locator('.dept-rounds li').count()).toBe(0);
    // 钦江 at 意见征求 with the department's reply in: the planner may move it on
    const { round, planner } = await openRoundFor(a.url, 'city-01', [STHJ.username]);
    await watcher.page.locator('.dept-rounds li').first().waitFor(LONG);
    expect(await watcher.page.locator('.dept-rounds li').first().textContent()).toContain('钦江');
    await watcher.context.close();
    const dept = await login(a.url, STHJ);
    await send(a.url, dept, 'POST', `/api/consultations/${round}/replies`, {
      verdict: 'no-objection',
    });
    b = await startServer(NOW, a.dataDir);

    // the chief on his phone, on server B, the plan open at 意见征求
    const chief = await openPage(app.browser, `${b.url}/`, { viewport: PHONE, touch: true });
    const cp = chief.page;
    await logIn(cp, 'gaopu', 'demo-gaopu');
    await cp.locator('.todo-list [data-todo-total="0"]').waitFor(LONG);
    await cp.goto(`${b.url}/plan/city-01`);
    await panelOf(cp).locator('.stage-now[data-stage="consultation"]').waitFor(LONG);

    // the planner on a desktop, on server A, moves it on to 现场复核
    const pl = await openPage(app.browser, `${a.url}/`, { viewport: DESKTOP });
    const pp = pl.page;
    await logIn(pp, 'planner', 'demo-planner');
    await pp.locator('.todo-list').waitFor(LONG);
    await pp.goto(`${a.url}/plan/city-01`);
    await panelOf(pp).locator('button[data-to="field-check"]').click(LONG);
    await panelOf(pp).locator('.stage-now[data-stage="field-check"]').waitFor(LONG);

    // …and the chief's phone shows it without reloading: the stage, a notice, the 待办 count
    await panelOf(cp).locator('.stage-now[data-stage="field-check"]').waitFor(LONG);
    await expect
      .poll(() => cp.locator('.live-notice').textContent(), LONG)
      .toBe('演示规划员 (市水利局) 已将阶段从“意见征求”推进到“现场复核”知道了');
    await expect.poll(() => cp.locator('.todo-badge .count').textContent(), LONG).toBe('1');
    // the badge opens the list: what waits for him, and it leads back to the plan
    await cp.locator('header .todo-badge').tap();
    const todo = cp.locator('.todo-list li[data-todo="signoff:city-01"]');
    expect(await todo.textContent(LONG)).toBe('钦江 待您签署：现场复核 → 审核确定（第 1 版）');
    expect(await cp.locator('.todo-list [data-todo-total]').textContent()).toBe('(1)');
    await cp.screenshot({ path: `${SHOTS}/after-chief-todo-phone.png` });
    await todo.locator('button').tap();
    const signOff = panelOf(cp).locator('button[data-to="review"]');
    await signOff.waitFor(LONG);
    expect(await signOff.textContent()).toBe('签署：现场复核通过');
    await screenshot(cp, 'live-chief-phone-moved');
    await cp.screenshot({ path: `${SHOTS}/after-chief-notice-phone.png` });

    // the chief pins an objection on the map; the planner sees it appear, marked 异议
    const comments = panelOf(cp).locator('.plan-comments');
    await comments.locator('textarea').fill('城区段左岸堤脚线偏离实际堤防约 5 米，请核实');
    await comments.locator('button.pin').click();
    await cp.touchscreen.tap(180, 200);
    await comments.locator('.hint:has-text("河长在地图上标注的意见即为异议")').waitFor(LONG);
    await comments.locator('button[type="submit"]').click();
    const seen = panelOf(pp).locator('.plan-comments li[data-objection="open"]');
    await seen.waitFor(LONG);
    expect(await seen.textContent()).toContain('城区段左岸堤脚线偏离实际堤防约 5 米，请核实');
    expect(await seen.locator('.badge.bad').textContent()).toBe('异议');

    // the chief signs off 现场复核 with a note; the planner is told who signed what
    await panelOf(cp).locator('#stage-comment').fill('现场复核无误，同意');
    await signOff.click();
    await panelOf(cp).locator('.stage-now[data-stage="review"]').waitFor(LONG);
    await expect
      .poll(() => pp.locator('.live-notice span').textContent(), LONG)
      .toBe('高朴 已签署：现场复核 → 审核确定');
    await panelOf(pp).locator('.stage-now[data-stage="review"]').waitFor(LONG);
    await pp.screenshot({ path: `${SHOTS}/after-planner-notice-desktop.png` });
    await panelOf(cp).locator('button[data-to="deliverables"]').click();
    await panelOf(cp).locator('.stage-now[data-stage="deliverables"]').waitFor(LONG);
    // the history lists the sign-off with its note
    const history = panelOf(cp).locator('.stage-history li[data-move="field-check>review"]');
    await history.scrollIntoViewIfNeeded();
    expect(await history.textContent()).toMatch(
      /^签署：现场复核通过 高朴 · .+ · 第 1 版现场复核无误，同意$/,
    );
    await cp.screenshot({ path: `${SHOTS}/after-chief-history-phone.png` });
    expect(errorsOf(cp)).toEqual([]);
    expect(errorsOf(pp)).toEqual([]);
    await chief.context.close();
    await pl.context.close();
    await b.stop();
    b = null;

    // a finished 公示 and acceptance, the notice's settings set: only the objection stands
    const admin = await login(a.url, { username: 'admin', password: 'demo-admin', role: 'admin' });
    await send(a.url, admin, 'PUT', '/api/settings', {
      noticeAuthority: '钦州市人民政府',
      supervisionPhone: '0777-1234567',
    });
    await app.restart({ HEJIE_NOW: await displayAndAcceptOverHttp(a.url, planner, 'city-01', 1) });
    const again = await openPage(app.browser, `${app.server.url}/`, { viewport: DESKTOP });
    const page = again.page;
    await logIn(page, 'planner', 'demo-planner');
    await page.locator('.todo-list').waitFor(LONG);
    await page.goto(`${app.server.url}/plan/city-01`);
    // a citizen has the public map open: nothing of 钦江 is published yet
    const citizen = await openPage(app.browser, `${app.server.url}/`, { viewport: DESKTOP });
    await citizen.page.evaluate(() => window.hejieMap?.whenMarkersReady());
    await citizen.page.locator('.legend summary').click();
    expect(await citizen.page.locator('.legend').textContent()).not.toContain('界桩（已公告）');
    const panel = panelOf(page);
    await panel.locator('button[data-action="publish"]').click(LONG);
    await panel.locator('button[data-action="publish-yes"]').click();
    const refused = panel.locator('.publish [role="alert"]');
    await expect
      .poll(() => refused.textContent(), LONG)
      .toContain(
        '第 1 版仍有 1 条未处理的异议，不能公告：高朴（2026-12-03）“城区段左岸堤脚线偏离实际堤防约 5 米，请核实”',
      );
    await refused.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/after-publish-refused-desktop.png` });
    // the planner resolves it with a reply; publishing goes through
    const objection = panel.locator('.plan-comments li[data-objection="open"]');
    await objection.locator('button[data-action="resolve"]').click();
    await objection.locator('textarea').fill('已按现场复核结果修正左岸堤脚线');
    await objection.locator('button[type="submit"]').click();
    await panel.locator('.plan-comments [data-resolved]').waitFor(LONG);
    await panel.locator('button[data-action="publish"]').click();
    await panel.locator('button[data-action="publish-yes"]').click();
    await panel.locator('.stage-now[data-stage="published"]').waitFor(LONG);
    // …and the citizen's map draws the published markers without a reload
    await expect
      .poll(() => citizen.page.locator('.legend').textContent(), LONG)
      .toContain('界桩（已公告）');
    expect(errorsOf(citizen.page)).toEqual([]);
    await citizen.context.close();
    expect(errorsOf(page)).toEqual([]);
    await again.context.close();
  }, 150_000);
});
