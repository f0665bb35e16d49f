import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import';
import { CRS, type CrsCode, projector } from '../../src/domain/crs/crs';
import { IMPORT_EXTENT, parsePrj } from '../../src/domain/formats/detect-crs';
import { EXPORT_FORMATS } from '../../src/domain/formats/export-formats';
import { importFile } from '../../src/domain/formats/import-file';
import { parseDegrees } from '../../src/domain/formats/read-table';
import type { ImportResult } from '../../src/domain/formats/types';
import { encodeGbk } from '../../src/domain/text/gbk';

const FIX = join(__dirname, '../fixtures/import');
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hejie-import-'));
});
/** max |Δ| figures printed at the end, for the report */
const FIGURES: string[] = [];
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.info(FIGURES.join('\n'));
});

const ogr = (...args: string[]) =>
  execFileSync('ogr2ogr', args, { stdio: ['ignore', 'pipe', 'pipe'] });
const read = (p: string) => new Uint8Array(readFileSync(p));
const utf8 = (s: string) => new TextEncoder().encode(s);
function gbk(s: string): Uint8Array {
  const r = encodeGbk(s);
  if (!r.ok) throw new Error(r.reason);
  return r.bytes;
}
function entry(files: Record<string, Uint8Array>, name: string): Uint8Array {
  const b = files[name];
  if (!b) throw new Error(`no ${name}`);
  return b;
}

/** Writes the three fixture layers as a shapefile in `crs` (GBK, as Chinese GIS desktops do). */
function gdalShapefile(name: string, crs: string): string {
  const out = join(dir, name);
  for (const layer of ['survey', 'lines', 'zones']) {
    ogr(
      '-f',
      'ESRI Shapefile',
      '-s_srs',
      'EPSG:4490',
      '-t_srs',
      crs,
      '-lco',
      'ENCODING=CP936',
      '-nln',
      layer,
      out,
      join(FIX, `${layer}.geojson`),
    );
  }
  return out;
}

function zipDir(d: string, skip: (f: string) => boolean = () => false): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const f of readdirSync(d)) if (!skip(f)) files[f] = read(join(d, f));
  return zipSync(files);
}

/** All positions of a collection, in feature order. */
const positions = (fc: FeatureCollection): Position[] =>
  JSON.stringify(fc.features.map((f) => f.geometry))
    .match(/\[-?\d+(\.\d+)?(e-?\d+)?,-?\d+(\.\d+)?(e-?\d+)?\]/g)
    ?.map((s) => JSON.parse(s)) ?? [];

/** Largest distance in metres between matching lon/lat positions (recorded under `label`). */
function maxDeltaM(a: Position[], b: Position[], label = ''): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  a.forEach((p, i) => {
    const q = b[i] as Position;
    const dx =
      ((p[0] as number) - (q[0] as number)) *
      111_320 *
      Math.cos(((p[1] as number) * Math.PI) / 180);
    const dy = ((p[1] as number) - (q[1] as number)) * 110_574;
    max = Math.max(max, Math.hypot(dx, dy));
  });
  if (label) FIGURES.push(`${label}: max |Δ| ${(max * 1e6).toFixed(2)} µm over ${a.length} points`);
  return max;
}

function ok(r: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!r.ok) throw new Error(`import failed: ${r.errors.join('; ')}`);
  return r;
}
const fail = (r: ImportResult) => {
  if (r.ok) throw new Error('import should have failed');
  return r;
};

/** GDAL's own lon/lat reading of a dataset (the reference). */
function gdalLonLat(src: string, sSrs?: string): FeatureCollection {
  const out = join(dir, `ref-${Math.random().toString(36).slice(2)}.geojson`);
  ogr(
    '-f',
    'GeoJSON',
    ...(sSrs ? ['-s_srs', sSrs] : []),
    '-t_srs',
    'EPSG:4490',
    '-lco',
    'RFC7946=YES',
    '-lco',
    'COORDINATE_PRECISION=12',
    out,
    src,
  );
  return JSON.parse(readFileSync(out, 'utf8'));
}

