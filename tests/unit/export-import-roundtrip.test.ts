// Round trip: zones, boundary lines and markers of the demo reaches → every export format, CRS and
// encoding → import → the same geometry. GIS/CAD formats to 1 mm; coordinate tables (printed to the
// cm, as the bureaus' tables are) to their printed precision (X and Y each within half a cm).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { CrsCode } from '../../src/domain/crs/crs';
import { projector } from '../../src/domain/crs/crs';
import { exportFeatures } from '../../src/domain/formats/export/export-features';
import { EXPORT_FORMATS } from '../../src/domain/formats/export/export-formats';
import { importFile } from '../../src/domain/formats/import/import-file';
import type { TextEncoding } from '../../src/domain/formats/types';
import { placeMarkers } from '../../src/domain/markers/place-markers';
import { loadZoneEngine } from '../../src/domain/zones/compute-zones';
import { ROOT } from '../helpers/register';

const engine = await loadZoneEngine();
const sample = JSON.parse(
  readFileSync(join(ROOT, 'geodata/samples/nanliujiang-sample-reach.geojson'), 'utf8'),
) as FeatureCollection;
const zones = engine.computeZones(sample);
if (!zones.ok) throw new Error(zones.errors.join('\n'));
const placed = placeMarkers(zones.zones, { codeFor: () => 'NLJ01' });
if (!placed.ok) throw new Error(placed.errors.join('\n'));

const shapes: FeatureCollection = { type: 'FeatureCollection', features: zones.zones.features };
const markers: FeatureCollection = placed.markers;
const TABLES = new Set(['csv', 'xlsx', 'txt']);

/** Every vertex of a collection (rings without their closing repeat) in a GK plane. */
function vertices(fc: FeatureCollection, crs: CrsCode): Position[] {
  const p = projector(crs);
  const out: Position[] = [];
  const walk = (c: unknown, closed: boolean): void => {
    if (typeof (c as number[])[0] === 'number') out.push(p.forward(c as number[]));
    else {
      const list = c as unknown[];
      const n =
        closed && list.length > 3 && typeof (list[0] as number[])[0] === 'number'
          ? list.length - 1
          : list.length;
      for (let i = 0; i < n; i++) walk(list[i], closed);
    }
  };
  for (const f of fc.features as Feature[]) {
    const g = f.geometry;
    if (g && g.type !== 'GeometryCollection') walk(g.coordinates, g.type.endsWith('Polygon'));
  }
  return out;
}

/** The largest distance from any point of `a` to its nearest point of `b` (grid of 1 m cells). */
function farthest(a: Position[], b: Position[]): number {
  const grid = new Map<string, Position[]>();
  const key = (x: number, y: number) => `${Math.floor(x)},${Math.floor(y)}`;
  for (const q of b) {
    const k = key(q[0] as number, q[1] as number);
    grid.set(k, [...(grid.get(k) ?? []), q]);
  }
  let worst = 0;
  for (const q of a) {
    const [x, y] = q as [number, number];
    let best = Number.POSITIVE_INFINITY;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const r of grid.get(key(x + dx, y + dy)) ?? [])
          best = Math.min(best, Math.hypot((r[0] as number) - x, (r[1] as number) - y));
    worst = Math.max(worst, best);
  }
  return worst;
}

const cases = EXPORT_FORMATS.flatMap((f) =>
  (['EPSG:4546', 'EPSG:4525', 'EPSG:4545', 'EPSG:4490'] as const)
    .filter((crs) => crs !== 'EPSG:4490' || !['dxf', 'txt'].includes(f.id))
    .flatMap((crs) =>
      (f.id === 'xlsx' || f.id === 'geojson' || f.id === 'kml'
        ? ['utf-8']
        : ['utf-8', 'gbk']
      ).flatMap((encoding) =>
        (TABLES.has(f.id) ? ['markers', 'shapes'] : ['all']).map((what) => ({
          format: f.id,
          crs,
          encoding: encoding as TextEncoding,
          what,
        })),
      ),
    ),
);

describe('export → import round trip (南流江 sample reach: zones, lines, markers)', () => {
  it.each(cases)('$format $crs $encoding $what', ({ format, crs, encoding, what }) => {
    const input =
      what === 'markers'
        ? markers
        : what === 'shapes'
          ? shapes
          : {
              type: 'FeatureCollection' as const,
              features: [...shapes.features, ...markers.features],
            };
    const out = exportFeatures(input, {
      format,
      crs,
      encoding,
      baseName: 'roundtrip',
      schema: 'en',
    });
    if (!out.ok) throw new Error(out.errors.join('\n'));
    const back: Feature[] = [];
    for (const file of out.files.filter((f) => !/\.(txt|md)$/i.test(f.name) || format === 'txt')) {
      // files say their CRS and encoding (.prj/.cpg, table headers); a CAD drawing cannot
      const r = importFile(file, format === 'dxf' ? { crs } : {});
      if (!r.ok) throw new Error(`${file.name}: ${r.errors.join('\n')}`);
      back.push(...r.features.features);
    }
    // the metric comparison happens in the zone the data sits in, whatever CRS the file used
    const plane: CrsCode = 'EPSG:4546';
    const sent = vertices(input, plane);
    const got = vertices({ type: 'FeatureCollection', features: back }, plane);
    // tables print X and Y to the cm: each may be off by 5 mm, a point by 5√2 mm
    const tolerance = TABLES.has(format) ? 0.005 * Math.SQRT2 + 1e-4 : 0.001;
    expect(
      farthest(got, sent),
      'an imported vertex away from every exported one',
    ).toBeLessThanOrEqual(tolerance);
    expect(farthest(sent, got), 'an exported vertex lost on import').toBeLessThanOrEqual(tolerance);
  });
});
