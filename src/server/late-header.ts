// A header set by a middleware after the handler answered. Hono's `c.header` then re-creates the
// response from its body: @hono/node-server's buffer fast path becomes a web stream read chunk by
// chunk (measured on the 4.3 MB province register: 1,124 → see docs/deploy.md). The response's
// own headers are changed in place instead; a response whose headers are immutable (a fetched or
// redirect response) still goes through `c.header`.
import type { Context } from 'hono';

/** Sets (or with `append`, adds to) a header of the response `c` already holds. */
export function setLateHeader(c: Context, name: string, value: string, append = false): void {
  try {
    if (append) c.res.headers.append(name, value);
    else c.res.headers.set(name, value);
  } catch {
    c.header(name, value, append ? { append: true } : undefined);
  }
}
