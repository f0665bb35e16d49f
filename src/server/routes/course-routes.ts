// River courses (河道底图, issue 18): import (planners, admins), versions, the public flag (admins),
// and the newest visible course of every river for the map. The public never gets a staff-only
// version by any of these URLs: it is a 404, as if it did not exist.
import type { Feature, FeatureCollection } from 'geojson';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { courseFields, coursePublicBody } from '../../contract/courses';
import { langOfAcceptLanguage } from '../../contract/messages/lang';
import { renderMessage } from '../../contract/messages/render';
import { msg } from '../../domain/message';
import {
  latestVisible,
  mayImportCourse,
  mayPublishCourse,
  seesStaffCourses,
} from '../../domain/rivers/course-access';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { courseRiver, importCourse, namingRiver } from '../courses/import-course';
import { publicGeoOf } from '../public-geo';
import type { Register } from './register-routes';
import { actorName, checkValue, fail, readBody, refuse } from './route-kit';

type Ctx = Context<AppEnv>;
const PRIVATE = { 'cache-control': 'private, no-cache', vary: 'cookie' };

/** The multipart form: its text fields and its file part, or the refusal. */
async function readCourseForm(
  c: Ctx,
): Promise<
  { ok: true; fields: Record<string, string>; file: File } | { ok: false; response: Response }
> {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  let form: FormData | null = null;
  if (type === 'multipart/form-data') form = await c.req.formData().catch(() => null);
  if (!form) return { ok: false, response: fail(c, 415, msg('courses.notMultipart')) };
  const fields: Record<string, string> = {};
  let file: File | null = null;
  for (const [key, value] of form) {
    if (typeof value === 'string') fields[key] = value;
    else if (key === 'file') file = value;
    else fields[key] = value.name;
  }
  if (!file || file.size === 0)
    return { ok: false, response: fail(c, 400, msg('courses.noFile'), { field: 'file' }) };
  return { ok: true, fields, file };
}

/** Features for the map: each with its river, role and version (and `synthetic` when a test's). */
function mapFeatures(riverId: string, version: number, features: readonly Feature[]): Feature[] {
  return features.map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      courseRiverId: riverId,
      role: f.properties?.role,
      version,
      ...(f.properties?.synthetic === true ? { synthetic: true } : {}),
    },
  }));
}

/** The course routes (see src/contract/courses.ts). */
export function courseRoutes(deps: ServerDeps, register: Register): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const staff = (c: Ctx) => seesStaffCourses(actorOf(c));

  // built once per (store revision, audience): courses can be megabytes, read on every login
  const built = new Map<string, Promise<string>>();
  const mapBody = async (forStaff: boolean): Promise<string> => {
    const revision = await deps.store.revision();
    const key = `${revision}|${forStaff}`;
    let body = built.get(key);
    if (!body) {
      for (const k of built.keys()) if (!k.startsWith(`${revision}|`)) built.delete(k);
      body = (async () => {
        const newest = latestVisible(await deps.store.listCourses(), forStaff);
        const features: Feature[] = [];
        for (const s of newest.values()) {
          const course = await deps.store.getCourse(s.riverId, s.version);
          if (course)
            for (const f of mapFeatures(s.riverId, s.version, course.features)) features.push(f);
        }
        const fc: FeatureCollection = { type: 'FeatureCollection', features };
        return JSON.stringify(fc);
      })();
      built.set(key, body);
      body.catch(() => built.delete(key));
    }
    return body;
  };

  app.get('/api/courses', async (c) =>
    c.body(await mapBody(staff(c)), 200, {
      ...PRIVATE,
      'content-type': 'application/json; charset=utf-8',
    }),
  );

  app.get('/api/rivers/:id/courses', async (c) => {
    const river = await courseRiver(deps.store, c.req.param('id'));
    if (!river) return fail(c, 404, msg('courses.noRiver', { key: c.req.param('id') }));
    const all = await deps.store.listCourses(river.id);
    return c.json(staff(c) ? all : all.filter((v) => v.public), 200, PRIVATE);
  });

  app.get('/api/rivers/:id/courses/:version', async (c) => {
    const river = await courseRiver(deps.store, c.req.param('id'));
    const version = Number(c.req.param('version'));
    const course =
      river && Number.isInteger(version) && version > 0
        ? await deps.store.getCourse(river.id, version)
        : null;
    // a staff-only version is, to the public, a version that does not exist
    if (!course || (!course.public && !staff(c)))
      return fail(
        c,
        404,
        msg('courses.noVersion', {
          river: c.req.param('id').slice(0, 50),
          version: c.req.param('version').slice(0, 10),
        }),
      );
    const fc: FeatureCollection = { type: 'FeatureCollection', features: course.features };
    return c.json({ ...course, features: fc }, 200, PRIVATE);
  });

  const upload = (dryRun: boolean) => async (c: Ctx) => {
    if (!mayImportCourse(actorOf(c))) return refuse(c, msg('courses.what.import'));
    const form = await readCourseForm(c);
    if (!form.ok) return form.response;
    const fields = checkValue(c, courseFields, form.fields);
    if (!fields.ok) return fields.response;
    const bytes = new Uint8Array(await form.file.arrayBuffer());
    const name = form.file.name.split(/[\\/]/).at(-1) || 'course';
    const key = c.req.param('id') ?? '';
    const done = await importCourse(
      { store: deps.store, counties: publicGeoOf(deps.geodata.dir).counties },
      key,
      { name, bytes },
      fields.value,
      actorName(c),
      dryRun,
    );
    if (!done.ok) {
      const [first = msg('courses.empty'), ...rest] = done.reasons;
      const status = done.kind === 'river' ? 404 : done.kind === 'refused' ? 409 : 400;
      return fail(c, status, first, {
        reasons: [first, ...rest],
        ...(done.needs ? { needs: done.needs } : {}),
      });
    }
    const lang = langOfAcceptLanguage(c.req.header('accept-language'));
    const warnings = done.warnings.map((w) => renderMessage(w, lang));
    const answer = {
      river: { id: done.river.id, name: done.river.name },
      crs: done.crs,
      counts: done.prepared.counts,
      bbox: done.prepared.bbox,
      warnings,
    };
    if (dryRun)
      return c.json({
        ...answer,
        features: { type: 'FeatureCollection', features: done.prepared.features },
      });
    const river = (await register.view(true)).rivers.find((r) => r.id === done.river.id);
    return c.json({ ...answer, course: done.stored, mapStatus: river?.mapStatus ?? null }, 201);
  };
  app.post('/api/rivers/:id/courses', upload(false));
  app.post('/api/rivers/:id/courses/preview', upload(true));

  app.post('/api/rivers/:id/courses/:version/public', async (c) => {
    if (!mayPublishCourse(actorOf(c))) return refuse(c, msg('courses.what.publish'));
    const body = await readBody(c, coursePublicBody);
    if (!body.ok) return body.response;
    const river = await courseRiver(deps.store, c.req.param('id'));
    if (!river) return fail(c, 404, msg('courses.noRiver', { key: c.req.param('id') }));
    const version = Number(c.req.param('version'));
    if (!Number.isInteger(version) || version < 1)
      return fail(
        c,
        404,
        msg('courses.noVersion', {
          river: river.name,
          version: c.req.param('version').slice(0, 10),
        }),
      );
    const done = await deps.store.setCoursePublic(
      river.id,
      version,
      body.value.public,
      actorName(c),
    );
    if (!done.ok)
      return fail(
        c,
        done.refused.code === 'courses.noVersion' ? 404 : 409,
        namingRiver(done.refused, river),
      );
    return c.json(done.value);
  });

  return app;
}
