// A register row while a plan is open: one handler acts, once. The plan is neither closed and
// reopened (the same plan) nor passed through its river (another plan). React renders the two
// handlers' state as one, so a double action shows in the page's address (closing goes to
// /river/…, opening to /plan/…); the panel must also stay mounted and not fetch its records again.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUnderTest, errorsOf, LONG, logIn, openPage } from '../helpers/map-page';

const app = appUnderTest();

/** What the page did from now on: the addresses it took, the plan panels it removed, its requests. */
async function watch(page: Page): Promise<() => Promise<{ urls: string[]; removed: string[] }>> {
  await page.evaluate(() => {
    const seen = { urls: [] as string[], removed: [] as string[] };
    (window as unknown as { seen: typeof seen }).seen = seen;
    const replace = history.replaceState.bind(history);
    history.replaceState = (data, unused, url) => {
      seen.urls.push(decodeURI(String(url)));
      replace(data, unused, url);
    };
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.removedNodes)
          if (n instanceof Element) {
            const panels = n.matches('.plan-panel') ? [n] : [...n.querySelectorAll('.plan-panel')];
            for (const p of panels) seen.removed.push(p.getAttribute('data-plan') ?? '?');
          }
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { seen: { urls: string[]; removed: string[] } }).seen,
    );
}

describe('a register row while a plan is open', () => {
  let page: Page;
  const requests: string[] = [];
  beforeAll(async () => {
    ({ page } = await openPage(app.browser, app.server.url));
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await logIn(page, 'planner', 'demo-planner');
    await page.click('.work-list button[data-plan="city-01"]');
    await page.locator('.plan-panel[data-plan="city-01"] .plan-versions').waitFor(LONG);
  });
  afterAll(() => page.close());

  it("keeps the same plan's panel open: no close, no reopen, no second load", async () => {
    const seen = await watch(page);
    requests.length = 0;
    await page.click('table.plans tr[data-plan="city-01"]');
    await page.waitForTimeout(500);
    expect(await seen()).toEqual({ urls: ['/plan/city-01'], removed: [] });
    expect(requests.filter((p) => p.startsWith('/api/plans/city-01'))).toEqual([]);
    expect(await page.locator('.plan-panel[data-plan="city-01"]').count()).toBe(1);
    expect(await page.locator('.river-panel:not(.plan-panel)').count()).toBe(0);
  });

  it('opens another plan straight from its row, never through its river panel', async () => {
    const seen = await watch(page);
    await page.click('table.plans tr[data-plan="city-05"]');
    await page.locator('.plan-panel[data-plan="city-05"]').waitFor(LONG);
    expect(await seen()).toEqual({ urls: ['/plan/city-05'], removed: ['city-01'] });
    expect(page.url()).toContain('/plan/city-05');
    expect(errorsOf(page)).toEqual([]);
  });
});
