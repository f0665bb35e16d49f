// The request guards in front of every /api route: cross-site refusal, JSON-only bodies, body size.
// The session half of the CSRF defence (X-CSRF-Token) sits in the auth middleware, after the
// session is known; login throttling sits in the login route, which knows the username.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { COURSE_FILE_MAX } from '../../contract/courses';
import { ACCEPTANCE_FILE_MAX } from '../../contract/review';
import { msg } from '../../domain/message';
import { fail } from '../routes/route-kit';
import type { AppEnv, ServerDeps } from './context';
import { isOwnOrigin, isStateChanging } from './request-info';

const MB = 1024 * 1024;
/** Bodies up to 1 MB, except a plan's geometry (surveyed lines can be large): 20 MB. */
const DEFAULT_LIMIT = 1 * MB;
const GEOMETRY_LIMIT = 20 * MB;
const GEOMETRY_PATH = /^\/api\/plans\/[^/]+\/geometry$/;
/** An acceptance record carries its signed PDF (up to 20 MB) and a few text fields: 20 MB + 1 MB. */
const ACCEPTANCE_LIMIT = ACCEPTANCE_FILE_MAX + 1 * MB;
const IMAGERY_UPLOAD_PATH = '/api/imagery/upload';
/** a DEM for the flood-line tool is the file itself, streamed to disk (the route checks its size) */
const DEM_UPLOAD_PATH = /^\/api\/plans\/[^/]+\/floodline\/dem$/;
/** a flood-line run carries a levels table and may carry a centreline: the geometry limit */
const FLOODLINE_PATH = /^\/api\/plans\/[^/]+\/floodline$/;
const ACCEPTANCE_PATH = /^\/api\/plans\/[^/]+\/acceptance$/;
/** A river course import carries its file (the import pipeline's limit) and a few fields. */
const COURSE_LIMIT = COURSE_FILE_MAX + 1 * MB;
const COURSE_PATH = /^\/api\/rivers\/[^/]+\/courses(\/preview)?$/;

const tooBig = (limit: number) => (c: Context) =>
  fail(c, 413, msg('server.body.tooLarge', { mb: limit / MB }));

/**
 * Body-size limit (413), refusal of cross-site state changes (403: an `Origin` that is not this
 * server, or `Sec-Fetch-Site: cross-site`), and `Content-Type: application/json` for state changes
 * that carry a body (415), except the acceptance upload (a multipart form with its PDF, 21 MB).
 * All refusals are JSON `{ error, code, params }` in the request's language.
 */
export function securityMiddleware(_deps: ServerDeps): MiddlewareHandler<AppEnv> {
  const small = bodyLimit({ maxSize: DEFAULT_LIMIT, onError: tooBig(DEFAULT_LIMIT) });
  const large = bodyLimit({ maxSize: GEOMETRY_LIMIT, onError: tooBig(GEOMETRY_LIMIT) });
  const upload = bodyLimit({
    maxSize: ACCEPTANCE_LIMIT,
    onError: (c) =>
      fail(c, 413, msg('display.acceptance.tooLarge', { mb: ACCEPTANCE_FILE_MAX / MB })),
  });
  const courseUpload = bodyLimit({
    maxSize: COURSE_LIMIT,
    onError: (c) => fail(c, 413, msg('courses.tooBig', { mb: COURSE_FILE_MAX / MB })),
  });
  return async (c, next) => {
    // a read has no body to limit: bodyLimit would build the request's full web Request to look
    // (an AbortSignal and undici's Request on every GET, ~30 µs each at the register's rate)
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    // an imagery upload is the file itself (GBs, streamed to disk; the route checks the free space)
    const streamed = c.req.path === IMAGERY_UPLOAD_PATH || DEM_UPLOAD_PATH.test(c.req.path);
    if (c.req.method === 'POST' && streamed) {
      const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
      return (
        crossSiteRefusal(c) ??
        (type === 'application/octet-stream'
          ? next()
          : fail(c, 415, msg('imagery.file.uploadType')))
      );
    }
    const acceptance = c.req.method === 'POST' && ACCEPTANCE_PATH.test(c.req.path);
    const course = c.req.method === 'POST' && COURSE_PATH.test(c.req.path);
    if (isStateChanging(c.req.method)) {
      // the acceptance and course routes read a multipart form (a file); they check the form
      const refusal = crossSiteRefusal(c) ?? (acceptance || course ? null : contentTypeRefusal(c));
      if (refusal) return refusal;
    }
    if (acceptance) return upload(c, next);
    if (course) return courseUpload(c, next);
    const geometry =
      (c.req.method === 'PUT' && GEOMETRY_PATH.test(c.req.path)) ||
      (c.req.method === 'POST' && FLOODLINE_PATH.test(c.req.path));
    return (geometry ? large : small)(c, next);
  };
}

function crossSiteRefusal(c: Context): Response | null {
  const origin = c.req.header('origin');
  if (origin !== undefined && !isOwnOrigin(c, origin))
    return fail(c, 403, msg('server.crossSite.origin', { origin: origin.slice(0, 100) }));
  if (c.req.header('sec-fetch-site')?.toLowerCase() === 'cross-site')
    return fail(c, 403, msg('server.crossSite.fetchSite'));
  return null;
}

function contentTypeRefusal(c: Context): Response | null {
  if (!hasBody(c)) return null;
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return null;
  return fail(c, 415, msg('server.body.notJson'));
}

/** HTTP/1.1 framing when the request came over the wire; the Request's body in process (tests). */
function hasBody(c: Context): boolean {
  const length = c.req.header('content-length');
  if (length !== undefined) return Number(length) > 0;
  if (c.req.header('transfer-encoding') !== undefined) return true;
  const overHttp = (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined;
  return !overHttp && c.req.raw.body !== null;
}
