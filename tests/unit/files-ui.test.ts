// The plan panel's import and export helpers (src/ui/workspace/files, no DOM): picked files → import
// sources, imported features → working-copy features, what the confirmation says, the export's
// layers, auto zone and file name, and the worker's request runner.
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/domain/formats/import/import-file';
import type { ImportResult } from '../../src/domain/formats/types';
import { collectSources } from '../../src/ui/workspace/files/collect-sources';
import { crsHow, formatExtent, importFormatOf } from '../../src/ui/workspace/files/describe-import';
import {
  autoZone,
  exportStem,
  layersOf,
  selectLayers,
} from '../../src/ui/workspace/files/export-choices';
import {
  countGeometries,
  countWorkPoints,
  previewCollection,
  toImportedFeatures,
} from '../../src/ui/workspace/files/imported-features';
import { runFilesRequest } from '../../src/ui/workspace/files/run-files-request';
import { allInputs, readFc } from '../helpers/export-gis';
import { gdalShapefile, ok, read, utf8, xy, zipDir } from '../helpers/import';
import { inEnglish } from '../helpers/messages';

const feature = (geometry: Feature['geometry'], properties: Record<string, unknown> = {}) =>
  ({ type: 'Feature', geometry, properties }) as Feature;
const fc = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('collectSources', () => {
  it('zips loose shapefile parts into one source the import reads like the zipped shapefile', () => {
    const shp = gdalShapefile('collect', 'EPSG:4524');
    const loose = ['lines', 'survey', 'zones'].flatMap((layer) =>
      ['shp', 'shx', 'dbf', 'prj'].map((ext) => ({
        name: `${layer}.${ext}`,
        bytes: read(join(shp, `${layer}.${ext}`)),
      })),
    );
    const kml = { name: 'a.kml', bytes: utf8('<kml/>') };
    const before = structuredClone([...loose, kml]);
    const sources = collectSources([...loose, kml]);
    expect([...loose, kml]).toEqual(before);
    expect(sources.map((s) => s.name)).toEqual(['lines.zip', 'a.kml']);
    expect(sources[0]?.parts).toEqual(loose.map((f) => f.name));
    expect(sources[1]).toEqual({ ...kml, parts: ['a.kml'] });
    expect(Object.keys(unzipSync(sources[0]?.bytes ?? new Uint8Array()))).toHaveLength(12);
    const mine = ok(importFile(sources[0] as { name: string; bytes: Uint8Array }));
    const zipped = ok(importFile({ name: 'x.zip', bytes: zipDir(shp, (f) => f.endsWith('.cpg')) }));
    expect([mine.crs, mine.crsSource, mine.encoding]).toEqual(['EPSG:4524', 'prj', 'gbk']);
    expect(mine.features.features.map((f) => f.properties?.名称).sort()).toEqual(
      zipped.features.features.map((f) => f.properties?.名称).sort(),
    );
  });

  it('leaves files alone when there are no loose parts, and names a lone part for the reader', () => {
    const geojson = { name: 'a.geojson', bytes: utf8('{}') };
    expect(collectSources([geojson])).toEqual([{ ...geojson, parts: ['a.geojson'] }]);
    const [only] = collectSources([{ name: 'lines.dbf', bytes: new Uint8Array([3]) }]);
    const r = importFile(only as { name: string; bytes: Uint8Array });
    expect(r.ok ? '' : inEnglish(r.errors)[0]).toBe('lines.zip holds no .shp file');
  });
});

