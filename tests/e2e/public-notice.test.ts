// The citizen and the public notice (issue 19): 钦江 is published through the API on a fresh
// database (its one reach named 城区段), then an anonymous browser opens /river/钦江 at 1366 × 820
// and 360 × 740. The river reads 已上图（已公告范围）, the notice names the counties, the reach, the
// standard in words and the reach ends by place (no coordinates), counts markers as the planner's
// panel does, and the page has the river's own title.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PLANNER, login, type Session, type TestAccount } from '../helpers/accounts';
import { shotsDir } from '../helpers/browser';
import { consultOverHttp, DEMO_DEPARTMENT } from '../helpers/consult';
import { displayAndAcceptOverHttp } from '../helpers/display-accept';
import { appUnderTest, DESKTOP, LONG, logIn, openPage, PHONE } from '../helpers/map-page';
import { send } from '../helpers/plan-writes';
import { ROOT } from '../helpers/register';

const GAOPU: TestAccount = { username: 'gaopu', password: 'demo-gaopu', role: 'chief' };
const SHOTS = shotsDir('public');
const STAGE = process.env.SHOTS_STAGE ?? 'after';
const app = appUnderTest();

/** TEST DATA, not a survey: the `straight` fixture's toe lines moved into 钦州 city, reach 城区段. */
function testToeLines(): Feature<LineString>[] {
  const fc = JSON.parse(
    readFileSync(join(ROOT, 'tests/fixtures/zones/in/straight.geojson'), 'utf8'),
  ) as FeatureCollection<LineString>;
  return fc.features.map((f) => ({
    ...f,
    properties: { ...f.properties, reach: 'reach-1', reachName: '城区段', testData: true },
    geometry: {
      type: 'LineString',
      coordinates: f.geometry.coordinates.map(([lon, lat]) => [(lon as number) + 0.045, lat]),
    } as LineString,
  }));
}

async function must(s: Session, method: string, path: string, body: unknown, status: number) {
  const reply = await send(app.server.url, s, method, path, body);
  if (reply?.status !== status)
    throw new Error(`${method} ${path}: ${reply?.status} ${JSON.stringify(reply?.body)}`);
  return reply.body;
}

/** Saves the test lines and walks city-01 through every stage to 公告实施. */
async function publishQinjiang(): Promise<void> {
  const url = app.server.url;
  const [planner, chief, department] = await Promise.all([
    login(url, DEMO_PLANNER),
    login(url, GAOPU),
    login(url, DEMO_DEPARTMENT),
  ]);
  const plan = '/api/plans/city-01';
  const features = testToeLines();
  await must(planner, 'PUT', `${plan}/geometry`, { features, baseVersion: 0, comment: 'e2e' }, 201);
  for (const to of ['base-map', 'draft', 'consultation', 'field-check']) {
    if (to === 'field-check')
      await consultOverHttp(url, { planner, department }, 'city-01', DEMO_DEPARTMENT.username);
    await must(planner, 'POST', `${plan}/stage`, { to }, 200);
  }
  for (const to of ['review', 'deliverables'])
    await must(chief, 'POST', `${plan}/stage`, { to, comment: '同意' }, 200);
  const later = await displayAndAcceptOverHttp(url, planner, 'city-01', 1);
  await app.restart({ HEJIE_NOW: later });
  const publisher = await login(app.server.url, DEMO_PLANNER);
  await must(publisher, 'POST', `${plan}/publish`, { comment: 'e2e 测试发布' }, 201);
}

