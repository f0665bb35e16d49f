// Facts about a request that the guards need: whether it came over TLS, its own origin, the peer.
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** Methods that change state: these carry the CSRF defences. */
export function isStateChanging(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
}

/** The socket address without the IPv4-in-IPv6 prefix (`::ffff:127.0.0.1` is `127.0.0.1`). */
const plainAddress = (a: string) => a.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * Whether the peer is a reverse proxy named in `HEJIE_TRUST_PROXY` (the app puts the list in the
 * context as `trustedProxies`): only then do its `X-Forwarded-Proto` and `X-Forwarded-Host` count,
 * since any other client can send them.
 */
function fromTrustedProxy(c: Context): boolean {
  const trusted = (c.get('trustedProxies') as readonly string[] | undefined) ?? [];
  return trusted.length > 0 && trusted.includes(plainAddress(clientIp(c)));
}

/** A forwarded header's first value, from a trusted proxy only. */
function forwarded(c: Context, name: string): string | undefined {
  return fromTrustedProxy(c) ? c.req.header(name)?.split(',')[0]?.trim() : undefined;
}

/**
 * Whether the request reached us over TLS: an https URL, or `X-Forwarded-Proto: https` from a
 * trusted proxy.
 */
export function isSecureRequest(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return forwarded(c, 'x-forwarded-proto')?.toLowerCase() === 'https';
}

/**
 * Whether an `Origin` header names this server: same scheme (TLS as seen above) and the same host as
 * the `Host` header (or a trusted proxy's `X-Forwarded-Host`). A browser cannot forge either header.
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
  const hosts = [c.req.header('host') ?? new URL(c.req.url).host, forwarded(c, 'x-forwarded-host')];
  return hosts.some((h) => h !== undefined && h.toLowerCase() === parsed.host);
}

/**
 * The socket's remote address ('local' for in-process requests, in tests). X-Forwarded-For is not
 * read here: any client can send it (see `clientAddress`).
 */
function clientIp(c: Context): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket.remoteAddress ?? 'local';
}

/**
 * The client's address for the login throttle and the per-address limits of public writes: the
 * socket's address, or behind a
 * reverse proxy named in `HEJIE_TRUST_PROXY` the nearest address of its `X-Forwarded-For` that is
 * not itself a trusted proxy (what our proxy saw; entries further left are the client's own claim).
 */
export function clientAddress(c: Context): string {
  const peer = plainAddress(clientIp(c));
  if (!fromTrustedProxy(c)) return peer;
  const trusted = (c.get('trustedProxies') as readonly string[] | undefined) ?? [];
  const chain = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => plainAddress(a.trim()))
    .filter((a) => a !== '');
  return chain.findLast((a) => !trusted.includes(a)) ?? peer;
}
