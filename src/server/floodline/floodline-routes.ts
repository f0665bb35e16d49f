// The planner's flood-line tool (issue 16): stream a DEM to disk, then compute a preview of the bank
// lines from it, a levels table and a centreline (uploaded, else the river's course). The lines are
// only a preview: the planner accepts them into the draft and saves as usual. Audited.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Hono } from 'hono';
import { type FloodlinePreview, floodlineBody, floodlineDemQuery } from '../../contract/floodline';
import { langOfAcceptLanguage } from '../../contract/messages/lang';
import { renderMessage } from '../../contract/messages/render';
import { canEditGeometry } from '../../domain/access/permissions';
import { msg } from '../../domain/message';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { riverCentreline } from '../courses/river-centreline';
import { actorName, checkValue, fail, findPlan, readBody, refuse } from '../routes/route-kit';
import { DEM_MAX_BYTES } from './open-dem';
import { runFloodline } from './run-floodline';

interface Upload {
  path: string;
  name: string;
  plan: string;
  actor: string;
  at: number;
}

/** uploads are kept an hour (a planner may try several levels tables on one DEM) */
const KEEP_MS = 3_600_000;

/** POST /api/plans/:id/floodline/dem and POST /api/plans/:id/floodline. */
export function floodlineRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const uploads = new Map<string, Upload>();
  let dir: string | null = null;
  const sweep = () => {
    for (const [id, u] of uploads) {
      if (Date.now() - u.at > KEEP_MS) {
        rmSync(u.path, { force: true });
        uploads.delete(id);
      }
    }
  };

  app.post('/api/plans/:id/floodline/dem', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const plan = found.plan.row.record;
    if (!canEditGeometry(actorOf(c), plan))
      return refuse(c, msg('common.what.edit', { plan: plan.id }));
    const q = checkValue(c, floodlineDemQuery, c.req.query());
    if (!q.ok) return q.response;
    const length = Number(c.req.header('content-length') ?? 0);
    const gb = (n: number) => (n / 1024 ** 3).toFixed(1);
    if (length > DEM_MAX_BYTES) {
      const why = { name: q.value.file, size: gb(length), max: gb(DEM_MAX_BYTES) };
      return fail(c, 413, msg('floodline.dem.tooBig', why));
    }
    if (!c.req.raw.body) return fail(c, 400, msg('floodline.api.noDem'), { field: 'file' });
    sweep();
    dir ??= mkdtempSync(join(tmpdir(), 'hejie-floodline-'));
    mkdirSync(dir, { recursive: true });
    const id = randomBytes(8).toString('hex');
    const path = join(dir, `${id}.tif`);
    try {
      const body = Readable.fromWeb(c.req.raw.body as WebReadableStream<Uint8Array>);
      let bytes = 0;
      // a body without (or lying about) its length is cut off at the limit
      const count = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done(bytes > DEM_MAX_BYTES ? new Error('too big') : null, chunk);
        },
      });
      await pipeline(body, count, createWriteStream(path));
    } catch {
      rmSync(path, { force: true });
      return fail(c, 400, msg('floodline.api.uploadBroken'));
    }
    uploads.set(id, {
      path,
      name: q.value.file,
      plan: plan.id,
      actor: actorName(c),
      at: Date.now(),
    });
    return c.json({ demId: id });
  });

  app.post('/api/plans/:id/floodline', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const plan = found.plan.row.record;
    if (!canEditGeometry(actorOf(c), plan))
      return refuse(c, msg('common.what.edit', { plan: plan.id }));
    const body = await readBody(c, floodlineBody);
    if (!body.ok) return body.response;
    const b = body.value;
    const upload = uploads.get(b.demId);
    if (!upload || upload.plan !== plan.id || upload.actor !== actorName(c))
      return fail(c, 400, msg('floodline.api.noDem'), { field: 'demId' });
    let centreline = b.centreline;
    let from: FloodlinePreview['centrelineFrom'] = 'upload';
    if (!centreline) {
      const course = await riverCentreline(deps.store, plan.riverId, true);
      const line = course?.lines[0];
      if (!line) return fail(c, 400, msg('floodline.api.noCentreline'), { field: 'centreline' });
      centreline = line.coordinates as [number, number][];
      from = 'course';
    }
    const res = await runFloodline({
      demPath: upload.path,
      demName: upload.name,
      centreline,
      levelsBytes: new TextEncoder().encode(b.levels.text),
      levelsName: b.levels.name,
      maxWidth: b.maxWidth,
    });
    const lang = langOfAcceptLanguage(c.req.header('accept-language'));
    await deps.store.appendAudit(actorName(c), 'floodline.compute', plan.id, {
      dem: upload.name,
      levels: b.levels.name,
      maxWidth: b.maxWidth ?? 2000,
      centreline: from,
      ok: res.ok,
      ...(res.ok
        ? { sha256: res.answer.banks.features[0]?.properties.demSha256 }
        : { errors: res.errors.map((e) => e.code) }),
    });
    if (!res.ok) {
      const [first, ...more] = res.errors;
      return fail(c, 400, first ?? msg('floodline.noWater'), {
        reasons: more,
        warnings: res.warnings.map((w) => renderMessage(w, lang)),
      });
    }
    const a = res.answer;
    const preview: FloodlinePreview = {
      banks: {
        type: 'FeatureCollection',
        features: a.banks.features.map((f) => ({
          type: 'Feature' as const,
          properties: { ...f.properties },
          geometry: f.geometry,
        })),
      },
      flooded: a.flooded,
      warnings: a.warnings.map((w) => renderMessage(w, lang)),
      crs: a.crs,
      centrelineFrom: from,
      stats: {
        cellsRead: a.stats.cellsRead,
        cellsFlooded: a.stats.cellsFlooded,
        length: a.stats.length,
      },
    };
    return c.json(preview);
  });
  return app;
}
