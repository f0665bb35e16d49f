// Facts about a request that the guards need: whether it came over TLS, its own origin, the peer.
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** Methods that change state: these carry the CSRF defences. */
export function isStateChanging(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
}

/** Whether the request reached us over TLS: an https URL, or a proxy's `X-Forwarded-Proto: https`. */
export function isSecureRequest(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https';
}

/**
 * Whether an `Origin` header names this server: same scheme (TLS as seen above) and the same host as
 * the `Host` header (or a proxy's `X-Forwarded-Host`). A browser cannot forge either header.
 */
export function isOwnOrigin(c: Context, origin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, cross-origin redirects) and garbage are not us
  }
  const scheme = isSecureRequest(c) ? 'https:' : 'http:';
  if (parsed.protocol !== scheme) return false;
  const hosts = [
    c.req.header('host') ?? new URL(c.req.url).host,
    c.req.header('x-forwarded-host')?.split(',')[0]?.trim(),
  ];
  return hosts.some((h) => h !== undefined && h.toLowerCase() === parsed.host);
}

/**
 * The peer's address for login throttling: the socket's remote address (proxies' X-Forwarded-For is
 * not trusted: any client can send it). 'local' for in-process requests (tests).
 */
export function clientIp(c: Context): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket.remoteAddress ?? 'local';
}
