// The Chinese deliverable schema: a shapefile exported by default (zh, GBK) read back by GDAL has
// Chinese field names and values (河流 钦江, 类型 管理范围, 岸别 左岸, 河段 城区段), never an id,
// pinyin or English; the hand-over file names carry river, content, version, CRS and China date.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../src/cli/export';
import { deliverableNaming } from '../../src/contract/messages/deliverable-naming';
import {
  chineseFields,
  nameRiverAndReaches,
} from '../../src/domain/formats/export/deliverable-schema';
import { exportFeatures } from '../../src/domain/formats/export/export-features';
import { chinaDate, deliverableStem } from '../../src/domain/text/file-stem';
import { zh as registerExportZh } from '../../src/ui/register/messages-register-export';
import { englishSentences } from '../helpers/english-sentences';
import { allInputs, unzipTo } from '../helpers/export-gis';
import { ogrinfo, ogrToGeoJson, withTempDir } from '../helpers/gdal';

/** The test inputs as the engine writes them: river ids in pinyin, reaches by id (one named). */
function engineLike(): FeatureCollection {
  const fc = allInputs();
  const reaches = new Map<string, string>();
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f): Feature => {
      const p = { ...f.properties };
      if (typeof p.reach === 'string') {
        if (!reaches.has(p.reach)) reaches.set(p.reach, `reach-${reaches.size + 1}`);
        p.reach = reaches.get(p.reach);
        if (p.reach === 'reach-1') p.reachName = '城区段';
      }
      if ('river' in p) p.river = 'qinjiang';
      return { ...f, properties: p };
    }),
  };
}

const ENGLISH_VALUES =
  /^(management|protection|left|right|toe|bank|boundary|notice-board|main|bend|end|interval|qinjiang|reach-\d+|true|false|T|F)$/;

