// Publishing from the UI at 成果文件制作与验收 (the plan driven there over HTTP by the planner and
// the river chief), after which the public map draws the zones; a refused publication lists the
// server's reasons; no publish button without the right stage.

import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { StageId } from '../../src/domain/workflow/stages';
import { login, type Session } from '../helpers/accounts';
import { screenshot, waitForMapIdle } from '../helpers/browser';
import { consultOverHttp, DEMO_DEPARTMENT } from '../helpers/consult';
import { displayAndAcceptOverHttp } from '../helpers/display-accept';
import { editFeatures } from '../helpers/plan-writes';
import {
  asEdit,
  eastReach,
  errorsOf,
  LONG,
  noOverflow,
  PHONE,
  saveKitForFile,
  text,
} from '../helpers/save-browser';

const kit = saveKitForFile();

/** Walks a plan forward over HTTP, each step by the role that owns it. */
async function advance(planId: string, chief: Session, stages: StageId[]) {
  for (const to of stages) {
    const who = to === 'review' || to === 'deliverables' ? chief : kit.planner;
    // 意见征求 → 现场复核 needs a round in which every department replied (issue 13)
    if (to === 'field-check') {
      const department = await login(kit.server.url, DEMO_DEPARTMENT);
      await consultOverHttp(
        kit.server.url,
        { planner: kit.planner, department },
        planId,
        DEMO_DEPARTMENT.username,
      );
    }
    const res = await kit.api(who, 'POST', `/api/plans/${planId}/stage`, { to });
    expect(res.status, `${planId} → ${to}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

const TO_DELIVERABLES: StageId[] = [
  'base-map',
  'draft',
  'consultation',
  'field-check',
  'review',
  'deliverables',
];

describe('publish', () => {
  it('publishes 钦江 from the UI at 成果文件制作与验收 after a confirmation; the public map draws it', async () => {
    // 钦江 with two reaches (straight and east), saved as version 1 and walked to 成果文件制作与验收
    const base = asEdit(editFeatures(0));
    await kit.saveOverHttp(kit.planner, 'city-01', [...base, ...eastReach(['e1', 'e2'])], '两段');
    const gaopu = await login(kit.server.url, {
      username: 'gaopu',
      password: 'demo-gaopu',
      role: 'chief',
    });
    await advance('city-01', gaopu, TO_DELIVERABLES);
    // a finished 公示 and a 合格 acceptance (issue 13): the server restarts after the display's end
    await kit.restart({
      HEJIE_NOW: await displayAndAcceptOverHttp(kit.server.url, kit.planner, 'city-01', 1),
    });
    const page = await kit.open();
    await kit.openPlan(page, 'city-01', null);
    const panel = page.locator('.plan-panel[data-plan="city-01"]');
    await panel.locator('.stage-now[data-stage="deliverables"]').waitFor(LONG);
    // the panel says who signed which version, and which version publishing will freeze (issue 17)
    const signed = panel.locator('.plan-versions [data-signed-version="1"]');
    await expect.poll(() => signed.count(), LONG).toBe(2);
    expect(await signed.allTextContents()).toEqual([
      expect.stringMatching(/^高朴 于 .+ 在“审核确定”签认$/),
      expect.stringMatching(/^高朴 于 .+ 在“成果文件制作与验收”签认$/),
    ]);
    expect(await text(page, '.plan-versions [data-signoff-status]')).toBe('可公告：第 1 版');
    await panel.locator('button[data-action="publish"]').click();
    const confirm = panel.locator('.publish-confirm');
    expect(await confirm.textContent()).toContain('将冻结第 1 版（4 个要素）');
    await confirm.locator('textarea').fill('钦江管理范围公告');
    await confirm.scrollIntoViewIfNeeded();
    await screenshot(page, 'save-publish-confirm');
    await confirm.locator('button[data-action="publish-yes"]').click();
    const done = panel.locator('.publish [role="status"]');
    await expect
      .poll(() => done.textContent(), LONG)
      .toMatch(/已公告第 1 版：12 个范围要素，界桩 \d+ 个、公告牌 \d+ 块。/);
    await panel.locator('.stage-now[data-stage="published"]').waitFor(LONG);
    await expect
      .poll(() => text(page, 'table.plans tr[data-plan="city-01"]'), LONG)
      .toContain('公告实施');
    // the versions list reloads after the publication
    await expect
      .poll(() => text(page, '.plan-versions li[data-version="1"]'), LONG)
      .toContain('已公告');
    await done.scrollIntoViewIfNeeded();
    await screenshot(page, 'save-published');
    expect(errorsOf(page)).toEqual([]);
    await page.close();

    const zones = (await (await fetch(`${kit.server.url}/api/zones`)).json()) as {
      features: Feature[];
    };
    const ours = zones.features.filter((f) => f.properties?.plan === 'city-01');
    expect(new Set(ours.map((f) => f.properties?.reach))).toEqual(new Set(['straight', 'east']));
    expect(new Set(ours.map((f) => f.properties?.version))).toEqual(new Set([1]));

    // an anonymous visitor on a phone: the published zones are drawn
    const visitor = await kit.browser.newPage({ viewport: PHONE, locale: 'zh-CN' });
    await visitor.goto(`${kit.server.url}/river/钦江`);
    await waitForMapIdle(visitor);
    await visitor.click('[role="tab"]:has-text("地图")');
    const drawn = () =>
      visitor.evaluate(async () => {
        await window.hejieMap?.settled();
        return (window.hejieMap?.renderedIds('zone-management') ?? []).sort();
      });
    await expect.poll(drawn, LONG).toEqual(expect.arrayContaining(['east', 'straight']));
    await screenshot(visitor, 'save-published-public-phone');
    await visitor.close();
  }, 120_000);

  it('lists the server’s reasons when publishing is refused, and freezes nothing', async () => {
    const chen = await login(kit.server.url, {
      username: 'chenjianjun',
      password: 'demo-chenjianjun',
      role: 'chief',
    });
    const noClass = editFeatures(0).map((f) => {
      const { embankmentClass: _, ...properties } = f.properties ?? {};
      return { ...f, properties };
    });
    await kit.saveOverHttp(kit.planner, 'county-01', noClass);
    await advance('county-01', chen, TO_DELIVERABLES);
    // past the 公示 and 验收 gate, so that the zones' own reasons are what refuses it
    await kit.restart({
      HEJIE_NOW: await displayAndAcceptOverHttp(kit.server.url, kit.planner, 'county-01', 1),
    });
    const page = await kit.open(PHONE);
    await kit.openPlan(page, 'county-01', null);
    const panel = page.locator('.plan-panel[data-plan="county-01"]');
    await panel.locator('button[data-action="publish"]').click();
    await panel.locator('button[data-action="publish-yes"]').click();
    const refused = panel.locator('.publish [role="alert"]');
    await expect.poll(() => refused.textContent(), LONG).toContain('无法公告：');
    expect(await refused.locator('li').count()).toBeGreaterThan(0);
    expect(await refused.textContent()).toContain('straight');
    expect(await text(page, '.plan-panel .stage-now')).toContain('成果文件制作与验收');
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    await refused.scrollIntoViewIfNeeded();
    await screenshot(page, 'save-publish-refused-phone');
    const versions = await kit.api(kit.planner, 'GET', '/api/plans/county-01/versions');
    expect(versions.body.published).toBeNull();
    await page.close();
  }, 120_000);

  it('is not offered without the right or before 成果文件制作与验收', async () => {
    const page = await kit.open();
    await kit.openPlan(page, 'city-02', null);
    await page.locator('.plan-panel .stage-now[data-stage="not-started"]').waitFor(LONG);
    expect(await page.locator('.plan-panel .publish').count()).toBe(0);
    await page.close();
  }, 60_000);
});
