/**
 * Small wrappers around the independent references (Debian gdal-bin, proj-bin, python3-shapely)
 * that read back what Hejie writes: one process per call, text in, parsed values out.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import type { CrsCode } from '../../src/domain/crs/crs';

function run(cmd: string, args: string[], input?: string): string {
  try {
    return execFileSync(cmd, args, { input, maxBuffer: 256 * 1024 * 1024 }).toString();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${cmd} not found: apt-get install -y gdal-bin proj-bin python3-shapely`);
    }
    throw e;
  }
}

/**
 * PROJ's cs2cs from CGCS2000 lon/lat to `to`, returned as [E, N] (or [lon, lat] for EPSG:4490).
 * cs2cs uses EPSG axis order: it reads "lat lon" and prints "N E" for the GK CRSs.
 */
function cs2csForward(to: string, lonLat: readonly number[][]): [number, number][] {
  const input = lonLat.map(([lon, lat]) => `${lat} ${lon}`).join('\n');
  const out = run('cs2cs', ['-d', '4', 'EPSG:4490', to], `${input}\n`).trim();
  return out.split('\n').map((line) => {
    const [a, b] = line.trim().split(/\s+/).map(Number);
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new Error(`cs2cs printed "${line}"`);
    return [b as number, a as number];
  });
}

/** `ogrinfo` with the given arguments (always read-only); returns stdout. */
export function ogrinfo(...args: string[]): string {
  return run('ogrinfo', ['-ro', ...args]);
}

/** One layer (or the only one) of a GDAL-readable file, converted by ogr2ogr to lon/lat-agnostic GeoJSON. */
export function ogrToGeoJson(
  path: string,
  layer?: string,
  options: string[] = [],
): FeatureCollection {
  const args = ['-f', 'GeoJSON', '/vsistdout/', path, ...(layer ? [layer] : []), ...options];
  return JSON.parse(run('ogr2ogr', args)) as FeatureCollection;
}

/** The EPSG code GDAL identifies a .prj (or any SRS definition file) as, e.g. 'EPSG:4545'; null if none. */
export function identifyEpsg(path: string): string | null {
  const m = /EPSG:(\d+)/.exec(run('gdalsrsinfo', ['-e', path]));
  return m ? `EPSG:${m[1]}` : null;
}

/** GEOS (shapely) validity of each geometry: [is_valid, explain_validity]. */
export function shapelyValidity(geometries: object[]): [boolean, string][] {
  const script =
    'import json,sys\nfrom shapely.geometry import shape\nfrom shapely.validation import explain_validity\n' +
    'gs=[shape(g) for g in json.load(sys.stdin)]\n' +
    'print(json.dumps([[g.is_valid, explain_validity(g)] for g in gs]))';
  return JSON.parse(run('/usr/bin/python3', ['-c', script], JSON.stringify(geometries)));
}

/** Runs `fn` (sync or async) in a fresh temporary directory that is removed afterwards. */
export function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'hejie-gdal-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  let result: T;
  try {
    result = fn(dir);
  } catch (e) {
    remove();
    throw e;
  }
  if (result instanceof Promise) return result.finally(remove) as T;
  remove();
  return result;
}

/** Writes files (name → bytes) into `dir`; returns their paths. */
export function writeFiles(dir: string, files: { name: string; bytes: Uint8Array }[]): string[] {
  return files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    return path;
  });
}

/** Every vertex of a geometry (any nesting, 2D or 3D), in order. */
export function flatPoints(g: { type: string; coordinates?: unknown }): number[][] {
  const out: number[][] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as number[]);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk(g.coordinates);
  return out;
}

/** Largest distance from a point of `a` to the nearest point of `b` (per axis, metres or degrees). */
export function nearestMax(a: number[][], b: number[][]): number {
  const sorted = [...b].sort((p, q) => (p[0] as number) - (q[0] as number));
  const xs = sorted.map((p) => p[0] as number);
  let max = 0;
  for (const [x, y] of a as [number, number][]) {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((xs[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    let best = Infinity;
    for (const step of [-1, 1]) {
      for (let k = step < 0 ? lo - 1 : lo; k >= 0 && k < xs.length; k += step) {
        const q = sorted[k] as number[];
        if (Math.abs((q[0] as number) - x) > best) break;
        best = Math.min(
          best,
          Math.max(Math.abs((q[0] as number) - x), Math.abs((q[1] as number) - y)),
        );
      }
    }
    max = Math.max(max, best);
  }
  return max;
}

/** cs2cs of every vertex of every feature in one run, per feature. */
export function cs2csFeatures(crs: CrsCode, features: Feature[]): number[][][] {
  const points = features.map((f) => flatPoints(f.geometry));
  const all = crs === 'EPSG:4490' ? points.flat() : cs2csForward(crs, points.flat());
  let at = 0;
  return points.map((ps) => {
    at += ps.length;
    return all.slice(at - ps.length, at);
  });
}
