// Files ready to hand over, in a real browser against the real server (issue 19): a surveyed GBK
// shapefile with Chinese fields is mapped in the import preview (名称 → 线类型, 堤防级别 → class…),
// the lines arrive typed, the confirmed mapping is offered again after a reload; exports carry
// distinct hand-over names and Chinese fields; the register filtered to 灵山县 exports to XLSX.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PLANNER, login } from '../helpers/accounts';
import { shotsDir } from '../helpers/browser';
import { unzipTo } from '../helpers/export-gis';
import { ogrToGeoJson, withTempDir } from '../helpers/gdal';
import {
  appUnderTest,
  DESKTOP,
  errorsOf,
  LONG,
  logIn,
  openPage,
  PHONE,
  textOf,
} from '../helpers/map-page';
import { editFeatures, saveVersion } from '../helpers/plan-writes';
import { surveyedShapefileZip } from '../helpers/surveyed-shapefile';

const app = appUnderTest();
const SHOTS = shotsDir('handover');
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const FIGURES: string[] = [];
afterAll(() => console.info(FIGURES.join('\n')));

/** 钦江's panel as the planner, its working copy loaded. */
async function openQinjiang(viewport = DESKTOP): Promise<Page> {
  const { page } = await openPage(app.browser, `${app.server.url}/plan/city-01`, { viewport });
  await logIn(page, 'planner', 'demo-planner');
  const mapTab = page.locator('.tabs [role="tab"]:has-text("地图")');
  if (await mapTab.isVisible()) await mapTab.click();
  await page.locator('.plan-panel[data-plan="city-01"] .import-files .working-copy').waitFor(LONG);
  return page;
}

async function importSurveyed(page: Page): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.click('.import-files button:has-text("导入测量数据")'),
  ]);
  await chooser.setFiles([
    {
      name: '钦江堤脚线.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(surveyedShapefileZip()),
    },
  ]);
  await page.locator('.import-dialog .field-mapping').waitFor(LONG);
}

const meansOf = (page: Page, field: string) =>
  page.locator(`.field-mapping li[data-field="${field}"] select`).inputValue();

async function saveDownload(download: Download, dir: string): Promise<string> {
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** The cells of an xlsx sheet as GDAL reads them (no header row: title, column names, rows). */
function xlsxRows(path: string): string[][] {
  const csv = execFileSync(
    'ogr2ogr',
    ['-f', 'CSV', '/vsistdout/', path, '-oo', 'HEADERS=DISABLE', '-oo', 'FIELD_TYPES=STRING'],
    { encoding: 'utf8' },
  );
  return csv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map((c) => c.replace(/^"|"$/g, '')));
}

