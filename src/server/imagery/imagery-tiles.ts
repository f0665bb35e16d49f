// GET /tiles/imagery/<layer>/{z}/{x}/{y}: a tile read from the layer's archive (kept open), with an
// ETag and Cache-Control. A layer the caller may not see answers exactly like one that does not
// exist (404), whatever the URL.
import { Hono } from 'hono';
import type { ImageryLayer } from '../../contract/imagery';
import type { Actor } from '../../domain/access/actor';
import { PUBLIC } from '../../domain/access/actor';
import { maySeeImagery } from '../../domain/imagery/may-see-imagery';
import { isTileAddress } from '../../domain/imagery/tile-math';
import { msg } from '../../domain/message';
import type { AppEnv, ServerDeps } from '../auth/context';
import { readToken, resolveSession, toActor } from '../auth/sessions';
import { fail } from '../routes/route-kit';
import type { ImageryLibrary } from './imagery-library';

const int = (s: string | undefined) => (s && /^(0|[1-9]\d{0,7})$/.test(s) ? Number(s) : Number.NaN);

function contentType(b: Buffer): string {
  if (b[0] === 0x89 && b[1] === 0x50) return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8) return 'image/jpeg';
  if (b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return 'application/octet-stream';
}

/** The imagery tile route; the layer list is re-read when the store's revision moves. */
export function imageryTileRoutes(deps: ServerDeps, library: ImageryLibrary): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let cached: { revision: number; layers: Map<string, ImageryLayer> } | null = null;
  const layers = async () => {
    const revision = await deps.store.revision();
    if (cached?.revision !== revision) {
      const list = await deps.store.listImagery();
      cached = { revision, layers: new Map(list.map((l) => [l.id, l])) };
    }
    return cached.layers;
  };
  const actorOfRequest = async (c: Parameters<typeof readToken>[0]): Promise<Actor> => {
    const token = readToken(c);
    const found = token ? await resolveSession(deps.store, token, deps.clock()) : null;
    return found ? toActor(found.user) : PUBLIC;
  };

  app.get('/tiles/imagery/:layer/:z/:x/:y', async (c) => {
    const id = c.req.param('layer');
    const layer = (await layers()).get(id);
    const notFound = () => {
      c.header('cache-control', 'no-store');
      c.header('vary', 'Cookie');
      return fail(c, 404, msg('imagery.noLayer', { id }));
    };
    if (!layer) return notFound();
    if (!layer.public && !maySeeImagery(await actorOfRequest(c), layer)) return notFound();
    const [z, x] = [int(c.req.param('z')), int(c.req.param('x'))];
    const y = int(/^(\d+)(\.(png|jpg|jpeg|webp))?$/.exec(c.req.param('y'))?.[1]);
    if (!isTileAddress(z, x, y)) return fail(c, 400, msg('register.tileAddress'));
    const cache = layer.public ? 'public, max-age=86400' : 'private, max-age=3600';
    const body = library.reader(layer)?.tile(z, x, y) ?? null;
    if (!body) return c.body(null, 204, { 'cache-control': cache });
    // archives never change once added: the layer, the address and the size name the bytes
    const etag = `"${layer.id}-${z}-${x}-${y}-${body.length}"`;
    const headers = { 'cache-control': cache, etag, ...(layer.public ? {} : { vary: 'Cookie' }) };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(body), 200, { ...headers, 'content-type': contentType(body) });
  });
  return app;
}
