// Issue 19, the planner's bank sides and the silent defaults, in a real browser: 钦江's right bank
// drawn first is 待定, then 右岸 once the left one is drawn; 反向 never makes two 左岸 (the lines flow
// opposite ways, and the editor says so); a new line asks for its class, "两岸相同" gives the other
// bank the same class and widths, and the summary names them per bank; the reach is named (城区段)
// and never shown as `reach-1`; a saved side the geometry contradicts is flagged before computing.
// At 1366 × 820 and 360 × 740.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PLANNER, login } from '../helpers/accounts';
import { screenshot, shotsDir } from '../helpers/browser';
import {
  appUnderTest,
  DESKTOP,
  drawLine,
  errorsOf,
  fitLines,
  LONG,
  logIn,
  openPage,
  PHONE,
} from '../helpers/map-page';
import { editFeatures, saveVersion, straightToePoints } from '../helpers/plan-writes';
import { ROOT } from '../helpers/register';

const app = appUnderTest();
/** The `straight` fixture's toe lines, both drawn south → north (downstream): left = west. */
const [LEFT, RIGHT] = straightToePoints();

const rows = (page: Page) => page.locator('.edit-reaches button[data-feature]');
const sidesOf = (page: Page) =>
  rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-side')));
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
const state = (panel: Locator) => panel.locator('.draft-compute').getAttribute('data-state');

/** Saves a screenshot under test-results and as one of the after pictures. */
async function shot(page: Page, name: string): Promise<void> {
  copyFileSync(
    await screenshot(page, `editor-banks-${name}`),
    join(shotsDir('lines'), `after-${name}.png`),
  );
}

async function openPlanner(viewport: typeof DESKTOP, plan: string) {
  const { page } = await openPage(app.browser, app.server.url, { viewport });
  await logIn(page, 'planner', 'demo-planner');
  await page.click(`.work-list button[data-plan="${plan}"]`);
  const panel = page.locator(`.plan-panel[data-plan="${plan}"]`);
  await panel.locator('.plan-editor').waitFor(LONG);
  return { page, panel };
}

