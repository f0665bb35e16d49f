// Issue 6's whole path in a real browser against the real server on a fresh database, each person in
// a browser of their own: the planner draws 钦江's two toe lines, sets class 2 / 30 m, computes,
// saves and moves the plan to 意见征求 and on to 现场复核; the chief 高朴, on a phone, sees the draft,
// comments and signs off 现场复核 and 审核确定; the planner publishes; an anonymous visitor sees the
// zone at /river/钦江 and cannot fetch the coordinates; another chief cannot open 钦江's draft.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PLANNER, login } from '../helpers/accounts';
import { screenshot } from '../helpers/browser';
import { consultOverHttp, DEMO_DEPARTMENT } from '../helpers/consult';
import { displayAndAcceptOverHttp } from '../helpers/display-accept';
import {
  appUnderTest,
  DESKTOP,
  drawn,
  drawToeLine,
  errorsOf,
  fitLines,
  LONG,
  logIn,
  openPage,
  PHONE,
  textOf,
} from '../helpers/map-page';
import { straightToePoints } from '../helpers/plan-writes';

const app = appUnderTest();

const PLAN = 'city-01';
/** Where the two toe lines go: those of the `straight` fixture (south → north, left = west). */
const [LEFT, RIGHT] = straightToePoints();

/** A stage move from the plan panel's buttons, waiting for the panel to show the new stage. */
async function move(page: Page, to: string, comment = ''): Promise<void> {
  const panel = page.locator(`.plan-panel[data-plan="${PLAN}"]`);
  if (comment) await panel.locator('.stage-moves textarea').fill(comment);
  await panel.locator(`.stage-moves button[data-to="${to}"]`).click();
  await panel.locator(`.stage-now[data-stage="${to}"]`).waitFor(LONG);
}