describe('import: field mapping in the preview', () => {
  it('a Chinese shapefile is mapped, confirmed and arrives typed; the mapping is remembered', async () => {
    const page = await openQinjiang();
    await importSurveyed(page);
    // every field with its values and what it is read as
    expect(await meansOf(page, '名称')).toBe('role');
    expect(await meansOf(page, '堤防级别')).toBe('embankmentClass');
    expect(await meansOf(page, '河段')).toBe('reachName');
    expect(await meansOf(page, '管理宽度')).toBe('widthM');
    expect(await textOf(page, '.field-mapping li[data-field="堤防级别"] .values')).toBe(
      '取值：3、三级',
    );
    expect(await textOf(page, '.field-mapping > p.sub')).toContain('按字段名和取值推测');
    expect(await page.locator('.mapped-features li').allTextContents()).toEqual([
      '左岸堤脚线 · 3 级 · 管理宽度 20 米 · 城区段',
      '右岸堤脚线 · 3 级 · 管理宽度 20 米 · 城区段',
    ]);
    await page.locator('.field-mapping').scrollIntoViewIfNeeded();
    await shot(page, 'after-import-preview');
    // the planner does not want the file's widths: changed, and the features follow
    await page.locator('.field-mapping li[data-field="管理宽度"] select').selectOption('');
    expect(await textOf(page, '.mapped-features li')).toBe('左岸堤脚线 · 3 级 · 城区段');
    // a value that does not read is flagged: the class field read as a bank
    await page.locator('.field-mapping li[data-field="堤防级别"] select').selectOption('bank');
    expect(await textOf(page, '.mapping-flagged')).toContain('2 个要素有无法识别的取值');
    expect(await textOf(page, '.mapped-features li .problem')).toBe(
      '“3”不是岸别（应为 左岸/右岸、左/右、L/R）',
    );
    await page
      .locator('.field-mapping li[data-field="堤防级别"] select')
      .selectOption('embankmentClass');
    expect(await page.locator('.mapping-flagged').count()).toBe(0);
    await page.click('.import-dialog button:has-text("确认添加")');

    // typed in the working copy: roles and class as the file says
    const lines = page.locator('.plan-panel .edit-reaches button[data-feature]');
    await expect.poll(() => lines.count(), LONG).toBe(2);
    expect(await lines.locator('.role').allTextContents()).toEqual(['左岸堤脚线', '右岸堤脚线']);
    await lines.first().click();
    const form = page.locator('.plan-panel .line-form');
    expect(await form.locator('select[name="embankmentClass"]').inputValue()).toBe('3');
    await shot(page, 'after-import-added');
    expect(errorsOf(page)).toEqual([]);

    // a reload and the same fields again: the confirmed mapping (without the widths) is offered
    await page.reload();
    await page
      .locator('.plan-panel[data-plan="city-01"] .import-files .working-copy')
      .waitFor(LONG);
    await importSurveyed(page);
    expect(await textOf(page, '.field-mapping > p.sub')).toContain('已按你上次确认的对应关系');
    expect(await meansOf(page, '管理宽度')).toBe('');
    expect(await meansOf(page, '名称')).toBe('role');
    await page.click('.import-dialog button:has-text("取消")');
    await page.close();
  }, 90_000);
});

