/**
 * Typed wrappers around the independent GEOS reference (tests/reference/zones_geos.py, Debian
 * python3-shapely 1.8 on GEOS 3.11), used to check the JSTS zone engine: one python process per
 * call, JSON on stdin, JSON on stdout.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

const PYTHON = '/usr/bin/python3';
const GEOS_SCRIPT = join(import.meta.dirname, '../reference/zones_geos.py');
const INSTALL_HINT = 'apt-get install -y python3-shapely';

export type Line = Position[];

export interface GeosToe {
  coords: Line;
  widthM: number;
  /** Protection width beyond the management line; null/absent: the toe adds no protection. */
  protectionM?: number | null;
}

export interface GeosBank {
  coords: Line;
  /** 0 adds nothing to the management zone. */
  widthM: number;
}

export interface GeosZonesInput {
  /** corridor = Polygon(left + reversed(right)); both lines run the same way. */
  left: Line;
  right: Line;
  toes: GeosToe[];
  banks?: GeosBank[];
  /** Polygon coordinate arrays: [exterior, hole, ...] each. */
  water?: Position[][][];
  /** Buffer segments per quarter circle. */
  quadSegs: number;
  /** Build this many times and report the median time (default 1). */
  repeat?: number;
}

export interface GeosZones {
  management: Polygon | MultiPolygon;
  /** null when no toe has protectionM. */
  protection: Polygon | MultiPolygon | null;
  managementArea: number;
  /** 0 when protection is null. */
  protectionArea: number;
  /** GEOS isValid of [management, protection] (protection null counts as valid). */
  valid: [boolean, boolean];
  /** Median milliseconds of the GEOS construction over `repeat` runs, JSON I/O excluded. */
  ms: number;
}

export interface CompareOptions {
  /** Rings are densified to segments no longer than this before the Hausdorff (default 0.5 m). */
  densifyM?: number;
  /** 'grid' (default, numpy grid index) or 'geos' (GEOS hausdorff_distance, O(n·m)). */
  method?: 'grid' | 'geos';
}

export interface Comparison {
  /** Hausdorff distance between the boundaries, metres; null when exactly one side is empty. */
  hausdorffM: number | null;
  areaA: number;
  areaB: number;
  /** areaA / areaB; null when areaB is 0. */
  areaRatio: number | null;
  symDiffArea: number;
  validA: boolean;
  validB: boolean;
  densifyM: number;
  method: 'grid' | 'geos';
  /** Densified vertex counts [a, b]. */
  points: [number, number];
  ms: number;
}

/** Runs the reference script with one request; resolves with its parsed JSON answer. */
export function runGeos<T>(request: object): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [GEOS_SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.stdin.on('error', () => {
      // EPIPE when python exits early; the exit code and stderr tell why.
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(
        new Error(
          e.code === 'ENOENT'
            ? `${PYTHON} not found; the GEOS reference needs Debian python3 with shapely: ${INSTALL_HINT}`
            : `cannot run ${PYTHON} ${GEOS_SCRIPT}: ${e.message}`,
        ),
      );
    });
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString();
      const stderr = Buffer.concat(err).toString().trim();
      let parsed: unknown;
      try {
        parsed = JSON.parse(stdout);
      } catch {
        const why = stderr || stdout.trim() || `exit code ${code}`;
        const hint = /No module named|ModuleNotFoundError/.test(why) ? ` (${INSTALL_HINT})` : '';
        reject(new Error(`GEOS reference failed: ${why}${hint}`));
        return;
      }
      if (parsed !== null && typeof parsed === 'object' && 'error' in parsed) {
        reject(new Error(`GEOS reference: ${String(parsed.error)}`));
      } else if (code !== 0) {
        reject(new Error(`GEOS reference exited with ${code}: ${stderr || stdout}`));
      } else {
        resolve(parsed as T);
      }
    });
    child.stdin.end(JSON.stringify(request));
  });
}

/** Management and protection zones built by GEOS from the same definition as the JSTS engine. */
export function geosZones(input: GeosZonesInput): Promise<GeosZones> {
  return runGeos<GeosZones>({ mode: 'zones', ...input });
}

/** Hausdorff distance (densified boundaries), areas and symmetric-difference area of a vs b. */
export function compareGeometries(
  a: Geometry,
  b: Geometry,
  options: CompareOptions = {},
): Promise<Comparison> {
  return runGeos<Comparison>({ mode: 'compare', a, b, ...options });
}
