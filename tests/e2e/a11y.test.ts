// Access for everyone (issue 19): axe-core on every page at 1366×820 and 360×740 (no serious or
// critical violation), the skip links, and a focus ring of ≥ 3:1 contrast and ≥ 2 px on every control
// reached by Tab (WCAG 2.2 AA 2.4.11/2.4.13), computed from the computed styles.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { appUnderTest, DESKTOP, LONG, logIn, openPage, PHONE } from '../helpers/map-page';
import { consultQinjiang, publishQinjiang } from '../helpers/publish-qinjiang';

const app = appUnderTest();
// 钦江 with a saved version and a consultation round: the panels have something to show
beforeAll(() => consultQinjiang(app), 60_000);
const VIEWPORTS = { desktop: DESKTOP, phone: PHONE } as const;
const QINJIANG = `/river/${encodeURIComponent('钦江')}`;

/** A page at `path`, logged in as `user` when given (its password is demo-<user>). */
async function pageAs(path: string, viewport: typeof DESKTOP, user?: string): Promise<Page> {
  const { page } = await openPage(app.browser, app.server.url + path, {
    viewport,
    touch: viewport === PHONE,
  });
  if (user) {
    await logIn(page, user, `demo-${user}`);
    await page.locator('header .account').waitFor(LONG);
  }
  return page;
}

/** Opens the plan panel of city-01 (钦江) from the work list. */
async function openQinjiangPlan(page: Page): Promise<void> {
  await page.click('.work-list button[data-plan="city-01"]');
  await page.locator('.plan-panel[data-plan="city-01"] h2').waitFor(LONG);
}

/** Relative luminance of a CSS rgb()/rgba() colour (WCAG 2.x). */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/**
 * Tabs `n` times from the current focus and reads, for each focused control, its outline and the
 * colour next to the ring: the control's own background when the ring is inside it (negative
 * offset), else the first opaque background around it.
 */
async function focusRings(page: Page, n: number) {
  const rings: { what: string; width: number; style: string; ring: string; next: string }[] = [];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('Tab');
    rings.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const cs = getComputedStyle(el);
        const opaque = (e: Element | null): string => {
          // the first fully opaque background (a translucent one lets what is under it through)
          for (let x = e; x; x = x.parentElement) {
            const bg = getComputedStyle(x).backgroundColor;
            if (bg.startsWith('rgb(')) return bg;
          }
          return 'rgb(255, 255, 255)';
        };
        const inside = Number.parseFloat(cs.outlineOffset) < 0;
        return {
          what: `${el.tagName.toLowerCase()}.${el.className} ${el.textContent?.trim().slice(0, 12) ?? ''}`,
          width: Number.parseFloat(cs.outlineWidth),
          style: cs.outlineStyle,
          ring: cs.outlineColor,
          next: inside ? opaque(el) : opaque(el.parentElement),
        };
      }),
    );
  }
  return rings;
}

describe.each(Object.entries(VIEWPORTS))('at %s', (_, viewport) => {
  it('anyone: the register, a river page and the help pages have no serious violation; the skip link reaches the map', async () => {
    const page = await pageAs('/', viewport);
    expect(await seriousViolations(page)).toEqual([]);
    // the skip link: the first Tab stop, visible, and Enter puts the focus on the map
    await page.keyboard.press('Tab');
    const first = page.locator('.skip-links button').first();
    await expect.poll(() => first.evaluate((a) => a === document.activeElement)).toBe(true);
    expect(await first.textContent()).toBe('跳到地图');
    expect((await first.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
      .toContain('maplibregl-canvas');
    expect(await page.locator('.maplibregl-canvas').isVisible()).toBe(true);

    await page.goto(app.server.url + QINJIANG);
    await page.locator('aside.river-panel').waitFor(LONG);
    expect(await seriousViolations(page)).toEqual([]);
    // the second skip link reaches the river's panel
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.matches('aside.river-panel')))
      .toBe(true);
    for (const help of ['/help', '/help/chief']) {
      await page.goto(app.server.url + help);
      await page.locator('main.help h1').waitFor(LONG);
      await page.locator('main.help img.shot').last().scrollIntoViewIfNeeded();
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.context().close();
  });

  it('the planner: tasks and plan panel; every focus ring ≥ 3:1 and ≥ 2 px', async () => {
    const page = await pageAs('/', viewport, 'planner');
    await page.locator('.work-list li').first().waitFor(LONG);
    expect(await seriousViolations(page)).toEqual([]);
    // Tab through the header, the filters, the tasks, then the map's own controls
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const rings = await focusRings(page, 24);
    if (viewport === PHONE) await page.click('.tabs button:has-text("地图")');
    await page.locator('.maplibregl-ctrl button').first().focus();
    rings.push(...(await focusRings(page, 3)));
    const weak = rings.filter(
      (r) => r.style === 'none' || r.width < 2 || contrast(r.ring, r.next) < 3,
    );
    expect(weak).toEqual([]);
    if (viewport === PHONE) await page.click('.tabs button:has-text("我的任务")');
    await openQinjiangPlan(page);
    await page.locator('.plan-panel .plan-editor').waitFor(LONG);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the chief’s view (高朴) and the department’s view', async () => {
    const page = await pageAs('/', viewport, 'gaopu');
    await openQinjiangPlan(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
    const dept = await pageAs('/', viewport, 'dept-sthj');
    await dept.locator('.dept-rounds li button').first().click();
    await dept.locator('aside.river-panel').waitFor(LONG);
    expect(await seriousViolations(dept)).toEqual([]);
    await dept.context().close();
  });

  it('the progress dashboard (/progress) of the city planner, and its public summary', async () => {
    const page = await pageAs('/', viewport, 'planner');
    await page.click('header nav a:has-text("进度看板")');
    await page.locator('.dash-grid[data-ready="1"]').waitFor({ timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
    const anyone = await pageAs('/', viewport);
    await anyone.click('header nav a:has-text("进度看板")');
    await anyone.locator('.dash-grid[data-ready="1"]').waitFor(LONG);
    expect(await seriousViolations(anyone)).toEqual([]);
    await anyone.context().close();
  }, 120_000);

  it('the admin console (/admin)', async () => {
    const page = await pageAs('/', viewport, 'admin');
    await page.goto(`${app.server.url}/admin`);
    await page.locator('.admin-console').waitFor(LONG);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('the public page of a published river', () => {
  it('has no serious or critical violation at either size', async () => {
    await publishQinjiang(app);
    for (const viewport of Object.values(VIEWPORTS)) {
      const page = await pageAs(QINJIANG, viewport);
      await page.locator('.plan-notice[data-notice="city-01"] dl').waitFor(LONG);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    }
  }, 120_000);
});