const fixture = (layer: string): FeatureCollection =>
  JSON.parse(readFileSync(join(FIX, `${layer}.geojson`), 'utf8'));
const byLayer = (fc: FeatureCollection, layer: string): FeatureCollection => ({
  type: 'FeatureCollection',
  features: fc.features.filter((f) => f.properties?.layer === layer),
});

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

/** PROJ's cs2cs over many lines (EPSG axis order: lat lon, N E). */
function cs2cs(from: string, to: string, lines: string[]): number[][] {
  const out = execFileSync('cs2cs', ['-f', '%.12f', from, to], {
    input: `${lines.join('\n')}\n`,
  }).toString();
  return out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
}

/** [X (north), Y (east)] of a lon/lat point in `code`, to the centimetre as tables print them. */
function xy(code: CrsCode, p: Position): [string, string] {
  const [e, n] = projector(code).forward(p);
  return [n.toFixed(2), e.toFixed(2)];
}

describe('TXT coordinate exchange file', () => {
  const outer: Position[] = [
    [108.6, 21.95],
    [108.62, 21.95],
    [108.62, 21.97],
    [108.6, 21.97],
    [108.6, 21.95],
  ];
  const hole: Position[] = [
    [108.605, 21.955],
    [108.605, 21.96],
    [108.61, 21.96],
    [108.61, 21.955],
    [108.605, 21.955],
  ];
  const line: Position[] = [
    [108.6, 21.95],
    [108.605, 21.953],
    [108.612, 21.9561],
  ];
  function txt(code: CrsCode, swap: boolean, zone: string): string {
    const row = (id: string, ring: number, p: Position) => {
      const [x, y] = xy(code, p);
      return swap ? `${id},${ring},${y},${x}` : `${id},${ring},${x},${y}`;
    };
    const rows = [
      ...outer.map((p, i) => row(`J${(i % 4) + 1}`, 1, p)),
      ...hole.map((p, i) => row(`J${(i % 4) + 5}`, 2, p)),
    ];
    return [
      '[属性描述]',
      '坐标系=2000国家大地坐标系',
      '几度分带=3',
      '投影类型=高斯克吕格',
      '计量单位=米',
      `带号=${zone}`,
      '精度=0.01',
      '[地块坐标]',
      `10,4.1234,QJ01-GLFW,钦江 QJ01 管理范围面,面,,,,@`,
      ...rows,
      `3,0.0000,QJ01-GLX-L,钦江 QJ01 管理范围线,线,,,,@`,
      ...line.map((p, i) => row(`J${i + 1}`, 1, p)),
      `2,0.0000,QJ01-GL-L,钦江 QJ01 界桩,点,,,,@`,
      row('QJ01-GL-L-001', 1, [108.61, 21.951]),
      row('QJ01-GL-L-002', 1, [108.612, 21.952]),
      '',
    ].join('\r\n');
  }

  it('with swapped axes (Y before X, prefixed) imports with a warning, to 1 mm', () => {
    const r = ok(importFile({ name: '钦江.txt', bytes: gbk(txt('EPSG:4524', true, '36')) }, {}));
    expect([r.crs, r.crsSource, r.encoding]).toEqual(['EPSG:4524', 'detected', 'gbk']);
    expect(r.warnings.join()).toMatch(
      /X \(north\) and Y \(east\) were swapped in 15 of 15 points .*exchanged them back/,
    );
    const [zone, ln, m1, m2] = r.features.features;
    expect(zone?.geometry).toMatchObject({ type: 'Polygon' });
    expect(zone?.properties).toMatchObject({
      编号: 'QJ01-GLFW',
      名称: '钦江 QJ01 管理范围面',
      类型: '面',
    });
    expect(ln?.geometry.type).toBe('LineString');
    expect([m1?.properties?.点号, m2?.properties?.点号]).toEqual([
      'QJ01-GL-L-001',
      'QJ01-GL-L-002',
    ]);
    const exact = [...outer, ...hole, ...line, [108.61, 21.951], [108.612, 21.952]];
    // the table is rounded to the centimetre: PROJ's inverse of the printed X/Y is the reference
    const printed = exact.map((p) => xy('EPSG:4524', p));
    const ref = cs2cs(
      'EPSG:4524',
      'EPSG:4490',
      printed.map(([x, y]) => `${x} ${y}`),
    ).map(([lat, lon]) => [lon, lat] as Position);
    expect(
      maxDeltaM(positions(r.features), ref, 'txt swapped vs cs2cs inverse of the printed X/Y'),
    ).toBeLessThan(0.001);
    expect(maxDeltaM(positions(r.features), exact)).toBeLessThan(0.0071);
  });

  it('6-digit Y with 带号 = 36 is EPSG:4545; 带号 contradicting the prefix is an error', () => {
    const r = ok(importFile({ name: 'a.txt', bytes: utf8(txt('EPSG:4545', false, '36')) }, {}));
    expect([r.crs, r.crsSource, r.encoding, r.warnings]).toEqual([
      'EPSG:4545',
      'detected',
      'utf-8',
      [],
    ]);
    const bad = fail(importFile({ name: 'a.txt', bytes: utf8(txt('EPSG:4524', false, '37')) }, {}));
    expect(bad.errors[0]).toBe('the header says 带号 37 but the eastings carry zone prefix 36');
  });
});

