// Child process of `npm run bench` (bench/exports.ts): zones → markers → every export format, on the
// demo reaches and on the whole 南流江 course; prints one JSON line of rows. A process of its own so
// that its peak RSS (getrusage maxRSS) is the pipeline's, not the rest of the benchmark's.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { deliverableNaming } from '../src/contract/messages/deliverable-naming';
import { renderMessage } from '../src/contract/messages/render';
import { exportFeatures } from '../src/domain/formats/export/export-features';
import { EXPORT_FORMATS } from '../src/domain/formats/export/export-formats';
import type { WaterbodyCode } from '../src/domain/markers/number-markers';
import { reachCoder } from '../src/domain/markers/number-markers';
import { placeMarkers } from '../src/domain/markers/place-markers';
import { loadZoneEngine } from '../src/domain/zones/compute-zones';
import { loadSampleReaches } from '../src/server/geodata';
import { ROOT } from '../tests/helpers/register';
import { nanliujiangCourse, wholeCourseReach } from './course';

interface Row {
  what: string;
  value: number;
  unit: string;
  target?: number;
}

const rows: Row[] = [];
const engine = await loadZoneEngine();
const { waterbodies } = JSON.parse(
  readFileSync(join(ROOT, 'geodata/waterbodies.json'), 'utf8'),
) as { waterbodies: WaterbodyCode[] };

/** Demo reaches: the golden zone inputs and the 南流江 sample reach, one FeatureCollection. */
function demoReaches(): FeatureCollection {
  const dir = join(ROOT, 'tests/fixtures/zones/in');
  const features = readdirSync(dir)
    .filter((f) => f.endsWith('.geojson') && !f.startsWith('invalid-'))
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as FeatureCollection).features);
  features.push(...(loadSampleReaches(join(ROOT, 'geodata')).features as Feature[]));
  return { type: 'FeatureCollection', features };
}

function pipeline(label: string, input: FeatureCollection): void {
  const t0 = performance.now();
  const zones = engine.computeZones(input);
  if (!zones.ok) throw new Error(`${label}: ${zones.errors.map((e) => renderMessage(e, 'en'))[0]}`);
  const t1 = performance.now();
  const reaches = zones.zones.features.map((f) => ({
    reach: f.properties.reach,
    river: f.properties.river,
  }));
  const placed = placeMarkers(zones.zones, { codeFor: reachCoder(waterbodies, reaches) });
  if (!placed.ok)
    throw new Error(`${label}: ${placed.errors.map((e) => renderMessage(e, 'en'))[0]}`);
  const t2 = performance.now();
  const all: FeatureCollection = {
    type: 'FeatureCollection',
    features: [...zones.zones.features, ...placed.markers.features],
  };
  rows.push({
    what: `${label}: zones (${zones.zones.features.length} features)`,
    value: t1 - t0,
    unit: 'ms',
  });
  rows.push({
    what: `${label}: markers + notice boards (${placed.markers.features.length} points)`,
    value: t2 - t1,
    unit: 'ms',
  });
  let total = 0;
  let bytes = 0;
  for (const f of EXPORT_FORMATS) {
    for (const encoding of f.id === 'shp' || f.id === 'csv' || f.id === 'txt'
      ? (['utf-8', 'gbk'] as const)
      : (['utf-8'] as const)) {
      const s = performance.now();
      const r = exportFeatures(all, {
        format: f.id,
        crs: 'auto',
        encoding,
        baseName: 'bench',
        schema: 'zh',
        naming: deliverableNaming(null),
      });
      const ms = performance.now() - s;
      if (!r.ok)
        throw new Error(`${label} ${f.id}: ${r.errors.map((e) => renderMessage(e, 'en'))[0]}`);
      const size = r.files.reduce((n, x) => n + x.bytes.length, 0);
      total += ms;
      bytes += size;
      rows.push({
        what: `${label}: export ${f.id} ${encoding} (${(size / 1024).toFixed(0)} kB)`,
        value: ms,
        unit: 'ms',
      });
    }
  }
  rows.push({
    what: `${label}: zones + markers + all exports, wall (${(bytes / 2 ** 20).toFixed(1)} MiB written)`,
    value: t2 - t0 + total,
    unit: 'ms',
  });
}

pipeline('demo reaches', demoReaches());
const course = nanliujiangCourse();
pipeline(`南流江 whole course (${course.coords.length} vertices)`, wholeCourseReach(course));
rows.push({
  what: 'markers/exports process peak RSS (getrusage maxRSS)',
  value: process.resourceUsage().maxRSS / 1024,
  unit: 'MiB',
});
console.log(JSON.stringify(rows));
