// Issue 13's whole path in real browsers, with real accounts, on one data directory: the planner
// draws and saves 钦江 (city-01) and opens a round for two departments; 市生态环境局 objects with a
// pin, 市自然资源局 never replies; the deadline passes (the server restarts with a later HEJIE_NOW);
// the planner answers; 高朴 signs off 现场复核 → 审核确定 → 成果文件制作与验收; the planner starts
// 公示; a citizen gives an opinion; the period ends (another restart); the planner answers it and
// records a 合格 acceptance with its PDF; the admin sets the authority and the phone; the planner
// publishes; the public downloads the 公告 PDF; the planner downloads the archive, and every file in
// it matches manifest.json's SHA-256. Screenshots of each screen go to /tmp/ui-shots/.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import {
  DESKTOP,
  drawn,
  drawToeLine,
  errorsOf,
  fitLines,
  LONG,
  logIn,
  openPage,
  PHONE,
} from '../helpers/map-page';
import { straightToePoints } from '../helpers/plan-writes';
import { type RunningServer, startServer } from '../helpers/server';

const PLAN = 'city-01';
const [LEFT, RIGHT] = straightToePoints();
/** Today at each part of the path (China time): the round opens, its deadline passed, 公示 over. */
const T0 = '2026-12-03T10:00:00+08:00';
const T1 = '2026-12-21T10:00:00+08:00';
const T2 = '2026-12-30T10:00:00+08:00';
const OBJECTION = '下游左岸与城市排水口位置冲突，请核对管理范围线';
const OPINION = '建议在村口增设公告牌';

const dataDir = mkdtempSync(join(tmpdir(), 'hejie-whole-path-'));
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ HEJIE_NOW: T0 }, dataDir), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The same data directory served again with another today. */
async function restartAt(now: string): Promise<void> {
  await server.stop();
  server = await startServer({ HEJIE_NOW: now }, dataDir);
}