describe('the whole path: draw → compute → save → review → publish → public', () => {
  let planner: Page;

  it('planner draws two toe lines on 钦江, class 2 / 30 m, computes, saves, moves to 意见征求', async () => {
    ({ page: planner } = await openPage(app.browser, app.server.url, { viewport: DESKTOP }));
    const page = planner;
    await logIn(page, 'planner', 'demo-planner');
    await page.click(`.work-list button[data-plan="${PLAN}"]`);
    const panel = page.locator(`.plan-panel[data-plan="${PLAN}"]`);
    await panel.locator('.plan-editor').waitFor(LONG);
    // 钦江 has no course on the map (未上图): the planner zooms to where its embankments are
    await fitLines(page, [LEFT, RIGHT]);
    expect(await page.locator('.legend').getAttribute('open')).not.toBeNull();

    // the line tool folds the legend and the layer list, so that they cover no embankment
    await panel.locator('[data-tool="line"]').click();
    await expect.poll(() => page.locator('.legend').getAttribute('open')).toBeNull();
    expect(await page.locator('.layer-switcher').getAttribute('open')).toBeNull();
    await drawToeLine(page, LEFT, 1, '2', '30');
    await drawToeLine(page, RIGHT, 2, '2', '30');
    const roles = await panel
      .locator('.edit-reaches button[data-feature]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-role')));
    expect(roles).toEqual(['toe-left', 'toe-right']);
    // the lines are drawn with their flow arrows
    expect(await drawn(page, 'td-linestring')).toHaveLength(2);
    expect(await drawn(page, 'edit-arrows')).toHaveLength(2);

    // 计算: the working copy is computed in the worker and drawn (recomputed after each edit)
    await panel.locator('.draft-compute button:has-text("计算")').click();
    await expect
      .poll(() => panel.locator('.draft-compute').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('done');
    await expect.poll(() => drawn(page, 'draft-management'), LONG).toEqual(['reach-1']);
    expect(await drawn(page, 'draft-protection')).toEqual(['reach-1']);
    const markers = await drawn(page, 'draft-markers', 'id');
    expect(markers.length).toBeGreaterThan(10);
    expect(markers.every((id) => id.startsWith('QJ'))).toBe(true);
    const summary = await textOf(page, '.plan-panel .draft-compute');
    // two 1 km toe lines 80 m apart with 30 m beyond each: 1000 × 140 m = 14.00 ha
    expect(summary).toMatch(/管理范围面积\s*14\.00 ha/);
    await screenshot(page, 'path-1-planner-computed');

    // 保存: version 1 with the two lines as drawn and set
    await page.fill('#save-comment', '钦江左右岸堤脚线（图上初划）');
    await page.click('.save-bar button[data-action="save"]');
    await expect
      .poll(() => page.locator('.save-bar').getAttribute('data-state'), LONG)
      .toBe('saved');
    const saved = await page.evaluate(async (id) => {
      const r = await fetch(`/api/plans/${id}/geometry`);
      return (await r.json()) as {
        version: number;
        comment: string;
        features: { properties: Record<string, unknown> }[];
      };
    }, PLAN);
    expect(saved.version).toBe(1);
    expect(saved.comment).toBe('钦江左右岸堤脚线（图上初划）');
    expect(
      saved.features.map((f) => [
        f.properties.role,
        f.properties.embankmentClass,
        f.properties.widthM,
      ]),
    ).toEqual([
      ['toe-left', 2, 30],
      ['toe-right', 2, 30],
    ]);

    // the stages, one at a time, from the panel: 收集底图 → 图上初划 → 意见征求 → 现场复核
    await move(page, 'base-map');
    await move(page, 'draft');
    await move(page, 'consultation');
    await screenshot(page, 'path-2-planner-consultation');
    // 意见征求 → 现场复核 needs a round in which every department replied (issue 13): over HTTP here
    const [plannerApi, department] = await Promise.all([
      login(app.server.url, DEMO_PLANNER),
      login(app.server.url, DEMO_DEPARTMENT),
    ]);
    await consultOverHttp(
      app.server.url,
      { planner: plannerApi, department },
      PLAN,
      DEMO_DEPARTMENT.username,
    );
    await move(page, 'field-check', '意见征求完毕，请河长现场复核');
    expect(errorsOf(page)).toEqual([]);
  }, 240_000);

  it('the chief 高朴, on a phone, sees the draft, comments and signs off 现场复核 and 审核确定', async () => {
    const { page, context } = await openPage(app.browser, app.server.url, {
      viewport: PHONE,
      touch: true,
    });
    await logIn(page, 'gaopu', 'demo-gaopu');
    const list = page.locator('.work-list');
    await list.waitFor(LONG);
    expect(await list.locator('button[data-plan]').count()).toBe(1);
    await list.locator(`button[data-plan="${PLAN}"]`).tap();
    const panel = page.locator(`.plan-panel[data-plan="${PLAN}"]`);
    // the draft is computed and drawn without pressing anything
    await expect
      .poll(() => drawn(page, 'draft-management'), { timeout: 60_000 })
      .toEqual(['reach-1']);
    expect((await drawn(page, 'draft-markers', 'id')).length).toBeGreaterThan(10);
    await screenshot(page, 'path-3-chief-draft');

    await panel.locator('.plan-comments textarea').fill('左岸下游段请核对堤脚线位置');
    await panel.locator('.plan-comments button[type="submit"]').tap();
    await panel.locator('.plan-comments li:has-text("左岸下游段请核对堤脚线位置")').waitFor(LONG);
    await move(page, 'review', '现场复核完成，同意划定');
    await move(page, 'deliverables', '审核确定');
    await screenshot(page, 'path-4-chief-signed-off');
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it('the planner publishes from the panel', async () => {
    // a finished 公示 and a 合格 acceptance (issue 13; not this test's subject: done over HTTP),
    // then the server restarts after the display's end and the planner logs in again
    const session = await login(app.server.url, DEMO_PLANNER);
    await app.restart({
      HEJIE_NOW: await displayAndAcceptOverHttp(app.server.url, session, PLAN, 1),
    });
    const page = planner;
    await page.goto(app.server.url);
    await logIn(page, 'planner', 'demo-planner');
    await page.click(`.work-list button[data-plan="${PLAN}"]`);
    const panel = page.locator(`.plan-panel[data-plan="${PLAN}"]`);
    await panel.locator('.stage-now[data-stage="deliverables"]').waitFor(LONG);
    expect(await textOf(page, '.plan-panel .plan-comments')).toContain(
      '左岸下游段请核对堤脚线位置',
    );
    await panel.locator('button[data-action="publish"]').click();
    await panel.locator('.publish-confirm textarea').fill('钦江管理范围划定公告');
    await panel.locator('button[data-action="publish-yes"]').click();
    await panel.locator('.stage-now[data-stage="published"]').waitFor(LONG);
    expect(await textOf(page, '.plan-panel .publish [role="status"]')).toContain('已公告第 1 版');
    await screenshot(page, 'path-5-published');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('an anonymous visitor sees the published zone at /river/钦江 and cannot fetch coordinates', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, context } = await openPage(
        app.browser,
        `${app.server.url}/river/${encodeURIComponent('钦江')}`,
        { viewport },
      );
      await page.locator(`.plan-notice[data-notice="${PLAN}"] dl`).waitFor(LONG);
      if (viewport === PHONE) await page.click('[role="tab"]:has-text("地图")');
      await expect.poll(() => drawn(page, 'zone-management'), LONG).toContain('reach-1');
      expect(await drawn(page, 'zone-protection')).toContain('reach-1');
      await page.evaluate(() => window.hejieMap?.whenMarkersReady());
      expect((await drawn(page, 'markers', 'id')).some((id) => id.startsWith('QJ'))).toBe(true);
      // no draft, no editor, no coordinates
      expect(await drawn(page, 'draft-management')).toEqual([]);
      expect(await page.locator('a:has-text("坐标成果表")').count()).toBe(0);
      const status = await page.evaluate(async (id) => {
        const [csv, geometry] = await Promise.all([
          fetch(`/api/plans/${id}/markers.csv`),
          fetch(`/api/plans/${id}/geometry`),
        ]);
        return [csv.status, geometry.status];
      }, PLAN);
      expect(status).toEqual([403, 401]);
      await screenshot(page, `path-6-public-${viewport.width}`);
      expect(errorsOf(page)).toEqual([]);
      await context.close();
    }
  }, 120_000);

  it('another chief (陈建军) cannot open 钦江’s draft', async () => {
    const { page, context } = await openPage(app.browser, app.server.url, {
      viewport: PHONE,
      touch: true,
    });
    await logIn(page, 'chenjianjun', 'demo-chenjianjun');
    await page.locator('.work-list').waitFor(LONG);
    expect(await page.locator(`.work-list button[data-plan="${PLAN}"]`).count()).toBe(0);
    await page.goto(`${app.server.url}/plan/${PLAN}`);
    const refused = page.locator(`.plan-panel[data-plan="${PLAN}"] [role="alert"]`);
    await expect.poll(() => refused.textContent(), LONG).toContain('你无权查看此计划的草稿');
    expect(await drawn(page, 'draft-management')).toEqual([]);
    const status = await page.evaluate(
      async (id) => (await fetch(`/api/plans/${id}/geometry`)).status,
      PLAN,
    );
    expect(status).toBe(403);
    await screenshot(page, 'path-7-other-chief-refused');
    await context.close();
  }, 120_000);
});
