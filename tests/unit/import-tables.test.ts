import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { CrsCode } from '../../src/domain/crs/crs';
import { importFile } from '../../src/domain/formats/import/import-file';
import { parseDegrees } from '../../src/domain/formats/tables/table-rows';
import {
  cs2cs,
  dir,
  FIX,
  fail,
  fixture,
  gbk,
  gdalLonLat,
  maxDeltaM,
  ogr,
  ok,
  positions,
  read,
  utf8,
  xy,
} from '../helpers/import';

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