describe('bank sides follow the geometry; nothing is computed from an unseen default', () => {
  it('desktop: right bank first is 待定 then 右岸, asks for the class, 两岸相同, reverse, names the reach', async () => {
    const { page, panel } = await openPlanner(DESKTOP, 'city-01');
    await fitLines(page, [LEFT, RIGHT]);
    await panel.locator('[data-tool="line"]').click();
    await drawLine(page, RIGHT);
    await expect.poll(() => rows(page).count(), LONG).toBe(1);
    // one line alone: its side is 待定, and it asks for the class (no 4 级以下 / 8 m / 30 m given)
    expect(await sidesOf(page)).toEqual(['pending']);
    expect(await rows(page).first().textContent()).toContain('待定 · 堤脚线');
    const form = panel.locator('.line-form');
    expect(await form.locator('select[name="embankmentClass"]').inputValue()).toBe('');
    expect(await form.locator('.ask').textContent()).toContain('堤防级别尚未选择');
    expect(await form.locator('select[name="widthM"]').count()).toBe(0);
    expect(await form.locator('.bank-side').textContent()).toContain('待定');
    await expect.poll(() => state(panel), LONG).toBe('waiting');
    const waiting = (await panel.locator('.draft-compute').textContent()) ?? '';
    expect(waiting).toContain('钦江 第 1 段只有一条线（钦江 第 1 段第 1 条线），岸别待定');
    expect(waiting).toContain('钦江 第 1 段第 1 条线尚未选择堤防级别');
    expect(waiting).not.toContain('reach-1');
    await form.locator('.ask').scrollIntoViewIfNeeded();
    await shot(page, 'right-first-asks-class');

    // the class brings its widths from the rule table, shown as its lower bounds
    await form.locator('select[name="embankmentClass"]').selectOption('2');
    expect(await form.locator('select[name="widthM"]').inputValue()).toBe('20');
    expect(await form.locator('[data-field="widthM"] label').textContent()).toContain(
      '20–50 m） · 规则下限',
    );
    expect(await form.locator('select[name="protectionM"]').inputValue()).toBe('30');
    await form.locator('select[name="widthM"]').selectOption('30');
    expect(await form.locator('[data-field="widthM"] label').textContent()).toContain('手动设定');
    await form.locator('input[name="sameBothBanks"]').check();
    expect(await form.locator('[role="status"]').textContent()).toContain(
      '对岸的线画出后采用相同的设置',
    );

    // the left bank drawn second: the first line is now 右岸, the second 左岸, with the same class
    await drawLine(page, LEFT);
    await expect.poll(() => rows(page).count(), LONG).toBe(2);
    await expect.poll(() => sidesOf(page), LONG).toEqual(['right', 'left']);
    expect(await rows(page).nth(0).textContent()).toContain('右岸堤脚线');
    expect(await rows(page).nth(1).textContent()).toContain('左岸堤脚线');
    expect(await form.locator('select[name="embankmentClass"]').inputValue()).toBe('2');
    expect(await form.locator('select[name="widthM"]').inputValue()).toBe('30');
    expect(await form.locator('.bank-side').textContent()).toContain('左岸按线的位置和流向');
    await expect.poll(() => state(panel), { timeout: 60_000 }).toBe('done');
    const summary = panel.locator('.draft-compute .bank-summary');
    expect(await summary.locator('[data-bank="left"]').textContent()).toBe(
      '钦江 第 1 段 左岸2 级堤防 · 护堤地 30 m（手动设定）· 保护范围 30 m（规则下限）',
    );
    expect(await summary.locator('[data-bank="right"]').textContent()).toContain(
      '2 级堤防 · 护堤地 30 m（手动设定）',
    );

    // 两岸相同 holds: a class changed on one bank changes the other
    await form.locator('select[name="embankmentClass"]').selectOption('3');
    await rows(page).first().click();
    expect(await form.locator('select[name="embankmentClass"]').inputValue()).toBe('3');

    // 反向 on the left line: never two 左岸; both 待定, and the editor says they flow opposite ways
    await rows(page).nth(1).click();
    await panel.locator('[data-tool="reverse"]').click();
    await expect.poll(() => sidesOf(page), LONG).toEqual(['pending', 'pending']);
    const roles = await rows(page).evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-role')),
    );
    expect(roles.filter((r) => r === 'toe-left')).toHaveLength(0);
    expect(await form.locator('.bank-side .problem').textContent()).toContain('流向相反');
    await expect.poll(() => state(panel), LONG).toBe('waiting');
    expect(await panel.locator('.draft-compute').textContent()).toContain(
      '钦江 第 1 段第 1 条线与钦江 第 1 段第 2 条线流向相反',
    );
    await panel.locator('.draft-compute').scrollIntoViewIfNeeded();
    await shot(page, 'reversed-says-opposite');
    // the manual 计算 refuses too
    await panel.locator('.draft-compute > button').click();
    expect(await state(panel)).toBe('waiting');
    // reversing the other line as well: the flow is the other way, and so are the banks
    await rows(page).first().click();
    await panel.locator('[data-tool="reverse"]').click();
    await expect.poll(() => sidesOf(page), LONG).toEqual(['left', 'right']);
    await panel.locator('[data-tool="reverse"]').click();
    await rows(page).nth(1).click();
    await panel.locator('[data-tool="reverse"]').click();
    await expect.poll(() => sidesOf(page), LONG).toEqual(['right', 'left']);

    // the reach gets a name; the editor never shows `reach-1`
    await form.locator('input[name="reachName"]').fill('城区段');
    await form.locator('input[name="reachName"]').press('Enter');
    await expect.poll(() => panel.locator('.edit-reaches h4').textContent()).toBe('钦江 城区段');
    expect(await form.locator('select[name="reach"] option:checked').textContent()).toBe(
      '钦江 城区段',
    );
    await expect.poll(() => state(panel), { timeout: 60_000 }).toBe('done');
    expect(await panel.locator('.plan-editor').textContent()).not.toContain('reach-1');
    expect(await summary.locator('[data-bank="left"] dt').textContent()).toBe('钦江 城区段 左岸');
    // nothing of the form sticks out of it
    const sticksOut = await form.evaluate((el) => {
      const right = el.getBoundingClientRect().right;
      return [...el.querySelectorAll('select, input, button')].filter(
        (c) => c.getBoundingClientRect().right > right + 0.5,
      ).length;
    });
    expect(sticksOut).toBe(0);
    await form.scrollIntoViewIfNeeded();
    await shot(page, 'form-named-reach');
    await summary.scrollIntoViewIfNeeded();
    await shot(page, 'summary-per-bank');
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('phone: the same at 360 px, and a saved side the geometry contradicts is flagged before computing', async () => {
    // city-02 saved with its sides swapped (as a file with a wrong 岸别, or lines drawn the other way)
    const api = await login(app.server.url, DEMO_PLANNER);
    const swapped = editFeatures(0).map((f, i) => ({
      ...f,
      properties: { ...f.properties, role: i === 0 ? 'toe-right' : 'toe-left' },
    }));
    await saveVersion(app.server.url, api, 'city-02', swapped, '岸别标反');
    const { page, panel } = await openPlanner(PHONE, 'city-02');
    await expect.poll(() => rows(page).count(), LONG).toBe(2);
    await expect.poll(() => state(panel), LONG).not.toBe('done');
    await panel.locator('.draft-compute > button').click();
    expect(await state(panel)).toBe('waiting');
    const reasons = (await panel.locator('.draft-compute').textContent()) ?? '';
    expect(reasons).toContain('第 1 条线标为右岸，但按它的位置和流向（线的方向）应在左岸');
    expect(reasons).not.toContain('reach-');
    await rows(page).first().click();
    const form = panel.locator('.line-form');
    expect(await form.locator('[data-disagrees="left"]').textContent()).toContain(
      '按位置和流向，此线应在左岸，与标注不符',
    );
    await form.locator('[data-disagrees]').scrollIntoViewIfNeeded();
    await shot(page, 'phone-stated-side-disagrees');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // take the geometry's side on both lines: then it computes
    await form.locator('[data-accept="left"]').click();
    await rows(page).nth(1).click();
    await form.locator('[data-accept="right"]').click();
    await expect.poll(() => sidesOf(page), LONG).toEqual(['left', 'right']);
    await panel.locator('.draft-compute > button').click();
    await expect.poll(() => state(panel), { timeout: 60_000 }).toBe('done');
    await page.close();

    // drawing on a phone: the right bank first is 待定, and asks for the class
    const fresh = await openPlanner(PHONE, 'city-01');
    await fresh.panel.locator('[data-tool="line"]').click();
    // the middle 300 m of each bank, so that 80 m between them are ~50 px on a phone
    const part = (l: [number, number][]): [number, number][] => {
      const [a, b] = l as [[number, number], [number, number]];
      return [0.35, 0.5, 0.65].map((k) => [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k]);
    };
    const [left, right] = [part(LEFT), part(RIGHT)];
    await fresh.page.evaluate(
      (box) => window.hejieMap?.fitTo(box, { top: 60, bottom: 330, left: 40, right: 40 }, 17),
      [left[0]?.[0], left[0]?.[1], right[2]?.[0], right[2]?.[1]] as [
        number,
        number,
        number,
        number,
      ],
    );
    await fresh.page.evaluate(() => window.hejieMap?.settled());
    await drawLine(fresh.page, right);
    await expect.poll(() => rows(fresh.page).count(), LONG).toBe(1);
    expect(await sidesOf(fresh.page)).toEqual(['pending']);
    await drawLine(fresh.page, left);
    await expect.poll(() => sidesOf(fresh.page), LONG).toEqual(['right', 'left']);
    await fresh.panel.locator('[data-tool="select"]').click();
    const f2 = fresh.panel.locator('.line-form');
    expect(await f2.locator('select[name="embankmentClass"]').inputValue()).toBe('');
    await f2.locator('.bank-side').scrollIntoViewIfNeeded();
    expect(await overflow(fresh.page)).toBeLessThanOrEqual(0);
    await shot(fresh.page, 'phone-left-drawn-asks-class');
    expect(errorsOf(fresh.page)).toEqual([]);
    await fresh.page.close();
  }, 120_000);

  it('desktop: on 南流江, whose course is on the map, lines drawn upstream are said to run against it', async () => {
    // vertices 250–252 of 南流江's course (downstream order) and banks 40 m either side, drawn upstream
    const rivers = JSON.parse(readFileSync(join(ROOT, 'geodata/rivers.geojson'), 'utf8')) as {
      features: { properties: { riverId: string | null }; geometry: { coordinates: number[][] } }[];
    };
    const course = rivers.features
      .find((f) => f.properties.riverId === 'nanliujiang')
      ?.geometry.coordinates.slice(250, 253) as [number, number][];
    const kx = 111_320 * Math.cos((22.06 * Math.PI) / 180);
    const bank = (sign: number): [number, number][] =>
      course.map(([lon, lat], i) => {
        const a = course[Math.max(0, i - 1)] as [number, number];
        const b = course[Math.min(course.length - 1, i + 1)] as [number, number];
        const [dx, dy] = [(b[0] - a[0]) * kx, (b[1] - a[1]) * 110_540];
        const len = Math.hypot(dx, dy);
        return [lon + (sign * 40 * -dy) / len / kx, lat + (sign * 40 * dx) / len / 110_540];
      });
    const [left, right] = [bank(1).reverse(), bank(-1).reverse()];
    const { page, panel } = await openPlanner(DESKTOP, 'city-05');
    await fitLines(page, [left, right]);
    await panel.locator('[data-tool="line"]').click();
    await drawLine(page, left);
    await expect.poll(() => rows(page).count(), LONG).toBe(1);
    await drawLine(page, right);
    await expect.poll(() => rows(page).count(), LONG).toBe(2);
    const form = panel.locator('.line-form');
    await expect.poll(() => form.locator('[data-against="course"]').count(), LONG).toBe(1);
    expect(await form.locator('[data-against="course"]').textContent()).toContain(
      '此线与河道流向相反',
    );
    await expect.poll(() => state(panel), LONG).toBe('waiting');
    expect(await panel.locator('.draft-compute').textContent()).toContain(
      '南流江 第 1 段第 1 条线与河道流向相反',
    );
    await form.locator('[data-against="course"]').scrollIntoViewIfNeeded();
    await shot(page, 'against-course');
    // 反向 on both: they run downstream, and the course has nothing more to say
    await form.locator('[data-against="course"] button[data-action="reverse"]').click();
    await rows(page).first().click();
    await form.locator('[data-against="course"] button[data-action="reverse"]').click();
    await expect
      .poll(() => panel.locator('.draft-compute').textContent(), LONG)
      .not.toContain('河道流向相反');
    expect(await sidesOf(page)).toEqual(['left', 'right']);
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
