// 我的任务 and the register on a phone (issue 19): the task list filters by county (and stage, overdue,
// search) with counts, and the phone register is a compact list (it scrolled 9,711 px as a table of
// cards) with the same filters and counts; the desktop keeps the table.
import { describe, expect, it } from 'vitest';
import { screenshot } from '../helpers/browser';
import { appUnderTest, DESKTOP, LONG, logIn, openPage, PHONE } from '../helpers/map-page';

const app = appUnderTest();
const LINGSHAN = '450721';

/** The ids of the plans of a county, from the public API. */
async function plansOf(county: string): Promise<string[]> {
  const plans = (await (await fetch(`${app.server.url}/api/plans`)).json()) as {
    id: string;
    county: { adcode: string };
  }[];
  return plans.filter((p) => p.county.adcode === county).map((p) => p.id);
}

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
])('at %s', (name, viewport) => {
  it('我的任务 filtered to 灵山县 shows only its tasks, and says how many', async () => {
    const { page } = await openPage(app.browser, app.server.url, {
      viewport,
      touch: viewport === PHONE,
    });
    await logIn(page, 'planner', 'demo-planner');
    const cards = page.locator('.work-list li button[data-plan]');
    await expect.poll(() => cards.count(), LONG).toBe(36);
    const county = page.locator('.work-filters select').nth(1);
    // each option says how many tasks it would show
    expect(await county.locator(`option[value="${LINGSHAN}"]`).textContent()).toBe('灵山县（8）');
    await county.selectOption(LINGSHAN);
    const expected = await plansOf(LINGSHAN);
    await expect.poll(() => cards.count()).toBe(expected.length);
    const shown = await cards.evaluateAll((bs) => bs.map((b) => b.getAttribute('data-plan')));
    expect(shown.sort()).toEqual([...expected].sort());
    expect(await page.locator('.work-filters .count').textContent()).toBe(
      `显示 ${expected.length} / 36 项`,
    );
    // and a search within them
    await page.locator('.work-filters input[type="search"]').fill('zzzz');
    await expect
      .poll(() => page.locator('.work-list .empty').textContent())
      .toBe('没有符合筛选条件的任务。');
    await page.context().close();
  });

  it(`the register ${name === 'phone' ? 'is a compact list' : 'stays a table'}`, async () => {
    const { page } = await openPage(app.browser, app.server.url, {
      viewport,
      touch: viewport === PHONE,
    });
    const height = () => page.evaluate(() => document.querySelector('.register')?.scrollHeight);
    if (viewport === DESKTOP) {
      await expect(page.locator('table.plans tbody tr').count()).resolves.toBe(36);
      await expect(page.locator('.plan-list').count()).resolves.toBe(0);
      await page.context().close();
      return;
    }
    const items = page.locator('.plan-list button[data-plan]');
    await expect.poll(() => items.count(), LONG).toBe(36);
    await expect(page.locator('table.plans').count()).resolves.toBe(0);
    const h = (await height()) ?? 0;
    console.log(`phone register scroll height: ${h} px (a table of cards: 9,711 px)`);
    expect(h).toBeLessThan(3200);
    // two lines a plan: name, stage, overdue, deadline, chief
    const first = items.first();
    expect(await first.textContent()).toMatch(
      /钦江.*市级 1.*未开始.*逾期 \d+ 天.*截止 2019年10月.*河长 高朴/,
    );
    const box = await first.boundingBox();
    expect(box?.height ?? 999).toBeLessThan(64);
    await screenshot(page, 'register-phone-compact');
    // the same filters, folded, with the count
    const fold = page.locator('details.phone-filters > summary');
    expect(await fold.textContent()).toBe('筛选（显示 36 / 36 项）');
    await fold.click();
    await page.locator('.phone-filters select').nth(1).selectOption(LINGSHAN);
    await expect.poll(() => items.count()).toBe((await plansOf(LINGSHAN)).length);
    expect(await fold.textContent()).toBe('筛选（显示 8 / 36 项）');
    // the search stays in view outside the fold, and counts too
    await page.locator('.register input[type="search"]').fill('武利');
    await expect.poll(() => fold.textContent()).toBe('筛选（显示 1 / 36 项）');
    // a plan opens as from the table: the map tab with the river
    await items.first().click();
    await page.locator('aside.river-panel').waitFor(LONG);
    await page.context().close();
  });
});
