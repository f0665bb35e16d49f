// Import and export in a real browser against the real server, as `planner` on 钦江 (city-01):
// files dropped (a DataTransfer dispatched on the map) or picked, the confirmation (CRS and how it
// was known, encoding, axis swap, counts, warnings, refusals), the preview drawn on the map where the
// file says, the working copy; the export dialog's preselected zone, downloads read back by GDAL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLANNER, login } from '../helpers/accounts';
import { screenshot } from '../helpers/browser';
import { inGroup, LAYERS, maxDelta, unzipTo } from '../helpers/export-gis';
import { cs2csFeatures, flatPoints, nearestMax, ogrToGeoJson, withTempDir } from '../helpers/gdal';
import { dir, gbk, gdalShapefile, read, xy, zipDir } from '../helpers/import';
import { appUnderTest, errorsOf, logIn, openPage } from '../helpers/map-page';
import { editFeatures, saveVersion } from '../helpers/plan-writes';

const app = appUnderTest();

const DESKTOP = { width: 1366, height: 820 };
const PHONE = { width: 360, height: 740 };
const LONG = { timeout: 30_000 };
const FIGURES: string[] = [];
afterAll(() => console.info(FIGURES.join('\n')));

/** The planner's page with 钦江's panel open and its working copy loaded; resolves its size. */
async function openQinjiang(viewport = DESKTOP): Promise<{ page: Page; count: number }> {
  const { page } = await openPage(app.browser, `${app.server.url}/plan/city-01`, { viewport });
  await logIn(page, 'planner', 'demo-planner');
  const mapTab = page.locator('.tabs [role="tab"]:has-text("地图")');
  if (await mapTab.isVisible()) await mapTab.click();
  const section = page.locator('.plan-panel[data-plan="city-01"] .import-files');
  await section.locator('.working-copy').waitFor(LONG);
  return { page, count: await workingCopy(page) };
}

const workingCopy = async (page: Page) =>
  Number(await page.locator('.import-files').getAttribute('data-working-copy'));

const text = async (page: Page, selector: string) =>
  (await page.locator(selector).first().textContent(LONG)) ?? '';

/** Drags files over the map (the drop target shows), then drops them, as a app.browser does. */
async function dropFiles(
  page: Page,
  files: { name: string; bytes: Uint8Array }[],
  shot?: string,
): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, bytes: [...f.bytes] }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    (window as unknown as { dt: DataTransfer }).dt = dt;
    const map = document.querySelector('[data-testid="map"] canvas') as Element;
    for (const type of ['dragenter', 'dragover'])
      map.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
  await page.locator('.map-side .drop-target').waitFor(LONG);
  expect(await text(page, '.drop-target')).toContain('松开鼠标，导入到“钦江”的工作副本');
  if (shot) await screenshot(page, shot);
  await page.evaluate(() => {
    const dt = (window as unknown as { dt: DataTransfer }).dt;
    const map = document.querySelector('[data-testid="map"] canvas') as Element;
    map.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  expect(await page.locator('.drop-target').count()).toBe(0);
}

/** Picks files with the panel's 导入 button (the browser's file chooser). */
async function pickFiles(page: Page, files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.click('.import-files button:has-text("导入测量数据")'),
  ]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(
    files.map((f) => ({
      name: f.name,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(f.bytes),
    })),
  );
}

/** Ids drawn in a layer once the map has settled. */
const drawn = (page: Page, layer: string) =>
  page.evaluate(async (l) => {
    await window.hejieMap?.settled();
    return window.hejieMap?.renderedIds(l) ?? [];
  }, layer);

/** The layers drawn within 3 px of where a lon/lat is on screen (queryRenderedFeatures). */
const drawnAt = (page: Page, lonLat: Position) =>
  page.evaluate(async (p) => {
    const hm = window.hejieMap;
    if (!hm) return [];
    await hm.settled();
    const [x, y] = hm.project(p as [number, number]);
    // the maplibre map behind HejieMap (a test reads what is rendered; the app never does this)
    const map = (hm as unknown as { map: import('maplibre-gl').Map }).map;
    return map
      .queryRenderedFeatures([
        [x - 3, y - 3],
        [x + 3, y + 3],
      ])
      .map((f) => f.layer.id);
  }, lonLat);

