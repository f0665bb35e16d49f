// Checks the committed geodata/ outputs: structure, and figures against the reference files in
// shared/geodata (HEJIE_SHARED_GEODATA, or ../../../shared/geodata from this folder) if present.
// Usage: cd geodata/build && npm run check   (needs no node_modules)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  areaKm2,
  bboxOf,
  lineLengthM,
  linesOf,
  pointInPolygon,
  pointLineDistanceM,
  polygonsOf,
  signedArea,
} from './lib/geometry.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '..');
const REF = resolve(process.env.HEJIE_SHARED_GEODATA ?? join(HERE, '../../../shared/geodata'));
const CLIP = [107.9, 21.3, 110.1, 22.9];

const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
};
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
const ours = (file) => read(join(OUT, file));

function checkStructure(file, fc, propertyKeys) {
  let bad = 0;
  let decimals = 0;
  let winding = 0;
  let outside = 0;
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      if (c.some((v) => Math.abs(v * 1e6 - Math.round(v * 1e6)) > 1e-6)) decimals++;
      if (c[0] < CLIP[0] || c[0] > CLIP[2] || c[1] < CLIP[1] || c[1] > CLIP[3]) outside++;
    } else c.forEach(walk);
  };
  for (const f of fc.features) {
    if (!propertyKeys.every((k) => k in f.properties)) bad++;
    walk(f.geometry.coordinates);
    if (f.geometry.type.endsWith('Polygon')) {
      for (const rings of polygonsOf(f.geometry)) {
        rings.forEach((ring, i) => {
          const closed =
            ring[0][0] === ring.at(-1)[0] && ring[0][1] === ring.at(-1)[1] && ring.length >= 4;
          if (!closed || (i === 0) !== signedArea(ring) > 0) winding++;
        });
      }
    }
  }
  check(
    bad + decimals + winding + outside === 0 && fc.type === 'FeatureCollection',
    `${file}: ${fc.features.length} features; missing properties ${bad}, >6 decimals ${decimals}, open or mis-wound rings ${winding}, outside clip ${outside}`,
  );
}

function structure() {
  const base = ['source', 'licence'];
  checkStructure('counties.geojson', ours('counties.geojson'), [
    ...base,
    'adcode',
    'name',
    'nameEn',
  ]);
  checkStructure('county-labels.geojson', ours('county-labels.geojson'), [
    'adcode',
    'name',
    'nameEn',
  ]);
  checkStructure('coast.geojson', ours('coast.geojson'), [...base, 'level']);
  checkStructure('sea.geojson', ours('sea.geojson'), base);
  checkStructure('rivers.geojson', ours('rivers.geojson'), [...base, 'riverId', 'name', 'level']);
  checkStructure('water.geojson', ours('water.geojson'), [...base, 'waterbodyId', 'name', 'kind']);
  const labels = ours('county-labels.geojson').features;
  const counties = ours('counties.geojson').features;
  const inside = labels.filter((l) => {
    const c = counties.find((f) => f.properties.adcode === l.properties.adcode);
    return (
      c && polygonsOf(c.geometry).some((rings) => pointInPolygon(l.geometry.coordinates, rings))
    );
  });
  check(
    inside.length === 4,
    `county-labels.geojson: ${inside.length}/4 label points inside their county`,
  );
  const sea = ours('sea.geojson').features[0];
  const isSea = (p) => polygonsOf(sea.geometry).some((rings) => pointInPolygon(p, rings));
  const seaOk =
    isSea([108.53, 21.82]) &&
    isSea([108.62, 21.62]) &&
    isSea([108.8, 21.4]) &&
    !isSea([108.62, 21.95]);
  check(
    seaOk,
    `sea.geojson: ${areaKm2(sea.geometry).toFixed(1)} km²; 茅尾海, 钦州湾, 北部湾 (21.4N) sea; 钦州 city land`,
  );
  const bounds = ours('bounds.json');
  const b = bboxOf(counties.map((c) => c.geometry.coordinates));
  check(
    JSON.stringify(bounds.qinzhou) === JSON.stringify(b) &&
      JSON.stringify(bounds.clip) === JSON.stringify(CLIP),
    `bounds.json: qinzhou ${bounds.qinzhou.join(', ')}; clip ${bounds.clip.join(', ')}`,
  );
}

// Validity as GEOS sees it, through GDAL's ogrinfo (a real client of these files), if installed.
function geosValidity() {
  for (const file of [
    'counties.geojson',
    'sea.geojson',
    'water.geojson',
    'coast.geojson',
    'rivers.geojson',
  ]) {
    const layer = file.replace('.geojson', '');
    const sql = `select count(*) as n, sum(ST_IsValid(geometry)) as valid, sum(ST_IsSimple(geometry)) as simple from "${layer}"`;
    const r = spawnSync('ogrinfo', ['-q', '-dialect', 'sqlite', '-sql', sql, join(OUT, file)], {
      encoding: 'utf8',
    });
    if (r.error?.code === 'ENOENT') {
      console.log('skip GEOS validity: ogrinfo not installed (apt-get install -y gdal-bin)');
      return;
    }
    const n = Number(/n \(Integer\) = (\d+)/.exec(r.stdout)?.[1]);
    const valid = Number(/valid \(Integer\) = (\d+)/.exec(r.stdout)?.[1]);
    const simple = Number(/simple \(Integer\) = (\d+)/.exec(r.stdout)?.[1]);
    check(
      n > 0 && valid === n && simple === n,
      `${file}: GEOS (ogrinfo) ST_IsValid ${valid}/${n}, ST_IsSimple ${simple}/${n}`,
    );
  }
}

