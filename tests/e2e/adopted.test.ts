// Adopting an approved boundary in a real browser (issue 16): the planner checks the newest version,
// sees the shortfall (1 处, 600 m², 3 m) listed and put on the map in red (draft-shortfall), cannot
// adopt without a reason, and adopts with one: a new version. Synthetic data (helpers/synthetic-approved).
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../helpers/browser';
import { LONG, saveKitForFile, text } from '../helpers/save-browser';
import { syntheticApproved, syntheticToes } from '../helpers/synthetic-approved';

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
});
