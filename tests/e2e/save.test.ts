// Saving in a real browser against the real server on a fresh database: a local draft survives a
// reload and is offered, restored or discarded; a save with the connection cut retries, keeps the
// draft and lands exactly once; a 503 is retried, a 400 shown with its field; a full storage is said.
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

describe('local draft', () => {
  it('survives a reload, is offered with its time, version and size, restored, saved, drawn', async () => {
    await kit.saveOverHttp(kit.planner, 'city-01', editFeatures(0), '底图');
    const base = asEdit(editFeatures(0));
    const mine = [
      withProps(base[0] as EditFeature, { widthM: 40 }),
      base[1] as EditFeature,
      ...eastReach(['e1', 'e2']),
    ];
    const page = await kit.open();
    await kit.openPlan(page, 'city-01', draftText('city-01', 1, mine));
    const offer = page.locator('.draft-offer');
    await offer.waitFor(LONG);
    expect(await offer.textContent()).toContain('基于第 1 版，共 4 个要素');
    expect(await offer.textContent()).toContain('2025/05/20 10:15'); // stored at 02:15Z, China time
    expect(await offer.textContent()).toContain('服务器上的最新版本仍是第 1 版');
    expect(await saveState(page)).toBe('clean');
    await screenshot(page, 'save-draft-offered');

    await offer.locator('button[data-action="restore"]').click();
    await expect.poll(() => saveState(page), LONG).toBe('dirty');
    expect(await text(page, '.save-state')).toContain('有未保存的更改');
    expect(await text(page, '.save-state')).toContain('基于第 1 版 · 4 个要素');
    expect(await page.locator('.draft-offer').count()).toBe(0);

    // reload: the page asks first (beforeunload), then offers the draft again
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await page.reload();
    await page.locator('.draft-offer').waitFor(LONG);
    expect(dialogs).toEqual(['beforeunload']);
    expect(await text(page, '.draft-offer')).toContain('共 4 个要素');
    await page.locator('.draft-offer button[data-action="restore"]').click();
    await expect.poll(() => saveState(page), LONG).toBe('dirty');
    await screenshot(page, 'save-draft-restored');

    await page.fill('#save-comment', '恢复本地草稿后保存');
    await page.click('.save-bar button[data-action="save"]');
    await expect.poll(() => saveState(page), LONG).toBe('saved');
    expect(await text(page, '.save-state')).toContain('已保存为第 2 版');
    expect(await stored(page, 'city-01')).toBeNull();
    await page.locator('.plan-versions li[data-version="2"]').waitFor(LONG);
    expect(await text(page, '.plan-versions li[data-version="2"]')).toContain('恢复本地草稿后保存');
    const v2 = await kit.newest('city-01');
    expect(v2.version).toBe(2);
    expect(v2.features.map((f) => [f.id, f.properties?.reach, f.properties?.widthM])).toEqual([
      ['f1', 'straight', 40],
      ['f2', 'straight', 30],
      ['e1', 'east', 30],
      ['e2', 'east', 30],
    ]);
    await screenshot(page, 'save-draft-saved');

    // the saved version is what 计算 draws: both reaches are on the map
    await page.locator('.draft-compute button:has-text("计算")').click();
    const drawn = (layer: string) =>
      page.evaluate(async (l) => {
        await window.hejieMap?.settled();
        return (window.hejieMap?.renderedIds(l) ?? []).sort();
      }, layer);
    await expect.poll(() => drawn('draft-management'), LONG).toEqual(['east', 'straight']);
    // no unsaved changes now: leaving asks nothing
    await page.reload();
    await page.locator('.save-bar[data-state="clean"]').waitFor(LONG);
    expect(dialogs).toEqual(['beforeunload']);
    expect(await page.locator('.draft-offer').count()).toBe(0);
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('is discarded on 放弃本地草稿, and an unreadable one is said so', async () => {
    const page = await kit.open(PHONE);
    const v = (await kit.newest('city-01')).version;
    const features = asEdit((await kit.newest('city-01')).features);
    const changed = [withProps(features[0] as EditFeature, { widthM: 48 }), ...features.slice(1)];
    await kit.openPlan(page, 'city-01', draftText('city-01', v, changed));
    await page.locator('.draft-offer').waitFor(LONG);
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'save-draft-offered-phone');
    await page.click('.draft-offer button[data-action="discard"]');
    await expect.poll(() => page.locator('.draft-offer').count()).toBe(0);
    expect(await stored(page, 'city-01')).toBeNull();
    expect(await saveState(page)).toBe('clean');

    await kit.openPlan(page, 'city-01', '{"format":"hejie-draft/1"');
    expect(await text(page, '.draft-offer')).toContain('本机草稿无法读取');
    expect(await page.locator('.draft-offer button[data-action="restore"]').count()).toBe(0);
    await screenshot(page, 'save-draft-unreadable-phone');
    await page.click('.draft-offer button[data-action="discard"]');
    expect(await stored(page, 'city-01')).toBeNull();
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('lost connection', () => {
  it('retries with backoff, keeps the draft, and saves exactly once when the connection is back', async () => {
    await kit.saveOverHttp(kit.planner, 'city-02', editFeatures(0));
    const base = asEdit(editFeatures(0));
    const mine = [base[0] as EditFeature, withProps(base[1] as EditFeature, { protectionM: 45 })];
    const page = await kit.open();
    await kit.openPlan(page, 'city-02', draftText('city-02', 1, mine));
    await page.click('.draft-offer button[data-action="restore"]');
    await expect.poll(() => saveState(page), LONG).toBe('dirty');

    let cut = 0;
    await page.route('**/api/plans/*/geometry', (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      cut++;
      return route.abort('internetdisconnected');
    });
    await page.fill('#save-comment', '断网后保存');
    await page.click('.save-bar button[data-action="save"]');
    await expect.poll(() => saveState(page), LONG).toBe('retrying');
    expect(await text(page, '.save-state')).toMatch(/连接中断：[12] 秒后重试，更改已保存在本机/);
    await screenshot(page, 'save-offline-retrying');
    // the draft in the browser holds the edit, on its base version
    const kept = JSON.parse((await stored(page, 'city-02')) ?? '{}') as {
      baseVersion: number;
      features: EditFeature[];
    };
    expect(kept.baseVersion).toBe(1);
    expect(kept.features[1]?.properties.protectionM).toBe(45);
    // the first retry comes on its own after 2 s, and fails too; the next waits 4 s
    await expect.poll(() => cut, LONG).toBe(2);
    await expect.poll(() => text(page, '.save-state'), LONG).toMatch(/连接中断：[34] 秒后重试/);
    expect((await kit.newest('city-02')).version).toBe(1);

    await page.unroute('**/api/plans/*/geometry');
    await page.click('.save-bar button[data-action="retry"]');
    await expect.poll(() => saveState(page), LONG).toBe('saved');
    expect(await text(page, '.save-state')).toContain('已保存为第 2 版');
    expect(await stored(page, 'city-02')).toBeNull();
    await screenshot(page, 'save-offline-saved');
    // the pending retry was cancelled: after its time has passed there is still one new version
    await page.waitForTimeout(5_000);
    const v = await kit.newest('city-02');
    expect([v.version, v.comment, v.features[1]?.properties?.protectionM]).toEqual([
      2,
      '断网后保存',
      45,
    ]);
    expect(cut).toBe(2);
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('retries a 503, and shows a 400 with its field without retrying', async () => {
    const page = await kit.open(PHONE);
    const features = asEdit((await kit.newest('city-02')).features);
    const mine = [withProps(features[0] as EditFeature, { widthM: 33 }), ...features.slice(1)];
    await kit.openPlan(page, 'city-02', draftText('city-02', 2, mine));
    await page.click('.draft-offer button[data-action="restore"]');
    const replies = [
      { status: 503, body: { error: 'the store is busy' } },
      {
        status: 400,
        body: {
          error: 'features.0.geometry.coordinates.1.0: longitude must be ≤ 180',
          field: 'features.0.geometry.coordinates.1.0',
        },
      },
    ];
    let calls = 0;
    await page.route('**/api/plans/*/geometry', (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      const reply = replies[calls++] ?? replies[1];
      return route.fulfill({
        status: reply?.status,
        contentType: 'application/json',
        body: JSON.stringify(reply?.body),
      });
    });
    await page.click('.save-bar button[data-action="save"]');
    await expect.poll(() => saveState(page), LONG).toBe('retrying');
    await screenshot(page, 'save-503-retrying-phone');
    await expect.poll(() => calls, LONG).toBe(2);
    const refusal = page.locator('.save-bar .problem[role="alert"]');
    await expect
      .poll(() => refusal.textContent(), LONG)
      .toContain('服务器拒绝保存：features.0.geometry.coordinates.1.0: longitude must be ≤ 180');
    expect(await refusal.textContent()).toContain(
      '出错的字段：features.0.geometry.coordinates.1.0',
    );
    expect(await saveState(page)).toBe('dirty');
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    await refusal.scrollIntoViewIfNeeded();
    await screenshot(page, 'save-400-refused-phone');
    await page.waitForTimeout(4_500);
    expect(calls).toBe(2); // a 400 is not retried
    expect(await stored(page, 'city-02')).not.toBeNull(); // nor is the draft dropped
    expect((await kit.newest('city-02')).version).toBe(2);
    await page.unroute('**/api/plans/*/geometry');
    await page.evaluate(() => localStorage.clear());
    await page.close();
  }, 120_000);
  it('says so when the browser’s storage is full, and the retry warns not to close the page', async () => {
    const page = await kit.open();
    const v = await kit.newest('city-02');
    const features = asEdit(v.features);
    const mine = [withProps(features[0] as EditFeature, { widthM: 36 }), ...features.slice(1)];
    await kit.openPlan(page, 'city-02', draftText('city-02', v.version, mine));
    await page.locator('.draft-offer').waitFor(LONG);
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('localStorage is full', 'QuotaExceededError');
      };
    });
    await page.click('.draft-offer button[data-action="restore"]');
    const full = page.locator('.save-bar .problem[role="alert"]');
    await expect
      .poll(() => full.textContent(), LONG)
      .toContain('本机存储空间已满，更改未能保存在本机（localStorage is full）');
    await page.route('**/api/plans/*/geometry', (route) =>
      route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.click('.save-bar button[data-action="save"]');
    await expect.poll(() => saveState(page), LONG).toBe('retrying');
    expect(await text(page, '.save-state')).toContain('更改未能保存在本机，请不要关闭页面');
    await screenshot(page, 'save-quota-retrying');
    await page.unroute('**/api/plans/*/geometry');
    await page.click('.save-bar button[data-action="retry"]');
    await expect.poll(() => saveState(page), LONG).toBe('saved');
    expect(await page.locator('.save-bar .problem').count()).toBe(0);
    expect((await kit.newest('city-02')).version).toBe(v.version + 1);
    await page.close();
  }, 120_000);
});