const card = (page: Page) => page.locator('.import-dialog .import-file').first();

describe('import: GDAL-written GBK shapefile without .cpg (EPSG:4524)', () => {
  let shp = '';
  beforeAll(() => {
    shp = gdalShapefile('e2e4524', 'EPSG:4524');
  });
  const looseParts = () =>
    ['lines', 'survey', 'zones'].flatMap((layer) =>
      ['shp', 'shx', 'dbf', 'prj'].map((ext) => ({
        name: `${layer}.${ext}`,
        bytes: read(join(shp, `${layer}.${ext}`)),
      })),
    );

  it('dropped as loose parts: EPSG:4524 from .prj, GBK, previewed where the file says, added on 确认添加', async () => {
    const { page, count } = await openQinjiang();
    const t0 = Date.now();
    await dropFiles(page, looseParts(), 'files-drop-target');
    const c = card(page);
    await page.locator('.import-file[data-state="ok"]').waitFor(LONG);
    FIGURES.push(`drop → confirmation of 12 shapefile parts: ${Date.now() - t0} ms`);
    expect(await c.locator('h4').textContent()).toBe(
      'lines.shp .shx .dbf .prj · survey.shp .shx .dbf .prj · zones.shp .shx .dbf .prj',
    );
    expect(await c.locator('.import-crs').getAttribute('data-crs')).toBe('EPSG:4524');
    expect(await c.locator('.import-crs').textContent()).toContain('由 .prj 文件声明');
    expect(await c.locator('.import-encoding').textContent()).toBe('GBK');
    expect(await c.locator('.import-swap').textContent()).toBe('无');
    expect(await c.locator('.import-counts').textContent()).toBe('线 2 · 面 3 · 点 3');
    expect(await c.textContent()).toMatch(/108\.60000–109\.61235°E，21\.80000–22\.25123°N/);
    // the domain's own warnings, rendered in the UI's language
    expect(await c.locator('.hint li').allTextContents()).toContain(
      'lines 缺少 .cpg：属性按 GBK 读取（依据字节内容）；如文字显示乱码，请另行指定编码',
    );
    expect(await text(page, '.import-total')).toContain('将添加 2 条线、3 个面到工作副本');
    expect(await text(page, '.import-total')).toContain('3 个点不会添加');

    // drawn on the map before anything is added, where the file puts it
    await expect.poll(() => drawn(page, 'import-preview-line'), LONG).toHaveLength(2);
    expect(await drawn(page, 'import-preview-fill')).toHaveLength(3);
    expect(await drawn(page, 'import-preview-points')).toHaveLength(3);
    expect(await drawnAt(page, [108.612, 21.9561])).toContain('import-preview-line');
    expect(await drawnAt(page, [108.72, 21.99])).not.toContain('import-preview-line');
    await screenshot(page, 'files-import-confirm-desktop');

    await page.click('.import-dialog button:has-text("确认添加")');
    await expect.poll(() => workingCopy(page), LONG).toBe(count + 5);
    expect(await text(page, '.import-files [role="status"]')).toContain(
      '已添加 2 条线、3 个面到工作副本（尚未保存）',
    );
    expect(await text(page, '.import-files .working-copy')).toContain('有未保存的修改');
    expect(await page.locator('.import-dialog').count()).toBe(0);
    await expect.poll(() => drawn(page, 'import-preview-line'), LONG).toEqual([]);
    await screenshot(page, 'files-import-added');
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  });

  it('picked as a zip: the encoding override reads it again; 取消 adds nothing', async () => {
    const { page, count } = await openQinjiang();
    const zip = zipDir(shp, (f) => f.endsWith('.cpg') || !f.startsWith('lines'));
    await pickFiles(page, [{ name: '钦江测量.zip', bytes: zip }]);
    const c = card(page);
    await page.locator('.import-file[data-state="ok"]').waitFor(LONG);
    expect(await c.locator('h4').textContent()).toBe('钦江测量.zip');
    expect(await c.locator('.import-encoding').textContent()).toBe('GBK');
    await c.locator('select[name="encoding"]').selectOption('utf-8');
    await expect
      .poll(() => c.locator('.import-encoding').textContent(), LONG)
      .toBe('UTF-8（你指定）');
    expect(await c.locator('.import-counts').textContent()).toBe('线 2 · 面 0 · 点 0');
    await page.click('.import-dialog button:has-text("取消")');
    expect(await page.locator('.import-dialog').count()).toBe(0);
    expect(await workingCopy(page)).toBe(count);
    await expect.poll(() => drawn(page, 'import-preview-line'), LONG).toEqual([]);
    // a file dropped beside the map (on the plan list) is neither imported nor opened by the browser
    const opened = await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{}'], 'a.geojson'));
      const list = document.querySelector('.register') as Element;
      return list.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    });
    expect(opened).toBe(false);
    expect(await page.locator('.import-dialog').count()).toBe(0);
    await page.close();
  });

  it('6-digit eastings without .prj: asks for the CRS, names the zone that fits, then adds', async () => {
    const { page, count } = await openQinjiang();
    const zip = zipDir(
      gdalShapefile('e2e4545', 'EPSG:4545'),
      (f) => f.endsWith('.prj') || !f.startsWith('lines'),
    );
    await dropFiles(page, [{ name: 'gk.zip', bytes: zip }]);
    const c = card(page);
    await page.locator('.import-file[data-state="needs-crs"]').waitFor(LONG);
    expect(await c.locator('label:has(select[name="crs"])').textContent()).toContain(
      '需要你选择坐标系（选定后重新读取）：请选择……',
    );
    expect(await c.locator('[role="alert"]').textContent()).toMatch(
      /^6 位高斯-克吕格横坐标（如 图层 lines 的第 1 个要素（\d+\.\d+, \d+\.\d+））没有注明带号/,
    );
    expect(await c.locator('[role="alert"]').textContent()).toContain(
      '符合的选择是 --crs EPSG:4545',
    );
    expect(await c.locator('option[value="EPSG:4545"]').textContent()).toContain('（建议）');
    expect(await page.locator('.import-dialog button:has-text("确认添加")').isDisabled()).toBe(
      true,
    );
    expect(await drawn(page, 'import-preview-line')).toEqual([]);
    await screenshot(page, 'files-import-needs-crs');
    await c.locator('select[name="crs"]').selectOption('EPSG:4545');
    await page.locator('.import-file[data-state="ok"]').waitFor(LONG);
    expect(await c.locator('.import-crs').getAttribute('data-crs')).toBe('EPSG:4545');
    expect(await c.locator('.import-crs').textContent()).toContain('由你指定');
    await expect
      .poll(() => drawnAt(page, [108.612, 21.9561]), LONG)
      .toContain('import-preview-line');
    await page.click('.import-dialog button:has-text("确认添加")');
    await expect.poll(() => workingCopy(page), LONG).toBe(count + 2);
    await page.close();
  });
});

