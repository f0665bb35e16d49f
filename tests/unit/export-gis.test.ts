import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../src/cli/export';
import { exportFeatures } from '../../src/domain/formats/export/export-features';
import { EXPORT_FORMATS } from '../../src/domain/formats/export/export-formats';
import { mapFieldNames } from '../../src/domain/formats/shapefile/field-names';
import { encodeGbk } from '../../src/domain/text/gbk';
import {
  ALL_CRS,
  allInputs,
  exportOk,
  hasSliver,
  inGroup,
  LAYERS,
  maxDelta,
  readFc,
  unzipTo,
} from '../helpers/export-gis';
import { identifyEpsg, ogrinfo, ogrToGeoJson, shapelyValidity, withTempDir } from '../helpers/gdal';
import { englishResult, inEnglish } from '../helpers/messages';

const gbkBytes = (s: string) => {
  const r = encodeGbk(s);
  return r.ok ? r.bytes.length : Number.POSITIVE_INFINITY;
};

describe('shapefile export read back by GDAL', { timeout: 60_000 }, () => {
  for (const crs of ALL_CRS) {
    it(`${crs}: every vertex equals cs2cs to ≤ 1 mm, .prj identified, geometries valid`, () => {
      const fc = allInputs();
      const r = exportOk(fc, 'shp', crs);
      expect(r.crs).toBe(crs);
      withTempDir((dir) => {
        const files = unzipTo(dir, (r.files[0] as { bytes: Uint8Array }).bytes);
        expect(Object.keys(files).sort()).toContain('hejie-fields.txt');
        let total = 0;
        for (const [stem, types] of Object.entries(LAYERS)) {
          const shp = join(dir, `hejie-${stem}.shp`);
          for (const ext of ['.shx', '.dbf', '.prj', '.cpg'])
            expect(existsSync(shp.replace('.shp', ext))).toBe(true);
          expect(identifyEpsg(shp.replace('.shp', '.prj'))).toBe(crs);
          expect(ogrinfo('-al', '-so', shp)).toMatch(
            new RegExp(`ID\\["EPSG",${crs.slice(5)}\\]\\]\\s*Data axis`),
          );
          const read = ogrToGeoJson(shp);
          const input = inGroup(fc, types);
          expect(read.features).toHaveLength(input.features.length);
          const { max, n } = maxDelta(input, read, crs);
          expect(max, `${stem} max |Δ| over ${n} vertices`).toBeLessThanOrEqual(
            crs === 'EPSG:4490' ? 1e-11 : 0.001,
          );
          total += n;
          // the writer must not make a valid input invalid (some zone goldens are invalid themselves)
          const before = shapelyValidity(input.features.map((f) => f.geometry));
          const after = shapelyValidity(read.features.map((f) => f.geometry));
          after.forEach(([valid, why], i) => {
            const f = input.features[i] as Feature;
            if (before[i]?.[0] && !hasSliver(f)) expect(valid, `${stem} ${i}: ${why}`).toBe(true);
          });
        }
        expect(total).toBeGreaterThan(200);
      });
    });
  }

  it('keeps a hole a hole: GDAL and GEOS see one valid polygon with one interior ring', () => {
    const fc = allInputs();
    const r = exportOk(fc, 'shp', 'EPSG:4545');
    withTempDir((dir) => {
      unzipTo(dir, (r.files[0] as { bytes: Uint8Array }).bytes);
      const info = ogrinfo(
        '-q',
        '-al',
        '-where',
        "kind = 'island'",
        join(dir, 'hejie-polygons.shp'),
      );
      const wkt = /POLYGON \(\(.*\)\)/.exec(info)?.[0] ?? '';
      expect(wkt.startsWith('POLYGON ((')).toBe(true);
      expect(wkt.split('),(')).toHaveLength(2);
      const island = ogrToGeoJson(join(dir, 'hejie-polygons.shp'), undefined, [
        '-where',
        "kind = 'island'",
      ]);
      expect(island.features[0]?.geometry.type).toBe('Polygon');
      expect(shapelyValidity([island.features[0]?.geometry as object])[0]?.[0]).toBe(true);
    });
  });

  for (const encoding of ['utf-8', 'gbk'] as const) {
    it(`${encoding}: Chinese attributes intact, declared in .cpg and the DBF language byte; names ≤ 10 bytes`, () => {
      const fc = allInputs();
      const r = exportOk(fc, 'shp', 'auto', encoding);
      withTempDir((dir) => {
        const files = unzipTo(dir, (r.files[0] as { bytes: Uint8Array }).bytes);
        expect(new TextDecoder().decode(files['hejie-points.cpg'])).toBe(
          encoding === 'gbk' ? 'GBK' : 'UTF-8',
        );
        expect(files['hejie-points.dbf']?.[29]).toBe(encoding === 'gbk' ? 0x4d : 0);
        const points = ogrToGeoJson(join(dir, 'hejie-points.shp'));
        expect(points.features.map((f) => f.properties?.LAYER)).toEqual(['界桩', '公告牌']);
        expect(points.features[0]?.properties).toMatchObject({
          CODE: 'JZD',
          GBCODE: 301000,
          id: 'QJ01-GL-L-001',
          river: '钦江',
          chainageM: 150.25,
        });
        const lines = ogrToGeoJson(join(dir, 'hejie-lines.shp'));
        const expected = inGroup(fc, LAYERS.lines).features.map((f) =>
          f.properties?.kind === 'management-line'
            ? ['管理范围线', 'JZX', 300000]
            : ['保护范围线', 'HLBHFWX', 181110],
        );
        expect(
          lines.features.map((f) => [
            f.properties?.LAYER,
            f.properties?.CODE,
            f.properties?.GBCODE,
          ]),
        ).toEqual(expected);
        expect(expected.length).toBeGreaterThan(10);
        expect(lines.features.at(-1)?.properties).toMatchObject({
          reach: '钦江-01',
          bank: 'right',
          offsetM: 30,
          lengthM: 230.5,
        });
        const polys = ogrToGeoJson(join(dir, 'hejie-polygons.shp'));
        const legal = fc.features[0]?.properties?.legalBasis as string;
        expect(polys.features[0]?.properties?.legalBasis).toBe(legal);
        // Chinese keys stay Chinese field names (GDAL decodes them by the .cpg like the values)
        expect(polys.features.at(-1)?.properties).toMatchObject({
          名称: '江心洲',
          备注: '有洞的面',
        });
        for (const f of polys.features)
          for (const k of Object.keys(f.properties ?? {}))
            expect(
              encoding === 'gbk' ? gbkBytes(k) : new TextEncoder().encode(k).length,
            ).toBeLessThanOrEqual(10);
        expect(new TextDecoder().decode(files['hejie-fields.txt'])).toContain(
          'leftProtec\tleftProtectionM',
        );
      });
    });
  }

  it('maps field names to unique names ≤ 10 bytes (Chinese kept, cut at a character)', () => {
    const names = mapFieldNames(
      ['leftProtectionM', 'leftProtectionFoo', 'layer', '名称', '1st', 'a-b', '@', '面积平方米'],
      ['LAYER'],
      'utf-8',
    );
    expect([...names.values()]).toEqual([
      'leftProtec',
      'leftProt_1',
      'layer_1',
      '名称',
      'F1st',
      'a_b',
      'FIELD7',
      '面积平',
    ]);
    // in GBK five Chinese characters fit; a sixth is cut; a clash takes a suffix within 10 bytes
    const gbk = mapFieldNames(['面积平方米', '左岸管理宽度', '左岸管理宽'], ['图层'], 'gbk');
    expect([...gbk.values()]).toEqual(['面积平方米', '左岸管理宽', '左岸管理_1']);
  });
});