describe('Chinese deliverable schema', { timeout: 60_000 }, () => {
  it('a default shapefile read by GDAL: Chinese field names ≤ 10 GBK bytes and Chinese values', () => {
    const input = engineLike();
    const before = JSON.stringify(input);
    const r = exportFeatures(input, {
      format: 'shp',
      crs: 'auto',
      encoding: 'gbk',
      baseName: '钦江_管理范围',
      schema: 'zh',
      naming: deliverableNaming('钦江'),
    });
    expect(JSON.stringify(input)).toBe(before);
    if (!r.ok) throw new Error('export failed');
    withTempDir((dir) => {
      unzipTo(dir, (r.files[0] as { bytes: Uint8Array }).bytes);
      const read = (kind: string) => ogrToGeoJson(join(dir, `钦江_管理范围-${kind}.shp`));
      const polygons = read('polygons');
      const lines = read('lines');
      const points = read('points');
      const zone = polygons.features.find((f) => f.properties?.类型 === '管理范围');
      expect(zone?.properties).toMatchObject({
        图层: '管理范围面',
        河流: '钦江',
        河段: '城区段',
        类型: '管理范围',
        左岸线别: expect.stringMatching(/^(堤脚线|临水线)$/),
        示例: expect.stringMatching(/^(是|否)$/),
      });
      expect(typeof zone?.properties?.面积平方米).toBe('number');
      expect(typeof zone?.properties?.左管理宽度).toBe('number');
      expect(new Set(polygons.features.map((f) => f.properties?.类型))).toContain('保护范围');
      // reaches without a name are numbered as people read them
      expect(polygons.features.map((f) => f.properties?.河段)).toContain('第 2 段');
      const line = lines.features.find((f) => f.properties?.类型 === '管理范围线');
      expect(line?.properties).toMatchObject({ 图层: '管理范围线', 图层代码: 'JZX', 岸别: '左岸' });
      const marker = points.features.find((f) => f.properties?.类别 === '界桩');
      expect(marker?.properties).toMatchObject({
        国标代码: 301000,
        编号: 'QJ01-GL-L-001',
        线别: '管理范围线',
        岸别: '左岸',
        类型: '主桩',
        里程米: 150.25,
      });
      expect(points.features.map((f) => f.properties?.类别)).toContain('公告牌');
      for (const fc of [polygons, lines, points])
        for (const f of fc.features)
          for (const [k, v] of Object.entries(f.properties ?? {})) {
            expect(k, 'no cut-off English field').not.toMatch(/^(ruleVersio|leftProtec|FIELD\d)/);
            if (typeof v === 'string') expect(v, k).not.toMatch(ENGLISH_VALUES);
          }
      // ogrinfo lists the field names as GDAL decodes them from the GBK header
      const info = ogrinfo(
        '-so',
        join(dir, '钦江_管理范围-polygons.shp'),
        '钦江_管理范围-polygons',
      );
      for (const name of ['河流', '河段', '类型', '左管理宽度', '左保护宽度', '面积平方米'])
        expect(info).toContain(`${name}:`);
    });
  });

  it('the internal English schema stays available', () => {
    const r = exportFeatures(engineLike(), {
      format: 'shp',
      crs: 'auto',
      encoding: 'utf-8',
      baseName: 'x',
      schema: 'en',
    });
    if (!r.ok) throw new Error('export failed');
    withTempDir((dir) => {
      unzipTo(dir, (r.files[0] as { bytes: Uint8Array }).bytes);
      const lines = ogrToGeoJson(join(dir, 'x-lines.shp'));
      expect(lines.features[0]?.properties).toMatchObject({ LAYER: '管理范围线', bank: 'left' });
    });
  });

  it('names and values are mapped without touching the input; unknown keys pass through', () => {
    const f: Feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [108.6, 21.9] },
      properties: { reach: 'reach-1', river: 'qinjiang', bank: 'right', 名称: '甲', moved: true },
    };
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [f] };
    const named = nameRiverAndReaches(fc, deliverableNaming('钦江'));
    expect(chineseFields(named).features[0]?.properties).toEqual({
      河段: '第 1 段',
      河流: '钦江',
      岸别: '右岸',
      名称: '甲',
      已移动: '是',
    });
    expect(f.properties?.reach).toBe('reach-1');
  });

  it('hand-over names: river, content, version, CRS, China date; CSV and SHP never share one', async () => {
    expect(chinaDate(new Date('2026-12-02T15:59:59Z'))).toBe('20261202');
    expect(chinaDate(new Date('2026-12-02T16:00:00Z'))).toBe('20261203');
    expect(
      deliverableStem({
        river: '钦江',
        content: '管理范围',
        version: 3,
        crs: 'EPSG:4545',
        at: new Date('2026-12-02T03:00:00Z'),
      }),
    ).toBe('钦江_管理范围_v3_EPSG4545_20261202');
    expect(deliverableStem({ river: '钦州市', content: '计划表', at: new Date(0) })).toBe(
      '钦州市_计划表_19700101',
    );
    await withTempDir(async (dir) => {
      writeFileSync(join(dir, 'in.geojson'), JSON.stringify(engineLike()));
      const out: string[] = [];
      for (const format of ['shp', 'csv'])
        expect(
          await runExport(
            [
              join(dir, 'in.geojson'),
              '--format',
              format,
              '--river',
              '钦江',
              '--version',
              '3',
              '-o',
              `${dir}/`,
            ],
            (s) => out.push(s),
            () => {},
            'zh',
          ),
        ).toBe(0);
      const today = chinaDate(new Date());
      const names = readdirSync(dir)
        .filter((n) => n !== 'in.geojson')
        .sort();
      expect(names).toEqual(
        [
          `钦江_管理范围_v3_EPSG4545_${today}.zip`,
          `钦江_管理范围坐标表CSV_v3_EPSG4545_${today}.zip`,
        ].sort(),
      );
      const csvZip = unzipSync(
        readFileSync(join(dir, names.find((n) => n.includes('CSV')) as string)),
      );
      const table = new TextDecoder('utf-8').decode(Object.values(csvZip)[0]);
      expect(table).toMatch(/,钦江,(城区段|第 \d+ 段),管理范围线,左岸,主桩,/);
      expect(table).not.toMatch(/qinjiang|reach-1/);
      // --schema en: the internal English fields; an unknown schema is a usage error
      const err: string[] = [];
      expect(
        await runExport(
          [join(dir, 'in.geojson'), '--format', 'shp', '--schema', 'fr', '-o', `${dir}/x.zip`],
          () => {},
          (s) => err.push(s),
          'zh',
        ),
      ).toBe(2);
      expect(err.join('\n')).toContain('--schema 只能是以下之一：zh, en');
    });
  });

  it("the register export's own Chinese messages have no English sentence", () => {
    const leaks = Object.values(registerExportZh).flatMap((text) => englishSentences(text));
    expect(leaks).toEqual([]);
  });
});
