// Works inside the river (涉水工程) in the exports: a plan's works (a 泵站 point, a 水闸 axis, a 码头
// footprint; synthetic) go out with their type, name and whether their type's range is set — never
// a width. GDAL reads the shapefile, DXF, KML and GeoJSON back.
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { deliverableNaming } from '../../src/contract/messages/deliverable-naming';
import { exportFeatures } from '../../src/domain/formats/export/export-features';
import { workFeatures } from '../../src/domain/works/work-features';
import { unzipTo } from '../helpers/export-gis';
import { ogrinfo, ogrToGeoJson, withTempDir, writeFiles } from '../helpers/gdal';

const work = (geometry: Feature['geometry'], properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  geometry,
  properties: { reach: 'reach-1', role: 'work', synthetic: true, ...properties },
});

/** A synthetic version: a toe line, three works (one without a name: left out), clearly fake. */
const version: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [108.6, 21.95],
          [108.61, 21.95],
        ],
      },
      properties: { reach: 'reach-1', role: 'toe-left', embankmentClass: 3 },
    },
    work(
      { type: 'Point', coordinates: [108.603, 21.951] },
      {
        workType: 'pumping-station',
        name: '合成泵站（测试）',
      },
    ),
    work(
      {
        type: 'LineString',
        coordinates: [
          [108.605, 21.9495],
          [108.605, 21.9525],
        ],
      },
      { workType: 'sluice', name: '合成水闸（测试）' },
    ),
    work({ type: 'Point', coordinates: [108.607, 21.951] }, { workType: 'wharf', name: '' }),
  ],
};

/** The rule table sets a 泵站's range (25 m all round), not a 水闸's. */
const ranges = { 'pumping-station': { aroundM: 25 } } as never;

const exported = (format: 'shp' | 'dxf' | 'kml' | 'geojson', schema: 'zh' | 'en') => {
  const r = exportFeatures(
    { type: 'FeatureCollection', features: workFeatures(version, ranges) },
    {
      format,
      crs: format === 'kml' || format === 'geojson' ? 'EPSG:4490' : 'EPSG:4545',
      encoding: format === 'shp' ? 'gbk' : 'utf-8',
      baseName: 'works',
      schema,
      naming: deliverableNaming('合成河'),
    },
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.files;
};

describe('works in the exports', { timeout: 60_000 }, () => {
  it('lists each named, typed work with its type and whether its range is set', () => {
    const fs = workFeatures(version, ranges);
    expect(fs.map((f) => [f.geometry.type, f.properties])).toEqual([
      [
        'Point',
        {
          kind: 'work',
          workType: 'pumping-station',
          name: '合成泵站（测试）',
          reach: 'reach-1',
          reachName: null,
          rangeSet: true,
        },
      ],
      [
        'LineString',
        {
          kind: 'work',
          workType: 'sluice',
          name: '合成水闸（测试）',
          reach: 'reach-1',
          reachName: null,
          rangeSet: false,
        },
      ],
    ]);
    // never a width: the range is the rule table's
    expect(JSON.stringify(fs)).not.toMatch(/aroundM|widthM/);
  });

  it('shapefile (zh, GBK) read by GDAL: 类型 涉水工程, 工程类型 泵站/水闸, 名称, 范围已设 是/否', () => {
    const [zip] = exported('shp', 'zh');
    withTempDir((dir) => {
      unzipTo(dir, (zip as { bytes: Uint8Array }).bytes);
      const points = ogrToGeoJson(join(dir, 'works-points.shp')).features;
      const lines = ogrToGeoJson(join(dir, 'works-lines.shp')).features;
      expect(points.map((f) => f.properties)).toEqual([
        expect.objectContaining({
          类型: '涉水工程',
          工程类型: '泵站',
          名称: '合成泵站（测试）',
          范围已设: '是',
          河段: '第 1 段',
        }),
      ]);
      expect(lines.map((f) => f.properties)).toEqual([
        expect.objectContaining({ 工程类型: '水闸', 名称: '合成水闸（测试）', 范围已设: '否' }),
      ]);
      expect(JSON.stringify([points, lines])).not.toMatch(/宽度|aroundM/);
    });
  });

  it('GeoJSON, KML and DXF read by GDAL carry the works with type, name and range status', () => {
    withTempDir((dir) => {
      const [geojson] = writeFiles(dir, exported('geojson', 'en'));
      const g = ogrToGeoJson(geojson as string).features.map((f) => f.properties);
      expect(g).toEqual([
        expect.objectContaining({
          kind: 'work',
          workType: 'pumping-station',
          name: '合成泵站（测试）',
          rangeSet: true,
        }),
        expect.objectContaining({ workType: 'sluice', name: '合成水闸（测试）', rangeSet: false }),
      ]);
      const [kml] = writeFiles(dir, exported('kml', 'zh'));
      const k = ogrinfo('-al', kml as string);
      expect(k).toMatch(/workType \(String\) = 泵站/);
      expect(k).toMatch(/Name \(String\) = 合成水闸（测试）/);
      expect(k).toMatch(/rangeSet \(String\) = (false|否)/);
      const [dxf] = writeFiles(dir, exported('dxf', 'zh'));
      const d = ogrinfo(
        '--config',
        'DXF_INCLUDE_RAW_CODE_VALUES',
        'TRUE',
        '--config',
        'DXF_ENCODING',
        'UTF-8',
        '-al',
        dxf as string,
      );
      expect(d).toMatch(/1000 workType,1000 泵站/);
      expect(d).toMatch(/1000 name,1000 合成水闸（测试）/);
      expect(d).toMatch(/1000 rangeSet,1000 (否|false)/);
    });
  });
});
