import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection } from 'geojson';

const EXTENT = 4096;
/** Tiles are drawn 512 px wide: one screen pixel is 8 tile units. */
const UNITS_PER_PX = EXTENT / 512;

/** A gzipped Mapbox Vector Tile, or null when nothing falls in the tile. */
export type TileReader = (z: number, x: number, y: number) => Buffer | null;

/**
 * Vector tiles of the base map, one layer per dataset (`layer` property), cut once on the server and
 * cached: the map's worker only decodes small tiles instead of parsing and tiling 700 kB of GeoJSON.
 * Display data: 1 px simplification, 32 px buffer (the widest line is 8 px).
 */
export function createBaseTiles(base: FeatureCollection): TileReader {
  const byLayer = new Map<string, Feature[]>();
  for (const f of base.features) {
    const layer = String(f.properties?.layer ?? 'other');
    const { layer: _, ...properties } = f.properties ?? {};
    byLayer.set(layer, [...(byLayer.get(layer) ?? []), { ...f, properties }]);
  }
  const indexes = [...byLayer].map(
    ([name, features]) =>
      [
        name,
        new GeoJSONVT(
          { type: 'FeatureCollection', features },
          { maxZoom: 14, extent: EXTENT, tolerance: UNITS_PER_PX, buffer: 32 * UNITS_PER_PX },
        ),
      ] as const,
  );
  const cache = new Map<string, Buffer | null>();
  return (z, x, y) => {
    const key = `${z}/${x}/${y}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const layers: Parameters<typeof fromGeojsonVt>[0] = {};
    for (const [name, index] of indexes) {
      const tile = index.getTile(z, x, y);
      if (tile && tile.features.length > 0) layers[name] = tile;
    }
    const body =
      Object.keys(layers).length === 0
        ? null
        : gzipSync(fromGeojsonVt(layers, { version: 2, extent: EXTENT }));
    if (cache.size < 20_000) cache.set(key, body);
    return body;
  };
}
