// The published tiler's worker thread (published-tiles.ts): builds the geojson-vt index of the
// published zones and markers off the request thread (at a province's 5,000 plans the build takes
// ~20 s of CPU), keeps it, and cuts and gzips tiles from it.
import { parentPort } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature } from 'geojson';
import { PUBLISHED_TILES } from '../../contract/plans';
import type { TileJob } from './published-tiles';

const EXTENT = 4096;
/** Tiles are drawn 512 px wide: one screen pixel is 8 tile units. */
const UNITS_PER_PX = EXTENT / 512;
const options = {
  maxZoom: PUBLISHED_TILES.maxzoom,
  extent: EXTENT,
  tolerance: UNITS_PER_PX,
  buffer: 32 * UNITS_PER_PX,
};

let index: { tag: string; zones: GeoJSONVT; markers: GeoJSONVT } | null = null;

const collection = (features: Feature[]) =>
  new GeoJSONVT({ type: 'FeatureCollection', features }, options);

/** The answer to one job: built, a tile's gzip (null: nothing there), or `stale` (no such index). */
function run(m: TileJob): { built: true } | { gzip: Uint8Array | null } | { stale: true } {
  if (m.kind === 'build') {
    index = null; // the old one is garbage before the new one is made
    const { zones, markers } = JSON.parse(Buffer.from(m.json).toString('utf8')) as {
      zones: Feature[];
      markers: Feature[];
    };
    index = { tag: m.tag, zones: collection(zones), markers: collection(markers) };
    return { built: true };
  }
  if (index?.tag !== m.tag) return { stale: true };
  const layers: Parameters<typeof fromGeojsonVt>[0] = {};
  for (const [name, vt] of [
    [PUBLISHED_TILES.zones, index.zones],
    [PUBLISHED_TILES.markers, index.markers],
  ] as const) {
    const t = vt.getTile(m.z, m.x, m.y);
    if (t && t.features.length > 0) layers[name] = t;
  }
  if (Object.keys(layers).length === 0) return { gzip: null };
  return { gzip: gzipSync(fromGeojsonVt(layers, { version: 2, extent: EXTENT })) };
}

parentPort?.on('message', (m: TileJob & { id: number }) => {
  try {
    parentPort?.postMessage({ id: m.id, result: run(m) });
  } catch (err) {
    parentPort?.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});