/** A TXT exchange file (GBK) with X and Y swapped: a polygon with a hole, a line, two points. */
function swappedTxt(): Uint8Array {
  const square = (lon: number, lat: number, d: number): Position[] => [
    [lon, lat],
    [lon + d, lat],
    [lon + d, lat + d],
    [lon, lat + d],
    [lon, lat],
  ];
  const row = (id: string, ring: number, p: Position) => {
    const [x, y] = xy('EPSG:4524', p);
    return `${id},${ring},${y},${x}`;
  };
  return gbk(
    [
      '[属性描述]',
      '坐标系=2000国家大地坐标系',
      '带号=36',
      '[地块坐标]',
      '10,4.1234,QJ01-GLFW,钦江 QJ01 管理范围面,面,,,,@',
      ...square(108.6, 21.95, 0.02).map((p, i) => row(`J${i + 1}`, 1, p)),
      ...square(108.605, 21.955, 0.005).map((p, i) => row(`J${i + 6}`, 2, p)),
      '3,0.0000,QJ01-GLX-L,钦江 QJ01 管理范围线,线,,,,@',
      ...[
        [108.6, 21.95],
        [108.605, 21.953],
        [108.612, 21.9561],
      ].map((p, i) => row(`J${i + 1}`, 1, p)),
      '2,0.0000,QJ01-GL-L,钦江 QJ01 界桩,点,,,,@',
      row('QJ01-GL-L-001', 1, [108.61, 21.951]),
      row('QJ01-GL-L-002', 1, [108.612, 21.952]),
      '',
    ].join('\r\n'),
  );
}

