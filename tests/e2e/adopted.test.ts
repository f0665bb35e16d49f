// Adopting an approved boundary in a real browser (issue 16): the planner checks the newest version,
// sees the shortfall (1 处, 600 m², 3 m) listed and put on the map in red (draft-shortfall), cannot
// adopt without a reason, and adopts with one: a new version. Synthetic data (helpers/synthetic-approved).
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../helpers/browser';
import { at, drawLine } from '../helpers/map-page';
import { LONG, saveKitForFile, text } from '../helpers/save-browser';
import { syntheticApproved, syntheticAt, syntheticToes } from '../helpers/synthetic-approved';

const kit = saveKitForFile();

describe('approved boundary in the plan panel', () => {
  it('checks, shows the shortfall in red, refuses without a reason, adopts with one', async () => {
    await kit.saveOverHttp(
      kit.planner,
      'city-01',
      [...syntheticToes(), syntheticApproved(3, 200)],
      '合成数据',
    );
    const page = await kit.open();
    await kit.openPlan(page, 'city-01', null);
    // the editor keeps the approved boundary as what it is (not a role to set)
    const roles = () => page.locator('.edit-reaches .role').allTextContents();
    await expect.poll(roles, LONG).toContain('已批复边界');
    await page.click('button[data-action="check-approved"]');
    const result = page.locator('.approved-check[data-reach="SYN-A"] p[data-shortfall="1"]');
    await result.waitFor(LONG);
    expect(await result.textContent()).toMatch(
      /^比标准划定的管理范围少 1 处、共 600(\.\d+)? m²，最大不足 3 m/,
    );
    expect(await text(page, '.approved-check')).toContain(
      '城市蓝线（测试〔2099〕0号（合成数据），2020-01-02）',
    );
    const draft = (await page.evaluate(() =>
      window.hejieMap?.draftData(),
    )) as FeatureCollection | null;
    expect(draft?.features.filter((f) => f.properties?.kind === 'shortfall')).toHaveLength(1);
    await screenshot(page, 'adopted-shortfall');

    await page.click('button[data-action="adopt-approved"]');
    const refused = page.locator('.approved-section p[role="alert"]');
    await refused.waitFor(LONG);
    expect(await refused.textContent()).toContain('须填写采用理由');

    await page.fill('.approved-check textarea', '测试：合成数据的采用理由');
    await page.click('button[data-action="adopt-approved"]');
    await page.locator('.approved-section p[role="status"]').waitFor(LONG);
    expect(await text(page, '.approved-section p[role="status"]')).toContain(
      '已采用，保存为第 2 版',
    );
    const v2 = await kit.newest('city-01');
    const adopted = v2.features.find((f) => f.properties?.role === 'approved-boundary');
    expect(adopted?.properties).toMatchObject({
      adopted: true,
      adoptedReason: '测试：合成数据的采用理由',
    });
  }, 120_000);

  it('imports a polygon, enters its approval through the form, adopts; draws a 水闸 and a 泵站 point (尚未设置)', async () => {
    await kit.saveOverHttp(kit.planner, 'city-01', syntheticToes(), '合成数据：只有堤脚线');
    const page = await kit.open();
    await kit.openPlan(page, 'city-01', null);
    const panel = page.locator('.plan-panel');
    const rows = panel.locator('.edit-reaches button[data-feature]');
    await expect.poll(() => rows.count(), LONG).toBe(2);

    // the polygon comes from a file with none of Hejie's properties: the planner gives it its role
    const file = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 名称: '合成蓝线（测试）' },
          geometry: syntheticApproved(3, 200).geometry,
        },
      ],
    };
    await panel.locator('.import-files input[type="file"]').setInputFiles({
      name: 'synthetic-blueline.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.locator('.import-file[data-state="ok"]').waitFor(LONG);
    await page.click('.import-dialog button:has-text("确认添加")');
    await expect.poll(() => rows.count(), LONG).toBe(3);
    const imported = panel.locator('.edit-reaches button[data-feature]:not([data-role^="toe"])');
    await imported.click();
    const form = panel.locator('.line-form');
    await form.locator('select[name="reach"]').selectOption('SYN-A');
    await form.locator('button[data-action="approved"]').click();
    const approval = form.locator('.approval-form');
    // nothing entered: every reason, in Chinese
    await approval.locator('button[data-action="save-approval"]').click();
    const errors = () => approval.locator('[role="alert"] li').allTextContents();
    expect(await errors()).toEqual([
      '请选择已批复边界的类别（生态保护红线、城市蓝线、自然保护区、饮用水水源保护区或湿地公园）',
      '请填写批复文号',
      '请填写批复日期（年-月-日）',
    ]);
    await approval.locator('select[name="category"]').selectOption('urban-blueline');
    await approval.locator('input[name="approvalRef"]').fill('测试〔2099〕1号（合成数据）');
    await approval.locator('input[name="approvedOn"]').fill('2099-01-01');
    await approval.locator('button[data-action="save-approval"]').click();
    await expect.poll(errors, LONG).toHaveLength(1);
    expect((await errors())[0]).toMatch(/^批复日期 2099-01-01 晚于今天（\d{4}-\d{2}-\d{2}）$/);
    await approval.locator('input[name="approvedOn"]').fill('2020-01-02');
    await approval.locator('button[data-action="save-approval"]').click();
    expect(await text(page, '.approval-form [role="status"]')).toContain(
      '已设为已批复边界：城市蓝线（测试〔2099〕1号（合成数据），2020-01-02）',
    );
    expect(await imported.locator('.role').textContent()).toBe('已批复边界');
    await page.screenshot({ path: 'docs/screenshots/issue-16/adopted-approval-form.png' });

    await page.fill('#save-comment', '导入合成蓝线');
    await page.click('.save-bar button[data-action="save"]');
    await expect
      .poll(() => page.locator('.save-bar').getAttribute('data-state'), LONG)
      .toBe('saved');
    await page.click('button[data-action="check-approved"]');
    await page.locator('.approved-check[data-reach="SYN-A"] p[data-shortfall="1"]').waitFor(LONG);
    await page.fill('.approved-check textarea', '测试：合成数据的采用理由');
    await page.click('button[data-action="adopt-approved"]');
    await page.locator('.approved-section p[role="status"]').waitFor(LONG);
    const adopted = (await kit.newest('city-01')).features.find(
      (f) => f.properties?.role === 'approved-boundary',
    );
    expect(adopted?.properties).toMatchObject({
      adopted: true,
      category: 'urban-blueline',
      approvalRef: '测试〔2099〕1号（合成数据）',
      approvedOn: '2020-01-02',
    });

    // a sluice: its axis drawn from the left bank to the right, its type and name asked for
    await page.evaluate(() => window.hejieMap?.settled());
    await panel.locator('[data-tool="work"]').click();
    expect(await panel.locator('.plan-editor .hint').first().textContent()).toContain('涉水工程');
    await drawLine(page, [syntheticAt(-20, 800), syntheticAt(120, 800)]);
    const work = panel.locator('.edit-reaches button[data-role="work"]');
    await work.waitFor(LONG);
    const wf = panel.locator('.work-form');
    expect(await wf.locator('[role="alert"]').textContent()).toBe('请选择工程类型。');
    await wf.locator('select[name="workType"]').selectOption('sluice');
    await wf.locator('input[name="workName"]').fill('合成测试闸');
    expect(await text(page, '.work-form .work-unset')).toContain('管理范围尚未设置');
    expect(await work.textContent()).toContain('水闸 合成测试闸');
    await page.locator('.work-form .work-unset').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/screenshots/issue-16/adopted-work-unset.png' });

    // a pumping station: one click places it as a point, its type and name asked for
    await panel.locator('[data-tool="work-point"]').click();
    expect(await panel.locator('.plan-editor .hint').first().textContent()).toContain(
      '涉水工程（点）',
    );
    const [px, py] = await at(page, syntheticAt(60, 900));
    await page.mouse.move(px, py, { steps: 4 });
    await page.mouse.click(px, py);
    await expect.poll(() => work.count(), { timeout: 20_000 }).toBe(2);
    const pf = panel.locator('.work-form');
    expect(await pf.locator('[role="alert"]').textContent()).toBe('请选择工程类型。');
    await pf.locator('select[name="workType"]').selectOption('pumping-station');
    await pf.locator('input[name="workName"]').fill('合成测试泵站');
    expect(await text(page, '.work-form .work-unset')).toContain('管理范围尚未设置');
    expect(await work.nth(1).textContent()).toContain('泵站 合成测试泵站');
  }, 180_000);
});
