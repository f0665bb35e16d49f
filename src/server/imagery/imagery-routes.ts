// The imagery routes: the layers a caller may see, adding imagery (a server path or an upload) and
// its jobs, a layer's visibility, and the tiles themselves.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Hono } from 'hono';
import { imageryAddBody, imageryPatchBody } from '../../contract/imagery';
import { mayManageImagery, maySeeImagery } from '../../domain/imagery/may-see-imagery';
import { msg } from '../../domain/message';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { actorName, checkValue, fail, readBody, refuse } from '../routes/route-kit';
import type { ImageryInput, ImageryLibrary } from './imagery-library';

const MANAGE = msg('imagery.what.manage');

/** GET/POST /api/imagery, POST /api/imagery/upload, GET /api/imagery/jobs, PATCH /api/imagery/:id. */
export function imageryApiRoutes(deps: ServerDeps, library: ImageryLibrary): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api/imagery', async (c) => {
    const actor = actorOf(c);
    const layers = (await deps.store.listImagery()).filter((l) => maySeeImagery(actor, l));
    return c.json({ layers });
  });

  const start = async (c: Parameters<typeof refuse>[0], input: ImageryInput) => {
    const added = await library.add(input, actorName(c));
    if (!added.ok) return fail(c, 400, added.reason);
    return c.json({ job: added.job }, 202);
  };

  app.post('/api/imagery', async (c) => {
    if (!mayManageImagery(actorOf(c))) return refuse(c, MANAGE);
    const body = await readBody(c, imageryAddBody);
    if (!body.ok) return body.response;
    const { path, public: isPublic, ...rest } = body.value;
    if (!path) return fail(c, 400, msg('imagery.file.none'), { field: 'path' });
    return start(c, { ...rest, path, public: isPublic ?? false });
  });

  app.post('/api/imagery/upload', async (c) => {
    if (!mayManageImagery(actorOf(c))) return refuse(c, MANAGE);
    const { file: fileName, ...query } = c.req.query();
    const q = checkValue(c, imageryAddBody, query);
    if (!q.ok) return q.response;
    if (!fileName || !c.req.raw.body)
      return fail(c, 400, msg('imagery.file.none'), { field: 'file' });
    const length = Number(c.req.header('content-length') ?? 0);
    const free = library.freeBytes();
    if (length > free) {
      const mb = (b: number) => Math.ceil(b / 1e6);
      return fail(c, 400, msg('imagery.disk.full', { needMb: mb(length), freeMb: mb(free) }));
    }
    const dir = join(library.dir, 'jobs');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `upload-${randomBytes(6).toString('hex')}`);
    try {
      const body = Readable.fromWeb(c.req.raw.body as WebReadableStream<Uint8Array>);
      await pipeline(body, createWriteStream(path));
    } catch {
      rmSync(path, { force: true });
      return fail(c, 400, msg('imagery.file.uploadBroken'));
    }
    const { public: isPublic, path: _, ...rest } = q.value;
    return start(c, { ...rest, path, fileName, owned: true, public: isPublic ?? false });
  });

  app.get('/api/imagery/jobs', (c) => {
    if (!mayManageImagery(actorOf(c))) return refuse(c, MANAGE);
    return c.json({ jobs: library.jobs() });
  });

  app.patch('/api/imagery/:id', async (c) => {
    if (!mayManageImagery(actorOf(c))) return refuse(c, MANAGE);
    const body = await readBody(c, imageryPatchBody);
    if (!body.ok) return body.response;
    const id = c.req.param('id');
    const layer = await deps.store.setImageryPublic(id, body.value.public, actorName(c));
    if (!layer) return fail(c, 404, msg('imagery.noLayer', { id }));
    return c.json({ layer });
  });
  return app;
}
