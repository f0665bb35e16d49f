import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { expect } from 'vitest';
import type { CrsCode } from '../../src/domain/crs/crs';
import { signedArea2 } from '../../src/domain/formats/common/geometry-coords';
import { exportFeatures } from '../../src/domain/formats/export/export-features';
import { cs2csFeatures, flatPoints, nearestMax, writeFiles } from '../helpers/gdal';
import { inEnglish } from './messages';

const ZONES_DIR = join(import.meta.dirname, '../fixtures/zones/out');
export const ALL_CRS: CrsCode[] = ['EPSG:4545', 'EPSG:4546', 'EPSG:4524', 'EPSG:4525', 'EPSG:4490'];
export const readFc = (name: string) =>
  JSON.parse(readFileSync(join(ZONES_DIR, name), 'utf8')) as FeatureCollection;

/** Hand-made line, marker and hole features (until the engine emits lines and markers). */
function handMade(): Feature[] {
  const line = (kind: string, bank: string, lat: number): Feature => ({
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [
        [108.58, lat],
        [108.581, lat + 0.0005],
        [108.582, lat + 0.001],
      ],
    },
    properties: {
      reach: '钦江-01',
      river: '钦江',
      kind,
      bank,
      crs: 'EPSG:4545',
      offsetM: 30,
      lengthM: 230.5,
      sample: false,
    },
  });
  const marker = (id: string, type: 'boundary' | 'notice-board', lon: number): Feature => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, 21.9701] },
    properties: {
      id,
      markerType: type,
      reach: '钦江-01',
      river: '钦江',
      line: 'management',
      bank: 'left',
      kind: 'main',
      seq: 1,
      chainageM: 150.25,
      lon,
      lat: 21.9701,
      crs: 'EPSG:4545',
      x: 2430111.11,
      y: 562000.5,
      sample: false,
    },
  });
  const square = (lon: number, lat: number, d: number): Position[] => [
    [lon, lat],
    [lon + d, lat],
    [lon + d, lat + d],
    [lon, lat + d],
    [lon, lat],
  ];
  return [
    line('management-line', 'left', 21.97),
    line('protection-line', 'right', 21.969),
    marker('QJ01-GL-L-001', 'boundary', 108.5805),
    marker('QJ01-GSP-L-01', 'notice-board', 108.5815),
    {
      type: 'Feature',
      // a hole-bearing polygon with both rings counter-clockwise (the writer must turn the hole)
      geometry: {
        type: 'Polygon',
        coordinates: [square(108.6, 21.95, 0.01), square(108.603, 21.953, 0.002)],
      },
      properties: { 名称: '江心洲', 备注: '有洞的面', kind: 'island' },
    },
  ];
}

export const allInputs = (): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [
    ...readdirSync(ZONES_DIR)
      .filter((n) => n !== 'crosses-109.5E.geojson')
      .flatMap((n) => readFc(n).features),
    ...handMade(),
  ],
});

export function exportOk(
  fc: FeatureCollection,
  format: string,
  crs: 'auto' | CrsCode,
  encoding: 'utf-8' | 'gbk' = 'utf-8',
) {
  const r = exportFeatures(fc, { format, crs, encoding, baseName: 'hejie', schema: 'en' });
  if (!r.ok) throw new Error(inEnglish(r.errors).join('\n'));
  return { ...r, warnings: inEnglish(r.warnings) };
}

/**
 * max |Δ| between the vertices GDAL reads and cs2cs of the input, feature by feature, compared as
 * vertex sets both ways (the writer may reverse rings and GDAL may regroup them).
 */
export function maxDelta(
  input: FeatureCollection,
  read: FeatureCollection,
  crs: CrsCode,
): { max: number; n: number } {
  let max = 0;
  let n = 0;
  const refs = cs2csFeatures(crs, input.features);
  input.features.forEach((_, i) => {
    const ref = refs[i] as number[][];
    const got = flatPoints((read.features[i] as Feature).geometry).map((p) => p.slice(0, 2));
    expect(got).toHaveLength(ref.length);
    max = Math.max(max, nearestMax(got, ref), nearestMax(ref, got));
    n += got.length;
  });
  return { max, n };
}

/**
 * Rings of (near) zero area (< ~1 m²): some zone goldens hold such slivers; their turn is decided by
 * rounding, so GDAL may take them for holes after projection. Reported to the lead (issue 4 note).
 */
export const hasSliver = (f: Feature): boolean =>
  (f.geometry.type === 'MultiPolygon'
    ? f.geometry.coordinates.flat()
    : f.geometry.type === 'Polygon'
      ? f.geometry.coordinates
      : []
  ).some((r) => Math.abs(signedArea2(r)) < 2e-10);

export function unzipTo(dir: string, zip: Uint8Array): Record<string, Uint8Array> {
  const files = unzipSync(zip);
  writeFiles(
    dir,
    Object.entries(files).map(([name, bytes]) => ({ name, bytes })),
  );
  return files;
}

/** Input features per shapefile layer, in the order the writer puts them. */
export const inGroup = (fc: FeatureCollection, types: string[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: fc.features.filter((f) => types.includes(f.geometry.type)),
});
export const LAYERS = {
  polygons: ['Polygon', 'MultiPolygon'],
  lines: ['LineString', 'MultiLineString'],
  points: ['Point'],
};
