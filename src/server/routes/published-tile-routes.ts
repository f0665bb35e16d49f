// GET /tiles/published/{z}/{x}/{y}.pbf for everyone: the published zones and markers as vector tiles
// (src/server/tiles/published-tiles.ts), gzipped, with an ETag per tile and publication set.
import { Hono } from 'hono';
import { msg } from '../../domain/message';
import type { AppEnv } from '../auth/context';
import { gunzipTile, type PublishedTiles } from '../tiles/published-tiles';
import { readTileAddress } from '../tiles/tile-address';
import { fail } from './route-kit';

const HEADERS = { 'cache-control': 'no-cache', vary: 'accept-encoding' };

/** The published tiles route over a tile source. */
export function publishedTileRoutes(tiles: PublishedTiles): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/tiles/published/:z/:x/:file', async (c) => {
    const at = readTileAddress(c.req.param('z'), c.req.param('x'), c.req.param('file'));
    if (!at) return fail(c, 400, msg('register.publishedTileAddress'));
    const { gzip, etag } = await tiles.tile(at);
    const headers = { ...HEADERS, etag };
    const seen = (c.req.header('if-none-match') ?? '').split(',').map((t) => t.trim());
    if (seen.includes(etag)) return c.body(null, 304, headers);
    if (!gzip) return c.body(null, 204, headers);
    const gz = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    return c.body(new Uint8Array(gz ? gzip : gunzipTile(gzip)), 200, {
      ...headers,
      'content-type': 'application/x-protobuf',
      ...(gz ? { 'content-encoding': 'gzip' } : {}),
    });
  });
  return app;
}