async function shot(page: Page, name: string, selector?: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${STAGE}-${name}.png`);
  if (selector) await page.locator(selector).first().screenshot({ path });
  else await page.screenshot({ path });
}

/** Opens /river/钦江 anonymously and waits for the notice. */
async function openQinjiang(viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await openPage(
    app.browser,
    `${app.server.url}/river/${encodeURIComponent('钦江')}`,
    {
      viewport,
    },
  );
  await page.locator('.plan-notice[data-notice="city-01"] dl').waitFor(LONG);
  return page;
}

let published = false;
async function ensurePublished() {
  if (!published) await publishQinjiang();
  published = true;
}

describe('the citizen reads the notice of 钦江', () => {
  it('desktop: status, counties, reach name, standard in words, ends by place, counts, title', async () => {
    await ensurePublished();
    const page = await openQinjiang(DESKTOP);
    await shot(page, 'notice-desktop');
    await page.locator('.plan-notice').scrollIntoViewIfNeeded();
    await shot(page, 'notice-panel', '.river-panel');
    const panel = page.locator('.river-panel');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('已上图（已公告范围）');
    expect(text).not.toContain('未上图');
    expect(text).not.toContain('未知');
    expect(text).toContain('钦南区');
    const notice = (await page.locator('.plan-notice').textContent()) ?? '';
    expect(notice).toContain('钦江 城区段');
    expect(notice).not.toContain('reach-1');
    expect(notice).toContain('堤防背水坡脚线');
    expect(notice).not.toContain('GB50286-2013'); // the rule table's id
    expect(notice).not.toMatch(/E1\d\d\.\d{5}°/);
    expect(notice).toMatch(/K0\+000|约 [\d.]+ (k?m)/);
    expect(notice).toMatch(/界桩 \d+ 个/);
    expect(notice).toContain('公告牌 4 块');
    expect(await page.title()).toBe('钦江 管理范围 · 钦州市江河湖库管理范围划定 · 河界');
    // the register says the same as the panel
    const cell = page.locator('tr:has-text("高朴") [data-map-status]').first();
    expect(await cell.getAttribute('data-map-status')).toBe('published-zone');
    expect(await cell.textContent()).toBe('公告范围'); // in the column headed 上图
    expect(await cell.getAttribute('title')).toBe('已上图（已公告范围）');
    await shot(page, 'register-row', 'table');
    // the title follows the page: closing the panel gives the site's title back
    await page.locator('.river-panel header button').click();
    await expect.poll(() => page.title()).toBe('河界 · 钦州市江河湖库管理范围划定');
    await page.close();
  });

  it('phone: the notice fits 360 px and says the same', async () => {
    await ensurePublished();
    const page = await openQinjiang(PHONE);
    await page.locator('.plan-notice').scrollIntoViewIfNeeded();
    await shot(page, 'notice-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const notice = (await page.locator('.plan-notice').textContent()) ?? '';
    expect(notice).toContain('钦江 城区段');
    expect(notice).toContain('钦南区');
    await page.close();
  });

  it('the river page is served with its own title and description; an unknown river is a 404', async () => {
    await ensurePublished();
    const html = await (
      await fetch(`${app.server.url}/river/${encodeURIComponent('钦江')}`)
    ).text();
    expect(html).toContain('<title>钦江 管理范围 · 钦州市江河湖库管理范围划定 · 河界</title>');
    expect(html).toMatch(/<meta name="description" content="[^"]*已公告[^"]*钦南区/);
    expect(html).toMatch(/<meta property="og:title" content="钦江 管理范围/);
    const missing = await fetch(`${app.server.url}/river/${encodeURIComponent('不存在河')}`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('未找到');
  });

  it('the planner’s panel counts the markers as the notice does', async () => {
    await ensurePublished();
    const { page } = await openPage(app.browser, `${app.server.url}/plan/city-01`);
    await logIn(page, 'planner', 'demo-planner');
    const panel = page.locator('.plan-panel[data-plan="city-01"]');
    await panel.locator('.draft-compute button:has-text("计算")').click(LONG);
    const counted =
      (await panel
        .locator('.draft-compute [data-row="markers"] dd')
        .textContent({ timeout: 60_000 })) ?? '';
    await panel.locator('.draft-compute [data-row="markers"]').scrollIntoViewIfNeeded();
    await shot(page, 'planner-count', '.plan-panel .draft-compute');
    const notice = await (await fetch(`${app.server.url}/api/plans/city-01/notice`)).json();
    const { boundary, noticeBoard } = notice.markerCounts;
    expect(counted).toBe(`界桩 ${boundary} 个、公告牌 ${noticeBoard} 块`);
    await page.close();
  });
});
