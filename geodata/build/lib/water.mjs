// water.geojson: OSM water-reduced polygons (@geo-maps lakes + rivers) in the clip box.
import { featureCollection, intersect, polygon as turfPolygon } from '@turf/turf';
import {
  areaKm2,
  areasDistanceM,
  bboxesOverlap,
  bboxOf,
  dedupe,
  pointAreaDistanceM,
  rewindPolygon,
  roundPosition,
  signedArea,
} from './geometry.mjs';
import { cornerKeys, loopsToPolygons, ringToLoops } from './repair-ring.mjs';
import { CLIP, LICENCE, packageFile, readJson, SOURCE } from './sources.mjs';
import { feature } from './write-geojson.mjs';

const HONGCHAOJIANG = { at: [109.15, 21.83], withinM: 3000, minKm2: 40, maxKm2: 60 };
const NEAR_COUNTY_M = 1000;

const [x0, y0, x1, y1] = CLIP;
const CLIP_POLYGON = turfPolygon([
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
]);
const insideClip = (b) => b[0] >= x0 && b[1] >= y0 && b[2] <= x1 && b[3] <= y1;

// Polygons (rings) of one source polygon inside the box: as is when wholly inside, else cut.
function clipPolygon(rings) {
  const b = bboxOf(rings);
  if (!bboxesOverlap(b, CLIP)) return [];
  if (insideClip(b)) return [rings];
  const cut = intersect(featureCollection([turfPolygon(rings), CLIP_POLYGON]));
  if (!cut) return [];
  return cut.geometry.type === 'Polygon' ? [cut.geometry.coordinates] : cut.geometry.coordinates;
}

// Rounded, deduplicated, RFC 7946-wound polygons; a ring that touches itself at a vertex (a
// few source polygons are figure-eights) is split into valid polygons.
function cleanPolygons(rings) {
  const [outer, ...holes] = rings.map((r) => dedupe(r.map(roundPosition)));
  if (outer.length < 4 || signedArea(outer) === 0) return [];
  const keptHoles = holes.filter((h) => h.length >= 4 && signedArea(h) !== 0);
  if (new Set(outer.slice(0, -1).map(String)).size === outer.length - 1)
    return [rewindPolygon([outer, ...keptHoles])];
  if (keptHoles.length > 0)
    throw new Error(`water polygon at ${outer[0]}: pinched ring with holes is not handled`);
  return splitPinchedRing(outer).map(rewindPolygon);
}

// Exact repair on a micro-degree integer grid (coordinates are already rounded to 6 decimals).
function splitPinchedRing(ring) {
  const toGrid = ([x, y]) => [Math.round(x * 1e6), Math.round(y * 1e6)];
  const fromGrid = ([x, y]) => [x / 1e6, y / 1e6];
  const loops = ringToLoops(ring.map(toGrid));
  return loopsToPolygons(loops, cornerKeys(loops.loops)).map((poly) =>
    poly.map((r) => [...r, r[0]].map(fromGrid)),
  );
}

function readPolygons(pkg, tag) {
  const data = readJson(packageFile(pkg, 'map.geo.json'));
  const out = [];
  data.geometries.forEach((g, gi) => {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    polygons.forEach((rings, pi) => {
      clipPolygon(rings)
        .flatMap(cleanPolygons)
        .forEach((clean, k) => {
          out.push({ id: `osm-${tag}-${gi}.${pi}.${k}`, tag, rings: clean });
        });
    });
  });
  return out;
}

/** Water features in the box; only 洪潮江水库 is named. */
export function buildWater(counties) {
  const all = [
    ...readPolygons('@geo-maps/earth-lakes-10m', 'lakes'),
    ...readPolygons('@geo-maps/earth-rivers-10m', 'rivers'),
  ];
  const geometryOf = (w) => ({ type: 'Polygon', coordinates: w.rings });
  const near = all.filter(
    (w) =>
      w.tag === 'lakes' &&
      pointAreaDistanceM(HONGCHAOJIANG.at, geometryOf(w)) <= HONGCHAOJIANG.withinM,
  );
  const reservoir = near.sort((a, b) => areaKm2(geometryOf(b)) - areaKm2(geometryOf(a)))[0];
  const reservoirKm2 = reservoir ? areaKm2(geometryOf(reservoir)) : 0;
  if (!reservoir || reservoirKm2 < HONGCHAOJIANG.minKm2 || reservoirKm2 > HONGCHAOJIANG.maxKm2) {
    throw new Error(
      `洪潮江水库: no OSM lake polygon of ${HONGCHAOJIANG.minKm2}–${HONGCHAOJIANG.maxKm2} km² near 109.15E 21.83N`,
    );
  }
  const reservoirCounties = counties
    .filter((c) => areasDistanceM(geometryOf(reservoir), c.geometry) <= NEAR_COUNTY_M)
    .map((c) => c.properties.adcode);
  const sourceOf = (w) => (w.tag === 'lakes' ? SOURCE.lakes : SOURCE.osmRivers);
  const named = feature(
    'hongchaojiang-reservoir',
    {
      waterbodyId: 'hongchaojiang-reservoir',
      name: '洪潮江水库',
      kind: 'reservoir',
      areaKm2: Math.round(reservoirKm2 * 100) / 100,
      counties: reservoirCounties,
      source: sourceOf(reservoir),
      licence: LICENCE.osm,
    },
    geometryOf(reservoir),
  );
  const others = all
    .filter((w) => w !== reservoir)
    .map((w) =>
      feature(
        w.id,
        { waterbodyId: null, name: null, kind: 'water', source: sourceOf(w), licence: LICENCE.osm },
        geometryOf(w),
      ),
    );
  return {
    features: [named, ...others],
    figures: { reservoirKm2, reservoirCounties, count: all.length },
  };
}