describe('KML and DXF written by GDAL', () => {
  it('KML: lon/lat with names and attributes, equal coordinates', () => {
    const kml = join(dir, 'lines.kml');
    ogr('-f', 'KML', kml, join(FIX, 'lines.geojson'));
    const r = ok(importFile({ name: 'lines.kml', bytes: read(kml) }, {}));
    expect([r.crs, r.crsSource]).toEqual(['EPSG:4490', 'prj']);
    expect(r.features.features.map((f) => f.properties?.名称)).toEqual([
      '钦江管理范围线',
      '大风江保护范围线',
    ]);
    expect(r.features.features[0]?.properties).toMatchObject({ 岸别: '左岸', layer: 'lines' });
    expect(
      maxDeltaM(positions(r.features), positions(fixture('lines')), 'kml vs source'),
    ).toBeLessThan(0.001);
    const zones = join(dir, 'zones.kml');
    ogr('-f', 'KML', zones, join(FIX, 'zones.geojson'));
    const z = ok(importFile({ name: 'zones.kml', bytes: read(zones) }, {}));
    expect(z.features.features.map((f) => f.geometry.type)).toEqual(['Polygon', 'MultiPolygon']);
    expect(
      maxDeltaM(positions(z.features), positions(fixture('zones')), 'kml zones vs source'),
    ).toBeLessThan(0.001);
  });

  it('DXF in EPSG:4524 (x = east): prefix detected, lines, hatches and points equal to 1 mm', () => {
    for (const layer of ['lines', 'zones', 'survey']) {
      const dxf = join(dir, `${layer}.dxf`);
      ogr(
        '-f',
        'DXF',
        '-s_srs',
        'EPSG:4490',
        '-t_srs',
        'EPSG:4524',
        dxf,
        join(FIX, `${layer}.geojson`),
      );
      const r = ok(importFile({ name: `${layer}.dxf`, bytes: read(dxf) }, {}));
      expect([r.crs, r.crsSource]).toEqual(['EPSG:4524', 'detected']);
      const src = fixture(layer);
      const want = layer === 'zones' ? 3 : src.features.length;
      expect(r.features.features).toHaveLength(want);
      expect(r.features.features[0]?.properties).toMatchObject({ layer: '0' });
      const ref = positions(gdalLonLat(dxf, 'EPSG:4524'));
      expect(
        maxDeltaM(positions(r.features), ref, `dxf 4524 ${layer} vs ogr2ogr reading it`),
      ).toBeLessThan(0.001);
    }
  });
});

