// 使用说明 (issue 19): the guide is reachable from every screen (帮助 in the header), per role
// (/help/<role>), in the UI's language, and shows screenshots this test makes. With UPDATE_HELP=1 it
// drives the demo accounts through the key screens and writes public/help/*.png (palette PNGs by
// sharp, ≤ 150 kB); without, it checks that every screenshot the guide names is there.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { HELP_SHOTS } from '../../src/ui/help/help-guide';
import { appUnderTest, DESKTOP, LONG, logIn, openPage, PHONE } from '../helpers/map-page';
import { consultQinjiang, publishQinjiang } from '../helpers/publish-qinjiang';
import { ROOT } from '../helpers/register';

const app = appUnderTest();
const DIR = join(ROOT, 'public/help');
const UPDATE = process.env.UPDATE_HELP === '1';
const MAX_BYTES = 150_000;

/** The page as a palette PNG under public/help/, scaled to at most 1000 px wide. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.hejieMap?.settled());
  const png = await page.screenshot();
  mkdirSync(DIR, { recursive: true });
  await sharp(png)
    .resize({ width: 1000, withoutEnlargement: true })
    .png({ palette: true, colours: 96, compressionLevel: 9, effort: 10 })
    .toFile(join(DIR, name));
}

async function as(user: string, viewport = DESKTOP): Promise<Page> {
  const { page } = await openPage(app.browser, app.server.url, {
    viewport,
    touch: viewport === PHONE,
  });
  await logIn(page, user, `demo-${user}`);
  await page.locator('header .account').waitFor(LONG);
  return page;
}

describe('the help pages', () => {
  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])('are one click from the register, a river page and a workspace (%s)', async (_, viewport) => {
    const start = [
      { path: '/' },
      { path: `/river/${encodeURIComponent('钦江')}` },
      { path: '/', user: 'gaopu' },
    ];
    for (const { path, user } of start) {
      const { page } = await openPage(app.browser, app.server.url + path, {
        viewport,
        touch: viewport === PHONE,
      });
      if (user) await logIn(page, user, `demo-${user}`);
      const link = page.locator('header nav a:has-text("帮助")');
      await expect(link.isVisible()).resolves.toBe(true);
      await link.click();
      await expect.poll(() => page.locator('main.help h1').textContent(LONG)).toBe('使用说明');
      // every role has its section, in Chinese
      for (const role of ['公众', '规划人员', '河长', '相关部门', '管理员'])
        await expect(page.locator('main.help h2').filter({ hasText: role }).count()).resolves.toBe(
          1,
        );
      await page.context().close();
    }
  });

  it('has a page per role, and English when the UI is in English', async () => {
    const { page } = await openPage(app.browser, app.server.url, { viewport: DESKTOP });
    await page.goto(`${app.server.url}/help/chief`);
    await expect.poll(() => page.locator('main.help h1').textContent(LONG)).toBe('使用说明 · 河长');
    await expect(page.locator('main.help h2').count()).resolves.toBe(1);
    await expect(page.title()).resolves.toBe('使用说明 · 河长 · 河界');
    await page.click('header nav button:has-text("EN")');
    await expect
      .poll(() => page.locator('main.help h1').textContent())
      .toBe('User guide · River chief');
    // the screenshots load
    const loaded = await page
      .locator('main.help img.shot')
      .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0));
    expect(loaded.length).toBeGreaterThan(0);
    await page.context().close();
  });

  it.runIf(UPDATE)(
    'writes the screenshots (UPDATE_HELP=1)',
    async () => {
      const anon = (await openPage(app.browser, app.server.url, { viewport: DESKTOP })).page;
      await shoot(anon, 'public-register.png');
      await anon.context().close();
      await consultQinjiang(app);

      const planner = await as('planner');
      await planner.locator('.work-list li').first().waitFor(LONG);
      await shoot(planner, 'planner-tasks.png');
      await planner.click('.work-list button[data-plan="city-01"]');
      await planner.locator('.plan-panel[data-plan="city-01"] .plan-editor').waitFor(LONG);
      await shoot(planner, 'planner-panel.png');
      await planner.context().close();

      const chief = await as('gaopu', PHONE);
      await chief.click('.work-list button[data-plan="city-01"]');
      await chief.locator('.plan-panel[data-plan="city-01"] h2').waitFor(LONG);
      await shoot(chief, 'chief-phone.png');
      await chief.context().close();

      const dept = await as('dept-sthj');
      await dept.locator('.dept-rounds li button').first().click();
      await dept.locator('aside.river-panel').waitFor(LONG);
      await shoot(dept, 'department.png');
      await dept.context().close();

      const admin = await as('admin');
      await admin.goto(`${app.server.url}/admin`);
      await admin.locator('.admin-console [data-section]').first().waitFor(LONG);
      await admin.locator('.admin-console table, .admin-console ul').first().waitFor(LONG);
      await shoot(admin, 'admin-accounts.png');
      await admin.click('.admin-console [data-section="notice"]');
      await admin.locator('.admin-console input').first().waitFor(LONG);
      await shoot(admin, 'admin-notice.png');
      await admin.context().close();

      await publishQinjiang(app);
      const pub = (
        await openPage(app.browser, `${app.server.url}/river/${encodeURIComponent('钦江')}`, {
          viewport: DESKTOP,
        })
      ).page;
      await pub.locator('.plan-notice[data-notice="city-01"] dl').waitFor(LONG);
      await pub.evaluate(() => window.hejieMap?.whenMarkersReady());
      await shoot(pub, 'public-river.png');
      await pub.context().close();
    },
    180_000,
  );

  it.runIf(UPDATE)(
    'writes the 进度看板 screenshots (UPDATE_HELP=1)',
    async () => {
      /** `page`'s 进度看板 (the header's link), until `ready` shows. */
      const progress = async (page: Page, ready: string) => {
        await page.click('header nav a:has-text("进度看板")');
        await page.locator(ready).first().waitFor({ timeout: 60_000 });
      };
      const anon = (await openPage(app.browser, app.server.url, { viewport: DESKTOP })).page;
      await progress(anon, '.progress-page[data-variant="public"] .dash-grid[data-ready="1"]');
      await shoot(anon, 'progress-public.png');
      await anon.context().close();

      const city = await as('planner');
      await progress(city, '.dash-grid[data-ready="1"] svg');
      await shoot(city, 'progress-dashboard.png');
      await city.context().close();

      const county = await as('planner-lingshan');
      await progress(county, '#report-form textarea');
      await county.locator('#report-form .report-figures').waitFor(LONG);
      await shoot(county, 'progress-report.png');
      await county.context().close();
    },
    120_000,
  );

  it('every screenshot the guide shows is in public/help and small', () => {
    const missing = HELP_SHOTS.filter((s) => !existsSync(join(DIR, s)));
    expect(missing).toEqual([]);
    const large = HELP_SHOTS.filter((s) => statSync(join(DIR, s)).size > MAX_BYTES);
    expect(large).toEqual([]);
  });
});
