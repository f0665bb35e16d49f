import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Geometry } from 'geojson';
import { renderMessage } from '../contract/messages/render';
import type { BBox } from '../domain/geo/bbox';
import { bboxOf } from '../domain/geo/bbox';
import type { PlanRecord } from '../domain/plans/plan';
import { readPlanRows } from '../domain/plans/plan';
import type { GeometryInfo, Waterbody } from '../domain/rivers/waterbody';
import { parseCsv } from '../domain/text/csv';

/** The files merged into the map's one base layer, by the layer name the style filters on. */
const BASE_LAYERS = {
  sea: 'sea.geojson',
  counties: 'counties.geojson',
  'county-labels': 'county-labels.geojson',
  coast: 'coast.geojson',
  water: 'water.geojson',
  rivers: 'rivers.geojson',
} as const;

/** Feature properties the map style uses; the rest (sources, licences, notes) stay in the files. */
const STYLE_PROPERTIES = [
  'name',
  'riverId',
  'waterbodyId',
  'kind',
  'schematic',
  'sample',
  'adcode',
];

/**
 * One FeatureCollection for the map: every base file's features tagged with `layer`, properties cut to
 * what the style reads. One source means one fetch, one parse and one tile index in the map's worker
 * (measured: ~150 ms less to the first idle than six sources on the 2-core test machine).
 */
export function buildBaseLayer(dir: string): string {
  const { clip } = JSON.parse(readFileSync(join(dir, 'bounds.json'), 'utf8')) as { clip: BBox };
  const [w, so, e, n] = clip;
  // The box the base data covers: drawn as land under the sea, so that beyond it reads as "no data"
  // instead of as more land or a straight coastline.
  const features: unknown[] = [
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [w, so],
            [e, so],
            [e, n],
            [w, n],
            [w, so],
          ],
        ],
      },
      properties: { layer: 'extent' },
    },
  ];
  for (const [layer, file] of Object.entries(BASE_LAYERS)) {
    const fc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { features: FeatureLike[] };
    for (const f of fc.features) {
      const props = f.properties ?? {};
      const kept = Object.fromEntries(
        STYLE_PROPERTIES.filter((k) => props[k] !== undefined && props[k] !== null).map((k) => [
          k,
          props[k],
        ]),
      );
      const geometry = f.geometry ? roundCoordinates(f.geometry) : null;
      features.push({ type: 'Feature', geometry, properties: { layer, ...kept } });
    }
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/**
 * The demonstration reaches in geodata/samples/ (toe lines derived from real courses, `sample: true`),
 * merged into one FeatureCollection for the zone engine.
 */
export function loadSampleReaches(dir: string): {
  type: 'FeatureCollection';
  features: FeatureLike[];
} {
  const samples = join(dir, 'samples');
  const files = existsSync(samples)
    ? readdirSync(samples)
        .filter((f) => f.endsWith('.geojson'))
        .sort()
    : [];
  const features = files.flatMap(
    (f) =>
      (JSON.parse(readFileSync(join(samples, f), 'utf8')) as { features: FeatureLike[] }).features,
  );
  return { type: 'FeatureCollection', features };
}

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

type FeatureLike = Feature<Geometry | null, Record<string, unknown> | null>;

/**
 * Reads geodata/plans.csv, waterbodies.json and the map files' named features.
 * Throws with the file and the line when the bundled data is broken: the app must not start on it.
 */
export function loadGeodata(dir: string): Geodata {
  const csv = parseCsv(readFileSync(join(dir, 'plans.csv'), 'utf8'));
  if (!csv.ok) throw new Error(`${dir}/plans.csv: ${csv.reason}`);
  const { plans, errors } = readPlanRows(csv.rows);
  if (errors.length > 0) {
    const lines = errors.map((e) => renderMessage(e, 'en'));
    throw new Error(`${dir}/plans.csv:\n${lines.join('\n')}`);
  }
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
      const box = bboxOf({ type: 'FeatureCollection', features: [f as Feature] });
      index[id] = {
        counties: [...new Set([...(prev?.counties ?? []), ...counties])],
        source: String(props.source ?? file),
        schematic: props.schematic === true,
        bbox: prev ? union(prev.bbox, box) : box,
        ...(typeof props.note === 'string' ? { note: props.note } : {}),
      };
    }
  }
  return index;
}

/** 5 decimals (≈ 1.1 m): below a pixel at every base-map zoom, and less JSON for the worker. */
function roundCoordinates(g: Geometry): Geometry {
  const round = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(round) : typeof v === 'number' ? Math.round(v * 1e5) / 1e5 : v;
  if (g.type === 'GeometryCollection')
    return { ...g, geometries: g.geometries.map(roundCoordinates) };
  return { ...g, coordinates: round(g.coordinates) } as Geometry;
}

function union(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}
