import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanRecord } from '../domain/plans/plan';
import { readPlanRows } from '../domain/plans/plan';
import type { GeometryInfo, Waterbody } from '../domain/rivers/waterbody';
import { parseCsv } from '../domain/text/csv';

/** The map files the front end may fetch from /geodata/, with what they hold. */
export const MAP_FILES = [
  'counties.geojson',
  'county-labels.geojson',
  'coast.geojson',
  'sea.geojson',
  'rivers.geojson',
  'water.geojson',
  'bounds.json',
] as const;

/** The bundled register and the geometry index derived from the map files. */
export interface Geodata {
  plans: PlanRecord[];
  waterbodies: Waterbody[];
  geometry: Record<string, GeometryInfo>;
  dir: string;
}

interface FeatureLike {
  properties?: Record<string, unknown> | null;
}

/**
 * Reads geodata/plans.csv, waterbodies.json and the map files' named features.
 * Throws with the file and the line when the bundled data is broken: the app must not start on it.
 */
export function loadGeodata(dir: string): Geodata {
  const csv = parseCsv(readFileSync(join(dir, 'plans.csv'), 'utf8'));
  if (!csv.ok) throw new Error(`${dir}/plans.csv: ${csv.reason}`);
  const { plans, errors } = readPlanRows(csv.rows);
  if (errors.length > 0) throw new Error(`${dir}/plans.csv:\n${errors.join('\n')}`);
  const { waterbodies } = JSON.parse(readFileSync(join(dir, 'waterbodies.json'), 'utf8')) as {
    waterbodies: Waterbody[];
  };
  const known = new Set(waterbodies.map((w) => w.id));
  const orphan = plans.find((p) => !known.has(p.riverId));
  if (orphan) throw new Error(`plans.csv: ${orphan.id} names unknown river "${orphan.riverId}"`);
  return { plans, waterbodies, geometry: indexGeometry(dir), dir };
}

function indexGeometry(dir: string): Record<string, GeometryInfo> {
  const index: Record<string, GeometryInfo> = {};
  for (const [file, key] of [
    ['rivers.geojson', 'riverId'],
    ['water.geojson', 'waterbodyId'],
  ] as const) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const fc = JSON.parse(readFileSync(path, 'utf8')) as { features: FeatureLike[] };
    for (const f of fc.features) {
      const props = f.properties ?? {};
      const id = props[key];
      if (typeof id !== 'string') continue;
      const counties = Array.isArray(props.counties) ? props.counties.map(String) : [];
      const prev = index[id];
      index[id] = {
        counties: [...new Set([...(prev?.counties ?? []), ...counties])],
        source: String(props.source ?? file),
        schematic: props.schematic === true,
        ...(typeof props.note === 'string' ? { note: props.note } : {}),
      };
    }
  }
  return index;
}
