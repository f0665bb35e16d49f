// The English run: every main path once with the UI in English (localStorage 'hejie.lang' = 'en',
// the browser asking for English, so the API answers in English too). Each screen's visible text
// (every text node, placeholder, title and label) carries no Chinese character except data: the
// register's names, persons, units, dates and notes, the accounts' persons, what the test typed
// and the published notice's values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/server/auth/demo-accounts';
import { DEMO_PLANNER, login, type TestAccount } from '../helpers/accounts';
import { screenshot, waitForMapIdle } from '../helpers/browser';
import { consultOverHttp, DEMO_DEPARTMENT } from '../helpers/consult';
import { displayAndAcceptOverHttp } from '../helpers/display-accept';
import { appUnderTest, DESKTOP, drawToeLine, fitLines, LONG, textOf } from '../helpers/map-page';
import { saveVersion, send, straightToePoints } from '../helpers/plan-writes';
import { ROOT } from '../helpers/register';

const app = appUnderTest();
const PLAN = 'city-01';
const ADMIN: TestAccount = { username: 'admin', password: 'demo-admin', role: 'admin' };
const GAOPU: TestAccount = { username: 'gaopu', password: 'demo-gaopu', role: 'chief' };
const [LEFT, RIGHT] = straightToePoints();

const HAN = /[\u3400-\u9fff]+/g;

/** Chinese that is data: the register (plans.csv but its level column, waterbodies), the persons. */
function registerData(): string[] {
  const [header = '', ...rows] = readFileSync(join(ROOT, 'geodata/plans.csv'), 'utf8')
    .trim()
    .split('\n');
  const columns = header.split(',');
  const data = rows.flatMap((row) =>
    row.split(',').filter((_, i) => !['level', 'id'].includes(columns[i] ?? '')),
  );
  const { waterbodies } = JSON.parse(
    readFileSync(join(ROOT, 'geodata/waterbodies.json'), 'utf8'),
  ) as { waterbodies: { name: string; aliases?: string[] }[] };
  return [
    ...data,
    ...waterbodies.flatMap((w) => [w.name, ...(w.aliases ?? [])]),
    ...DEMO_ACCOUNTS.flatMap((a) => [a.person ?? '', a.name, a.organisation ?? '']),
  ];
}

/** What the test types (comments) and what the published notice holds as data. */
const DATA = new Set<string>();
for (const s of registerData()) for (const run of s.match(HAN) ?? []) DATA.add(run);

/** Chinese that is right in English too: a document's number, the switch to Chinese named in Chinese. */
const NAMES = ['钦政办〔2019〕38号'];
const NATIVE = ['中文'];

/**
 * Chinese the English UI still shows from an area that is not this test's to fix, by whose area it
 * is (see the issue note); each entry names the text it excuses. Empty once those areas are done.
 */
const PENDING: { owner: string; text: RegExp }[] = [];

const reported = new Set<string>();

/** Every visible text of the page's chrome: text nodes, placeholders, titles and labels. */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? '';
      if (!el || text === '' || el.closest('script, style, noscript')) continue;
      const inSelect = el.closest('select');
      if (!(inSelect ?? el).checkVisibility({ visibilityProperty: true, opacityProperty: true }))
        continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
      if (!el.checkVisibility()) continue;
      for (const a of ['placeholder', 'title', 'aria-label']) {
        const v = el.getAttribute(a);
        if (v) out.push(`[${a}] ${v}`);
      }
    }
    return out;
  });
}

/** The visible texts with Chinese that is not data (nor pending in another area). */
async function chineseChrome(page: Page, screen: string): Promise<string[]> {
  await screenshot(page, `english-${screen}`);
  const texts = await visibleTexts(page);
  const leaks = texts
    .filter((t) => !NATIVE.includes(t))
    .filter((t) =>
      (NAMES.reduce((rest, name) => rest.replaceAll(name, ' '), t).match(HAN) ?? []).some(
        (run) => !DATA.has(run),
      ),
    );
  const pending = leaks.filter((t) => PENDING.some((p) => p.text.test(t)));
  const fresh = pending.filter((t) => !reported.has(t));
  for (const t of fresh) reported.add(t);
  if (fresh.length > 0) console.log(`${screen}: pending in other areas:`, fresh);
  return leaks.filter((t) => !pending.includes(t)).map((t) => `${screen}: ${t}`);
}