describe('toImportedFeatures', () => {
  const input = fc(
    feature(
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [108.6, 21.9],
            [108.61, 21.91],
          ],
          [
            [108.62, 21.9],
            [108.63, 21.91],
          ],
        ],
      },
      { 名称: '堤脚线', role: 'toe-left', reach: 'qj-2' },
    ),
    feature({ type: 'Point', coordinates: [108.6, 21.9] }, { 编号: 'J1' }),
    feature(
      {
        type: 'Polygon',
        coordinates: [
          [
            [108.6, 21.9],
            [108.61, 21.9],
            [108.61, 21.91],
            [108.6, 21.9],
          ],
        ],
      },
      { role: 'management', reach: '' },
    ),
  );

  it('splits multi-part lines, keeps the attributes, sets reach and role, skips unmarked points', () => {
    const before = structuredClone(input);
    const out = toImportedFeatures([input], new Set(['imp-2']), 'imp');
    expect(input).toEqual(before);
    expect(out.map((f) => f.id)).toEqual(['imp-1', 'imp-3', 'imp-4']);
    expect(out.map((f) => f.geometry.type)).toEqual(['LineString', 'LineString', 'Polygon']);
    expect(out[0]?.properties).toEqual({ 名称: '堤脚线', role: 'toe-left', reach: 'qj-2' });
    // a role the engine does not know, an empty reach: for the planner to set
    expect(out[2]?.properties).toEqual({ role: null, reach: 'reach-1' });
    // the working copy never shares coordinates with the import
    (out[0]?.geometry.coordinates[0] as number[])[0] = 0;
    expect(input).toEqual(before);
  });

  it('adds the points a file marks as works (a work type or the role), with their type and name', () => {
    const marked = fc(
      feature(
        { type: 'Point', coordinates: [108.6, 21.9] },
        { workType: 'pumping-station', name: '合成泵站' },
      ),
      feature({ type: 'Point', coordinates: [108.61, 21.9] }, { role: 'work' }),
      feature({ type: 'Point', coordinates: [108.62, 21.9] }, { workType: '界桩', name: 'J1' }),
    );
    const out = toImportedFeatures([marked], new Set(), 'imp');
    expect(out.map((f) => f.properties)).toEqual([
      { workType: 'pumping-station', name: '合成泵站', role: 'work', reach: 'reach-1' },
      { role: 'work', reach: 'reach-1' },
    ]);
    expect(countWorkPoints([marked, input])).toBe(2);
  });

  it('counts parts, and previews every part with an id', () => {
    expect(countGeometries(input)).toEqual({ lines: 2, polygons: 1, points: 1 });
    const preview = previewCollection([input, fc(input.features[1] as Feature)]);
    expect(preview.features.map((f) => f.properties?.id)).toEqual([
      '1-1',
      '1-2',
      '1-3',
      '1-4',
      '2-1',
    ]);
    expect(preview.features[0]?.properties).toEqual({ id: '1-1' });
  });
});

describe('what the confirmation says', () => {
  const okOf = (r: ImportResult) => {
    if (!r.ok) throw new Error(r.errors.join('; '));
    return r;
  };
  const P1 = [108.6, 21.95];
  const P2 = [108.61, 21.96];

  it('how the CRS was known: .prj, 8-digit eastings, 带号 with 6-digit eastings, degrees, chosen', () => {
    const prefixed = `点号,X,Y\n1,${xy('EPSG:4524', P1).join(',')}\n2,${xy('EPSG:4524', P2).join(',')}\n`;
    const r = okOf(importFile({ name: 'a.csv', bytes: utf8(prefixed) }));
    expect(crsHow(r, 'csv')).toEqual({ key: 'crsFromPrefix', zone: 36 });
    const zoned = `带号,36\n点号,X,Y\n1,${xy('EPSG:4545', P1).join(',')}\n`;
    expect(crsHow(okOf(importFile({ name: 'b.csv', bytes: utf8(zoned) })), 'csv')).toEqual({
      key: 'crsFromZoneRow',
      zone: 36,
    });
    const degrees = JSON.stringify(fc(feature({ type: 'Point', coordinates: P1 })));
    const g = okOf(importFile({ name: 'c.geojson', bytes: utf8(degrees) }));
    expect(crsHow(g, 'geojson')).toEqual({ key: 'crsFromDegrees', zone: null });
    const shp = zipDir(gdalShapefile('how', 'EPSG:4524'), (f) => f.endsWith('.cpg'));
    expect(crsHow(okOf(importFile({ name: 'd.zip', bytes: shp })), 'shp').key).toBe('crsFromPrj');
    const plain = `点号,X,Y\n1,${xy('EPSG:4545', P1).join(',')}\n`;
    const asked = importFile({ name: 'e.csv', bytes: utf8(plain) });
    expect(asked.ok ? null : [asked.needs, asked.fits]).toEqual(['crs', 'EPSG:4545']);
    const chosen = okOf(importFile({ name: 'e.csv', bytes: utf8(plain) }, { crs: 'EPSG:4545' }));
    expect(crsHow(chosen, 'csv')).toEqual({ key: 'crsChosen', zone: 36 });
  });

  it('the swap the import fixed, the extent, the format by name', () => {
    const [x, y] = xy('EPSG:4524', P1);
    const [x2, y2] = xy('EPSG:4524', P2);
    const r = okOf(importFile({ name: 's.csv', bytes: utf8(`1,${y},${x}\n2,${y2},${x2}\n`) }));
    expect(r.swapped).toEqual({ points: 2, total: 2 });
    expect(inEnglish(r.warnings).some((w) => w.includes('swapped in 2 of 2 points'))).toBe(true);
    expect(formatExtent([108.6, 21.95, 108.62, 21.97], 'zh')).toBe(
      '108.60000–108.62000°E，21.95000–21.97000°N',
    );
    expect(importFormatOf('X.DXF')?.id).toBe('dxf');
    expect(importFormatOf('x.gpx')).toBeNull();
  });
});

