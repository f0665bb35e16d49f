/**
 * Shared inputs and references of the coordinate-table export tests (export-tables*.test.ts):
 * hand-made and seeded markers, the zone goldens, PROJ cs2cs, and a reader of the csv layout.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { expect } from 'vitest';
import type { CrsCode } from '../../src/domain/crs/crs';
import { CRS, projector } from '../../src/domain/crs/crs';
import { formatFixed } from '../../src/domain/formats/common/dms';
import type {
  ExportContext,
  ExportFile,
  ExportFormat,
  TextEncoding,
} from '../../src/domain/formats/types';
import type { MarkerProperties } from '../../src/domain/markers/marker';
import { parseCsv } from '../../src/domain/text/csv';
import { inEnglish } from './messages';

export const PROJECTED: CrsCode[] = ['EPSG:4545', 'EPSG:4546', 'EPSG:4524', 'EPSG:4525'];
const NOW = new Date(2026, 10, 28, 12);
export const ctxOf = (code: CrsCode, encoding: TextEncoding = 'utf-8'): ExportContext => ({
  crs: CRS[code],
  encoding,
  baseName: 'qz',
  now: NOW,
  schema: 'en',
});

// ---------- inputs: hand-made markers (shuffled), a seeded cloud of markers, the zone goldens ----------
export function marker(p: Partial<MarkerProperties> & { lon: number; lat: number }): Feature {
  const props: MarkerProperties = {
    id: 'QJ01-GL-L-001',
    markerType: 'boundary',
    reach: 'QJ01',
    river: '钦江',
    line: 'management',
    bank: 'left',
    kind: 'main',
    seq: 1,
    chainageM: 0,
    crs: 'EPSG:4545',
    x: 0,
    y: 0,
    sample: true,
    ...p,
  };
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    properties: props,
  };
}

/** 21°59'59.99996" N: the seconds round up into 22°00'00.0000". */
export const CARRY_LAT = 21 + 59 / 60 + 59.99996 / 3600;
export const HAND: Feature[] = [
  marker({
    id: 'QJ01-GL-R-002',
    bank: 'right',
    seq: 2,
    chainageM: 150.005,
    lon: 108.6012345,
    lat: 21.95,
  }),
  marker({
    id: 'QJ01-GL-L-002',
    kind: 'bend',
    seq: 2,
    chainageM: 97.125,
    lon: 108.61234567,
    lat: 21.9512345,
  }),
  marker({ id: 'QJ01-GL-L-001', kind: 'end', chainageM: 0, lon: 108.6, lat: CARRY_LAT }),
  marker({ id: 'QJ01-GL-R-001', bank: 'right', kind: 'end', lon: 108.5999, lat: 21.9498 }),
  marker({ id: 'QJ01-BH-L-001', line: 'protection', kind: 'end', lon: 108.6003, lat: 21.9503 }),
  marker({
    id: 'PB01-GL-L-001',
    reach: 'PB01',
    river: '武利江',
    kind: 'end',
    lon: 109.61,
    lat: 22.31,
  }),
  marker({
    id: 'QJ01-GSP-L-01',
    markerType: 'notice-board',
    kind: 'end',
    lon: 108.6001,
    lat: 21.9501,
  }),
  marker({
    id: 'QJ01-GSP-R-02',
    markerType: 'notice-board',
    kind: 'interval',
    bank: 'right',
    chainageM: 5000,
    lon: 108.63,
    lat: 21.99,
    river: null,
  }),
];

/** Seeded markers all over Qinzhou (lon 108.18–109.87, lat 21.59–22.68), both zones. */
export function cloud(n: number): Feature[] {
  let s = 20261128;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  return Array.from({ length: n }, (_, i) =>
    marker({
      id: `R${i}`,
      seq: i + 1,
      chainageM: rnd() * 5000,
      lon: 108.18 + rnd() * 1.69,
      lat: 21.59 + rnd() * 1.09,
    }),
  );
}

const ZONES_DIR = join(__dirname, '../fixtures/zones/out');
export const ZONES: Array<[string, FeatureCollection]> = readdirSync(ZONES_DIR)
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => [f, JSON.parse(readFileSync(join(ZONES_DIR, f), 'utf8')) as FeatureCollection]);
export const fc = (features: Feature[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features,
});

export const KIND_OF_FILE: Record<string, string> = {
  管理范围线: 'management-line',
  保护范围线: 'protection-line',
  管理范围面: 'management',
  保护范围面: 'protection',
};

// ---------- independent references: PROJ cs2cs ----------
/** cs2cs lon/lat → [X north, Y east] at 1 µm (EPSG axis order: reads "lat lon", prints "N E"). */
export function cs2csXY(code: CrsCode, pts: number[][]): number[][] {
  const out = execFileSync('cs2cs', ['-f', '%.6f', 'EPSG:4490', code], {
    input: `${pts.map(([lon, lat]) => `${lat} ${lon}`).join('\n')}\n`,
  });
  return out
    .toString()
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).slice(0, 2).map(Number));
}