describe('CSV and XLSX coordinate tables', () => {
  const P1: Position = [108.6123456, 21.9512345];
  const P2: Position = [108.6134567, 21.9523456];

  it('a GBK surveyor table with 点号,北坐标,东坐标 (6-digit) asks for --crs, then imports', () => {
    const rows = [
      '点号,北坐标,东坐标,备注',
      ...[P1, P2].map((p, i) => `JZ${i + 1},${xy('EPSG:4545', p).join(',')},钦江左岸`),
    ];
    const bytes = gbk(rows.join('\r\n'));
    expect(fail(importFile({ name: 't.csv', bytes })).needs).toBe('crs');
    const r = ok(importFile({ name: 't.csv', bytes }, { crs: 'EPSG:4545' }));
    expect(r.encoding).toBe('gbk');
    expect(r.features.features[1]?.properties).toEqual({ 点号: 'JZ2', 备注: '钦江左岸' });
    expect(maxDeltaM(positions(r.features), [P1, P2])).toBeLessThan(0.0071);
  });

  it('UTF-8 with BOM, DMS 纬度/经度 columns', () => {
    const dms = (v: number) => {
      const d = Math.floor(v);
      const m = Math.floor((v - d) * 60);
      return `${d}°${m}'${((v - d - m / 60) * 3600).toFixed(4)}"`;
    };
    const text = `\uFEFF点名,纬度,经度\nA,${dms(P1[1] as number)},${dms(P1[0] as number)}\nB,"${dms(P2[1] as number).replace(/"/g, '""')}",${dms(P2[0] as number)}\n`;
    const r = ok(importFile({ name: 'dms.csv', bytes: utf8(text) }));
    expect([r.crs, r.encoding]).toEqual(['EPSG:4490', 'utf-8']);
    expect(
      maxDeltaM(positions(r.features), [P1, P2], 'csv DMS (4-decimal seconds) vs exact'),
    ).toBeLessThan(0.003);
    expect(parseDegrees('21°57\'52.12"')).toBeCloseTo(21 + 57 / 60 + 52.12 / 3600, 12);
    expect(parseDegrees('108度36分44.4444秒')).toBeCloseTo(108 + 36 / 60 + 44.4444 / 3600, 12);
    expect(parseDegrees('abc')).toBeNaN();
  });

  it('headerless 点号,X,Y with swapped prefixed columns warns and fixes', () => {
    const text = [P1, P2]
      .map((p, i) => `${i + 1},${xy('EPSG:4524', p).reverse().join(',')}`)
      .join('\n');
    const r = ok(importFile({ name: 'raw.csv', bytes: utf8(text) }));
    expect(r.crs).toBe('EPSG:4524');
    expect(r.warnings[0]).toMatch(/swapped in 2 of 2 points \(row 1, row 2\)/);
    expect(r.features.features[0]?.properties).toEqual({ 点号: '1' });
  });

  it('6/7-digit X/Y swapped (easting in the X column) and whitespace TXT tables', () => {
    const rows = [P1, P2].map((p, i) => `JZ${i + 1},${xy('EPSG:4545', p).reverse().join(',')}`);
    const r = ok(
      importFile(
        { name: 's.csv', bytes: utf8(['点号,X,Y', ...rows].join('\n')) },
        { crs: 'EPSG:4545' },
      ),
    );
    expect(r.warnings[0]).toMatch(/X \(north\) and Y \(east\) were swapped in 2 of 2 points/);
    expect(maxDeltaM(positions(r.features), [P1, P2])).toBeLessThan(0.0071);
    const txt = [P1, P2].map((p, i) => `${i + 1}  ${xy('EPSG:4524', p).join('   ')}`).join('\r\n');
    const t = ok(importFile({ name: 'plain.txt', bytes: utf8(txt) }));
    expect([t.crs, t.warnings]).toEqual(['EPSG:4524', []]);
    expect(maxDeltaM(positions(t.features), [P1, P2])).toBeLessThan(0.0071);
  });

  it('XLSX written by GDAL (numbers, shared strings), the export layout header block is read', () => {
    const rows = [P1, P2].map((p, i) => {
      const [x, y] = xy('EPSG:4545', p);
      return {
        type: 'Feature',
        properties: { 点号: `QJ01-GL-L-00${i + 1}`, X: Number(x), Y: Number(y), 河流: '钦江' },
        geometry: null,
      };
    });
    const src = join(dir, 'table.geojson');
    writeFileSync(src, JSON.stringify({ type: 'FeatureCollection', features: rows }));
    const xlsx = join(dir, 'table.xlsx');
    ogr('-f', 'XLSX', '-nln', '管理范围线界桩', xlsx, src);
    const bytes = read(xlsx);
    expect(fail(importFile({ name: 'table.xlsx', bytes })).needs).toBe('crs');
    const r = ok(importFile({ name: 'table.xlsx', bytes }, { crs: 'EPSG:4545' }));
    expect(r.features.features[0]?.properties).toEqual({ 点号: 'QJ01-GL-L-001', 河流: '钦江' });
    expect(maxDeltaM(positions(r.features), [P1, P2])).toBeLessThan(0.0071);
  });

  it('XLSX with inline strings and the export header block (EPSG row) needs no --crs', () => {
    const cell = (ref: string, v: string | number) =>
      typeof v === 'number'
        ? `<c r="${ref}"><v>${v}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const [x, y] = xy('EPSG:4545', P1);
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="1">${cell('A1', 'EPSG')}${cell('B1', 'EPSG:4545')}</row><row r="2">${cell('A2', '带号')}${cell('B2', '36')}</row>
      <row r="4">${cell('A4', '点号')}${cell('B4', 'X')}${cell('C4', 'Y')}</row>
      <row r="5">${cell('A5', 'J1')}${cell('B5', Number(x))}${cell('C5', Number(y))}</row></sheetData></worksheet>`;
    const wb =
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="界址点" sheetId="1" r:id="rId1"/></sheets></workbook>';
    const rels =
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>';
    const bytes = zipSync({
      'xl/workbook.xml': utf8(wb),
      'xl/_rels/workbook.xml.rels': utf8(rels),
      'xl/worksheets/sheet1.xml': utf8(sheet),
    });
    const r = ok(importFile({ name: 'inline.xlsx', bytes }));
    expect([r.crs, r.crsSource]).toEqual(['EPSG:4545', 'prj']);
    expect(r.features.features[0]?.properties).toEqual({ 点号: 'J1' });
  });
});