describe('import: coordinate table and a refused file', () => {
  it('a TXT with X/Y swapped shows the swap (15 of 15 points) and the 8-digit detection', async () => {
    const { page, count } = await openQinjiang();
    await dropFiles(page, [{ name: '钦江界线.txt', bytes: swappedTxt() }]);
    const c = card(page);
    await page.locator('.import-file[data-state="ok"]').waitFor(LONG);
    expect(await c.locator('.import-swap').textContent()).toBe(
      '15 / 15 个点的坐标顺序颠倒，已换回',
    );
    expect(await c.locator('.import-crs').getAttribute('data-crs')).toBe('EPSG:4524');
    expect(await c.locator('.import-crs').textContent()).toContain(
      '由 8 位东坐标（前两位为带号 36）判定',
    );
    expect(await c.locator('.import-encoding').textContent()).toBe('GBK');
    expect(await c.locator('.import-counts').textContent()).toBe('线 1 · 面 1 · 点 2');
    expect(await c.locator('.hint li').first().textContent()).toMatch(
      /^15 个点中有 15 个点的 X（北）与 Y（东）互换/,
    );
    await expect
      .poll(() => drawnAt(page, [108.605, 21.953]), LONG)
      .toContain('import-preview-line');
    await screenshot(page, 'files-import-swapped-txt');
    await page.click('.import-dialog button:has-text("确认添加")');
    await expect.poll(() => workingCopy(page), LONG).toBe(count + 2);
    await page.close();
  });

  it('a refused file shows the reason as the import gives it and adds nothing', async () => {
    const { page, count } = await openQinjiang();
    const gpx = new TextEncoder().encode('<?xml version="1.0"?><gpx version="1.1"></gpx>');
    await pickFiles(page, [{ name: 'route.kml', bytes: gpx }]);
    const c = card(page);
    await page.locator('.import-file[data-state="refused"]').waitFor(LONG);
    expect(await c.locator('[role="alert"]').textContent()).toBe(
      '无法导入，不会添加任何内容：route.kml 是 XML 但不是 KML（根元素为 <gpx>，而非 <kml>）',
    );
    expect(await text(page, '.import-total')).toContain('没有可以添加的线或面');
    expect(await page.locator('.import-dialog button:has-text("确认添加")').isDisabled()).toBe(
      true,
    );
    await screenshot(page, 'files-import-refused');
    await page.keyboard.press('Escape');
    expect(await page.locator('.import-dialog').count()).toBe(0);
    expect(await workingCopy(page)).toBe(count);
    await page.close();
  });

  it('on a phone (360 px): the drop, the confirmation in the bottom sheet, nothing overflows', async () => {
    const { page, count } = await openQinjiang(PHONE);
    await dropFiles(
      page,
      [{ name: '钦江界线.txt', bytes: swappedTxt() }],
      'files-drop-target-phone',
    );
    await page.locator('.import-file[data-state="ok"]').waitFor(LONG);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const box = await page.locator('.import-dialog').boundingBox();
    expect(box?.width).toBeLessThanOrEqual(360);
    await expect.poll(() => drawn(page, 'import-preview-line'), LONG).toHaveLength(1);
    await screenshot(page, 'files-import-confirm-phone');
    await page.locator('.import-dialog button:has-text("确认添加")').click();
    await expect.poll(() => workingCopy(page), LONG).toBe(count + 2);
    await page.close();
  });
});

