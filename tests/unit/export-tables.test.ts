import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { formatDms, formatFixed } from '../../src/domain/formats/common/dms';
import { csvFormat } from '../../src/domain/formats/csv/csv.format';
import { txtFormat } from '../../src/domain/formats/txt/txt.format';
import type { ExportFile } from '../../src/domain/formats/types';
import { xlsxFormat } from '../../src/domain/formats/xlsx/xlsx.format';
import { decodeGbk } from '../../src/domain/text/gbk';
import type { Table } from '../helpers/coordinate-tables';
import {
  CARRY_LAT,
  checkAgainstProj,
  cloud,
  ctxOf,
  fc,
  HAND,
  KIND_OF_FILE,
  marker,
  PROJECTED,
  readCsvTable,
  utf8,
  vertices,
  writeOk,
  ZONES,
} from '../helpers/coordinate-tables';
import { englishResult, inEnglish } from '../helpers/messages';

describe('formatDms and formatFixed', () => {
  it('print degrees-minutes-seconds to 0.0001″, carrying 59.99995″ into the next minute', () => {
    expect(formatDms(21.9512345)).toBe(`21°57'04.4442"`);
    expect(formatDms(108.6)).toBe(`108°36'00.0000"`);
    expect(formatDms(CARRY_LAT)).toBe(`22°00'00.0000"`);
    expect(formatDms(-0.5)).toBe(`-0°30'00.0000"`);
  });
  it('round half away from zero, always the asked decimals, never -0.00', () => {
    expect([formatFixed(0.125, 2), formatFixed(-0.125, 2), formatFixed(2.5, 0)]).toEqual([
      '0.13',
      '-0.13',
      '3',
    ]);
    expect([formatFixed(2428385, 2), formatFixed(-0.001, 2)]).toEqual(['2428385.00', '0.00']);
    // 150.005 is 150.00499999… as a double; the table rounds what is printed, as Excel's ROUND does
    expect([formatFixed(150.005, 2), formatFixed(36559999.995, 2), formatFixed(1e-7, 2)]).toEqual([
      '150.01',
      '36560000.00',
      '0.00',
    ]);
    expect([formatFixed(0.995, 2), formatFixed(9.9999, 3), formatFixed(3, 9)]).toEqual([
      '1.00',
      '10.000',
      '3.000000000',
    ]);
  });
});

describe('csv coordinate tables against PROJ', () => {
  const input = fc([...HAND, ...cloud(300)]);
  for (const code of [...PROJECTED, 'EPSG:4490' as const]) {
    it(`${code}: every X/Y equals cs2cs rounded to the cm, every B/L equals cs2cs's DMS`, () => {
      const r = writeOk(csvFormat, input, ctxOf(code));
      let worst = 0;
      let points = 0;
      for (const file of r.files) {
        const t = readCsvTable(utf8(file));
        const ids = new Map(input.features.map((f) => [f.properties?.id, f.geometry]));
        const lonLat = t.rows.map(
          (row) => (ids.get(row.点号) as { coordinates: number[] }).coordinates,
        );
        worst = Math.max(worst, checkAgainstProj(t, code, lonLat));
        points += t.rows.length;
      }
      expect(points).toBe(input.features.length);
      expect(worst).toBeLessThanOrEqual(0.001);
      console.info(
        `${code}: ${points} markers, max |unrounded − cs2cs| ${(worst * 1000).toFixed(6)} mm`,
      );
    });
  }

  for (const [name, zones] of ZONES) {
    it(`${name}: zones-only input gives vertex tables (J1…, closed rings) equal to cs2cs`, () => {
      const code = zones.features[0]?.properties?.crs === 'EPSG:4546' ? 'EPSG:4525' : 'EPSG:4524';
      const r = writeOk(csvFormat, zones, ctxOf(code));
      let points = 0;
      let worst = 0;
      for (const file of r.files) {
        const t = readCsvTable(utf8(file));
        const kind = KIND_OF_FILE[file.name.replace(/^qz-|界址点\.csv$/g, '')];
        const feats = zones.features.filter((f) => f.properties?.kind === kind);
        const coords = vertices(feats);
        expect(t.rows.length).toBe(coords.length);
        worst = Math.max(worst, checkAgainstProj(t, code, coords));
        checkNumbering(t, kind?.endsWith('line') ? 'line' : 'zone');
        points += t.rows.length;
      }
      expect(points).toBeGreaterThan(0);
      expect(worst).toBeLessThanOrEqual(0.001);
      console.info(
        `${name} ${code}: ${points} vertices, max |unrounded − cs2cs| ${(worst * 1000).toFixed(6)} mm`,
      );
    });
  }
});