/** A page of an English context (UI and Accept-Language) at `url`, once the map is idle. */
async function openEnglish(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
  await context.addInitScript(() => localStorage.setItem('hejie.lang', 'en'));
  const page = await context.newPage();
  await page.goto(url);
  await waitForMapIdle(page);
  return page;
}

/** Logs in through the header's “Log in” dialog. */
async function logInEnglish(page: Page, username: string, password: string): Promise<void> {
  await page.click('header nav button:has-text("Log in")');
  const dialog = page.locator('dialog.login');
  await dialog.waitFor(LONG);
  await dialog.getByLabel('Username').fill(username);
  await dialog.getByLabel('Password').fill(password);
  await dialog.locator('button[type="submit"]').click();
}

async function move(page: Page, to: string): Promise<void> {
  const panel = page.locator(`.plan-panel[data-plan="${PLAN}"]`);
  await panel.locator(`.stage-moves button[data-to="${to}"]`).click();
  await panel.locator(`.stage-now[data-stage="${to}"]`).waitFor(LONG);
}

describe('the English run: no Chinese but data on any screen', () => {
  const leaks: string[] = [];

  it('the public register, the map and a river panel', async () => {
    const page = await openEnglish(app.browser, app.server.url);
    expect(await textOf(page, 'h1')).toContain('Hejie');
    leaks.push(...(await chineseChrome(page, 'public-register')));
    await page.click(`table.plans tbody tr[data-plan="${PLAN}"]`);
    await page.locator('.river-panel').waitFor(LONG);
    leaks.push(...(await chineseChrome(page, 'public-river-panel')));
    await page.context().close();
  }, 120_000);

  it('the planner draws, is refused a width, computes, saves, moves, is refused a send-back, an import and a stale save', async () => {
    const page = await openEnglish(app.browser, app.server.url);
    await logInEnglish(page, 'planner', 'demo-planner');
    await page.click(`.work-list button[data-plan="${PLAN}"]`);
    const panel = page.locator(`.plan-panel[data-plan="${PLAN}"]`);
    await panel.locator('.plan-editor').waitFor(LONG);
    leaks.push(...(await chineseChrome(page, 'planner-plan')));
    await fitLines(page, [LEFT, RIGHT]);
    await panel.locator('[data-tool="line"]').click();
    await drawToeLine(page, LEFT, 1, '2', '30');
    await drawToeLine(page, RIGHT, 2, '2', '30');
    leaks.push(...(await chineseChrome(page, 'planner-drawn')));

    // an out-of-range width typed in is refused inline
    const form = panel.locator('.line-form');
    const typed = form.locator('input[name="widthM-typed"]');
    await typed.fill('60');
    await typed.press('Enter');
    const widthRefused = form.locator('[data-field="widthM"] .refused');
    await widthRefused.waitFor(LONG);
    await widthRefused.scrollIntoViewIfNeeded();
    leaks.push(...(await chineseChrome(page, 'planner-width-refused')));

    await panel.locator('.draft-compute button:has-text("Compute")').click();
    await expect
      .poll(() => panel.locator('.draft-compute').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('done');
    leaks.push(...(await chineseChrome(page, 'planner-computed')));

    await page.fill('#save-comment', 'Toe lines of the Qinjiang');
    await page.click('.save-bar button[data-action="save"]');
    await expect
      .poll(() => page.locator('.save-bar').getAttribute('data-state'), LONG)
      .toBe('saved');
    leaks.push(...(await chineseChrome(page, 'planner-saved')));

    await move(page, 'base-map');
    await move(page, 'draft');
    // a send-back without a comment is refused
    await panel.locator('.stage-moves button[data-to="base-map"]').click();
    const sendBack = panel.locator('.stage-moves [role="alert"]');
    await sendBack.waitFor(LONG);
    await sendBack.scrollIntoViewIfNeeded();
    leaks.push(...(await chineseChrome(page, 'planner-send-back-refused')));

    // an import the file readers refuse
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.click('.import-files button:has-text("Import survey data")'),
    ]);
    await chooser.setFiles([
      {
        name: 'route.kml',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from('<?xml version="1.0"?><gpx version="1.1"></gpx>'),
      },
    ]);
    await page.locator('.import-file[data-state="refused"]').waitFor(LONG);
    leaks.push(...(await chineseChrome(page, 'planner-import-refused')));
    await page.keyboard.press('Escape');

    // a stale save: the admin saved version 2 meanwhile
    const admin = await login(app.server.url, ADMIN);
    const theirs = (
      (await (
        await fetch(`${app.server.url}/api/plans/${PLAN}/geometry`, { headers: admin.headers() })
      ).json()) as { features: GeoJSON.Feature[] }
    ).features;
    expect(await saveVersion(app.server.url, admin, PLAN, theirs, 'admin check')).toBe(2);
    await panel.locator('.edit-reaches button[data-feature]').first().click();
    await form.locator('select[name="widthM"]').selectOption('40');
    await page.click('.save-bar button[data-action="save"]');
    await expect
      .poll(() => page.locator('.save-bar').getAttribute('data-state'), LONG)
      .toBe('conflict');
    await page.locator('.conflict-view').scrollIntoViewIfNeeded();
    leaks.push(...(await chineseChrome(page, 'planner-stale-save')));
    await page.context().close();
  }, 300_000);

  it('the chief sees the draft; another chief is refused it by the server', async () => {
    const planner = await login(app.server.url, DEMO_PLANNER);
    const reply = await send(app.server.url, planner, 'POST', `/api/plans/${PLAN}/stage`, {
      to: 'consultation',
    });
    expect(reply?.status).toBe(200);
    const page = await openEnglish(app.browser, app.server.url);
    await logInEnglish(page, 'gaopu', 'demo-gaopu');
    await page.locator(`.work-list button[data-plan="${PLAN}"]`).click();
    await page.locator(`.plan-panel[data-plan="${PLAN}"] .plan-comments`).waitFor(LONG);
    leaks.push(...(await chineseChrome(page, 'chief-draft')));
    await page.context().close();

    const other = await openEnglish(app.browser, app.server.url);
    await logInEnglish(other, 'chenjianjun', 'demo-chenjianjun');
    await other.locator('.work-list').waitFor(LONG);
    await other.goto(`${app.server.url}/plan/${PLAN}`);
    const refused = other.locator(`.plan-panel[data-plan="${PLAN}"] [role="alert"]`);
    await refused.waitFor(LONG);
    // the server's refusal, in English as the browser asked
    expect(await refused.textContent()).toMatch(
      /the server refused: you may not see the drafts of city-01/,
    );
    leaks.push(...(await chineseChrome(other, 'other-chief-refused')));
    await other.context().close();
  }, 180_000);

  it('the published notice at /river/钦江', async () => {
    const [planner, chief, department] = await Promise.all([
      login(app.server.url, DEMO_PLANNER),
      login(app.server.url, GAOPU),
      login(app.server.url, DEMO_DEPARTMENT),
    ]);
    // 意见征求 → 现场复核 needs a round in which every department replied (issue 13)
    await consultOverHttp(app.server.url, { planner, department }, PLAN, DEMO_DEPARTMENT.username);
    const plan = `/api/plans/${PLAN}`;
    const steps: [typeof planner, string, unknown][] = [
      [planner, 'stage', { to: 'field-check' }],
      [chief, 'stage', { to: 'review', comment: 'agreed' }],
      [chief, 'stage', { to: 'deliverables', comment: 'agreed' }],
    ];
    for (const [who, what, body] of steps) {
      const reply = await send(app.server.url, who, 'POST', `${plan}/${what}`, body);
      expect(reply?.status, `${what} ${JSON.stringify(reply?.body)}`).toBeLessThan(300);
    }
    // a finished 公示 and a 合格 acceptance (issue 13): the server restarts after the display's end
    const version = (
      (await (
        await fetch(`${app.server.url}${plan}/versions`, { headers: planner.headers() })
      ).json()) as {
        versions: { version: number }[];
      }
    ).versions[0]?.version as number;
    await app.restart({
      HEJIE_NOW: await displayAndAcceptOverHttp(app.server.url, planner, PLAN, version),
    });
    const publisher = await login(app.server.url, DEMO_PLANNER);
    const published = await send(app.server.url, publisher, 'POST', `${plan}/publish`, {
      comment: 'e2e',
    });
    expect(published?.status, JSON.stringify(published?.body)).toBe(201);
    // the notice's values are data of the published plan
    const notice = await (await fetch(`${app.server.url}${plan}/notice`)).json();
    for (const run of JSON.stringify(notice).match(HAN) ?? []) DATA.add(run);
    const page = await openEnglish(
      app.browser,
      `${app.server.url}/river/${encodeURIComponent('钦江')}`,
    );
    await page.locator(`.plan-notice[data-notice="${PLAN}"] dl`).waitFor(LONG);
    leaks.push(...(await chineseChrome(page, 'public-notice')));
    await page.context().close();
  }, 180_000);

  it('showed no Chinese but data', () => {
    expect(leaks).toEqual([]);
  });
});
