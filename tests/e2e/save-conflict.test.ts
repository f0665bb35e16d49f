// A save refused with 409 in a real browser: another session (admin, over HTTP) saved first; the
// conflict view shows what they changed and what I changed, merges (with a choice per conflict) or
// reloads theirs; a save whose answer was lost is found on the server, not saved twice. The tests
// run in order on one plan (city-03), each on the version the previous one left.
import { describe, expect, it } from 'vitest';
import type { EditFeature } from '../../src/domain/editor/edit-types';
import { screenshot } from '../helpers/browser';
import { editFeatures } from '../helpers/plan-writes';
import {
  asEdit,
  draftText,
  eastReach,
  errorsOf,
  LONG,
  noOverflow,
  PHONE,
  saveKitForFile,
  saveState,
  stored,
  text,
  withProps,
} from '../helpers/save-browser';

const kit = saveKitForFile();

describe('409: another session saved first', () => {
  it('shows what they changed and what I changed, merges, and the saved version has both', async () => {
    await kit.saveOverHttp(kit.planner, 'city-03', editFeatures(0));
    const base = asEdit(editFeatures(0));
    const mine = [withProps(base[0] as EditFeature, { widthM: 40 }), base[1] as EditFeature];
    const page = await kit.open(PHONE);
    await kit.openPlan(page, 'city-03', draftText('city-03', 1, mine));
    await page.click('.draft-offer button[data-action="restore"]');
    await expect.poll(() => saveState(page), LONG).toBe('dirty');
    const theirs = [
      base[0] as EditFeature,
      withProps(base[1] as EditFeature, { protectionM: 50 }),
      ...eastReach(['n1', 'n2']),
    ];
    expect(await kit.saveOverHttp(kit.admin, 'city-03', theirs, '管理员补充东段')).toBe(2);

    await page.fill('#save-comment', '我的宽度调整');
    await page.click('.save-bar button[data-action="save"]');
    await expect.poll(() => saveState(page), LONG).toBe('conflict');
    const view = page.locator('.conflict-view');
    expect(await view.textContent()).toMatch(/第 2 版已由 admin 于 .+ 保存；你的更改基于第 1 版/);
    const theirList = view.locator('.change-list[data-side="theirs"]');
    expect(await theirList.locator('h4').textContent()).toBe('对方的更改（第 1 版 → 第 2 版）');
    expect(
      await theirList.locator('li[data-id="f2"][data-kind="changed"]').textContent(),
    ).toContain('右岸堤脚线 f2 保护范围宽度 40 → 50');
    expect(await theirList.locator('li[data-kind="added"]').allTextContents()).toEqual([
      '新增 左岸堤脚线 n1 2 个节点',
      '新增 右岸堤脚线 n2 2 个节点',
    ]);
    expect(await view.locator('.change-list[data-side="mine"] li').allTextContents()).toEqual([
      '修改 左岸堤脚线 f1 管理范围宽度 30 → 40',
    ]);
    expect(await view.locator('fieldset.conflict').count()).toBe(0);
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    await view.scrollIntoViewIfNeeded();
    await screenshot(page, 'save-409-conflict-phone');

    await view.locator('button[data-action="merge"]').click();
    await expect.poll(() => saveState(page), LONG).toBe('merged');
    expect(await text(page, '.save-state')).toContain('已合并到第 2 版之上，请检查后保存');
    expect(await text(page, '.save-state')).toContain('基于第 2 版 · 4 个要素');
    await screenshot(page, 'save-409-merged-phone');
    await page.click('.save-bar button[data-action="save"]');
    await expect.poll(() => saveState(page), LONG).toBe('saved');
    expect(await text(page, '.save-state')).toContain('已保存为第 3 版');
    const v3 = await kit.newest('city-03');
    expect(v3.comment).toBe('我的宽度调整');
    expect(v3.features.map((f) => [f.id, f.properties?.widthM, f.properties?.protectionM])).toEqual(
      [
        ['f1', 40, 40],
        ['f2', 30, 50],
        ['n1', 30, 40],
        ['n2', 30, 40],
      ],
    );
    expect(await stored(page, 'city-03')).toBeNull();
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('asks a side for each conflict (changed on both, changed vs deleted) before merging', async () => {
    const v3 = asEdit((await kit.newest('city-03')).features);
    const [f1, f2, ...rest] = v3 as [EditFeature, EditFeature, ...EditFeature[]];
    const page = await kit.open();
    // mine: f1 wider, f2 deleted; theirs: f1 narrower, f2 with a wider protection zone
    await kit.openPlan(
      page,
      'city-03',
      draftText('city-03', 3, [withProps(f1, { widthM: 45 }), ...rest]),
    );
    await page.click('.draft-offer button[data-action="restore"]');
    await kit.saveOverHttp(kit.admin, 'city-03', [
      withProps(f1, { widthM: 25 }),
      withProps(f2, { protectionM: 55 }),
      ...rest,
    ]);
    await page.click('.save-bar button[data-action="save"]');
    await expect.poll(() => saveState(page), LONG).toBe('conflict');
    const view = page.locator('.conflict-view');
    expect(await view.locator('fieldset.conflict').count()).toBe(2);
    expect(await view.locator('fieldset.conflict[data-id="f1"]').textContent()).toContain(
      '我的管理范围宽度 40 → 45对方的管理范围宽度 40 → 25',
    );
    expect(await view.locator('fieldset.conflict[data-id="f2"]').textContent()).toContain(
      '我的已删除对方的保护范围宽度 50 → 55',
    );
    const merge = view.locator('button[data-action="merge"]');
    expect(await merge.isDisabled()).toBe(true);
    await view.locator('fieldset[data-id="f1"] input[value="theirs"]').check();
    expect(await merge.isDisabled()).toBe(true);
    await view.locator('fieldset[data-id="f2"] input[value="mine"]').check();
    await view.scrollIntoViewIfNeeded();
    await screenshot(page, 'save-409-choices');
    await merge.click();
    await page.click('.save-bar button[data-action="save"]');
    await expect.poll(() => saveState(page), LONG).toBe('saved');
    const v5 = await kit.newest('city-03');
    expect(v5.version).toBe(5);
    expect(v5.features.map((f) => [f.id, f.properties?.widthM])).toEqual([
      ['f1', 25],
      ['n1', 30],
      ['n2', 30],
    ]);
    await page.close();
  }, 120_000);

  it('重新加载 takes their version after a confirmation and drops mine', async () => {
    const v5 = asEdit((await kit.newest('city-03')).features);
    const page = await kit.open();
    await kit.openPlan(
      page,
      'city-03',
      draftText('city-03', 5, [withProps(v5[0] as EditFeature, { widthM: 60 })]),
    );
    await page.click('.draft-offer button[data-action="restore"]');
    await kit.saveOverHttp(kit.admin, 'city-03', v5.slice(0, 2), '删去 n2');
    await page.click('.save-bar button[data-action="save"]');
    await expect.poll(() => saveState(page), LONG).toBe('conflict');
    await page.click('.conflict-view button[data-action="reload"]');
    expect(await text(page, '.conflict-view .confirm')).toContain(
      '采用第 6 版并放弃你的全部更改？',
    );
    await screenshot(page, 'save-409-reload-confirm');
    await page.click('.conflict-view button[data-action="reload-yes"]');
    await expect.poll(() => saveState(page), LONG).toBe('clean');
    expect(await text(page, '.save-state')).toContain('基于第 6 版 · 2 个要素');
    expect(await page.locator('.save-bar button[data-action="save"]').isDisabled()).toBe(true);
    expect(await stored(page, 'city-03')).toBeNull();
    expect((await kit.newest('city-03')).version).toBe(6);
    await page.close();
  }, 120_000);

  it('a save whose answer was lost is not saved twice: the retry finds it on the server', async () => {
    const v6 = asEdit((await kit.newest('city-03')).features);
    const page = await kit.open();
    await kit.openPlan(
      page,
      'city-03',
      draftText('city-03', 6, [withProps(v6[0] as EditFeature, { widthM: 31 }), ...v6.slice(1)]),
    );
    await page.click('.draft-offer button[data-action="restore"]');
    let lost = 0;
    await page.route('**/api/plans/*/geometry', async (route) => {
      if (route.request().method() !== 'PUT' || lost > 0) return route.continue();
      lost++;
      await route.fetch(); // the server saves it …
      return route.abort('connectionreset'); // … and the answer never arrives
    });
    await page.fill('#save-comment', '应答丢失');
    await page.click('.save-bar button[data-action="save"]');
    await expect.poll(() => saveState(page), LONG).toBe('retrying');
    await page.click('.save-bar button[data-action="retry"]');
    await expect.poll(() => saveState(page), LONG).toBe('saved');
    expect(await text(page, '.save-state')).toContain('已保存为第 7 版');
    const versions = (await kit.api(kit.planner, 'GET', '/api/plans/city-03/versions')).body
      .versions as unknown[];
    expect(versions).toHaveLength(7);
    await page.close();
  }, 120_000);
});