describe('csv layout', () => {
  it('splits management, protection and notice-board tables, sorted by reach, bank, chainage', () => {
    const r = writeOk(csvFormat, fc(HAND), ctxOf('EPSG:4524'));
    expect(r.files.map((f) => f.name)).toEqual([
      'qz-管理范围线界桩.csv',
      'qz-保护范围线界桩.csv',
      'qz-公告牌.csv',
    ]);
    const [gl, bh, gsp] = r.files.map((f) => readCsvTable(utf8(f))) as [Table, Table, Table];
    expect(gl.columns).toEqual([
      '点号',
      'X',
      'Y',
      'B',
      'L',
      '河流',
      '河段',
      '线别',
      '岸别',
      '类型',
      '里程',
    ]);
    expect(gl.rows.map((x) => x.点号)).toEqual([
      'PB01-GL-L-001',
      'QJ01-GL-L-001',
      'QJ01-GL-L-002',
      'QJ01-GL-R-001',
      'QJ01-GL-R-002',
    ]);
    expect(gl.rows[2]).toMatchObject({
      岸别: '左岸',
      类型: '加密桩(弯道)',
      线别: '管理范围线',
      里程: '97.13',
      河流: '钦江',
    });
    expect(gl.rows[4]?.里程).toBe('150.01');
    expect(bh.rows.map((x) => [x.点号, x.线别, x.类型])).toEqual([
      ['QJ01-BH-L-001', '保护范围线', '端点桩'],
    ]);
    expect(gsp.rows.map((x) => [x.点号, x.类型, x.河流])).toEqual([
      ['QJ01-GSP-L-01', '公告牌(河段端点)', '钦江'],
      ['QJ01-GSP-R-02', '公告牌(间隔)', ''],
    ]);
    expect(Object.fromEntries(gl.header)).toMatchObject({
      表名: '管理范围线界桩坐标成果表',
      坐标系: '2000国家大地坐标系',
      EPSG: 'EPSG:4524',
      投影: '高斯-克吕格投影',
      分带: '3°分带',
      带号: '36',
      中央子午线: '108°',
      高程基准: '1985国家高程基准',
      计量单位: '米',
      Y坐标含带号: '是',
      点数: '5',
    });
  });

  it('names zone 37 without prefix, and says when there are no X/Y (EPSG:4490)', () => {
    const z37 = readCsvTable(
      utf8(writeOk(csvFormat, fc(HAND), ctxOf('EPSG:4546')).files[0] as ExportFile),
    );
    expect([
      z37.header.get('带号'),
      z37.header.get('中央子午线'),
      z37.header.get('Y坐标含带号'),
    ]).toEqual(['37', '111°', '否']);
    const geo = readCsvTable(
      utf8(writeOk(csvFormat, fc(HAND), ctxOf('EPSG:4490')).files[0] as ExportFile),
    );
    expect(geo.columns).toEqual([
      '点号',
      'B',
      'L',
      '纬度',
      '经度',
      '河流',
      '河段',
      '线别',
      '岸别',
      '类型',
      '里程',
    ]);
    expect(geo.header.get('说明')).toBe('地理坐标（EPSG:4490）：只列B、L，无平面坐标X、Y');
    expect([geo.header.get('投影'), geo.header.get('带号')]).toEqual(['无（地理坐标）', '不适用']);
  });

  it('UTF-8 (with BOM) and GBK decode to the same CRLF text; quotes what RFC 4180 needs', () => {
    const odd = marker({ lon: 108.6, lat: 21.95, river: '钦江,"北"支', reach: 'QJ 02' });
    const input = fc([...HAND, odd]);
    const u = writeOk(csvFormat, input, ctxOf('EPSG:4545', 'utf-8')).files;
    const g = writeOk(csvFormat, input, ctxOf('EPSG:4545', 'gbk')).files;
    expect(g.map((f) => f.name)).toEqual(u.map((f) => f.name));
    u.forEach((file, i) => {
      const text = utf8(file);
      expect(text.startsWith('\ufeff')).toBe(true);
      expect((g[i] as ExportFile).bytes[0]).not.toBe(0xef);
      expect(decodeGbk((g[i] as ExportFile).bytes)).toBe(text.slice(1));
      expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
      expect(text.endsWith('\r\n')).toBe(true);
    });
    expect(utf8(u[0] as ExportFile)).toContain('"钦江,""北""支",QJ 02,');
    expect(readCsvTable(utf8(u[0] as ExportFile)).rows.find((x) => x.河段 === 'QJ 02')?.河流).toBe(
      '钦江,"北"支',
    );
  });

  it('refuses GBK for a character GBK cannot hold, naming file, line and column', () => {
    const r = csvFormat.write(
      fc([marker({ lon: 108.6, lat: 21.95, river: '钦江🌊' })]),
      ctxOf('EPSG:4545', 'gbk'),
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(inEnglish(r.errors)[0]).toMatch(
        /^qz-管理范围线界桩\.csv, line 16, column 河流: "🌊" .*choose UTF-8/,
      );
  });

  it('reports bad markers and empty input; leaves out other features with a warning', () => {
    const bad = csvFormat.write(
      fc([...HAND, marker({ id: 'X-9', bank: 'middle' as 'left', lon: Number.NaN, lat: 21.9 })]),
      ctxOf('EPSG:4545'),
    );
    expect(englishResult(bad)).toEqual({
      ok: false,
      errors: [
        `feature 9 (marker "X-9"): bank must be 'left' or 'right', got "middle"; the point has coordinates [null,21.9], not numbers`,
      ],
    });
    expect(englishResult(csvFormat.write(fc([]), ctxOf('EPSG:4545')))).toMatchObject({
      ok: false,
      errors: [/nothing to tabulate/],
    });
    const other: Feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [108.6, 21.9] },
      properties: {},
    };
    const r = writeOk(csvFormat, fc([...HAND, other]), ctxOf('EPSG:4545'));
    expect(r.warnings).toEqual([
      '1 feature(s) are not markers, zones or zone lines and are left out of the table',
    ]);
    const straight = ZONES.find(([n]) => n === 'straight.geojson')?.[1].features ?? [];
    const mixed = writeOk(csvFormat, fc([...HAND, ...straight]), ctxOf('EPSG:4545'));
    expect(mixed.files).toHaveLength(3);
    expect(mixed.warnings).toEqual([
      '6 zone(s)/zone line(s) are left out: with markers the tables list the markers; export the zones alone for their vertex tables',
    ]);
  });
});

