// GET /tiles/published/{z}/{x}/{y}.pbf: the published zones and markers as vector tiles, cut by the
// app's own tiler (SQLite and memory stores), so that a province's boundaries never travel as one
// GeoJSON. Layers `zones` (what GET /api/zones serves, properties and all) and `markers` (what GET
// /api/markers serves: redacted). The index is rebuilt when the set of publications changes.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature } from 'geojson';
import { PUBLISHED_TILES } from '../../contract/plans';
import { redactMarkers } from '../../domain/markers/redact-markers';
import type { Store } from '../store/store';
import type { TileAddress } from './tile-address';

const EXTENT = 4096;
/** Tiles are drawn 512 px wide: one screen pixel is 8 tile units. */
const UNITS_PER_PX = EXTENT / 512;
const CACHE_TILES = 20_000;

/** A tile: its gzipped body (null: nothing there) and its strong ETag. */
export interface PublishedTile {
  gzip: Buffer | null;
  etag: string;
}

/** The published tiles of a store; `zones` gives GET /api/zones's features (the same list). */
export interface PublishedTiles {
  tile(at: TileAddress): Promise<PublishedTile>;
}

interface Index {
  set: string;
  tag: string;
  zones: GeoJSONVT;
  markers: GeoJSONVT;
  cache: Map<string, Buffer | null>;
}

const options = {
  maxZoom: PUBLISHED_TILES.maxzoom,
  extent: EXTENT,
  tolerance: UNITS_PER_PX,
  buffer: 32 * UNITS_PER_PX,
};

/** A tile index over the public zones and markers, rebuilt when the publications change. */
export function createPublishedTiles(
  store: Store,
  zones: () => Promise<readonly Feature[]>,
): PublishedTiles {
  let index: Index | null = null;
  let revision = -1;
  let building: Promise<{ built: Index; at: number }> | null = null;

  const build = async (at: number): Promise<{ built: Index; at: number }> => {
    const publications = (await store.listPublications()).toSorted((a, b) =>
      a.planId.localeCompare(b.planId),
    );
    const set = publications.map((p) => `${p.planId}@${p.etag}`).join(',');
    if (index?.set === set) return { built: index, at };
    const markers = publications.flatMap((p) => redactMarkers(p.markers, p.planId));
    const collection = (features: readonly Feature[]) =>
      new GeoJSONVT({ type: 'FeatureCollection', features: [...features] }, options);
    const tag = createHash('sha256').update(set).digest('base64url').slice(0, 22);
    const built = {
      set,
      tag,
      zones: collection(await zones()),
      markers: collection(markers),
      cache: new Map(),
    };
    return { built, at };
  };

  const current = async (): Promise<Index> => {
    const now = await store.revision();
    if (index && now === revision) return index;
    building ??= build(now).finally(() => {
      building = null;
    });
    // the revision read before the build began: a write that landed since is seen next time
    const { built, at } = await building;
    index = built;
    revision = at;
    return built;
  };

  return {
    async tile({ z, x, y }) {
      const ix = await current();
      const key = `${z}/${x}/${y}`;
      const etag = `"${ix.tag}-${z}-${x}-${y}"`;
      const hit = ix.cache.get(key);
      if (hit !== undefined) return { gzip: hit, etag };
      const layers: Parameters<typeof fromGeojsonVt>[0] = {};
      for (const [name, vt] of [
        [PUBLISHED_TILES.zones, ix.zones],
        [PUBLISHED_TILES.markers, ix.markers],
      ] as const) {
        const t = vt.getTile(z, x, y);
        if (t && t.features.length > 0) layers[name] = t;
      }
      const gzip =
        Object.keys(layers).length === 0
          ? null
          : gzipSync(fromGeojsonVt(layers, { version: 2, extent: EXTENT }));
      if (ix.cache.size < CACHE_TILES) ix.cache.set(key, gzip);
      return { gzip, etag };
    },
  };
}

/** A gzipped tile as bytes for a client that does not take gzip. */
export function gunzipTile(gzip: Buffer): Buffer {
  return gunzipSync(gzip);
}
