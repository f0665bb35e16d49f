import { unzipSync } from 'fflate';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { CrsCode } from '../../src/domain/crs/crs';
import { CRS } from '../../src/domain/crs/crs';
import { csvFormat } from '../../src/domain/formats/csv/csv.format';
import { txtFormat } from '../../src/domain/formats/txt/txt.format';
import type { ExportFile } from '../../src/domain/formats/types';
import { xlsxFormat } from '../../src/domain/formats/xlsx/xlsx.format';
import { decodeGbk } from '../../src/domain/text/gbk';
import type { Table } from '../helpers/coordinate-tables';
import {
  cloud,
  cmOf,
  cs2csXY,
  ctxOf,
  fc,
  HAND,
  marker,
  readCsvTable,
  utf8,
  vertices,
  writeOk,
  ZONES,
} from '../helpers/coordinate-tables';
import { ogrinfo, ogrToGeoJson, withTempDir, writeFiles } from '../helpers/gdal';
import { englishResult } from '../helpers/messages';

describe('xlsx coordinate tables read back by GDAL', () => {
  /** One sheet as GDAL's XLSX driver reads it: every row, all cells as text. */
  const gdalRows = (path: string, sheet: string) =>
    ogrToGeoJson(path, sheet, ['-oo', 'HEADERS=DISABLE', '-oo', 'FIELD_TYPES=STRING']).features.map(
      (f) => Array.from({ length: 12 }, (_, j) => String(f.properties?.[`Field${j + 1}`] ?? '')),
    );

  function compareWithCsv(path: string, sheet: string, csv: Table): void {
    const rows = gdalRows(path, sheet);
    const at = rows.findIndex((r) => r[0] === '点号');
    expect(at, `${sheet}: header block of ${csv.header.size} rows and an empty row`).toBe(
      csv.header.size + 1,
    );
    expect(rows[at]?.slice(0, csv.columns.length)).toEqual(csv.columns);
    expect(rows.length - at - 1, `${sheet} data rows`).toBe(csv.rows.length);
    expect(rows.slice(0, at - 1).map((r) => r[0])).toEqual([...csv.header.keys()]);
    csv.rows.forEach((want, i) => {
      const got = rows[at + 1 + i] as string[];
      csv.columns.forEach((c, j) => {
        const w = want[c] as string;
        if (/^-?\d+(\.\d+)?$/.test(w) && c !== '点号')
          expect(Number(got[j]), `${sheet} ${want.点号} ${c}`).toBe(Number(w));
        else expect(got[j], `${sheet} ${want.点号} ${c}`).toBe(w);
      });
    });
  }

  it('markers (EPSG:4524): one sheet per table, values equal to the csv (and so to cs2cs)', () => {
    const input = fc([...HAND, ...cloud(60)]);
    const csv = writeOk(csvFormat, input, ctxOf('EPSG:4524')).files.map((f) =>
      readCsvTable(utf8(f)),
    );
    const r = writeOk(xlsxFormat, input, ctxOf('EPSG:4524', 'gbk'));
    expect(r.files.map((f) => f.name)).toEqual(['qz.xlsx']);
    withTempDir((dir) => {
      const [path] = writeFiles(dir, r.files) as [string];
      const layers = ogrinfo(path).match(/^\d+: \S+/gm);
      expect(layers).toEqual(['1: 管理范围线界桩', '2: 保护范围线界桩', '3: 公告牌']);
      ['管理范围线界桩', '保护范围线界桩', '公告牌'].forEach((sheet, i) => {
        compareWithCsv(path, sheet, csv[i] as Table);
      });
    });
  });

  it('zones only (hairpin, EPSG:4545): vertex sheets read back with every row', () => {
    const zones = ZONES.find(([n]) => n === 'hairpin.geojson')?.[1] as FeatureCollection;
    const csvFiles = writeOk(csvFormat, zones, ctxOf('EPSG:4545')).files;
    const r = writeOk(xlsxFormat, zones, ctxOf('EPSG:4545'));
    withTempDir((dir) => {
      const [path] = writeFiles(dir, r.files) as [string];
      const names = csvFiles.map((f) => f.name.replace(/^qz-|\.csv$/g, ''));
      expect(names).toEqual([
        '管理范围线界址点',
        '保护范围线界址点',
        '管理范围面界址点',
        '保护范围面界址点',
      ]);
      expect(ogrinfo(path).match(/^\d+: \S+/gm)).toEqual(names.map((n, i) => `${i + 1}: ${n}`));
      names.forEach((sheet, i) => {
        compareWithCsv(path, sheet, readCsvTable(utf8(csvFiles[i] as ExportFile)));
      });
    });
  });

  it('stores X/Y/里程 as numbers with format 0.00, 点号 and B/L as text', () => {
    const r = writeOk(xlsxFormat, fc(HAND), ctxOf('EPSG:4525'));
    const zip = unzipSync((r.files[0] as ExportFile).bytes);
    expect(Object.keys(zip)[0]).toBe('[Content_Types].xml');
    const sheet = new TextDecoder().decode(zip['xl/worksheets/sheet1.xml']);
    const styles = new TextDecoder().decode(zip['xl/styles.xml']);
    expect(styles).toContain(
      '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    );
    // row 16: the first marker; B = X (style 2 = 0.00), C = Y, D/E = B/L text, K = 里程
    expect(sheet).toMatch(
      /<c r="A16" s="4" t="s"><v>\d+<\/v><\/c><c r="B16" s="2"><v>\d{7}\.?\d*<\/v><\/c><c r="C16" s="2"><v>37\d{6}\.?\d*<\/v><\/c><c r="D16" s="4" t="s">/,
    );
    expect(sheet).toMatch(/<c r="K16" s="2"><v>0<\/v><\/c><\/row>/);
  });
});

describe('txt exchange file', () => {
  interface TxtBlock {
    count: number;
    areaHa: number;
    code: string;
    name: string;
    type: string;
    rows: Array<[string, number, string, string]>;
  }
  /** A reader written only for this test: `[属性描述]` key=value lines, then `[地块坐标]` blocks. */
  function parseTxt(text: string): { attrs: Map<string, string>; blocks: TxtBlock[] } {
    const lines = text.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe('[属性描述]');
    const at = lines.indexOf('[地块坐标]');
    const attrs = new Map(
      lines.slice(1, at).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    const blocks: TxtBlock[] = [];
    for (const line of lines.slice(at + 1)) {
      const f = line.split(',');
      if (line.endsWith(',@')) {
        expect(f).toHaveLength(9);
        blocks.push({
          count: Number(f[0]),
          areaHa: Number(f[1]),
          code: f[2] as string,
          name: f[3] as string,
          type: f[4] as string,
          rows: [],
        });
      } else {
        expect(f, line).toHaveLength(4);
        blocks.at(-1)?.rows.push([f[0] as string, Number(f[1]), f[2] as string, f[3] as string]);
      }
    }
    return { attrs, blocks };
  }
  const HEADER_KEYS = [
    '格式版本号',
    '数据产生单位',
    '数据产生日期',
    '坐标系',
    '几度分带',
    '投影类型',
    '计量单位',
    '带号',
    '精度',
    '转换参数',
  ];

  for (const [name, zones] of ZONES) {
    it(`${name}: 面/线 blocks with closed rings, X/Y equal to cs2cs, area equal to the zone's`, () => {
      const code = zones.features[0]?.properties?.crs as CrsCode;
      const text = utf8(writeOk(txtFormat, zones, ctxOf(code)).files[0] as ExportFile);
      const { attrs, blocks } = parseTxt(text);
      expect([...attrs.keys()]).toEqual(HEADER_KEYS);
      expect(Object.fromEntries(attrs)).toMatchObject({
        数据产生日期: '2026-11-28',
        坐标系: '2000国家大地坐标系',
        几度分带: '3',
        投影类型: '高斯克吕格',
        计量单位: '米',
        带号: String(CRS[code].zone),
        精度: '0.01',
        转换参数: ',,,,,,',
      });
      const polygons = zones.features.filter((f) => f.geometry.type === 'MultiPolygon');
      const faces = blocks.filter((b) => b.type === '面');
      expect(faces.map((b) => b.code)).toEqual(
        polygons.map(
          (f) => `${f.properties?.reach}-${f.properties?.kind === 'management' ? 'GLFW' : 'BHFW'}`,
        ),
      );
      faces.forEach((b, i) => {
        expect(Math.abs(b.areaHa * 10_000 - polygons[i]?.properties?.areaM2)).toBeLessThanOrEqual(
          1,
        );
        const rings = new Map<number, TxtBlock['rows']>();
        for (const r of b.rows) rings.set(r[1], [...(rings.get(r[1]) ?? []), r]);
        expect([...rings.keys()]).toEqual(Array.from({ length: rings.size }, (_, k) => k + 1));
        for (const ring of rings.values()) expect(ring.at(-1)).toEqual(ring[0]);
      });
      expect(blocks.filter((b) => b.type === '线')).toHaveLength(
        zones.features.length - polygons.length,
      );
      for (const b of blocks) expect(b.rows).toHaveLength(b.count);
      const ref = cs2csXY(
        code,
        vertices(polygons).concat(
          vertices(zones.features.filter((f) => f.geometry.type === 'LineString')),
        ),
      );
      const printed = blocks.flatMap((b) => b.rows.map((r) => [r[2], r[3]]));
      expect(printed).toEqual(
        ref.map(([x, y], i) => [
          cmOf(x as number, printed[i]?.[0] as string),
          cmOf(y as number, printed[i]?.[1] as string),
        ]),
      );
    });
  }

  it('markers as 点 blocks per reach, table and bank; GBK and UTF-8 the same text; prefix for 4524', () => {
    const u = utf8(writeOk(txtFormat, fc(HAND), ctxOf('EPSG:4524')).files[0] as ExportFile);
    const g = decodeGbk(
      (writeOk(txtFormat, fc(HAND), ctxOf('EPSG:4524', 'gbk')).files[0] as ExportFile).bytes,
    );
    expect(g).toBe(u);
    const { blocks } = parseTxt(u);
    expect(blocks.map((b) => [b.code, b.type, b.name, b.rows.map((r) => r[0])])).toEqual([
      ['PB01-GL-L', '点', '武利江 PB01 管理范围线界桩左岸', ['PB01-GL-L-001']],
      ['QJ01-GL-L', '点', '钦江 QJ01 管理范围线界桩左岸', ['QJ01-GL-L-001', 'QJ01-GL-L-002']],
      ['QJ01-GL-R', '点', '钦江 QJ01 管理范围线界桩右岸', ['QJ01-GL-R-001', 'QJ01-GL-R-002']],
      ['QJ01-BH-L', '点', '钦江 QJ01 保护范围线界桩左岸', ['QJ01-BH-L-001']],
      ['QJ01-GSP-L', '点', '钦江 QJ01 公告牌左岸', ['QJ01-GSP-L-01']],
      ['QJ01-GSP-R', '点', 'QJ01 公告牌右岸', ['QJ01-GSP-R-02']],
    ]);
    for (const b of blocks) for (const r of b.rows) expect(r[3]).toMatch(/^36\d{6}\.\d\d$/);
  });

  it('refuses EPSG:4490 and characters GBK cannot hold', () => {
    expect(englishResult(txtFormat.write(fc(HAND), ctxOf('EPSG:4490')))).toMatchObject({
      ok: false,
      errors: [/Gauss-Krüger X\/Y/],
    });
    const r = txtFormat.write(
      fc([marker({ lon: 108.6, lat: 21.95, river: '钦江🌊' })]),
      ctxOf('EPSG:4545', 'gbk'),
    );
    expect(englishResult(r)).toMatchObject({
      ok: false,
      errors: [/^qz\.txt: block QJ01-GL-L \(钦江🌊 QJ01 管理范围线界桩左岸\): "🌊"/],
    });
  });
});
