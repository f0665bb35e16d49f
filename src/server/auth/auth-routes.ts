import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, ServerDeps } from './context';
import { actorOf } from './context';
import { hashPassword, verifyPassword } from './password';
import { clientIp } from './request-info';
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
    username: z
      .string({ error: 'required (a string)' })
      .trim()
      .min(1, 'required')
      .max(64, 'at most 64 characters'),
    password: z
      .string({ error: 'required (a string)' })
      .min(1, 'required')
      .max(256, 'at most 256 characters'),
  })
  .strict();

/** POST /api/login, POST /api/logout, GET /api/me. Logins and failed logins are audited. */
export function authRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const throttle = createLoginThrottle(deps.clock);
  // Unknown usernames still cost one scrypt, so timing does not tell which accounts exist.
  let dummyHash: Promise<string> | null = null;
  const dummy = () => {
    dummyHash ??= hashPassword('not a password of any account');
    return dummyHash;
  };

  app.post('/api/login', async (c) => {
    c.header('Cache-Control', 'no-store');
    const parsed = loginBody.safeParse(await readJson(c));
    if (!parsed.success) return c.json(describeIssue(parsed.error), 400);
    const { username, password } = parsed.data;
    const address = clientIp(c);
    const attempt = throttle.attempt(username, address);
    if (!attempt.ok) {
      c.header('Retry-After', String(attempt.retryAfter));
      return c.json({ error: `too many failed logins; try again in ${attempt.retryAfter} s` }, 429);
    }
    const user = await deps.store.getUserByUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummy()));
    if (!user || !ok || user.disabled) {
      const reason = !user ? 'unknown user' : !ok ? 'wrong password' : 'account disabled';
      await deps.store.appendAudit('public', 'user.login-failed', `user:${username}`, {
        reason,
        address,
      });
      if (user && ok) return c.json({ error: 'this account is disabled; ask an admin' }, 403);
      return c.json({ error: 'wrong username or password' }, 401);
    }
    attempt.succeed();
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

  app.get('/api/me', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ actor: actorOf(c), csrf: c.get('session')?.csrf ?? null });
  });

  return app;
}

/** A 400 body naming the first wrong field of a login body. */
function describeIssue(error: z.ZodError): { error: string; field: string } {
  const issue = error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const field = issue.keys[0] ?? 'body';
    return { error: `${field}: unknown field (expected username and password)`, field };
  }
  if (issue?.path.length) {
    const field = issue.path.join('.');
    return { error: `${field}: ${issue.message}`, field };
  }
  return { error: 'body: must be a JSON object {"username": …, "password": …}', field: 'body' };
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
