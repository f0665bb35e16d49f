import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { FeatureCollection, Position } from 'geojson';
import { afterAll, beforeAll, expect } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import { type CrsCode, projector } from '../../src/domain/crs/crs';
import type { ImportResult } from '../../src/domain/formats/types';
import { encodeGbk } from '../../src/domain/text/gbk';
import { inEnglish } from './messages';

export const FIX = join(__dirname, '../fixtures/import');
export let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hejie-import-'));
});
/** max |Δ| figures printed at the end, for the report */
export const FIGURES: string[] = [];
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.info(FIGURES.join('\n'));
});

export const ogr = (...args: string[]) =>
  execFileSync('ogr2ogr', args, { stdio: ['ignore', 'pipe', 'pipe'] });
export const read = (p: string) => new Uint8Array(readFileSync(p));
export const utf8 = (s: string) => new TextEncoder().encode(s);
export function gbk(s: string): Uint8Array {
  const r = encodeGbk(s);
  if (!r.ok) throw new Error(renderMessage(r.reason, 'en'));
  return r.bytes;
}
export function entry(files: Record<string, Uint8Array>, name: string): Uint8Array {
  const b = files[name];
  if (!b) throw new Error(`no ${name}`);
  return b;
}

/** Writes the three fixture layers as a shapefile in `crs` (GBK, as Chinese GIS desktops do). */
export function gdalShapefile(name: string, crs: string): string {
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

export function zipDir(d: string, skip: (f: string) => boolean = () => false): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const f of readdirSync(d)) if (!skip(f)) files[f] = read(join(d, f));
  return zipSync(files);
}

/** All positions of a collection, in feature order. */
export const positions = (fc: FeatureCollection): Position[] =>
  JSON.stringify(fc.features.map((f) => f.geometry))
    .match(/\[-?\d+(\.\d+)?(e-?\d+)?,-?\d+(\.\d+)?(e-?\d+)?\]/g)
    ?.map((s) => JSON.parse(s)) ?? [];

/** Largest distance in metres between matching lon/lat positions (recorded under `label`). */
export function maxDeltaM(a: Position[], b: Position[], label = ''): number {
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

/** A successful import, its warnings rendered in English. */
export function ok(
  r: ImportResult,
): Omit<Extract<ImportResult, { ok: true }>, 'warnings'> & { warnings: string[] } {
  if (!r.ok) throw new Error(`import failed: ${inEnglish(r.errors).join('; ')}`);
  return { ...r, warnings: inEnglish(r.warnings) };
}
/** A refused import, its reasons rendered in English. */
export const fail = (
  r: ImportResult,
): Omit<Extract<ImportResult, { ok: false }>, 'errors'> & { errors: string[] } => {
  if (r.ok) throw new Error('import should have failed');
  return { ...r, errors: inEnglish(r.errors) };
};

/** GDAL's own lon/lat reading of a dataset (the reference). */
export function gdalLonLat(src: string, sSrs?: string): FeatureCollection {
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

export const fixture = (layer: string): FeatureCollection =>
  JSON.parse(readFileSync(join(FIX, `${layer}.geojson`), 'utf8'));
export const byLayer = (fc: FeatureCollection, layer: string): FeatureCollection => ({
  type: 'FeatureCollection',
  features: fc.features.filter((f) => f.properties?.layer === layer),
});

/** PROJ's cs2cs over many lines (EPSG axis order: lat lon, N E). */
export function cs2cs(from: string, to: string, lines: string[]): number[][] {
  const out = execFileSync('cs2cs', ['-f', '%.12f', from, to], {
    input: `${lines.join('\n')}\n`,
  }).toString();
  return out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
}

/** [X (north), Y (east)] of a lon/lat point in `code`, to the centimetre as tables print them. */
export function xy(code: CrsCode, p: Position): [string, string] {
  const [e, n] = projector(code).forward(p);
  return [n.toFixed(2), e.toFixed(2)];
}

export const P = (lon: number, lat: number) => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

/** Distance in metres between two lon/lat positions (local plane; fine at these distances). */
const distM = (p: Position, q: Position) =>
  Math.hypot(
    ((p[0] as number) - (q[0] as number)) * 111_320 * Math.cos(((p[1] as number) * Math.PI) / 180),
    ((p[1] as number) - (q[1] as number)) * 110_574,
  );

/** Largest distance from any position of `a` to the nearest of `b`, both ways (a Hausdorff distance). */
export function hausdorffM(a: Position[], b: Position[]): number {
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
