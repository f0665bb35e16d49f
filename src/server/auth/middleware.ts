// Who is asking: the session cookie's account, or the public. Also the session half of the CSRF
// defence (the session's token must come back in X-CSRF-Token), which needs the session first.
import type { MiddlewareHandler } from 'hono';
import { PUBLIC } from '../../domain/access/actor';
import { msg } from '../../domain/message';
import { setLateHeader } from '../late-header';
import { fail } from '../routes/route-kit';
import type { AppEnv, ServerDeps } from './context';
import { isStateChanging } from './request-info';
import {
  clearSessionCookie,
  csrfMatches,
  readToken,
  resolveSession,
  SESSION_COOKIE,
  toActor,
} from './sessions';

/**
 * Sets `actor` and `session` on every request from the session cookie (the public when there is
 * none or it is forged, expired, or its account is disabled). A logged-in state change without the
 * session's `X-CSRF-Token` is refused with 403; `/api/login` is exempt (it acts with no session's
 * authority and replaces the session). Responses to a logged-in session get `Cache-Control: no-store`.
 */
export function authMiddleware(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const hadCookie = c.req.header('cookie')?.includes(`${SESSION_COOKIE}=`) ?? false;
    const token = readToken(c);
    const found = token ? await resolveSession(deps.store, token, deps.clock()) : null;
    c.set('actor', found ? toActor(found.user) : PUBLIC);
    c.set('session', found?.session ?? null);
    if (
      found &&
      isStateChanging(c.req.method) &&
      c.req.path !== '/api/login' &&
      !csrfMatches(c.req.header('x-csrf-token'), found.session.csrf)
    ) {
      c.header('Cache-Control', 'no-store');
      return fail(c, 403, msg('server.csrf.refused'));
    }
    await next();
    if (found) {
      setLateHeader(c, 'Cache-Control', 'no-store');
    } else {
      // a stale or forged cookie is dropped so that the browser stops sending it
      if (hadCookie && !c.res.headers.has('set-cookie')) clearSessionCookie(c);
      setLateHeader(c, 'Vary', 'Cookie', true);
    }
  };
}
