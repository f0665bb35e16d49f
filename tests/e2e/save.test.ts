// Saving in a real browser against the real server on a fresh database: a local draft survives a
// reload and is offered, restored or discarded; a save with the connection cut retries, keeps the
// draft and lands exactly once; a 409 shows what the other session changed and merges or reloads;
// publishing from the UI at 成果文件制作与验收, after which the public map draws the zones.
import type { Feature } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditFeature } from '../../src/domain/editor/edit-types';
import type { StageId } from '../../src/domain/workflow/stages';
import { draftKey, writeDraft } from '../../src/ui/workspace/editor/local-draft';
import { login, type Session } from '../helpers/accounts';
import { launchBrowser, screenshot, waitForMapIdle } from '../helpers/browser';
import { editFeatures } from '../helpers/plan-writes';
import { type RunningServer, startServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let planner: Session;
let admin: Session;
let gaopu: Session;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  [planner, admin, gaopu] = await Promise.all([
    login(server.url, { username: 'planner', password: 'demo-planner', role: 'planner' }),
    login(server.url, { username: 'admin', password: 'demo-admin', role: 'admin' }),
    login(server.url, { username: 'gaopu', password: 'demo-gaopu', role: 'chief' }),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const DESKTOP = { width: 1366, height: 820 };
const PHONE = { width: 360, height: 740 };
const LONG = { timeout: 30_000 };

/** The saved features as the working copy names them (a feature saved without id: f1, f2, …). */
function asEdit(features: Feature[], ids?: string[]): EditFeature[] {
  return features.map((f, i) => ({ ...f, id: ids?.[i] ?? f.id ?? `f${i + 1}` }) as EditFeature);
}

const withProps = (f: EditFeature, p: Record<string, unknown>): EditFeature => ({
  ...f,
  properties: { ...f.properties, ...p },
});

/** Two more toe lines 1 km east of the `straight` reach: the reach 'east'. */
function eastReach(ids: [string, string]): EditFeature[] {
  return asEdit(editFeatures(0), ids).map((f) => ({
    ...f,
    geometry: {
      type: 'LineString',
      coordinates: (f.geometry as { coordinates: number[][] }).coordinates.map(([x, y]) => [
        (x as number) + 0.01,
        y as number,
      ]),
    },
    properties: { ...f.properties, reach: 'east' },
  }));
}

/** The draft string the app stores (written by the app's own code). */
function draftText(planId: string, baseVersion: number, features: EditFeature[]): string {
  const store = new Map<string, string>();
  const storage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  writeDraft(storage, 'planner', planId, baseVersion, features, new Date('2025-05-20T02:15:00Z'));
  return store.get(draftKey('planner', planId)) ?? '';
}

async function api(s: Session, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: s.headers(),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** PUT a version over HTTP, as another session would. */
async function saveOverHttp(s: Session, planId: string, features: Feature[], comment = '') {
  const current = await api(s, 'GET', `/api/plans/${planId}/geometry`);
  const saved = await api(s, 'PUT', `/api/plans/${planId}/geometry`, {
    features,
    baseVersion: current.body.version,
    comment,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  return saved.body.version as number;
}

const newest = async (planId: string) =>
  (await api(planner, 'GET', `/api/plans/${planId}/geometry`)).body as {
    version: number;
    features: Feature[];
    comment: string;
    author: string;
  };

async function open(viewport = DESKTOP): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as unknown as { errors: string[] }).errors = errors;
  await page.goto(server.url);
  await waitForMapIdle(page);
  await page.click('header nav button:has-text("登录")');
  const dialog = page.locator('dialog.login');
  await dialog.getByLabel('用户名').fill('planner');
  await dialog.getByLabel('密码').fill('demo-planner');
  await dialog.locator('button[type="submit"]').click();
  await page.locator('.work-list').waitFor(LONG);
  return page;
}

/** Opens a plan by its URL, with a draft seeded in localStorage first (or none). */
async function openPlan(page: Page, planId: string, draft: string | null) {
  if (draft !== null)
    await page.evaluate(
      ([k, v]) => localStorage.setItem(k as string, v as string),
      [draftKey('planner', planId), draft],
    );
  await page.goto(`${server.url}/plan/${planId}`);
  await page.locator(`.plan-panel[data-plan="${planId}"] .save-bar`).waitFor(LONG);
}

const text = async (page: Page, selector: string) =>
  (await page.locator(selector).first().textContent(LONG)) ?? '';
const stored = (page: Page, planId: string) =>
  page.evaluate((k) => localStorage.getItem(k), draftKey('planner', planId));
const saveState = (page: Page) => page.locator('.save-bar').getAttribute('data-state', LONG);
const noOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
const errorsOf = (page: Page) => (page as unknown as { errors: string[] }).errors;

describe('local draft', () => {
  it('survives a reload, is offered with its time, version and size, restored, saved, drawn', async () => {
    await saveOverHttp(planner, 'city-01', editFeatures(0), '底图');
    const base = asEdit(editFeatures(0));
    const mine = [
      withProps(base[0] as EditFeature, { widthM: 40 }),
      base[1] as EditFeature,
      ...eastReach(['e1', 'e2']),
    ];
    const page = await open();
    await openPlan(page, 'city-01', draftText('city-01', 1, mine));
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
    const v2 = await newest('city-01');
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
    const page = await open(PHONE);
    const v = (await newest('city-01')).version;
    const features = asEdit((await newest('city-01')).features);
    const changed = [withProps(features[0] as EditFeature, { widthM: 48 }), ...features.slice(1)];
    await openPlan(page, 'city-01', draftText('city-01', v, changed));
    await page.locator('.draft-offer').waitFor(LONG);
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'save-draft-offered-phone');
    await page.click('.draft-offer button[data-action="discard"]');
    await expect.poll(() => page.locator('.draft-offer').count()).toBe(0);
    expect(await stored(page, 'city-01')).toBeNull();
    expect(await saveState(page)).toBe('clean');

    await openPlan(page, 'city-01', '{"format":"hejie-draft/1"');
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
    await saveOverHttp(planner, 'city-02', editFeatures(0));
    const base = asEdit(editFeatures(0));
    const mine = [base[0] as EditFeature, withProps(base[1] as EditFeature, { protectionM: 45 })];
    const page = await open();
    await openPlan(page, 'city-02', draftText('city-02', 1, mine));
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
    expect((await newest('city-02')).version).toBe(1);

    await page.unroute('**/api/plans/*/geometry');
    await page.click('.save-bar button[data-action="retry"]');
    await expect.poll(() => saveState(page), LONG).toBe('saved');
    expect(await text(page, '.save-state')).toContain('已保存为第 2 版');
    expect(await stored(page, 'city-02')).toBeNull();
    await screenshot(page, 'save-offline-saved');
    // the pending retry was cancelled: after its time has passed there is still one new version
    await page.waitForTimeout(5_000);
    const v = await newest('city-02');
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
    const page = await open(PHONE);
    const features = asEdit((await newest('city-02')).features);
    const mine = [withProps(features[0] as EditFeature, { widthM: 33 }), ...features.slice(1)];
    await openPlan(page, 'city-02', draftText('city-02', 2, mine));
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
    expect((await newest('city-02')).version).toBe(2);
    await page.unroute('**/api/plans/*/geometry');
    await page.evaluate(() => localStorage.clear());
    await page.close();
  }, 120_000);
});

describe('409: another session saved first', () => {
  it('shows what they changed and what I changed, merges, and the saved version has both', async () => {
    await saveOverHttp(planner, 'city-03', editFeatures(0));
    const base = asEdit(editFeatures(0));
    const mine = [withProps(base[0] as EditFeature, { widthM: 40 }), base[1] as EditFeature];
    const page = await open(PHONE);
    await openPlan(page, 'city-03', draftText('city-03', 1, mine));
    await page.click('.draft-offer button[data-action="restore"]');
    await expect.poll(() => saveState(page), LONG).toBe('dirty');
    const theirs = [
      base[0] as EditFeature,
      withProps(base[1] as EditFeature, { protectionM: 50 }),
      ...eastReach(['n1', 'n2']),
    ];
    expect(await saveOverHttp(admin, 'city-03', theirs, '管理员补充东段')).toBe(2);

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
    const v3 = await newest('city-03');
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
    const v3 = asEdit((await newest('city-03')).features);
    const [f1, f2, ...rest] = v3 as [EditFeature, EditFeature, ...EditFeature[]];
    const page = await open();
    // mine: f1 wider, f2 deleted; theirs: f1 narrower, f2 with a wider protection zone
    await openPlan(
      page,
      'city-03',
      draftText('city-03', 3, [withProps(f1, { widthM: 45 }), ...rest]),
    );
    await page.click('.draft-offer button[data-action="restore"]');
    await saveOverHttp(admin, 'city-03', [
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
    const v5 = await newest('city-03');
    expect(v5.version).toBe(5);
    expect(v5.features.map((f) => [f.id, f.properties?.widthM])).toEqual([
      ['f1', 25],
      ['n1', 30],
      ['n2', 30],
    ]);
    await page.close();
  }, 120_000);

  it('重新加载 takes their version after a confirmation and drops mine', async () => {
    const v5 = asEdit((await newest('city-03')).features);
    const page = await open();
    await openPlan(
      page,
      'city-03',
      draftText('city-03', 5, [withProps(v5[0] as EditFeature, { widthM: 60 })]),
    );
    await page.click('.draft-offer button[data-action="restore"]');
    await saveOverHttp(admin, 'city-03', v5.slice(0, 2), '删去 n2');
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
    expect((await newest('city-03')).version).toBe(6);
    await page.close();
  }, 120_000);

  it('a save whose answer was lost is not saved twice: the retry finds it on the server', async () => {
    const v6 = asEdit((await newest('city-03')).features);
    const page = await open();
    await openPlan(
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
    const versions = (await api(planner, 'GET', '/api/plans/city-03/versions')).body
      .versions as unknown[];
    expect(versions).toHaveLength(7);
    await page.close();
  }, 120_000);
});

/** Walks a plan forward over HTTP, each step by the role that owns it. */
async function advance(planId: string, chief: Session, stages: StageId[]) {
  for (const to of stages) {
    const who = to === 'review' || to === 'deliverables' ? chief : planner;
    const res = await api(who, 'POST', `/api/plans/${planId}/stage`, { to });
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
    await advance('city-01', gaopu, TO_DELIVERABLES);
    const page = await open();
    await openPlan(page, 'city-01', null);
    const panel = page.locator('.plan-panel[data-plan="city-01"]');
    await panel.locator('.stage-now[data-stage="deliverables"]').waitFor(LONG);
    await panel.locator('button[data-action="publish"]').click();
    const confirm = panel.locator('.publish-confirm');
    expect(await confirm.textContent()).toContain('将冻结第 2 版（4 个要素）');
    await confirm.locator('textarea').fill('钦江管理范围公告');
    await confirm.scrollIntoViewIfNeeded();
    await screenshot(page, 'save-publish-confirm');
    await confirm.locator('button[data-action="publish-yes"]').click();
    const done = panel.locator('.publish [role="status"]');
    await expect
      .poll(() => done.textContent(), LONG)
      .toMatch(/已公告第 2 版：12 个范围要素，\d+ 个界桩/);
    await panel.locator('.stage-now[data-stage="published"]').waitFor(LONG);
    await expect
      .poll(() => text(page, 'table.plans tr[data-plan="city-01"]'), LONG)
      .toContain('公告实施');
    expect(await text(page, '.plan-versions li[data-version="2"]')).toContain('已公告');
    await done.scrollIntoViewIfNeeded();
    await screenshot(page, 'save-published');
    expect(errorsOf(page)).toEqual([]);
    await page.close();

    const zones = (await (await fetch(`${server.url}/api/zones`)).json()) as {
      features: Feature[];
    };
    const ours = zones.features.filter((f) => f.properties?.plan === 'city-01');
    expect(new Set(ours.map((f) => f.properties?.reach))).toEqual(new Set(['straight', 'east']));
    expect(new Set(ours.map((f) => f.properties?.version))).toEqual(new Set([2]));

    // an anonymous visitor on a phone: the published zones are drawn
    const visitor = await browser.newPage({ viewport: PHONE, locale: 'zh-CN' });
    await visitor.goto(`${server.url}/river/钦江`);
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
    const chen = await login(server.url, {
      username: 'chenjianjun',
      password: 'demo-chenjianjun',
      role: 'chief',
    });
    const noClass = editFeatures(0).map((f) => {
      const { embankmentClass: _, ...properties } = f.properties ?? {};
      return { ...f, properties };
    });
    await saveOverHttp(planner, 'county-01', noClass);
    await advance('county-01', chen, TO_DELIVERABLES);
    const page = await open(PHONE);
    await openPlan(page, 'county-01', null);
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
    const versions = await api(planner, 'GET', '/api/plans/county-01/versions');
    expect(versions.body.published).toBeNull();
    await page.close();
  }, 120_000);

  it('is not offered without the right or before 成果文件制作与验收', async () => {
    const page = await open();
    await openPlan(page, 'city-02', null);
    await page.locator('.plan-panel .stage-now[data-stage="not-started"]').waitFor(LONG);
    expect(await page.locator('.plan-panel .publish').count()).toBe(0);
    await page.close();
  }, 60_000);
});
