// The admin console at /admin (issue 19), in chromium at 1366 × 820 and 360 × 740: accounts (create
// a planner for 灵山县, who logs in elsewhere; reset its password and disable it: its session ends),
// the rule table (a width out of range: the cell says why), 公告与公示 (publishing is refused until
// the authority and the phone are set, saying where; it passes after), 无权访问 for anyone else,
// and no serious or critical axe-core violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StageId } from '../../src/domain/workflow/stages';
import { login, type Session } from '../helpers/accounts';
import { screenshot, shotsDir } from '../helpers/browser';
import { consultOverHttp, DEMO_DEPARTMENT } from '../helpers/consult';
import { displayAndAcceptOverHttp } from '../helpers/display-accept';
import { DESKTOP, logIn, openPage } from '../helpers/map-page';
import { editFeatures } from '../helpers/plan-writes';
import { asEdit, errorsOf, LONG, PHONE, saveKitForFile } from '../helpers/save-browser';

const kit = saveKitForFile();
const SHOTS = shotsDir('admin');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A screenshot kept in the test results and, as `after-<name>`, for the note. */
async function shot(page: Page, name: string) {
  const path = await screenshot(page, `admin-${name}`);
  const { copyFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(path, `${SHOTS}/after-${name}.png`);
}

/** The serious and critical axe-core violations of the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown) => Promise<unknown> } }).axe;
    const r = (await axe.run({ include: [['.admin-console']] })) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** A page logged in as the demo admin, on the console's `section`. */
async function openConsole(viewport: { width: number; height: number }, section: string) {
  const { page, context } = await openPage(kit.browser, kit.server.url, { viewport });
  await logIn(page, 'admin', 'demo-admin');
  await page.locator('header nav a:has-text("管理")').click();
  await page.locator(`.admin-tabs button[data-section="${section}"]`).click();
  return { page, context };
}

/** Walks a plan forward over HTTP, each step by the role that owns it. */
async function advance(planId: string, chief: Session, stages: StageId[]) {
  for (const to of stages) {
    const who = to === 'review' || to === 'deliverables' ? chief : kit.planner;
    if (to === 'field-check') {
      const department = await login(kit.server.url, DEMO_DEPARTMENT);
      await consultOverHttp(
        kit.server.url,
        { planner: kit.planner, department },
        planId,
        DEMO_DEPARTMENT.username,
      );
    }
    const res = await kit.api(who, 'POST', `/api/plans/${planId}/stage`, { to });
    expect(res.status, `${planId} → ${to}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

describe('the admin console', () => {
  it('publishing is refused until the authority and phone are set in 管理 → 公告与公示, then passes', async () => {
    await kit.saveOverHttp(kit.planner, 'city-01', asEdit(editFeatures(0)), '钦江');
    const gaopu = await login(kit.server.url, {
      username: 'gaopu',
      password: 'demo-gaopu',
      role: 'chief',
    });
    await advance('city-01', gaopu, [
      'base-map',
      'draft',
      'consultation',
      'field-check',
      'review',
      'deliverables',
    ]);
    const later = await displayAndAcceptOverHttp(kit.server.url, kit.planner, 'city-01', 1, {
      publishSettings: false,
    });
    await kit.restart({ HEJIE_NOW: later });

    // the planner sees why before pressing, and the refusal says where to set them
    const planner = await kit.open(DESKTOP);
    await kit.openPlan(planner, 'city-01', null);
    const panel = planner.locator('.plan-panel[data-plan="city-01"]');
    const where = '请管理员在 管理 → 公告与公示 中设置发布机关和监督电话';
    await expect
      .poll(() => panel.locator('[data-gate="publish"]').textContent(), LONG)
      .toContain(where);
    await panel.locator('button[data-action="publish"]').click();
    await panel.locator('button[data-action="publish-yes"]').click();
    const refused = panel.locator('.publish-result');
    await expect.poll(() => refused.textContent(), LONG).toContain(where);
    await refused.scrollIntoViewIfNeeded();
    await shot(planner, 'publish-refused-desktop');

    // the admin sets them on a phone: 尚未设置 until then, a bad phone is refused at its field
    const { page: admin, context } = await openConsole(PHONE, 'notice');
    const authority = admin.locator('[data-setting="noticeAuthority"]');
    await expect.poll(() => authority.textContent(), LONG).toContain('尚未设置');
    await authority.locator('input').fill('钦州市人民政府');
    const phone = admin.locator('[data-setting="supervisionPhone"]');
    await phone.locator('input').fill('请拨打水利局');
    await admin.locator('button[data-action="save-notice"]').click();
    await expect
      .poll(() => phone.locator('.field-problem').textContent(), LONG)
      .toBe('监督电话只能包含数字、空格和 + - ( )，3–30 个字符，例如 0777-2822222');
    expect(await phone.locator('input').getAttribute('aria-invalid')).toBe('true');
    await phone.locator('input').fill('0777-2822222');
    await admin.locator('button[data-action="save-notice"]').click();
    await expect
      .poll(() => admin.locator('.notice-settings [role="status"]').textContent(), LONG)
      .toBe('已保存。');
    expect(await authority.textContent()).not.toContain('尚未设置');
    await admin.locator('.notice-settings [role="status"]').scrollIntoViewIfNeeded();
    await shot(admin, 'notice-phone');
    expect(await admin.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBe(0);
    expect(errorsOf(admin)).toEqual([]);
    await context.close();

    // and the planner publishes
    await planner.reload();
    await planner.locator('.plan-panel[data-plan="city-01"] .save-bar').waitFor(LONG);
    await expect
      .poll(() => panel.locator('[data-gate="publish"]').getAttribute('data-open'), LONG)
      .toBe('true');
    await panel.locator('button[data-action="publish"]').click();
    await panel.locator('button[data-action="publish-yes"]').click();
    await expect
      .poll(() => panel.locator('.publish [role="status"]').textContent(), LONG)
      .toMatch(/已公告第 1 版/);
    expect(errorsOf(planner)).toEqual([]);
    await planner.close();
  }, 180_000);

  it('creates a planner for 灵山县 who logs in; a new password and disabling end its session', async () => {
    const { page, context } = await openConsole(DESKTOP, 'accounts');
    const create = page.locator('form.account-create');
    await create.getByLabel('用户名').fill('lingshan-e2e');
    await create.getByLabel('姓名').fill('灵山规划员');
    await create.getByLabel('角色').selectOption('planner');
    await create.getByLabel('按县区').check();
    await create.getByLabel('灵山县').check();
    await create.getByLabel('初始密码（至少 10 个字符）').fill('short');
    await create.locator('button[data-action="create-account"]').click();
    // the server's rule, at its field, in Chinese
    const pw = create.locator('[data-field="password"] .field-problem');
    await expect.poll(() => pw.textContent(), LONG).toBe('密码至少 10 个字符');
    await create.getByLabel('初始密码（至少 10 个字符）').fill('lingshan-password-1');
    await create.locator('button[data-action="create-account"]').click();
    await expect
      .poll(() => create.locator('[role="status"]').textContent(), LONG)
      .toBe('已创建账号 lingshan-e2e。');
    const row = page.locator('tr[data-username="lingshan-e2e"]');
    expect(await row.textContent()).toContain('县区：灵山县');

    // the planner logs in in another browser
    const other = await openPage(kit.browser, kit.server.url, { viewport: DESKTOP });
    await logIn(other.page, 'lingshan-e2e', 'lingshan-password-1');
    await other.page.locator('.work-list').waitFor(LONG);
    expect(await other.page.locator('header nav').textContent()).toContain('灵山规划员');
    expect(await other.page.locator('header nav a:has-text("管理")').count()).toBe(0);

    // a new password ends its session
    await row.locator('button[data-action="edit-account"]').click();
    const edit = page.locator('form.account-edit');
    await edit.getByLabel('新密码（至少 10 个字符；留空则不修改）').fill('lingshan-password-2');
    await edit.locator('button[data-action="reset-password"]').click();
    await expect
      .poll(() => edit.locator('[role="status"]').textContent(), LONG)
      .toContain('已为 lingshan-e2e 设置新密码');
    await other.page.reload();
    await other.page.locator('header nav button:has-text("登录")').waitFor(LONG);
    await logIn(other.page, 'lingshan-e2e', 'lingshan-password-2');
    await other.page.locator('.work-list').waitFor(LONG);

    // disabling ends it at once, and it cannot log in again
    await edit.locator('button[data-action="disable-account"]').click();
    await expect
      .poll(() => edit.locator('[role="status"]').textContent(), LONG)
      .toContain('已停用 lingshan-e2e');
    expect(await row.locator('[data-disabled="true"]').textContent()).toBe('已停用');
    await shot(page, 'accounts-desktop');
    await other.page.reload();
    await other.page.locator('header nav button:has-text("登录")').waitFor(LONG);
    await logIn(other.page, 'lingshan-e2e', 'lingshan-password-2');
    await expect
      .poll(() => other.page.locator('dialog.login').textContent(), LONG)
      .toContain('该账号已停用');
    await other.context.close();

    expect(await axeViolations(page)).toEqual([]);
    for (const section of ['rules', 'notice', 'coordinates', 'audit']) {
      await page.locator(`.admin-tabs button[data-section="${section}"]`).click();
      await page.locator('.admin-body h3').first().waitFor(LONG);
      expect(await axeViolations(page), section).toEqual([]);
    }
    // the audit log names what happened to the account, newest first
    await page.getByLabel('对象包含').fill('lingshan-e2e');
    await page.locator('.audit-filter button').click();
    const actions = () =>
      page
        .locator('.audit-table tbody tr')
        .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.action));
    await expect.poll(async () => (await actions())[0], LONG).toBe('user.login-failed');
    expect(await actions()).toEqual(expect.arrayContaining(['user.create', 'user.update']));
    // details read as pairs, not as JSON
    const details = await page.locator('.audit-table code.detail').allTextContents();
    expect(details.join('\n')).not.toMatch(/[{}"]/);
    expect(details.join('\n')).toMatch(/\S+：\S+/);
    expect(details.join('\n')).toContain('reason：账号已停用');
    await shot(page, 'audit-desktop');
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('a rule-table width out of range is refused, and the cell says why (phone)', async () => {
    const { page, context } = await openConsole(PHONE, 'rules');
    const row = page.locator('tr[data-row="toe.5"]');
    await row.getByLabel('4级以下堤防 护堤地 最大宽度（m）').fill('600');
    await page.locator('button[data-action="save-rules"]').click();
    await expect
      .poll(() => page.locator('[data-problem-of="toe.5"] .cell-problem').textContent(), LONG)
      .toContain('宽度范围须满足 0 ≤ 最小值 ≤ 最大值 ≤ 500 m');
    expect(
      await row.getByLabel('4级以下堤防 护堤地 最大宽度（m）').getAttribute('aria-invalid'),
    ).toBe('true');
    await row.scrollIntoViewIfNeeded();
    await shot(page, 'rules-phone');
    // nothing was saved
    const table = (await (await fetch(`${kit.server.url}/api/rules`)).json()) as {
      toe: Record<string, { max: number }>;
    };
    expect(table.toe['5']?.max).toBe(15);
    // another admin saves a table meanwhile: this edit is refused as stale, and the newest is shown
    const other = await kit.api(kit.admin, 'PUT', '/api/rules', { ...table, version: '2' });
    expect(other.status).toBe(200);
    await row.getByLabel('4级以下堤防 护堤地 最大宽度（m）').fill('15');
    await page.locator('button[data-action="save-rules"]').click();
    await expect
      .poll(
        () =>
          page
            .locator('.rules-form > [role="status"], .rules-form > .problem')
            .last()
            .textContent(),
        LONG,
      )
      .toBe('规则表已被他人修改，请重新载入后再修改。已重新载入最新内容，请核对后再保存。');
    expect(await page.getByLabel('版本').inputValue()).toBe('2');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('anyone else reads 无权访问: the public is asked to log in, a planner is told it is for admins', async () => {
    const { page, context } = await openPage(kit.browser, `${kit.server.url}/admin`, {
      viewport: PHONE,
    });
    const denied = page.locator('.admin-denied');
    await expect.poll(() => denied.textContent(), LONG).toContain('无权访问');
    expect(await denied.textContent()).toContain('请用管理员账号登录');
    await shot(page, 'denied-phone');
    await denied.locator('button:has-text("登录")').click();
    const dialog = page.locator('dialog.login');
    await dialog.getByLabel('用户名').fill('planner');
    await dialog.getByLabel('密码').fill('demo-planner');
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => denied.textContent(), LONG).toContain('管理页面只对管理员账号开放');
    expect(await page.locator('header nav a:has-text("管理")').count()).toBe(0);
    const users = await page.evaluate(async () => (await fetch('/api/users')).status);
    expect(users).toBe(403);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);
});
