import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { ownPasswordBody } from '../../contract/accounts';
import { type Message, msg } from '../../domain/message';
import { fail, readBody } from '../routes/route-kit';
import type { AppEnv, ServerDeps } from './context';
import { actorOf } from './context';
import { hashPassword, verifyPassword } from './password';
import { clientAddress } from './request-info';
import {
  clearSessionCookie,
  hashToken,
  readToken,
  setSessionCookie,
  startSession,
  toActor,
} from './sessions';
import { createLoginThrottle } from './throttle';

const loginBody = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict();

/**
 * POST /api/login, POST /api/logout, GET /api/me, POST /api/me/password. Logins and failed logins
 * are audited.
 */
export function authRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const throttle = createLoginThrottle(deps.store, deps.clock);
  // Unknown usernames still cost one scrypt, so timing does not tell which accounts exist.
  let dummyHash: Promise<string> | null = null;
  const dummy = () => {
    dummyHash ??= hashPassword('not a password of any account');
    return dummyHash;
  };

  app.post('/api/login', async (c) => {
    c.header('Cache-Control', 'no-store');
    const parsed = loginBody.safeParse(await readJson(c));
    if (!parsed.success) {
      const { message, field } = describeIssue(parsed.error);
      return fail(c, 400, message, { field });
    }
    const { username, password } = parsed.data;
    const address = clientAddress(c);
    const attempt = await throttle.attempt(username, address);
    if (!attempt.ok) {
      c.header('Retry-After', String(attempt.retryAfter));
      return fail(c, 429, msg('server.login.throttled', { seconds: attempt.retryAfter }));
    }
    const user = await deps.store.getUserByUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummy()));
    if (!user || !ok || user.disabled) {
      const reason = !user ? 'unknown user' : !ok ? 'wrong password' : 'account disabled';
      await deps.store.appendAudit('public', 'user.login-failed', `user:${username}`, {
        reason,
        address,
      });
      if (user && ok) return fail(c, 403, msg('server.login.disabled'));
      return fail(c, 401, msg('server.login.wrong'));
    }
    await attempt.succeed();
    const previous = readToken(c);
    if (previous) await deps.store.deleteSession(hashToken(previous));
    const now = deps.clock();
    await deps.store.deleteExpiredSessions(now.toISOString());
    const { token, session } = await startSession(deps.store, user, now);
    setSessionCookie(c, token);
    await deps.store.appendAudit(user.username, 'user.login', `user:${user.username}`, { address });
    return c.json({ actor: toActor(user), csrf: session.csrf });
  });

  app.post('/api/logout', async (c) => {
    c.header('Cache-Control', 'no-store');
    const session = c.get('session');
    if (session) {
      await deps.store.deleteSession(session.id);
      const actor = actorOf(c);
      const who = actor.kind === 'user' ? actor.username : session.userId;
      await deps.store.appendAudit(who, 'user.logout', `user:${who}`, {});
    }
    clearSessionCookie(c);
    return c.json({ ok: true });
  });

  // a user's own new password: the current one is checked (throttled like a login), and every other
  // session of the account ends in the same transaction
  app.post('/api/me/password', async (c) => {
    c.header('Cache-Control', 'no-store');
    const session = c.get('session');
    const actor = actorOf(c);
    if (!session || actor.kind !== 'user') return fail(c, 401, msg('accounts.password.loginFirst'));
    const body = await readBody(c, ownPasswordBody);
    if (!body.ok) return body.response;
    const attempt = await throttle.attempt(actor.username, clientAddress(c));
    if (!attempt.ok) {
      c.header('Retry-After', String(attempt.retryAfter));
      return fail(c, 429, msg('server.login.throttled', { seconds: attempt.retryAfter }));
    }
    const user = await deps.store.getUser(actor.id);
    if (!user || !(await verifyPassword(body.value.current, user.passwordHash)))
      return fail(c, 403, msg('accounts.password.wrongCurrent'), { field: 'current' });
    await attempt.succeed();
    const passwordHash = await hashPassword(body.value.password);
    await deps.store.updateUser(user.id, { passwordHash }, user.username, session.id);
    return c.json({ ok: true });
  });

  app.get('/api/me', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ actor: actorOf(c), csrf: c.get('session')?.csrf ?? null });
  });

  return app;
}

/** The message of a 400 naming the first wrong field of a login body, and that field. */
function describeIssue(error: z.ZodError): { message: Message; field: string } {
  const issue = error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const field = issue.keys[0] ?? 'body';
    return { message: msg('server.login.unknownField', { field }), field };
  }
  if (issue?.path.length) {
    const field = issue.path.join('.');
    if (issue.code === 'too_big')
      return { message: msg('server.login.tooLong', { field, max: Number(issue.maximum) }), field };
    if (issue.code === 'too_small') return { message: msg('server.login.empty', { field }), field };
    return { message: msg('server.login.required', { field }), field };
  }
  return { message: msg('server.login.notObject'), field: 'body' };
}

/** The body as JSON, or undefined when it is not JSON (zod then names what is missing). */
async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