/** Scrolls the panel so that `locator` is at its top (what the screenshot is about). */
const toTop = (locator: Locator) => locator.evaluate((e) => e.scrollIntoView({ block: 'start' }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/ui-shots/${name}.png`, fullPage: false });

/** A person's page, logged in (anonymous without a username). */
async function person(username?: string, viewport = DESKTOP): Promise<Page> {
  const { page } = await openPage(browser, server.url, {
    viewport,
    ...(viewport === PHONE ? { touch: true } : {}),
  });
  if (username) {
    await logIn(page, username, `demo-${username}`);
    await page.locator('.work-list').first().waitFor(LONG);
  }
  return page;
}

const panelOf = (page: Page) => page.locator(`.plan-panel[data-plan="${PLAN}"]`);

async function openPlan(page: Page): Promise<void> {
  await page.click(`.work-list button[data-plan="${PLAN}"]`);
  await panelOf(page).locator('.stage-now').waitFor(LONG);
}

async function move(page: Page, to: string, comment = ''): Promise<void> {
  const panel = panelOf(page);
  if (comment) await panel.locator('.stage-moves textarea').fill(comment);
  await panel.locator(`.stage-moves button[data-to="${to}"]`).click();
  await panel.locator(`.stage-now[data-stage="${to}"]`).waitFor(LONG);
}

/** A download started by clicking `selector`: its bytes. */
async function download(page: Page, selector: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await file.path();
  return readFileSync(path);
}

/** A one-page PDF, as the scanner of a signed acceptance sheet would give. */
function signedPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

describe('issue 13: from the first draft to the archived 公告', () => {
  let round = 0;

  it('the planner draws and saves 钦江 and opens a round for two departments', async () => {
    const page = await person('planner');
    await openPlan(page);
    const panel = panelOf(page);
    await panel.locator('.plan-editor').waitFor(LONG);
    await fitLines(page, [LEFT, RIGHT]);
    await panel.locator('[data-tool="line"]').click();
    await drawToeLine(page, LEFT, 1, '2', '30');
    await drawToeLine(page, RIGHT, 2, '2', '30');
    await page.fill('#save-comment', '钦江左右岸堤脚线（图上初划）');
    await page.click('.save-bar button[data-action="save"]');
    await expect
      .poll(() => page.locator('.save-bar').getAttribute('data-state'), LONG)
      .toBe('saved');
    await move(page, 'base-map');
    await move(page, 'draft');
    await move(page, 'consultation');

    const review = panel.locator('.review');
    await review.locator('[data-gate="leave"]').waitFor(LONG);
    expect(await review.locator('[data-gate="leave"]').textContent()).toContain('推进到“现场复核”');
    const form = review.locator('form.round-form');
    await form.locator('label[data-department="dept-sthj"] input').check();
    await form.locator('label[data-department="dept-zrzy"] input').check();
    expect(await form.locator('input[type="date"]').inputValue()).toMatch(/^2026-12-\d\d$/);
    await form.locator('textarea').fill('请对钦江管理范围划定草案（第 1 版）提出意见');
    await toTop(form);
    await shot(page, 'path-01-planner-open-round');
    await form.locator('[data-action="open-round"]').click();
    const rounds = review.locator('.rounds > li[data-round]');
    await rounds.first().waitFor(LONG);
    round = Number(await rounds.first().getAttribute('data-round'));
    expect(await rounds.locator('li[data-state="waiting"]').count()).toBe(2);
    expect(await rounds.first().textContent()).toContain('等待反馈');
    // leaving 意见征求 is not open yet, and says why
    expect(await review.locator('[data-gate="leave"]').getAttribute('data-open')).toBe('false');
    await toTop(review);
    await shot(page, 'path-02-planner-round-open');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('市生态环境局 objects with a pin; 市自然资源局 never replies', async () => {
    const page = await person('dept-sthj');
    await page.locator(`.dept-rounds button[data-round="${round}"]`).click();
    const panel = page.locator(`.dept-round[data-round="${round}"]`);
    await expect.poll(() => drawn(page, 'draft-management'), LONG).toEqual(['reach-1']);
    await panel.locator('input[value="objection"]').check();
    await panel.locator('textarea').fill(OBJECTION);
    await panel.locator('button.pin').click();
    const box = await page.locator('[data-testid="map"]').boundingBox();
    if (!box) throw new Error('no map');
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.5);
    await panel.locator('.pinned').waitFor(LONG);
    await panel.locator('button[data-action="reply"]').click();
    await panel.locator('.reply.sent').waitFor(LONG);
    await shot(page, 'path-03-department-replied');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('after the deadline the planner answers, and the plan moves on to 现场复核', async () => {
    await restartAt(T1);
    // the department that never replied finds the form closed, with the reason
    const late = await person('dept-zrzy');
    await late.locator(`.dept-rounds button[data-round="${round}"]`).click();
    const closed = late.locator(`.dept-round[data-round="${round}"] [data-closed="late"]`);
    await closed.waitFor(LONG);
    expect(await closed.textContent()).toContain('未反馈视为无意见');
    await shot(late, 'path-04-department-late');
    await late.context().close();

    const page = await person('planner');
    await openPlan(page);
    const review = panelOf(page).locator('.review');
    const rows = review.locator(`.rounds > li[data-round="${round}"] li[data-department]`);
    await rows.first().waitFor(LONG);
    expect(await review.locator('li[data-state="lapsed"]').textContent()).toContain(
      '逾期未反馈，视为无意见',
    );
    const objection = review.locator('li[data-state="replied"]');
    expect(await objection.textContent()).toContain(OBJECTION);
    await objection.locator('[data-action="show-pin"]').click();
    await expect.poll(() => drawn(page, 'review-pins'), LONG).not.toEqual([]);
    expect(await review.locator('[data-gate="leave"]').getAttribute('data-open')).toBe('false');
    await objection.locator('input[value="partly"]').check();
    await objection.locator('textarea').fill('排水口处管理范围线已按实测调整');
    await toTop(objection);
    await shot(page, 'path-05-planner-answer');
    await objection.locator('button[type="submit"]').click();
    await objection.locator('.answer').waitFor(LONG);
    await expect
      .poll(() => review.locator('[data-gate="leave"]').getAttribute('data-open'), LONG)
      .toBe('true');
    await move(page, 'field-check', '意见征求完毕，请河长现场复核');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('高朴 signs off 现场复核 and 审核确定', async () => {
    const page = await person('gaopu', PHONE);
    await page.locator(`.work-list button[data-plan="${PLAN}"]`).tap();
    await panelOf(page).locator('.stage-now').waitFor(LONG);
    await move(page, 'review', '现场复核完成，同意划定');
    await move(page, 'deliverables', '审核确定');
    await shot(page, 'path-06-chief-signed');
    await page.context().close();
  }, 120_000);

  it('the planner starts 公示; a citizen gives an opinion on the public page', async () => {
    const page = await person('planner');
    await openPlan(page);
    const review = panelOf(page).locator('.review');
    await review.locator('[data-gate="publish"]').waitFor(LONG);
    expect(await review.locator('[data-gate="publish"]').getAttribute('data-open')).toBe('false');
    expect(await review.locator('.display-form input[type="number"]').inputValue()).toBe('7');
    await review.locator('[data-action="start-display"]').click();
    await review.locator('.display-period[data-state="open"]').waitFor(LONG);
    await toTop(review.locator('.review-display'));
    await shot(page, 'path-07-planner-display');
    await page.context().close();

    const citizen = await person(undefined, PHONE);
    await citizen.goto(`${server.url}/river/${encodeURIComponent('钦江')}`);
    const display = citizen.locator(`.plan-display[data-display="${PLAN}"]`);
    await display.waitFor(LONG);
    expect(await display.textContent()).toContain('公示中');
    await display.locator('textarea').fill(OPINION);
    await display.getByLabel('联系方式（可不填）').fill('0777-0000000');
    await display.locator('[data-action="send-opinion"]').tap();
    await display.locator('[data-opinion-sent]').waitFor(LONG);
    await toTop(display);
    await shot(citizen, 'path-08-citizen-thanks');
    await citizen.context().close();
  }, 120_000);

  it('after the period the planner answers the opinion and records a 合格 acceptance', async () => {
    await restartAt(T2);
    const page = await person('planner');
    await openPlan(page);
    const review = panelOf(page).locator('.review');
    await review.locator('.display-period[data-state="over"]').waitFor(LONG);
    const opinion = review.locator('.opinions li[data-opinion]');
    expect(await opinion.locator('.text').textContent()).toBe(OPINION);
    await opinion.locator('input[value="adopted"]').check();
    await opinion.locator('textarea').fill('将在村口增设公告牌');
    await opinion.locator('button[type="submit"]').click();
    await opinion.locator('.answer').waitFor(LONG);

    const form = review.locator('form.acceptance-form');
    await form.getByLabel('验收单位').fill('钦州市水利局');
    await form.getByLabel('验收组成员').fill('张三、李四、王五');
    await form.locator('input[value="pass"]').check();
    // a file that is not a PDF is refused in the browser, naming it
    await form.locator('input[type="file"]').setInputFiles({
      name: 'sheet.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('not a pdf at all'),
    });
    await form.locator('[data-action="accept"]').click();
    expect(await form.locator('[role="alert"]').textContent()).toContain(
      '“sheet.pdf”不是 PDF 文件',
    );
    await form.locator('input[type="file"]').setInputFiles({
      name: '验收意见（签字）.pdf',
      mimeType: 'application/pdf',
      buffer: signedPdf(),
    });
    await toTop(form);
    await shot(page, 'path-09-acceptance-form');
    await form.locator('[data-action="accept"]').click();
    const record = review.locator('.acceptances li[data-conclusion="pass"]');
    await record.waitFor(LONG);
    const pdf = await page.evaluate(
      async (href) => new Uint8Array(await (await fetch(href)).arrayBuffer()).length,
      (await record.locator('a').getAttribute('href')) ?? '',
    );
    expect(pdf).toBe(signedPdf().length);
    // the review is done; what still blocks publishing is the notice's authority and phone (issue 19)
    await expect
      .poll(() => review.locator('[data-gate="publish"]').textContent(), LONG)
      .toContain('请管理员在 管理 → 公告与公示 中设置发布机关和监督电话');
    expect(await review.locator('[data-gate="publish"]').getAttribute('data-open')).toBe('false');
    await toTop(review);
    await shot(page, 'path-10-ready-to-publish');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('the admin sets the authority and the phone; the planner publishes', async () => {
    const admin = await person('admin');
    await admin.click('header nav a:has-text("管理")');
    await admin.click('.admin-tabs button[data-section="notice"]');
    const settings = admin.locator('form.notice-settings');
    await settings.waitFor(LONG);
    expect(await settings.locator('[data-setting="noticeAuthority"]').textContent()).toContain(
      '尚未设置',
    );
    await settings.locator('[data-setting="noticeAuthority"] input').fill('钦州市人民政府');
    await settings.locator('[data-setting="supervisionPhone"] input').fill('0777-2822345');
    await shot(admin, 'path-11-admin-settings');
    await settings.locator('[data-action="save-notice"]').click();
    await settings.locator('[role="status"]').waitFor(LONG);
    await admin.context().close();

    const page = await person('planner');
    await openPlan(page);
    const panel = panelOf(page);
    await panel.locator('button[data-action="publish"]').click();
    await panel.locator('.publish-confirm textarea').fill('钦江管理范围划定公告');
    await panel.locator('button[data-action="publish-yes"]').click();
    await panel.locator('.stage-now[data-stage="published"]').waitFor(LONG);
    await panel.locator('.review-documents').waitFor(LONG);
    await toTop(panel.locator('.review-documents'));
    await shot(page, 'path-12-published');
    await page.context().close();
  }, 180_000);

  it('the public downloads the 公告 PDF; the archive matches its manifest', async () => {
    const visitor = await person(undefined);
    await visitor.goto(`${server.url}/river/${encodeURIComponent('钦江')}`);
    const link = `.plan-notice[data-notice="${PLAN}"] a[data-doc="notice-pdf"]`;
    await visitor.locator(link).waitFor(LONG);
    await shot(visitor, 'path-13-public-notice');
    const notice = await download(visitor, link);
    expect(notice.subarray(0, 5).toString()).toBe('%PDF-');
    await visitor.context().close();

    const page = await person('planner');
    await openPlan(page);
    const zip = await download(page, '.review-documents a[data-doc="archive"]');
    const files = unzipSync(new Uint8Array(zip));
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as unknown;
    const listed = manifestEntries(manifest);
    expect(listed.length).toBeGreaterThan(3);
    for (const { path, sha256 } of listed) {
      const bytes = files[path];
      expect(bytes, path).toBeDefined();
      expect(
        createHash('sha256')
          .update(bytes as Uint8Array)
          .digest('hex'),
        path,
      ).toBe(sha256);
    }
    await page.context().close();
  }, 180_000);
});

/** The files manifest.json lists with their SHA-256, whatever the list is called. */
function manifestEntries(manifest: unknown): { path: string; sha256: string }[] {
  const out: { path: string; sha256: string }[] = [];
  const visit = (v: unknown, key?: string) => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const path = o.path ?? o.name ?? o.file ?? key;
      if (typeof o.sha256 === 'string' && typeof path === 'string')
        out.push({ path, sha256: o.sha256 });
      else for (const [k, x] of Object.entries(o)) visit(x, k);
    }
  };
  visit(manifest);
  return out;
}