describe('export errors, zones and input', () => {
  it('a character GBK cannot hold is an error naming it and the feature; the CLI writes nothing', async () => {
    const fc = allInputs();
    (fc.features.at(-1) as Feature).properties = { 名称: '𠮷野家' };
    const r = exportFeatures(fc, {
      format: 'shp',
      crs: 'auto',
      encoding: 'gbk',
      baseName: 'x',
      schema: 'en',
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && inEnglish(r.errors).join('\n')).toMatch(
      new RegExp(`^feature ${fc.features.length - 1}, property "名称": "𠮷" \\(U\\+20BB7`),
    );
    await withTempDir(async (dir) => {
      writeFileSync(join(dir, 'in.geojson'), JSON.stringify(fc));
      const errs: string[] = [];
      const code = await runExport(
        [
          join(dir, 'in.geojson'),
          '--format',
          'shp',
          '--encoding',
          'gbk',
          '-o',
          join(dir, 'out.zip'),
        ],
        () => {},
        (s) => errs.push(s),
        'en',
      );
      expect(code).toBe(1);
      expect(errs.join('\n')).toContain('U+20BB7');
      expect(readdirSync(dir)).toEqual(['in.geojson']);
    });
  });

  it('auto picks the zone of the centre and warns when features cross 109.5°E; a forced zone is honoured', () => {
    const fc = readFc('crosses-109.5E.geojson');
    const auto = exportOk(fc, 'shp', 'auto');
    expect(auto.crs).toBe('EPSG:4546');
    expect(auto.warnings.join('\n')).toMatch(/cross 109\.5°E.*EPSG:4546/);
    const forced = exportOk(fc, 'shp', 'EPSG:4524');
    expect(forced.crs).toBe('EPSG:4524');
    expect(exportOk(allInputs(), 'shp', 'auto').warnings.join('')).not.toMatch(/109\.5/);
  });

  it('bad input gets specific reasons naming the feature; nothing is mutated by any format', () => {
    const bad = exportFeatures(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [562000, 2428000] },
            properties: {},
          },
          { type: 'Feature', geometry: null, properties: {} },
        ],
      },
      { format: 'shp', crs: 'auto', encoding: 'utf-8', baseName: 'x', schema: 'en' },
    );
    expect(englishResult(bad)).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(/^feature 0: coordinate \[562000, 2428000\] is not lon\/lat/),
        'feature 1 has no geometry',
      ],
    });
    const fc = allInputs();
    const before = structuredClone(fc);
    for (const format of ['shp', 'dxf', 'kml', 'geojson']) exportOk(fc, format, 'auto', 'gbk');
    expect(fc).toEqual(before);
    expect(EXPORT_FORMATS.map((f) => f.id)).toEqual([
      'shp',
      'dxf',
      'kml',
      'geojson',
      'xlsx',
      'csv',
      'txt',
    ]);
  });
});
