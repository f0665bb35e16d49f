// GET /tiles/published/… on PostgreSQL: ST_AsMVT over the PostGIS table `published_features` (the pg
// store fills it in each publication's transaction), the newest publication of each plan only. The
// layers and properties are those of the app's own tiler (published-tiles.ts): zones with every
// property plus plan and version, markers redacted as GET /api/markers (src/domain/markers/
// redact-markers.ts: id, kind, line, bank, plan, markerType; positions on a 1e-5° grid).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { PUBLISHED_TILES } from '../../contract/plans';
import { sharedRead } from '../store/pg-db';
import type { PublishedTiles } from './published-tiles';
import type { TileAddress } from './tile-address';

const EXTENT = 4096;
const BUFFER = 256;
const CACHE_TILES = 20_000;

// the newest publication of a feature's plan: one probe of publications_plan_seq per feature found
// in the tile (was: every plan's newest, computed over all publications for each tile)
const NEWEST =
  '(SELECT p.version FROM publications p WHERE p.plan_id = f.plan_id ORDER BY p.seq DESC LIMIT 1)';

// $1..$3: z, x, y. Features are found in the tile's envelope (with its buffer) in EPSG:4490.
const TILE_SQL = `
WITH env AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS e,
         ST_Transform(ST_TileEnvelope($1, $2, $3, margin => ${BUFFER / EXTENT}), 4490) AS box
), zones AS (
  SELECT ST_AsMVTGeom(ST_Transform(f.geom, 3857), env.e, ${EXTENT}, ${BUFFER}, true) AS geom,
         f.properties || jsonb_build_object('plan', f.plan_id, 'version', f.version) AS properties
  FROM published_features f, env
  WHERE f.layer = 'zones' AND f.geom && env.box AND f.version = ${NEWEST}
  ORDER BY f.plan_id, f.id
), markers AS (
  SELECT ST_AsMVTGeom(ST_Transform(ST_SnapToGrid(f.geom, 0.00001), 3857), env.e, ${EXTENT}, ${BUFFER}, true) AS geom,
         jsonb_build_object(
           'id', coalesce(f.properties->>'id', ''), 'kind', coalesce(f.properties->>'kind', ''),
           'line', coalesce(f.properties->>'line', ''), 'bank', coalesce(f.properties->>'bank', ''),
           'plan', f.plan_id, 'markerType', coalesce(f.properties->>'markerType', '')
         ) AS properties
  FROM published_features f, env
  WHERE f.layer = 'markers' AND GeometryType(f.geom) = 'POINT' AND f.geom && env.box
    AND f.version = ${NEWEST}
  ORDER BY f.plan_id, f.id
)
SELECT (SELECT ST_AsMVT(zones, '${PUBLISHED_TILES.zones}', ${EXTENT}, 'geom') FROM zones WHERE geom IS NOT NULL)
    || (SELECT ST_AsMVT(markers, '${PUBLISHED_TILES.markers}', ${EXTENT}, 'geom') FROM markers WHERE geom IS NOT NULL)
    AS tile`;

/** A small pool of the tiles' own, so that tile requests never queue behind the store's writes. */
export function openPgTilePool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
  pool.on('error', (e) => console.error(`PostgreSQL (tiles) connection lost: ${e.message}`));
  return pool;
}

/**
 * The published tiles from PostGIS; the tag follows the newest publication: publications are
 * append-only (a trigger refuses UPDATE and DELETE), so max(seq), one index lookup, changes exactly
 * when one is added, on whichever instance. Requests waiting at once share one such lookup.
 */
export function createPgPublishedTiles(pool: pg.Pool): PublishedTiles {
  let cache: { tag: string; tiles: Map<string, Buffer | null> } = { tag: '', tiles: new Map() };
  // a tile being cut: requests for it meanwhile wait for that one query (a map view's first
  // requests, and every client panning to the same place, ask for the same tiles at once)
  const cutting = new Map<string, Promise<Buffer | null>>();
  const cut = async (tag: string, key: string, { z, x, y }: TileAddress) => {
    const r = await pool.query<{ tile: Buffer | null }>(TILE_SQL, [z, x, y]);
    const bytes = r.rows[0]?.tile ?? null;
    const gzip = bytes && bytes.length > 0 ? gzipSync(bytes) : null;
    if (cache.tag === tag && cache.tiles.size < CACHE_TILES) cache.tiles.set(key, gzip);
    return gzip;
  };
  // concurrent tile requests share one look at the head (a cached tile is then a map lookup)
  const head = sharedRead(
    async () =>
      (await pool.query<{ seq: string | null }>('SELECT max(seq)::text AS seq FROM publications'))
        .rows[0]?.seq ?? '0',
  );
  return {
    async tile(address: TileAddress) {
      const { z, x, y } = address;
      const set = await head();
      const tag = createHash('sha256').update(set).digest('base64url').slice(0, 22);
      if (cache.tag !== tag) cache = { tag, tiles: new Map() };
      const etag = `"${tag}-${z}-${x}-${y}"`;
      const key = `${z}/${x}/${y}`;
      const hit = cache.tiles.get(key);
      if (hit !== undefined) return { gzip: hit, etag };
      const slot = `${tag}/${key}`;
      let pending = cutting.get(slot);
      if (!pending) {
        pending = cut(tag, key, address).finally(() => cutting.delete(slot));
        cutting.set(slot, pending);
      }
      return { gzip: await pending, etag };
    },
  };
}
