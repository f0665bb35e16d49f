import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../src/cli/export';
import { signedArea2 } from '../../src/domain/formats/common/geometry-coords';
import { exportFeatures } from '../../src/domain/formats/export/export-features';
import { allInputs, exportOk, readFc } from '../helpers/export-gis';
import {
  cs2csFeatures,
  flatPoints,
  nearestMax,
  ogrinfo,
  ogrToGeoJson,
  withTempDir,
  writeFiles,
} from '../helpers/gdal';
import { englishResult } from '../helpers/messages';

/** GDAL 3.6 decodes DXF text by $DWGCODEPAGE even for R2007 (UTF-8 by definition): tell it. */
const DXF_UTF8 = ['--config', 'DXF_ENCODING', 'UTF-8'];

/** The DXF entities one feature becomes: a closed polyline per ring, a polyline per line, POINT + TEXT per marker. */
function dxfEntities(f: Feature): { kind: 'poly' | 'point' | 'text'; vertices: number }[] {
  const g = f.geometry;
  if (g.type === 'Point')
    return [
      { kind: 'point', vertices: 1 },
      ...(f.properties?.id ? [{ kind: 'text' as const, vertices: 1 }] : []),
    ];
  const rings =
    g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
  if (rings.length > 0) return rings.map((r) => ({ kind: 'poly', vertices: r.length }));
  return [{ kind: 'poly', vertices: g.type === 'LineString' ? g.coordinates.length : 0 }];
}