// Largest distance from any vertex of `from` to the nearest of `to` lines (one-sided Hausdorff).
function maxDistanceM(from, to) {
  let worst = 0;
  for (const line of from) {
    for (const p of line) {
      const d = Math.min(...to.map((l) => pointLineDistanceM(p, l)));
      if (d > worst) worst = d;
    }
  }
  return worst;
}

const inClip = (p) => p[0] >= CLIP[0] && p[0] <= CLIP[2] && p[1] >= CLIP[1] && p[1] <= CLIP[3];

function againstReference() {
  const refCounties = read(join(REF, 'counties.wgs84.geojson')).features;
  for (const c of ours('counties.geojson').features) {
    const r = refCounties.find((f) => Number(f.id) === c.properties.adcode);
    // The reference keeps the source's invalid rings: take its signed shoelace area as is.
    const refKm2 = r
      ? Math.abs(
          polygonsOf(r.geometry).reduce(
            (s, rings) => s + areaKm2({ type: 'Polygon', coordinates: rings }),
            0,
          ),
        )
      : 0;
    const km2 = areaKm2(c.geometry);
    const diff = (100 * (km2 - refKm2)) / refKm2;
    check(
      Math.abs(diff) <= 1,
      `${c.id} ${c.properties.name}: ${km2.toFixed(1)} km² vs reference ${refKm2.toFixed(1)} km² (${diff.toFixed(3)} %)`,
    );
  }

  const rivers = ours('rivers.geojson').features;
  const nanliu = rivers.filter((f) => f.properties.riverId === 'nanliujiang');
  const refRivers = read(join(REF, 'wdb2-rivers.geojson')).features.map(
    (f) => f.geometry.coordinates,
  );
  const ourLines = nanliu.flatMap((f) => linesOf(f.geometry));
  const toRef = maxDistanceM(ourLines, refRivers);
  // The reference line that 南流江 follows, cut to the clip box, back to our line.
  const refLine = refRivers.reduce((best, l) =>
    maxDistanceM(ourLines, [l]) < maxDistanceM(ourLines, [best]) ? l : best,
  );
  const fromRef = maxDistanceM([refLine.filter(inClip)], ourLines);
  const lengthKm = ourLines.reduce((s, l) => s + lineLengthM(l), 0) / 1000;
  check(
    nanliu.length === 1,
    `rivers.geojson: ${nanliu.length} feature named 南流江, ${lengthKm.toFixed(1)} km in the box, counties ${nanliu[0]?.properties.counties}`,
  );
  check(
    toRef <= 50 && fromRef <= 250,
    `南流江 vs reference WDB II line: max ${toRef.toFixed(1)} m ours→ref, ${fromRef.toFixed(1)} m ref→ours (vertices in the box)`,
  );
  const first = ourLines[0][0];
  const last = ourLines.at(-1).at(-1);
  check(
    first[1] > last[1] && first[0] > last[0],
    `南流江 runs upstream → downstream: ${first} → ${last}`,
  );

  const reservoir = ours('water.geojson').features.find(
    (f) => f.properties.waterbodyId === 'hongchaojiang-reservoir',
  );
  const km2 = reservoir ? areaKm2(reservoir.geometry) : 0;
  const refWater = read(join(REF, 'osm-water-reduced.geojson')).features;
  const refKm2 = Math.max(
    ...refWater
      .filter((f) => polygonsOf(f.geometry).some((rings) => pointInPolygon([109.15, 21.83], rings)))
      .map((f) => areaKm2(f.geometry)),
  );
  check(
    Math.abs(km2 - 51) <= 3 && Math.abs(km2 - refKm2) / refKm2 <= 0.01,
    `洪潮江水库: ${km2.toFixed(2)} km² (property ${reservoir?.properties.areaKm2}), reference polygon ${refKm2.toFixed(2)} km², counties ${reservoir?.properties.counties}`,
  );
  const named = ours('water.geojson').features.filter((f) => f.properties.name !== null);
  check(
    named.length === 1,
    `water.geojson: ${named.length} named polygon; ${ours('water.geojson').features.length} polygons vs ${refWater.length} in the reference`,
  );

  const coastKm =
    ours('coast.geojson').features.reduce((s, f) => s + lineLengthM(f.geometry.coordinates), 0) /
    1000;
  const refCoastKm =
    read(join(REF, 'gshhg-coast-full.geojson'))
      .features.filter((f) => f.geometry.type === 'LineString')
      .reduce((s, f) => s + lineLengthM(f.geometry.coordinates), 0) / 1000;
  check(
    coastKm <= refCoastKm && coastKm >= 0.98 * refCoastKm,
    `coast: ${coastKm.toFixed(1)} km of shore vs reference ${refCoastKm.toFixed(1)} km (ours drops the runs along the box edge)`,
  );
}

structure();
geosValidity();
if (existsSync(join(REF, 'counties.wgs84.geojson'))) {
  console.log(`reference: ${REF}`);
  againstReference();
} else {
  console.log(
    `reference folder ${REF} not found: skipped the comparisons (set HEJIE_SHARED_GEODATA)`,
  );
}
console.log(
  failures.length === 0
    ? 'geodata check passed'
    : `geodata check FAILED: ${failures.length} problem(s)`,
);
process.exit(failures.length === 0 ? 0 : 1);
