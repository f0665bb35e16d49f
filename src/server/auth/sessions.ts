// Login sessions: a random token in an HttpOnly cookie; the store keeps only its SHA-256.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { UserActor } from '../../domain/access/actor';
import type { SessionRow, Store, UserRow } from '../store/store';
import { isSecureRequest } from './request-info';

/** The session cookie's name (a fixed contract with the front end). */
export const SESSION_COOKIE = 'hejie_session';

/** Sessions end 8 hours after login, whatever the activity (absolute expiry). */
const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The store's key of a session: SHA-256 of the cookie's token, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The actor the rules see for an account (never the password hash). */
export function toActor(user: UserRow): UserActor {
  return {
    kind: 'user',
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    person: user.person,
    scope: { level: user.scope.level, counties: [...user.scope.counties] },
    canPublish: user.canPublish,
    organisation: user.organisation ?? null,
  };
}

/** Starts a session for a user: stores it and returns the token for the cookie. */
export async function startSession(
  store: Store,
  user: UserRow,
  now: Date,
): Promise<{ token: string; session: SessionRow }> {
  const token = randomBytes(32).toString('base64url');
  const session: SessionRow = {
    id: hashToken(token),
    userId: user.id,
    csrf: randomBytes(32).toString('base64url'),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
  };
  await store.createSession(session);
  return { token, session };
}

/** The session token the request's cookie carries, if it is well formed. */
export function readToken(c: Context): string | null {
  const token = getCookie(c, SESSION_COOKIE);
  return token && TOKEN_PATTERN.test(token) ? token : null;
}

/**
 * The live session of a token and its account: null when unknown, expired (then deleted), or the
 * account is gone or disabled.
 */
export async function resolveSession(
  store: Store,
  token: string,
  now: Date,
): Promise<{ session: SessionRow; user: UserRow } | null> {
  const session = await store.getSession(hashToken(token));
  if (!session) return null;
  if (Date.parse(session.expiresAt) <= now.getTime()) {
    await store.deleteSession(session.id);
    return null;
  }
  const user = await store.getUser(session.userId);
  if (!user || user.disabled) return null;
  return { session, user };
}

/** Whether a client's `X-CSRF-Token` equals the session's (constant-time). */
export function csrfMatches(sent: string | undefined, expected: string): boolean {
  if (!sent) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Path=/, Secure over TLS, 8 h. */
export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isSecureRequest(c),
    maxAge: SESSION_TTL_MS / 1000,
  });
}

/** Clears the session cookie in the browser. */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isSecureRequest(c),
  });
}