describe('bad files: a specific reason each, nothing imported', () => {
  let shpDir = '';
  beforeAll(() => {
    shpDir = gdalShapefile('bad', 'EPSG:4524');
  });
  const shpZip = (patch: (files: Record<string, Uint8Array>) => void) => {
    const files: Record<string, Uint8Array> = {};
    for (const f of readdirSync(shpDir))
      if (f.startsWith('lines')) files[f] = read(join(shpDir, f));
    patch(files);
    return zipSync(files);
  };
  const errorOf = (name: string, bytes: Uint8Array, opts = {}) =>
    fail(importFile({ name, bytes }, opts)).errors.join('\n');

  it('truncated .shp, bad file code, missing .dbf, zip without .shp', () => {
    expect(
      errorOf(
        't.zip',
        shpZip((f) => (f['lines.shp'] = entry(f, 'lines.shp').subarray(0, 150))),
      ),
    ).toMatch(/lines\.shp is truncated: its header says \d+ bytes, the file has 150/);
    const badCode = shpZip((f) => {
      const b = entry(f, 'lines.shp').slice();
      b[3] = 0;
      f['lines.shp'] = b;
    });
    expect(errorOf('c.zip', badCode)).toMatch(
      /lines\.shp is not a shapefile \(file code 9984, expected 9994\)/,
    );
    expect(
      errorOf(
        'd.zip',
        shpZip((f) => delete f['lines.dbf']),
      ),
    ).toBe('lines.shp has no lines.dbf beside it (a shapefile needs both)');
    expect(errorOf('e.zip', zipSync({ 'readme.txt': utf8('hi') }))).toBe(
      'e.zip holds no .shp file',
    );
  });

  it('a .zip that is not a zip, an xlsx that is not a zip, a zip that would inflate past 1 GB, over 200 MB', () => {
    expect(errorOf('x.zip', utf8('hello'))).toMatch(/x\.zip is not a zip archive/);
    expect(errorOf('x.xlsx', utf8('a,b'))).toMatch(/x\.xlsx is not a zip archive/);
    const bomb = zipSync({ 'a.shp': new Uint8Array(1000) }, { level: 9 });
    const cd = bomb.findIndex(
      (_, i) => bomb[i] === 0x50 && bomb[i + 1] === 0x4b && bomb[i + 2] === 1 && bomb[i + 3] === 2,
    );
    new DataView(bomb.buffer).setUint32(cd + 24, 0xfffff000, true);
    expect(errorOf('bomb.zip', bomb)).toBe('bomb.zip would inflate to 4.0 GB; the limit is 1 GB');
    const huge = { name: 'huge.geojson', bytes: new Uint8Array(200 * 1024 * 1024 + 1) };
    expect(fail(importFile(huge)).errors[0]).toBe('huge.geojson is 200 MB; the limit is 200 MB');
  });

  it('no geometry, invalid GeoJSON, XML that is not KML, unknown type, DXF without entities', () => {
    const noGeom = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { a: 1 }, geometry: null }],
    };
    expect(errorOf('n.geojson', utf8(JSON.stringify(noGeom)))).toBe('n.geojson holds no geometry');
    expect(errorOf('i.geojson', utf8('{"type": "FeatureCollection", "features": ['))).toMatch(
      /i\.geojson is not valid JSON/,
    );
    const badCoords = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: [[1, 'a']] },
    };
    expect(errorOf('b.geojson', utf8(JSON.stringify(badCoords)))).toBe(
      'b.geojson: feature 1: LineString coordinates are not arrays of numbers',
    );
    expect(errorOf('g.kml', utf8('<gpx><trk/></gpx>'))).toBe(
      'g.kml is XML but not KML (its root element is <gpx>, not <kml>)',
    );
    expect(errorOf('h.kml', utf8('<kml><Document>'))).toMatch(/h\.kml is not well-formed XML/);
    expect(errorOf('e.kml', utf8('<kml><Document/></kml>'))).toBe(
      'e.kml holds no placemark with geometry',
    );
    expect(errorOf('a.gpx', utf8('<gpx/>'))).toMatch(
      /unknown file type "\.gpx"; Hejie imports \.zip, \.geojson/,
    );
    expect(errorOf('a.shp', utf8('x'))).toMatch(/zip the shapefile/);
    expect(errorOf('e.dxf', utf8('0\nSECTION\n2\nENTITIES\n0\nENDSEC\n0\nEOF\n'))).toMatch(
      /e\.dxf holds no geometry/,
    );
    expect(errorOf('n.csv', utf8('a,b\nc,d\n'))).toMatch(/no coordinate columns found/);
    expect(errorOf('empty.csv', new Uint8Array())).toBe('empty.csv is empty');
  });

  it('the import extent is geodata/bounds.json plus 0.05°', () => {
    const b = JSON.parse(
      readFileSync(join(__dirname, '../../geodata/bounds.json'), 'utf8'),
    ).qinzhou;
    const { west, south, east, north } = IMPORT_EXTENT;
    expect([west, south, east, north].map((v, i) => v - b[i])).toEqual(
      [-0.05, -0.05, 0.05, 0.05].map((m) => expect.closeTo(m, 12)),
    );
  });

  it('points outside Qinzhou are refused, naming feature and position; unknown numbers too', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [P(108.6, 21.95), P(113.3, 23.1), P(108.7, 22.0)],
    };
    expect(errorOf('o.geojson', utf8(JSON.stringify(fc)))).toBe(
      '1 feature(s) fall outside Qinzhou (108.13–109.92°E, 21.54–22.73°N) in EPSG:4490: feature 2 at (113.3, 23.1) → 113.30000°E 23.10000°N; check the CRS/zone, or remove the points',
    );
    const csv = utf8('点号,X,Y\n1,12.5,300\n');
    expect(errorOf('u.csv', csv)).toMatch(
      /neither lon\/lat degrees nor CGCS2000 Gauss-Krüger metres: row 2 \(12\.5, 300\)/,
    );
    const mixed = {
      type: 'FeatureCollection',
      features: [P(108.6, 21.95), P(36_561_979.8, 2_428_385.3)],
    };
    expect(errorOf('m.geojson', utf8(JSON.stringify(mixed)))).toMatch(
      /mixes kinds of coordinates: lon\/lat degrees at feature 1 .*; 8-digit eastings with a zone prefix at feature 2/,
    );
  });
});