describe('inputs are not mutated', () => {
  it('by any of csv, xlsx, txt in either encoding', () => {
    const input = fc([
      ...HAND,
      ...(ZONES.find(([n]) => n === 'straight.geojson')?.[1].features ?? []),
    ]);
    const before = JSON.stringify(input);
    const freeze = (o: unknown): void => {
      if (o && typeof o === 'object') {
        Object.freeze(o);
        for (const v of Object.values(o)) freeze(v);
      }
    };
    freeze(input);
    for (const format of [csvFormat, xlsxFormat, txtFormat]) {
      for (const encoding of ['utf-8', 'gbk'] as const) {
        expect(format.write(input, ctxOf('EPSG:4524', encoding)).ok).toBe(true);
        expect(format.write(fc(input.features.slice(8)), ctxOf('EPSG:4545', encoding)).ok).toBe(
          true,
        );
      }
    }
    expect(JSON.stringify(input)).toBe(before);
  });
});

/** J1… per feature (地块编号), consecutive; zone rings end on their first point's 点号, 圈号 1, 2, … */
function checkNumbering(t: Table, layer: 'zone' | 'line'): void {
  const byCode = new Map<string, Table['rows']>();
  for (const r of t.rows)
    byCode.set(r.地块编号 as string, [...(byCode.get(r.地块编号 as string) ?? []), r]);
  for (const [code, rows] of byCode) {
    const rings = new Map<string, Table['rows']>();
    for (const r of rows) rings.set(r.圈号 as string, [...(rings.get(r.圈号 as string) ?? []), r]);
    expect([...rings.keys()], code).toEqual(
      Array.from({ length: rings.size }, (_, k) => String(k + 1)),
    );
    let next = 1;
    for (const ring of rings.values()) {
      const open = layer === 'zone' ? ring.slice(0, -1) : ring;
      expect(
        open.map((r) => r.点号),
        code,
      ).toEqual(open.map((_, k) => `J${next + k}`));
      if (layer === 'zone') expect(ring.at(-1)?.点号).toBe(ring[0]?.点号);
      next += open.length;
    }
  }
}
