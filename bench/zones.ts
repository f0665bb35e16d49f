// Zone-engine figures for `npm run bench`: the real 南流江 course (≈220 km, WDB II) with toe lines at
// ±40 m, and the demo reaches; wall time (median of 11 after 3 warm-up runs) and the ratio to GEOS doing the same
// construction in the same run (python3-shapely, construction time only), plus memory.
import { join } from 'node:path';
import type { FeatureCollection, Position } from 'geojson';
import { renderMessage } from '../src/contract/messages/render';
import { projector } from '../src/domain/crs/crs';
import { isZoneFeature, loadZoneEngine } from '../src/domain/zones/compute-zones';
import { loadSampleReaches } from '../src/server/geodata';
import { geosZones } from '../tests/helpers/geos';
import { ROOT } from '../tests/helpers/register';
import { geosInputFor } from '../tests/helpers/zones-fixtures';
import { nanliujiangCourse, wholeCourseReach } from './course';

export interface ZoneBenchRow {
  what: string;
  value: number;
  unit: string;
  target?: number;
}

const RUNS = 11;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function lengthKm(coords: Position[]): number {
  const p = projector('EPSG:4546');
  const xy = coords.map((c) => p.forward(c));
  let m = 0;
  for (let i = 1; i < xy.length; i++) {
    const [x0, y0] = xy[i - 1] as [number, number];
    const [x1, y1] = xy[i] as [number, number];
    m += Math.hypot(x1 - x0, y1 - y0);
  }
  return m / 1000;
}

async function measure(
  label: string,
  input: unknown,
  rows: ZoneBenchRow[],
  target?: number,
): Promise<void> {
  const { computeZones } = await loadZoneEngine();
  const times: number[] = [];
  // 3 warm-up runs (the first ones run before V8 has optimised the hot loops), then the median of 11
  let result = computeZones(input);
  for (let i = 0; i < 2; i++) result = computeZones(input);
  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = computeZones(input);
    times.push(performance.now() - t0);
  }
  const heapAfter = process.memoryUsage().heapUsed;
  if (!result.ok) {
    rows.push({
      what: `${label}: FAILED ${result.errors[0] ? renderMessage(result.errors[0], 'en') : ''}`,
      value: Number.NaN,
      unit: '',
    });
    return;
  }
  const ours = median(times);
  let geosMs = 0;
  for (const z of result.zones.features
    .filter(isZoneFeature)
    .filter((f) => f.properties.kind === 'management')) {
    const ref = await geosZones({
      ...geosInputFor(input as FeatureCollection, z.properties),
      repeat: 5,
    });
    geosMs += ref.ms;
  }
  rows.push({
    what: `${label}: zones (median of ${RUNS})`,
    value: ours,
    unit: 'ms',
    ...(target ? { target } : {}),
  });
  rows.push({ what: `${label}: GEOS, same construction, same run`, value: geosMs, unit: 'ms' });
  rows.push({ what: `${label}: ratio to GEOS`, value: ours / geosMs, unit: '×', target: 3 });
  rows.push({
    what: `${label}: heap growth over ${RUNS} runs`,
    value: (heapAfter - heapBefore) / 2 ** 20,
    unit: 'MiB',
  });
}

/** The zone-engine rows of the benchmark. */
export async function benchZones(): Promise<ZoneBenchRow[]> {
  const rows: ZoneBenchRow[] = [];
  const course = nanliujiangCourse();
  const km = lengthKm(course.coords);
  const reach = wholeCourseReach(course);
  await measure(
    `南流江 whole course, ${km.toFixed(0)} km, ${course.coords.length} vertices, toes ±40 m`,
    reach,
    rows,
    1000,
  );
  await measure('demo reaches (geodata/samples)', loadSampleReaches(join(ROOT, 'geodata')), rows);
  rows.push({
    what: 'process peak RSS after the zone runs',
    value: process.memoryUsage().rss / 2 ** 20,
    unit: 'MiB',
  });
  return rows;
}
