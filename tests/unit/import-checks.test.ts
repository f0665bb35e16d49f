import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { FeatureCollection, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import { CRS, type CrsCode } from '../../src/domain/crs/crs';
import { EXPORT_FORMATS } from '../../src/domain/formats/export/export-formats';
import { IMPORT_EXTENT } from '../../src/domain/formats/import/import-extent';
import { importFile } from '../../src/domain/formats/import/import-file';
import { type PrjResult, parsePrj } from '../../src/domain/formats/shapefile/parse-prj';
import {
  dir,
  entry,
  FIGURES,
  FIX,
  fail,
  gdalShapefile,
  hausdorffM,
  ogr,
  ok,
  P,
  positions,
  read,
  utf8,
  zipDir,
} from '../helpers/import';

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

/** A .prj reading with its note or reason rendered in English. */
const prjEn = (r: PrjResult) =>
  r.ok
    ? { ...r, note: r.note && renderMessage(r.note, 'en') }
    : { ...r, error: renderMessage(r.error, 'en') };

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
    expect(prjEn(parsePrj(wkt('EPSG:4326', 'wkt_esri'), 'w.prj'))).toMatchObject({
      ok: true,
      crs: 'EPSG:4490',
      note: expect.stringMatching(/WGS 84 .* taken as CGCS2000/),
    });
    expect(prjEn(parsePrj(wkt('EPSG:2383', 'wkt_esri'), 'x.prj'))).toEqual({
      ok: false,
      error:
        'x.prj: the data is in Xian 1980 (Xian_1980_3_Degree_GK_CM_114E); convert it to CGCS2000 first',
    });
    expect(prjEn(parsePrj(wkt('EPSG:2433', 'wkt1'), 'b.prj'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/in Beijing 1954 .*convert it to CGCS2000 first/),
    });
    expect(prjEn(parsePrj(wkt('EPSG:32649', 'wkt_esri'), 'u.prj'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/projected on WGS 84 \(WGS_1984_UTM_Zone_49N\)/),
    });
    expect(prjEn(parsePrj(wkt('EPSG:4547', 'wkt_esri'), 'z.prj'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/central meridian 114°.*not one of Qinzhou's/),
    });
    expect(prjEn(parsePrj('garbage', 'g.prj'))).toEqual({
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
          const w = format.write(fc, {
            crs: CRS[crs],
            encoding: 'gbk',
            baseName: 'rt',
            schema: 'en',
          });
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
