import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import';
import { importFile } from '../../src/domain/formats/import/import-file';
import {
  byLayer,
  dir,
  FIX,
  fail,
  fixture,
  gdalLonLat,
  gdalShapefile,
  maxDeltaM,
  ogr,
  ok,
  positions,
  zipDir,
} from '../helpers/import';

describe('zipped shapefile written by GDAL (EPSG:4524, GBK, no .cpg)', () => {
  let shp = '';
  beforeAll(() => {
    shp = gdalShapefile('shp4524', 'EPSG:4524');
  });

  it('finds EPSG:4524 in the .prj, decodes GBK and matches GDAL to 1 mm', () => {
    const bytes = zipDir(shp, (f) => f.endsWith('.cpg'));
    const copy = bytes.slice();
    const r = ok(importFile({ name: 'survey.zip', bytes }, {}));
    expect(bytes).toEqual(copy);
    expect(r.crs).toBe('EPSG:4524');
    expect(r.crsSource).toBe('prj');
    expect(r.encoding).toBe('gbk');
    expect(r.warnings.join('\n')).toMatch(/has no \.cpg.*GBK/);
    expect(r.features.features).toHaveLength(7);
    for (const layer of ['survey', 'lines', 'zones']) {
      const mine = byLayer(r.features, layer);
      const src = fixture(layer);
      expect(mine.features.map((f) => f.properties?.名称)).toEqual(
        src.features.map((f) => f.properties?.名称),
      );
      expect(mine.features.map((f) => f.geometry.type)).toEqual(
        src.features.map((f) => f.geometry.type),
      );
      const ref = positions(gdalLonLat(join(shp, `${layer}.shp`)));
      expect(
        maxDeltaM(positions(mine), ref, `shp 4524 ${layer} vs ogr2ogr -t_srs EPSG:4490`),
      ).toBeLessThan(0.001);
      expect(
        maxDeltaM(positions(mine), positions(src), `shp 4524 ${layer} vs source`),
      ).toBeLessThan(0.001);
    }
    const zone = byLayer(r.features, 'zones').features[0] as Feature;
    expect(zone.geometry).toMatchObject({ type: 'Polygon' });
    expect((zone.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    expect(byLayer(r.features, 'survey').features[1]?.properties).toMatchObject({
      编号: 'QJ01-GL-L-002',
      里程: 150.25,
    });
  });

  it('without .prj, 8-digit eastings starting 36 are detected as EPSG:4524', () => {
    const r = ok(
      importFile({ name: 'noprj.zip', bytes: zipDir(shp, (f) => /\.(prj|cpg)$/.test(f)) }, {}),
    );
    expect([r.crs, r.crsSource]).toEqual(['EPSG:4524', 'detected']);
    expect(
      maxDeltaM(
        positions(byLayer(r.features, 'lines')),
        positions(fixture('lines')),
        'shp no .prj (detected 4524) lines vs source',
      ),
    ).toBeLessThan(0.001);
  });

  it('--crs contradicting prefixed eastings is an error', () => {
    const bytes = zipDir(shp, (f) => /\.(prj|cpg)$/.test(f));
    const r = fail(importFile({ name: 'noprj.zip', bytes }, { crs: 'EPSG:4545' }));
    expect(r.errors[0]).toMatch(
      /--crs EPSG:4545 means 6-digit .* but the coordinates are 8-digit eastings with a zone prefix in zone 36/,
    );
    expect(fail(importFile({ name: 'noprj.zip', bytes }, { crs: 'EPSG:4525' })).errors[0]).toMatch(
      /zone 37.*zone 36/,
    );
  });

  it('reads UTF-8 with a .cpg, and --encoding overrides', () => {
    const u = join(dir, 'utf8');
    ogr(
      '-f',
      'ESRI Shapefile',
      '-s_srs',
      'EPSG:4490',
      '-t_srs',
      'EPSG:4524',
      '-lco',
      'ENCODING=UTF-8',
      '-nln',
      'survey',
      u,
      join(FIX, 'survey.geojson'),
    );
    const r = ok(importFile({ name: 'u.zip', bytes: zipDir(u) }, {}));
    expect(r.encoding).toBe('utf-8');
    expect(r.features.features[0]?.properties?.名称).toBe('钦江界桩一');
    expect(r.warnings).toEqual([]);
    const g = ok(
      importFile(
        { name: 'g.zip', bytes: zipDir(shp, (f) => !f.startsWith('survey')) },
        { encoding: 'gbk' },
      ),
    );
    expect(g.features.features[0]?.properties?.名称).toBe('钦江界桩一');
  });
});

describe('6-digit eastings (EPSG:4545 without .prj)', () => {
  let bytes: Uint8Array = new Uint8Array();
  beforeAll(() => {
    bytes = zipDir(
      gdalShapefile('shp4545', 'EPSG:4545'),
      (f) => f.endsWith('.prj') || !f.startsWith('lines'),
    );
  });

  it('asks for the CRS, naming the zone that fits', () => {
    const r = fail(importFile({ name: 'gk.zip', bytes }, {}));
    expect(r.needs).toBe('crs');
    expect(r.errors[0]).toMatch(/6-digit Gauss-Krüger eastings .* do not say their zone/);
    expect(r.errors[0]).toMatch(
      /--crs EPSG:4545 .* puts every point inside Qinzhou; --crs EPSG:4546 .* puts points outside Qinzhou; the choice that fits is --crs EPSG:4545/,
    );
  });

  it('imports with --crs EPSG:4545 to 1 mm', () => {
    const r = ok(importFile({ name: 'gk.zip', bytes }, { crs: 'EPSG:4545' }));
    expect(r.crsSource).toBe('option');
    expect(
      maxDeltaM(
        positions(r.features),
        positions(fixture('lines')),
        'shp 4545 with --crs lines vs source',
      ),
    ).toBeLessThan(0.001);
  });

  it('refuses --crs EPSG:4546 because the points land outside Qinzhou', () => {
    const r = fail(importFile({ name: 'gk.zip', bytes }, { crs: 'EPSG:4546' }));
    expect(r.errors[0]).toMatch(/2 feature\(s\) fall outside Qinzhou .* feature 1 of lines at \(/);
  });
});

describe('hejie import', () => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runImport(
      args,
      (s) => out.push(s),
      (s) => err.push(s),
      'en',
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('writes lon/lat GeoJSON and prints CRS, how, encoding and warnings', async () => {
    const zip = join(dir, 'cli.zip');
    writeFileSync(
      zip,
      zipDir(join(dir, 'shp4524'), (f) => f.endsWith('.cpg')),
    );
    const o = join(dir, 'out.geojson');
    const r = await run([zip, '-o', o]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'CRS: EPSG:4524 (CGCS2000 / 3-degree Gauss-Kruger zone 36), declared by the file',
    );
    expect(r.out).toContain('encoding: gbk');
    expect(r.out).toMatch(/warning: survey has no \.cpg/);
    expect(JSON.parse(readFileSync(o, 'utf8')).features).toHaveLength(7);
  });

  it('writes nothing on error (exit 1 with every reason), exit 2 on usage', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '点号,X,Y\n1,2428385.29,561979.81\n');
    const o = join(dir, 'never.geojson');
    const r = await run([bad, '-o', o]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/6-digit Gauss-Krüger eastings/);
    expect(r.err).toContain('run again with --crs');
    expect(existsSync(o)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('never'))).toEqual([]);
    expect((await run([bad, '-o', o, '--crs', '4545'])).code).toBe(0);
    unlinkSync(o);
    expect((await run([bad])).code).toBe(2);
    expect((await run([bad, '-o', o, '--crs', 'EPSG:3857'])).err).toMatch(/--crs must be one of/);
    expect((await run([bad, '-o', o, '--encoding', 'latin1'])).code).toBe(2);
    expect((await run([bad, '-o', o, '--frob'])).code).toBe(2);
    expect((await run([join(dir, 'missing.csv'), '-o', o])).err).toMatch(/cannot read/);
  });
});