describe('import on a phone', () => {
  it('360 px: the field mapping fits the bottom sheet, nothing overflows sideways', async () => {
    const page = await openQinjiang(PHONE);
    await importSurveyed(page);
    const mapping = page.locator('.field-mapping');
    await mapping.scrollIntoViewIfNeeded();
    expect((await mapping.boundingBox())?.width).toBeLessThanOrEqual(360);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    for (const select of await mapping.locator('select').all()) {
      const box = await select.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
    }
    expect(await page.locator('.mapped-features li').count()).toBe(2);
    await shot(page, 'after-import-preview-phone');
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('export: hand-over names and the Chinese schema', () => {
  it('shapefile and CSV get distinct names with river, content, version, CRS, date; Chinese fields', async () => {
    const api = await login(app.server.url, DEMO_PLANNER);
    const version = await saveVersion(app.server.url, api, 'city-01', editFeatures(1), '交付');
    const page = await openQinjiang();
    const panel = page.locator('.plan-panel[data-plan="city-01"]');
    await panel.locator('.draft-compute button:has-text("计算")').click();
    await panel.locator('.draft-compute [data-row="markers"] dd').waitFor({ timeout: 60_000 });
    await panel.locator('.export-open').click();
    const dialog = page.locator('dialog.export-dialog');
    await dialog.waitFor(LONG);
    expect(await dialog.locator('select[name="schema"]').inputValue()).toBe('zh');
    expect(await dialog.locator('select[name="encoding"]').inputValue()).toBe('gbk');
    const stem = new RegExp(`^钦江_管理范围_v${version}_EPSG4545_\\d{8}$`);
    expect(await dialog.locator('.export-name').getAttribute('data-stem')).toMatch(stem);
    await shot(page, 'after-export-dialog');
    await withTempDir(async (dir) => {
      const run = async () => {
        const [d] = await Promise.all([
          page.waitForEvent('download'),
          dialog.locator('button[type="submit"]').click(),
        ]);
        return saveDownload(d, dir);
      };
      const shp = await run();
      await dialog.locator('select[name="format"]').selectOption('csv');
      const csv = await run();
      const names = [shp, csv].map((p) => p.split('/').at(-1) as string);
      FIGURES.push(`export names: ${names.join(' · ')}`);
      expect(names[0]).toMatch(new RegExp(`^钦江_管理范围_v${version}_EPSG4545_\\d{8}\\.zip$`));
      expect(names[1]).toMatch(
        new RegExp(`^钦江_管理范围坐标表CSV_v${version}_EPSG4545_\\d{8}\\.zip$`),
      );
      // the shapefile as GDAL reads it: Chinese field names and values
      const files = unzipTo(dir, new Uint8Array(readFileSync(shp)));
      const lines = ogrToGeoJson(
        join(dir, Object.keys(files).find((n) => n.endsWith('-lines.shp')) as string),
      );
      const p = lines.features[0]?.properties ?? {};
      expect(p).toMatchObject({ 河流: '钦江', 岸别: expect.stringMatching(/^(左岸|右岸)$/) });
      expect(p.图层).toMatch(/^(管理范围线|保护范围线)$/);
      expect(JSON.stringify(lines)).not.toMatch(/reach-\d|"left"|"management"|qinjiang/);
    });
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('register to Excel', () => {
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)
    it(`${label}: filtered to 灵山县, the XLSX holds the rows shown, in order, with a title`, async () => {
      const { page } = await openPage(app.browser, `${app.server.url}/`, { viewport });
      const phone = label === 'phone';
      // on a phone the register is the compact list, its dropdowns folded under 筛选 (issue 19)
      if (phone) await page.locator('.phone-filters summary').click();
      const filters = page.locator(phone ? '.phone-filters .filters' : '.filters');
      await filters.waitFor(LONG);
      await filters.locator('label:has-text("县区") select').selectOption({ label: '灵山县' });
      const rows = page.locator(phone ? '.plan-list button[data-plan]' : 'table.plans tbody tr');
      await expect.poll(() => rows.count(), LONG).toBe(8);
      const button = page.locator('button.register-export');
      await button.scrollIntoViewIfNeeded();
      expect(await button.textContent()).toBe('导出 Excel');
      await shot(page, `after-register-${label}`);
      const shown = phone
        ? await rows.evaluateAll((items) =>
            items.map((b) => [(b.textContent ?? '').replace(/\s+/g, ' ').trim()]),
          )
        : await rows.evaluateAll((trs) =>
            trs.map((tr) =>
              [...tr.querySelectorAll('td')].map((td) =>
                (td.textContent ?? '').replace(/\s+/g, ' ').trim(),
              ),
            ),
          );
      await withTempDir(async (dir) => {
        const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
        expect(d.suggestedFilename()).toMatch(/^钦州市_计划表_\d{8}\.xlsx$/);
        const sheet = xlsxRows(await saveDownload(d, dir));
        expect(sheet[0]?.[0]).toMatch(
          /^钦州市江河湖库管理范围划定计划表，导出日期 \d{4}-\d{2}-\d{2}$/,
        );
        expect(sheet[1]).toEqual([
          '序号',
          '江河湖库名称',
          '流域面积(km²)',
          '河长',
          '责任单位',
          '责任领导',
          '完成时间',
          '阶段',
          '状态',
          '上图',
        ]);
        const data = sheet.slice(2);
        expect(data).toHaveLength(8);
        // name, chief, unit, stage, status (overdue) and map as on screen, in the same order
        for (const [i, row] of data.entries()) {
          const cells = shown[i] as string[];
          // the compact list shows the name, stage and chief on one card, in the same order
          if (phone) {
            expect(cells[0]).toContain(row[1] as string);
            expect(cells[0]).toContain(row[3] as string);
            continue;
          }
          expect(row[0]).toBe(cells[0]);
          expect(cells[1]?.startsWith(row[1] as string)).toBe(true);
          expect([row[3], row[4], row[7], row[8], row[9]]).toEqual([
            cells[3],
            cells[4],
            cells[7],
            cells[8],
            cells[9],
          ]);
        }
        // 灵山县's plan due 2019-10-31, overdue by the days since then to today in China (UTC+8)
        const chinaToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
        const days = Math.round((Date.parse(chinaToday) - Date.parse('2019-10-31')) / 86_400_000);
        expect(data.map((r) => r[8])).toContain(`逾期 ${days} 天`);
      });
      expect(errorsOf(page)).toEqual([]);
      await page.close();
    }, 60_000);
});