/** cs2cs's own DMS (rtodms, -W4: seconds to 4 decimals), as [B, L] in the tables' notation. */
function cs2csDms(pts: number[][]): string[][] {
  const geo = '+proj=longlat +ellps=GRS80';
  const out = execFileSync('cs2cs', ['-W4', ...geo.split(' '), '+to', ...geo.split(' ')], {
    input: `${pts.map(([lon, lat]) => `${lon} ${lat}`).join('\n')}\n`,
  });
  const dms = (s: string) => s.replace('d', '°').replace(/[NE]$/, '');
  return out
    .toString()
    .trim()
    .split('\n')
    .map((l) => {
      const [lon, lat] = l.trim().split(/\s+/) as [string, string];
      return [dms(lat), dms(lon)];
    });
}

// ---------- reading what we wrote ----------
export interface Table {
  header: Map<string, string>;
  columns: string[];
  rows: Array<Record<string, string>>;
}

export function readCsvTable(text: string): Table {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  const at = parsed.rows.findIndex((r) => r[0] === '点号');
  const block = parsed.rows.slice(0, at).filter((r) => r[0] !== ''); // parseCsv drops the empty line
  const header = new Map(block.map((r) => [r[0] as string, r[1] as string]));
  const columns = parsed.rows[at] as string[];
  const rows = parsed.rows
    .slice(at + 1)
    .map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] as string])));
  return { header, columns, rows };
}

export const utf8 = (f: ExportFile) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(f.bytes);

export function writeOk(format: ExportFormat, input: FeatureCollection, ctx: ExportContext) {
  const r = format.write(input, ctx);
  if (!r.ok) throw new Error(inEnglish(r.errors).join('\n'));
  return { ...r, warnings: inEnglish(r.warnings) };
}

/**
 * A reference value rounded to the cm as the tables print it. Zone vertices lie on a 1 mm grid, so
 * some end in exactly 5 mm: at such a tie (within 1 µm) PROJ and proj4 differ by nanometres and
 * either neighbour is right; the printed one is accepted.
 */
export function cmOf(ref: number, printed: string): string {
  const up = formatFixed(ref + 1e-6, 2);
  const down = formatFixed(ref - 1e-6, 2);
  return up !== down && (printed === up || printed === down) ? printed : formatFixed(ref, 2);
}

/**
 * Every printed X/Y/B/L of a table against cs2cs: X/Y equal cs2cs rounded to the cm, B/L equal cs2cs's
 * DMS. Returns the largest |unrounded X/Y − cs2cs| in metres (what the cm rounding starts from).
 */
export function checkAgainstProj(t: Table, code: CrsCode, lonLat: number[][]): number {
  const dms = cs2csDms(lonLat);
  let worst = 0;
  t.rows.forEach((row, i) => {
    expect([row.B, row.L], `row ${i + 1} ${row.点号}`).toEqual(dms[i]);
  });
  if (code === 'EPSG:4490') {
    t.rows.forEach((row, i) => {
      const [lon, lat] = lonLat[i] as number[];
      expect([row.纬度, row.经度]).toEqual([
        (lat as number).toFixed(9),
        (lon as number).toFixed(9),
      ]);
    });
    return 0;
  }
  const ref = cs2csXY(code, lonLat);
  t.rows.forEach((row, i) => {
    const [x, y] = ref[i] as [number, number];
    expect(row.X).toMatch(/^\d{7}\.\d\d$/);
    expect(row.Y).toMatch(CRS[code].zonePrefix ? /^3[67]\d{6}\.\d\d$/ : /^\d{6}\.\d\d$/);
    expect([row.X, row.Y], `row ${i + 1} ${row.点号}`).toEqual([
      cmOf(x, row.X as string),
      cmOf(y, row.Y as string),
    ]);
    const [e, n] = projector(code).forward(lonLat[i] as number[]);
    worst = Math.max(worst, Math.abs(n - x), Math.abs(e - y));
  });
  return worst;
}

/** A boundary's vertices as GeoJSON holds them (rings closed), lines then in bank order. */
export function vertices(features: Feature[]): number[][] {
  const rank = (f: Feature) => ({ left: 1, right: 2 })[f.properties?.bank as 'left'] ?? 0;
  return [...features]
    .sort((a, b) => rank(a) - rank(b))
    .flatMap((f) => {
      const g = f.geometry;
      if (g.type === 'LineString') return g.coordinates;
      if (g.type === 'MultiPolygon') return g.coordinates.flat(2);
      throw new Error(`unexpected ${g.type}`);
    });
}