describe('export choices', () => {
  it('layers in the deliverables order with counts; the chosen ones only', () => {
    const all = allInputs();
    const layers = layersOf(all);
    expect(layers.map((l) => l.id)).toEqual([
      'management-zone',
      'protection-zone',
      'management-line',
      'protection-line',
      'marker',
      'notice-board',
      'other',
    ]);
    expect(layers.reduce((n, l) => n + l.count, 0)).toBe(all.features.length);
    const before = structuredClone(all);
    const lines = selectLayers(all, new Set(['management-line']));
    expect(all).toEqual(before);
    expect(lines.features.every((f) => f.properties?.kind === 'management-line')).toBe(true);
    expect(lines.features).toHaveLength(layers[2]?.count ?? -1);
  });

  it('the auto zone is the centre of the longitudes; crossing 109.5°E is said', () => {
    const straight = autoZone(readFc('straight.geojson'));
    expect([straight.code, straight.crosses, straight.centre.toFixed(2)]).toEqual([
      'EPSG:4545',
      false,
      '108.58',
    ]);
    const crossing = autoZone(readFc('crosses-109.5E.geojson'));
    expect(crossing.crosses).toBe(true);
    expect(crossing.min).toBeLessThan(109.5);
    expect(crossing.max).toBeGreaterThan(109.5);
  });

  it('names the file after the river, its content, version, CRS and China date', () => {
    // 2026-12-02 20:00 UTC is 2026-12-03 in China
    const at = new Date('2026-12-02T20:00:00Z');
    const shp = { nameTag: '' };
    const csv = { nameTag: '坐标表CSV' };
    expect(exportStem('钦江', '管理范围', shp, 3, 'EPSG:4545', at)).toBe(
      '钦江_管理范围_v3_EPSG4545_20261203',
    );
    // a zip of csv tables never takes the shapefile zip's name
    expect(exportStem('钦江', '管理范围', csv, 3, 'EPSG:4545', at)).toBe(
      '钦江_管理范围坐标表CSV_v3_EPSG4545_20261203',
    );
    expect(exportStem('大风江 (下游)', '界桩+公告牌', shp, null, 'EPSG:4490', at)).toBe(
      '大风江-(下游)_界桩+公告牌_草稿_EPSG4490_20261203',
    );
    expect(exportStem('a/b', 'c:d', shp, 1, 'EPSG:4524', at)).toBe('a-b_c-d_v1_EPSG4524_20261203');
  });
});

describe('runFilesRequest', () => {
  it('import: the result with counts of parts and the extent', () => {
    const bytes = utf8(JSON.stringify(allInputs()));
    const a = runFilesRequest({
      kind: 'import',
      source: { name: 'x.geojson', bytes },
      options: {},
    });
    expect(a.result.ok).toBe(true);
    expect(a.counts.lines + a.counts.polygons + a.counts.points).toBeGreaterThan(0);
    expect(a.extent?.[0]).toBeGreaterThan(108);
    const bad = runFilesRequest({
      kind: 'import',
      source: { name: 'x.gpx', bytes: utf8('<gpx/>') },
      options: {},
    });
    expect(bad.result.ok).toBe(false);
    expect(bad.extent).toBeNull();
  });

  it('export: one file named by the base name; several are zipped; reasons pass as they are', () => {
    const features = readFc('straight.geojson');
    const options = {
      crs: 'auto' as const,
      encoding: 'gbk' as const,
      baseName: '钦江_管理范围_EPSG4545',
      schema: 'en' as const,
      river: '钦江',
    };
    const shp = runFilesRequest({
      kind: 'export',
      features,
      options: { ...options, format: 'shp' },
    });
    expect(shp.result.ok && shp.result.name).toBe('钦江_管理范围_EPSG4545.zip');
    expect(shp.result.ok && shp.result.crs).toBe('EPSG:4545');
    const dxf = runFilesRequest({
      kind: 'export',
      features,
      options: { ...options, format: 'dxf' },
    });
    expect(dxf.result.ok && dxf.result.name).toBe('钦江_管理范围_EPSG4545.dxf');
    const marker = allInputs().features.filter((f) => f.properties?.markerType);
    const csv = runFilesRequest({
      kind: 'export',
      features: fc(...features.features, ...marker),
      options: { ...options, format: 'csv' },
    });
    if (!csv.result.ok) throw new Error(inEnglish(csv.result.errors).join('; '));
    const inside = Object.keys(unzipSync(csv.result.bytes));
    expect(csv.result.name).toBe('钦江_管理范围_EPSG4545.zip');
    expect(inside.length).toBeGreaterThan(1);
    const odd = fc(
      ...features.features.map((f) => ({ ...f, properties: { ...f.properties, reach: '𠮷' } })),
    );
    const refused = runFilesRequest({
      kind: 'export',
      features: odd,
      options: { ...options, format: 'shp' },
    });
    expect(refused.result.ok ? [] : inEnglish(refused.result.errors)[0]).toMatch(
      /"𠮷" \(U\+20BB7.*cannot be written in GBK; choose UTF-8/,
    );
  });
});
