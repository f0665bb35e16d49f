// The flood-line tool in a real browser (issue 16): a planner uploads a DEM (written with GDAL from a
// V-valley formula, plainly fake) and a levels table, previews, confirms the warning, accepts; the
// zone engine computes the management range from the two bank lines, and the saved version has
// them with source 'floodline'. Screenshots in docs/screenshots/issue-16/.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projector } from '../../src/domain/crs/crs';
import { screenshot } from '../helpers/browser';
import { ascToTiff, writeAsc } from '../helpers/floodline-dem';
import { ROOT } from '../helpers/register';
import { errorsOf, LONG, saveKitForFile, saveState } from '../helpers/save-browser';

const kit = saveKitForFile();
const dir = mkdtempSync(join(tmpdir(), 'hejie-e2e-floodline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const X0 = 562_000;
const Y0 = 2_434_000;
const gk = projector('EPSG:4545');
const SHOTS = join(ROOT, 'docs/screenshots/issue-16');

async function shot(page: Parameters<typeof screenshot>[0], name: string) {
  const path = await screenshot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(path, join(SHOTS, `${name}.png`));
}

describe('flood lines in the editor', () => {
  it('uploads a DEM and levels, previews, accepts, computes the range and saves', async () => {
    const dem = ascToTiff(
      writeAsc(dir, 'valley', {
        originX: X0 - 200,
        originY: Y0 + 400,
        cell: 2,
        width: 700,
        height: 400,
        z: (_x, y) => 10 + 0.05 * Math.abs(y - Y0),
      }),
      'EPSG:4545',
      true,
    );
    const levels = join(dir, 'levels.csv');
    // rising downstream by 0.2 m: a warning the planner must confirm
    writeFileSync(levels, '里程,水位\n0,15\n1000,15.2\n');
    const centre = join(dir, 'centreline.geojson');
    writeFileSync(
      centre,
      JSON.stringify({
        type: 'Feature',
        properties: { synthetic: true },
        geometry: {
          type: 'LineString',
          coordinates: [gk.inverse([X0, Y0]), gk.inverse([X0 + 1000, Y0])],
        },
      }),
    );

    const page = await kit.open();
    await kit.openPlan(page, 'city-02', null);
    await page.click('button[data-action="floodline"]');
    await page.setInputFiles('.floodline-tool input[name="dem"]', dem);
    await page.setInputFiles('.floodline-tool input[name="centreline"]', centre);
    await page.fill('.floodline-tool input[name="maxWidth"]', '500');
    // a level the valley cannot hold: the error names the chainages, nothing is previewed
    const high = join(dir, 'high.csv');
    writeFileSync(high, '里程,水位\n0,40\n1000,40\n');
    await page.setInputFiles('.floodline-tool input[name="levels"]', high);
    await page.click('button[data-action="floodline-compute"]');
    const problem = page.locator('.floodline-tool .problem');
    await problem.waitFor(LONG);
    expect(await problem.textContent()).toMatch(/里程 \d+–\d+ 米处水面与地面/);
    expect(await page.locator('.floodline-preview').count()).toBe(0);
    await shot(page, 'floodline-error');

    await page.setInputFiles('.floodline-tool input[name="levels"]', levels);
    await page.click('button[data-action="floodline-compute"]');
    await page.locator('.floodline-preview').waitFor(LONG);
    const text = (await page.locator('.floodline-preview').textContent()) ?? '';
    expect(text).toContain('水位沿程向下游升高');
    expect(text).toContain('EPSG:4545');
    const accept = page.locator('button[data-action="floodline-accept"]');
    expect(await accept.isDisabled()).toBe(true);
    await page.check('.floodline-warnings input[name="confirm"]');
    await page.evaluate(() => window.hejieMap?.settled());
    await shot(page, 'floodline-preview');
    await accept.click();
    await page.locator('.floodline-done').waitFor(LONG);
    await expect.poll(() => saveState(page), LONG).toBe('dirty');

    // the zone engine takes the two bank lines like any others
    await page.locator('.draft-compute button:has-text("计算")').click();
    const drawn = () =>
      page.evaluate(async () => {
        await window.hejieMap?.settled();
        return (window.hejieMap?.renderedIds('draft-management') ?? []).sort();
      });
    await expect.poll(drawn, LONG).not.toEqual([]);
    await shot(page, 'floodline-accepted-computed');

    await page.fill('#save-comment', '由地形计算洪水线（合成测试数据）');
    await page.click('.save-bar button[data-action="save"]');
    await expect.poll(() => saveState(page), LONG).toBe('saved');
    const v = await kit.newest('city-02');
    const banks = v.features.filter((f) => f.properties?.source === 'floodline');
    expect(banks.map((f) => f.properties?.role).sort()).toEqual(['bank-left', 'bank-right']);
    expect(banks[0]?.properties?.demName).toBe('valley.tiled.tif');
    expect(banks[0]?.properties?.demCellSize).toBe(2);
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  }, 180_000);
});