const P = (lon: number, lat: number) => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

describe('.prj parsing against GDAL WKT', () => {
  const wkt = (code: string, fmt: string) =>
    execFileSync('gdalsrsinfo', ['-o', fmt, code]).toString();
  it('identifies every Hejie CRS in ESRI WKT, WKT1 and WKT2', () => {
    let n = 0;
    for (const code of Object.keys(CRS) as CrsCode[]) {
      for (const fmt of ['wkt_esri', 'wkt1', 'wkt2']) {
        expect(parsePrj(wkt(code, fmt), `${code}.prj`), `${code} ${fmt}`).toEqual({
          ok: true,
          crs: code,
          note: null,
        });
        n++;
      }
    }
    FIGURES.push(`.prj: ${n} WKT texts from gdalsrsinfo identified`);
  });

  it('takes WGS 84 lon/lat with a note; refuses Xian 1980, Beijing 1954, UTM, other zones', () => {
    expect(parsePrj(wkt('EPSG:4326', 'wkt_esri'), 'w.prj')).toMatchObject({
      ok: true,
      crs: 'EPSG:4490',
      note: expect.stringMatching(/WGS 84 .* taken as CGCS2000/),
    });
    expect(parsePrj(wkt('EPSG:2383', 'wkt_esri'), 'x.prj')).toEqual({
      ok: false,
      error:
        'x.prj: the data is in Xian 1980 (Xian_1980_3_Degree_GK_CM_114E); convert it to CGCS2000 first',
    });
    expect(parsePrj(wkt('EPSG:2433', 'wkt1'), 'b.prj')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/in Beijing 1954 .*convert it to CGCS2000 first/),
    });
    expect(parsePrj(wkt('EPSG:32649', 'wkt_esri'), 'u.prj')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/projected on WGS 84 \(WGS_1984_UTM_Zone_49N\)/),
    });
    expect(parsePrj(wkt('EPSG:4547', 'wkt_esri'), 'z.prj')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/central meridian 114°.*not one of Qinzhou's/),
    });
    expect(parsePrj('garbage', 'g.prj')).toEqual({
      ok: false,
      error: 'g.prj is not a WKT coordinate system',
    });
  });

  it('a shapefile whose .prj is Xian 1980 is refused', () => {
    const d = join(dir, 'xian');
    ogr(
      '-f',
      'ESRI Shapefile',
      '-s_srs',
      'EPSG:4490',
      '-t_srs',
      'EPSG:2381',
      '-nln',
      'lines',
      d,
      join(FIX, 'lines.geojson'),
    );
    const r = fail(importFile({ name: 'xian.zip', bytes: zipDir(d) }));
    expect(r.errors[0]).toMatch(
      /lines\.prj: the data is in Xian 1980 .* convert it to CGCS2000 first/,
    );
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

/** Distance in metres between two lon/lat positions (local plane; fine at these distances). */
const distM = (p: Position, q: Position) =>
  Math.hypot(
    ((p[0] as number) - (q[0] as number)) * 111_320 * Math.cos(((p[1] as number) * Math.PI) / 180),
    ((p[1] as number) - (q[1] as number)) * 110_574,
  );

/** Largest distance from any position of `a` to the nearest of `b`, both ways (a Hausdorff distance). */
function hausdorffM(a: Position[], b: Position[]): number {
  const key = (p: Position) =>
    `${Math.round((p[0] as number) * 1e4)},${Math.round((p[1] as number) * 1e4)}`;
  const grid = (ps: Position[]) => {
    const g = new Map<string, Position[]>();
    for (const p of ps) g.set(key(p), [...(g.get(key(p)) ?? []), p]);
    return g;
  };
  const one = (from: Position[], to: Map<string, Position[]>) => {
    let worst = 0;
    for (const p of from) {
      let best = Number.POSITIVE_INFINITY;
      const [x, y] = key(p).split(',').map(Number) as [number, number];
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++)
          for (const q of to.get(`${x + dx},${y + dy}`) ?? []) best = Math.min(best, distM(p, q));
      worst = Math.max(worst, best);
    }
    return worst;
  };
  return Math.max(one(a, grid(b)), one(b, grid(a)));
}

describe('round trip: export (every format) → import', () => {
  const zonesDir = join(__dirname, '../fixtures/zones/out');
  const inputs = readdirSync(zonesDir).filter((f) => f.endsWith('.geojson'));
  it.each(['EPSG:4524', 'EPSG:4545', 'EPSG:4490'] as const)(
    'returns the same positions in %s',
    (crs) => {
      const worst: Record<string, number> = {};
      let files = 0;
      for (const input of inputs) {
        const fc: FeatureCollection = JSON.parse(readFileSync(join(zonesDir, input), 'utf8'));
        const original = positions(fc);
        for (const format of EXPORT_FORMATS) {
          const w = format.write(fc, { crs: CRS[crs], encoding: 'gbk', baseName: 'rt' });
          if (!w.ok) {
            // the exchange file and CAD drawings hold projected X/Y only
            expect(['txt EPSG:4490', 'dxf EPSG:4490']).toContain(`${format.id} ${crs}`);
            continue;
          }
          const back: Position[] = [];
          for (const file of w.files) {
            let r = importFile({ name: file.name, bytes: file.bytes });
            if (!r.ok && r.needs === 'crs')
              r = importFile({ name: file.name, bytes: file.bytes }, { crs });
            const got = ok(r);
            expect(got.crs).toBe(format.lonLatOnly ? 'EPSG:4490' : crs);
            back.push(...positions(got.features));
            files++;
          }
          const d = hausdorffM(back, original);
          worst[format.id] = Math.max(worst[format.id] ?? 0, d);
        }
      }
      const tables = new Set(['csv', 'xlsx', 'txt']);
      for (const [id, d] of Object.entries(worst)) {
        // tables print X/Y to the centimetre (≤ 7.07 mm off, + the plane approximation of distM) and
        // B/L to 0.0001″ (≤ 3 mm); GIS files keep full precision
        expect(d, `${id} ${crs}`).toBeLessThan(
          tables.has(id) ? (crs === 'EPSG:4490' ? 0.003 : 0.0075) : 0.001,
        );
      }
      FIGURES.push(
        `round trip ${crs} (${inputs.length} zone outputs, ${files} files): ${Object.entries(worst)
          .map(([id, d]) => `${id} ${(d * 1000).toFixed(3)} mm`)
          .join(', ')}`,
      );
    },
    60_000,
  );
});
