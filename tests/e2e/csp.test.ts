// The Content Security Policy holds in a real browser (issue 17): with style-src 'self' (no
// 'unsafe-inline'), form-action 'self' and base-uri 'none', no screen of the app is refused
// anything. A `securitypolicyviolation` listener on every page records each refusal.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForMapIdle } from '../helpers/browser';
import { appUnderTest, DESKTOP, LONG, logIn, PHONE } from '../helpers/map-page';

const app = appUnderTest();

type Violation = { directive: string; blocked: string; sample: string };

async function open(path: string, viewport = DESKTOP): Promise<Page> {
  const page = await app.browser.newPage({ viewport, locale: 'zh-CN' });
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        sample: `${e.sample} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      }),
    );
  });
  await page.goto(app.server.url + path);
  await waitForMapIdle(page);
  return page;
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations);

describe('content security policy', () => {
  it('the public map on a desktop and on a phone: no violation', async () => {
    for (const [path, viewport] of [
      ['/', DESKTOP],
      ['/', PHONE],
    ] as const) {
      const page = await open(path, viewport);
      await page.waitForTimeout(500);
      expect(await violations(page), `${path} ${viewport.width}`).toEqual([]);
      await page.close();
    }
  });

  it("the login dialog, a planner's 我的任务, a plan's panel and its reload: no violation", async () => {
    const page = await open('/');
    await logIn(page, 'planner', 'demo-planner');
    await page.locator('.work-list').waitFor(LONG);
    await page.click('.work-list button[data-plan="city-01"]');
    await page.locator('.plan-panel[data-plan="city-01"]').waitFor(LONG);
    await page.locator('.plan-versions').waitFor(LONG);
    await waitForMapIdle(page);
    await page.waitForTimeout(500);
    expect(await violations(page)).toEqual([]);
    await page.reload();
    await waitForMapIdle(page);
    await page.locator('.plan-panel[data-plan="city-01"]').waitFor(LONG);
    await page.waitForTimeout(500);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