describe('export of the computed draft', () => {
  it('preselects the zone and explains it; shapefile (GBK) and DXF read back by GDAL to 1 mm', async () => {
    const api = await login(app.server.url, DEMO_PLANNER);
    await saveVersion(app.server.url, api, 'city-01', editFeatures(1), '导出测试');

    const { page } = await openQinjiang();
    const panel = page.locator('.plan-panel[data-plan="city-01"]');
    expect(await panel.locator('.export-open').count()).toBe(0);
    await panel.locator('.draft-compute button:has-text("计算")').click();
    // 界桩 32 个、公告牌 4 块: boundary markers and notice boards, by kind
    const counted =
      (await panel
        .locator('.draft-compute [data-row="markers"] dd')
        .textContent({ timeout: 60_000 })) ?? '';
    const [, b = '0', n = '0'] = /^界桩 (\d+) 个、公告牌 (\d+) 块$/.exec(counted) ?? [];
    const markers = Number(b) + Number(n);
    await panel.locator('.export-open').click();
    const dialog = page.locator('dialog.export-dialog');
    await dialog.waitFor(LONG);
    expect(await dialog.locator('select[name="format"]').inputValue()).toBe('shp');
    expect(await dialog.locator('select[name="crs"]').inputValue()).toBe('auto');
    expect(await dialog.locator('select[name="crs"] option[value="auto"]').textContent()).toBe(
      '自动（EPSG:4545）',
    );
    expect(await dialog.locator('.crs-why').textContent()).toBe(
      '中心经度 108.58°E，位于中央子午线 108°E 的 3° 带（第 36 带）：EPSG:4545 CGCS2000 / 3-degree Gauss-Kruger CM 108E',
    );
    expect(await dialog.locator('.crs-crosses').count()).toBe(0);
    const layerCount = async (id: string) =>
      Number(await dialog.locator(`.count[data-layer="${id}"]`).textContent());
    // the compute summary counts boundary markers and notice boards by kind
    expect([await layerCount('marker'), await layerCount('notice-board')]).toEqual([
      Number(b),
      Number(n),
    ]);
    const counts = {
      zones: (await layerCount('management-zone')) + (await layerCount('protection-zone')),
      lines: (await layerCount('management-line')) + (await layerCount('protection-line')),
    };
    await dialog.locator('select[name="encoding"]').selectOption('gbk');
    await screenshot(page, 'files-export-dialog');

    // hand-over names: river, content, version, CRS and the China date (docs/exports.md)
    const save = async (pattern: RegExp) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dialog.locator('button[type="submit"]').click(),
      ]);
      const name = download.suggestedFilename();
      expect(name).toMatch(pattern);
      const path = join(dir, name);
      await download.saveAs(path);
      await dialog.locator(`[role="status"][data-file="${name}"]`).waitFor(LONG);
      return path;
    };
    const zip = await save(/^钦江_管理范围_v\d+_EPSG4545_\d{8}\.zip$/);
    await dialog.locator('select[name="format"]').selectOption('dxf');
    expect(await dialog.locator('select[name="encoding"]').count()).toBe(0);
    const dxf = await save(/^钦江_管理范围_v\d+_EPSG4545_\d{8}\.dxf$/);
    await dialog.locator('select[name="format"]').selectOption('geojson');
    expect(await dialog.locator('select[name="crs"]').isDisabled()).toBe(true);
    expect(await dialog.locator('.crs-why').textContent()).toBe(
      'GeoJSON (RFC 7946) 总是经纬度：EPSG:4490 CGCS2000',
    );
    const lonLat = JSON.parse(
      readFileSync(await save(/^钦江_管理范围_v\d+_EPSG4490_\d{8}\.geojson$/), 'utf8'),
    ) as FeatureCollection;
    expect(lonLat.features).toHaveLength(counts.zones + counts.lines + markers);
    await screenshot(page, 'files-export-done');

    withTempDir((tmp) => {
      const files = unzipTo(tmp, new Uint8Array(readFileSync(zip)));
      const stem = (zip.split('/').at(-1) as string).replace(/\.zip$/, '');
      expect(new TextDecoder().decode(files[`${stem}-lines.cpg`])).toBe('GBK');
      const shp = (kind: string) => ogrToGeoJson(join(tmp, `${stem}-${kind}.shp`));
      const lines = shp('lines');
      const polygons = shp('polygons');
      const points = shp('points');
      expect(lines.features).toHaveLength(counts.lines);
      expect(polygons.features).toHaveLength(counts.zones);
      expect(points.features).toHaveLength(markers);
      // GDAL decodes the GBK attributes by the .cpg
      // the Chinese deliverable schema: 图层, 河流…
      expect(new Set(lines.features.map((f) => f.properties?.图层))).toEqual(
        new Set(['管理范围线', '保护范围线']),
      );
      for (const [group, fc] of [
        ['lines', lines],
        ['polygons', polygons],
        ['points', points],
      ] as const) {
        const d = maxDelta(inGroup(lonLat, LAYERS[group]), fc, 'EPSG:4545');
        FIGURES.push(
          `shp ${group} vs cs2cs: max |Δ| ${(d.max * 1000).toFixed(3)} mm over ${d.n} vertices`,
        );
        expect(d.max).toBeLessThan(0.001);
      }
    });

    const cad = ogrToGeoJson(dxf, undefined, ['--config', 'DXF_ENCODING', 'UTF-8']);
    const rings = lonLat.features
      .filter((f) => f.geometry.type !== 'Point')
      .reduce(
        (n, f) =>
          n +
          (f.geometry.type === 'Polygon'
            ? f.geometry.coordinates.length
            : f.geometry.type === 'MultiPolygon'
              ? f.geometry.coordinates.flat().length
              : 1),
        0,
      );
    // rings and lines as LWPOLYLINE, each marker as a POINT and the TEXT of its number
    expect(cad.features).toHaveLength(rings + 2 * markers);
    const jzx = cad.features.filter((f) => f.properties?.Layer === 'JZX');
    expect(jzx).toHaveLength(
      lonLat.features.filter((f) => f.properties?.kind === 'management-line').length,
    );
    const ref = cs2csFeatures(
      'EPSG:4545',
      lonLat.features.filter((f) => f.properties?.kind === 'management-line'),
    ).flat();
    const got = jzx.flatMap((f) => flatPoints(f.geometry)).map((p) => p.slice(0, 2));
    const d = Math.max(nearestMax(got, ref), nearestMax(ref, got));
    FIGURES.push(
      `dxf JZX vs cs2cs: max |Δ| ${(d * 1000).toFixed(3)} mm over ${got.length} vertices`,
    );
    expect(d).toBeLessThan(0.001);
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  }, 180_000);

  it('on a phone (360 px): a character GBK cannot hold is refused as the export says; UTF-8 writes it', async () => {
    const api = await login(app.server.url, DEMO_PLANNER);
    // a reach named with 𠮷 (U+20BB7, outside GBK): the zones carry it as their reach name
    const features = editFeatures(2).map((f) => ({
      ...f,
      properties: { ...f.properties, reachName: '𠮷段' },
    }));
    await saveVersion(app.server.url, api, 'city-01', features);

    const { page } = await openQinjiang(PHONE);
    const panel = page.locator('.plan-panel[data-plan="city-01"]');
    await panel.locator('.draft-compute button:has-text("计算")').click();
    await panel.locator('.draft-compute [data-row="markers"] dd').waitFor({ timeout: 60_000 });
    await panel.locator('.export-open').click();
    const dialog = page.locator('dialog.export-dialog');
    await dialog.waitFor(LONG);
    expect((await dialog.boundingBox())?.width).toBeLessThanOrEqual(360);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await dialog.locator('select[name="encoding"]').selectOption('gbk');
    await dialog.locator('button[type="submit"]').click();
    const alert = dialog.locator('[role="alert"]');
    await alert.waitFor(LONG);
    expect(await alert.textContent()).toMatch(
      /^未能导出：.*“𠮷”（U\+20BB7.*无法用 GBK 编码，请改用 UTF-8/,
    );
    await alert.scrollIntoViewIfNeeded();
    await screenshot(page, 'files-export-gbk-refused-phone');
    await dialog.locator('select[name="encoding"]').selectOption('utf-8');
    expect(await dialog.locator('[role="alert"]').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.locator('button[type="submit"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^钦江_管理范围_v\d+_EPSG4545_\d{8}\.zip$/);
    await dialog.locator('[role="status"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'files-export-phone');
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  }, 180_000);
});