describe('DXF, KML and GeoJSON read back by GDAL', { timeout: 60_000 }, () => {
  for (const crs of ['EPSG:4545', 'EPSG:4546', 'EPSG:4524', 'EPSG:4525'] as const) {
    it(`DXF ${crs}: layers by code, entity counts, x = east / y = north equal cs2cs to ≤ 1 mm`, () => {
      const fc = allInputs();
      const r = exportOk(fc, 'dxf', crs);
      withTempDir((dir) => {
        const [path] = writeFiles(dir, r.files) as [string];
        const text = readFileSync(path, 'utf8');
        expect(text).toMatch(/\$ACADVER\n1\nAC1021\n/);
        expect(text).toMatch(/\$INSUNITS\n70\n6\n/);
        expect(text.trimEnd().endsWith('0\nEOF')).toBe(true);
        const read = ogrToGeoJson(path, undefined, DXF_UTF8);
        const expected = fc.features.flatMap((f) => dxfEntities(f).map((e) => ({ ...e, f })));
        expect(read.features).toHaveLength(expected.length);
        const counts = (names: (string | undefined)[]) =>
          names.reduce<Record<string, number>>((c, n) => {
            c[String(n)] = (c[String(n)] ?? 0) + 1;
            return c;
          }, {});
        expect(counts(read.features.map((f) => f.properties?.Layer))).toEqual(
          counts(
            expected.map((e) => {
              const d = fc.features.indexOf(e.f);
              return (
                {
                  'management-line': 'JZX',
                  'protection-line': 'HLBHFWX',
                  management: '管理范围面',
                  protection: 'HLBHFWM',
                }[String(fc.features[d]?.properties?.kind)] ??
                { boundary: 'JZD', 'notice-board': '公告牌' }[
                  String(fc.features[d]?.properties?.markerType)
                ] ??
                '其他面'
              );
            }),
          ),
        );
        let max = 0;
        const refs = cs2csFeatures(crs, fc.features);
        read.features.forEach((got, i) => {
          const e = expected[i] as (typeof expected)[number];
          if (e.kind === 'text') {
            expect(got.properties?.Text).toBe(e.f.properties?.id);
          }
          const ref = refs[fc.features.indexOf(e.f)] as number[][];
          const pts = flatPoints(got.geometry).map((p) => p.slice(0, 2));
          max = Math.max(max, nearestMax(pts, ref));
        });
        expect(max).toBeLessThanOrEqual(0.001);
      });
    });
  }

  it('DXF: refuses EPSG:4490; properties travel as XDATA that GDAL shows as raw code values', () => {
    const fc = allInputs();
    const r = exportFeatures(fc, {
      format: 'dxf',
      crs: 'EPSG:4490',
      encoding: 'utf-8',
      baseName: 'x',
      schema: 'en',
    });
    expect(englishResult(r)).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^DXF is written in a projected CRS/)],
    });
    const ok = exportOk(fc, 'dxf', 'auto');
    withTempDir((dir) => {
      const [path] = writeFiles(dir, ok.files) as [string];
      const raw = ogrinfo(
        '-q',
        ...DXF_UTF8,
        '--config',
        'DXF_INCLUDE_RAW_CODE_VALUES',
        'TRUE',
        '-al',
        path,
      );
      expect(raw).toContain('1001 HEJIE,1002 {,1000 reach,1000 钦江-01,1002 }');
      expect(raw).toContain('1000 legalBasis,1000 《堤防工程设计规范》');
    });
  });

  it('KML: one folder per layer, names and ExtendedData in Chinese, lon/lat as given', () => {
    const fc = allInputs();
    const r = exportOk(fc, 'kml', 'EPSG:4545');
    expect(r.crs).toBe('EPSG:4490');
    expect(r.warnings.join()).toMatch(/always lon\/lat/);
    withTempDir((dir) => {
      const [path] = writeFiles(dir, r.files) as [string];
      const summary = ogrinfo('-so', path);
      for (const layer of [
        '管理范围面',
        '保护范围面',
        '管理范围线',
        '保护范围线',
        '界桩',
        '公告牌',
        '其他',
      ])
        expect(summary).toContain(layer);
      const markers = ogrToGeoJson(path, '界桩');
      expect(markers.features[0]?.properties).toMatchObject({
        Name: 'QJ01-GL-L-001 界桩',
        river: '钦江',
        chainageM: '150.25',
      });
      const zones = ogrToGeoJson(path, '管理范围面');
      expect(zones.features[0]?.properties?.Name).toBe(
        `${fc.features[0]?.properties?.reach} 管理范围面`,
      );
      const all = [
        '管理范围面',
        '保护范围面',
        '管理范围线',
        '保护范围线',
        '界桩',
        '公告牌',
        '其他',
      ].flatMap((l) => ogrToGeoJson(path, l).features);
      expect(all).toHaveLength(fc.features.length);
    });
  });

  it('GeoJSON: RFC 7946 (outer rings counter-clockwise, holes clockwise), ≤ 9 decimals, ≤ 1e-9° from the input', () => {
    const fc = allInputs();
    const r = exportOk(fc, 'geojson', 'auto');
    const out = JSON.parse(new TextDecoder().decode(r.files[0]?.bytes)) as FeatureCollection;
    expect(out.features).toHaveLength(fc.features.length);
    let max = 0;
    out.features.forEach((f, i) => {
      const g = f.geometry;
      const polys =
        g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      for (const rings of polys)
        rings.forEach((ring, k) => {
          expect(signedArea2(ring) >= 0).toBe(k === 0 || signedArea2(ring) === 0);
        });
      for (const p of flatPoints(g))
        for (const v of p) expect(String(v).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(9);
      max = Math.max(
        max,
        nearestMax(flatPoints(g), flatPoints((fc.features[i] as Feature).geometry)),
      );
      expect(f.properties).toEqual(fc.features[i]?.properties);
    });
    expect(max).toBeLessThanOrEqual(1e-9);
    withTempDir((dir) => {
      const [path] = writeFiles(dir, r.files) as [string];
      expect(ogrToGeoJson(path).features).toHaveLength(fc.features.length);
    });
  });

  it('CLI: writes the zip and says what it wrote; usage errors exit 2', async () => {
    await withTempDir(async (dir) => {
      writeFileSync(join(dir, 'in.geojson'), JSON.stringify(readFc('crosses-109.5E.geojson')));
      const out: string[] = [];
      const err: string[] = [];
      const zip = join(dir, 'sub', 'zones.zip');
      expect(
        await runExport(
          [join(dir, 'in.geojson'), '--format', 'shp', '-o', zip],
          (s) => out.push(s),
          (s) => err.push(s),
          'en',
        ),
      ).toBe(0);
      expect(out).toEqual([`wrote ${zip} (shp, EPSG:4546)`]);
      expect(err.join()).toMatch(/^warning: the features cross 109\.5°E/);
      expect(Object.keys(unzipSync(readFileSync(zip)))).toContain('zones-polygons.shp');
      expect(readdirSync(join(dir, 'sub'))).toEqual(['zones.zip']);
      expect(
        await runExport(
          [join(dir, 'in.geojson'), '--format', 'pdf', '-o', zip],
          () => {},
          (s) => err.push(s),
          'en',
        ),
      ).toBe(2);
      expect(
        await runExport(
          [join(dir, 'in.geojson'), '--format', 'shp'],
          () => {},
          (s) => err.push(s),
          'en',
        ),
      ).toBe(2);
      expect(
        await runExport(
          [join(dir, 'missing.geojson'), '--format', 'shp', '-o', zip],
          () => {},
          (s) => err.push(s),
          'en',
        ),
      ).toBe(1);
      expect(err.at(-1)).toMatch(/no such file/);
    });
  });
});
