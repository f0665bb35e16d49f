// An HTTP/1.1 load generator for the benchmarks: N keep-alive connections, each sending its next
// request when the previous answer is read in full (content-length, chunked, or no body), for a
// fixed time; latencies of every request kept for the percentiles. It does not parse bodies.
//
// Why not autocannon here: its JavaScript response parser is the bottleneck on large bodies. A bare
// node:http server answering the register's 169 kB gzipped body gave 202 req/s (p99 643 ms) under
// autocannon and 5,578 req/s (p99 43 ms) under this loop, on the same 2-CPU machine in the same
// minute. autocannon still drives the benchmarks of small answers.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface LoadResult {
  requests: number;
  /** requests per second over the run */
  rps: number;
  p50: number;
  p99: number;
  /** answers that were not 2xx/304, and socket errors */
  bad: number;
}

export interface LoadOptions {
  /** http://host:port of each server; connections are split evenly over them */
  urls: string[];
  /** request paths, walked in order by every connection */
  paths: string[];
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}

const CRLF2 = Buffer.from('\r\n\r\n');

/** Reads HTTP/1.1 responses off one connection's bytes; calls `done(status)` for each complete one. */
function responseReader(done: (status: number) => void): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  // what is being read: the head, a body of known length, or a chunked body
  let state:
    | { kind: 'head' }
    | { kind: 'body'; left: number; status: number }
    | {
        kind: 'chunks';
        status: number;
      } = { kind: 'head' };
  return (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (state.kind === 'head') {
        const end = pending.indexOf(CRLF2);
        if (end < 0) return;
        const head = pending.subarray(0, end).toString('latin1');
        pending = pending.subarray(end + 4);
        const status = Number(head.slice(9, 12));
        const length = /\r\ncontent-length: *(\d+)/i.exec(head);
        if (status === 204 || status === 304) {
          done(status);
          continue;
        }
        if (length) state = { kind: 'body', left: Number(length[1]), status };
        else if (/\r\ntransfer-encoding: *chunked/i.test(head)) state = { kind: 'chunks', status };
        else throw new Error(`a response without length: ${head.split('\r\n')[0]}`);
      }
      if (state.kind === 'body') {
        const take = Math.min(state.left, pending.length);
        state.left -= take;
        pending = pending.subarray(take);
        if (state.left > 0) return;
        done(state.status);
        state = { kind: 'head' };
        continue;
      }
      // chunked: <hex size>\r\n<data>\r\n … 0\r\n\r\n
      const line = pending.indexOf('\r\n');
      if (line < 0) return;
      const size = Number.parseInt(pending.subarray(0, line).toString('latin1'), 16);
      const need = line + 2 + size + 2;
      if (pending.length < need) return;
      pending = pending.subarray(need);
      if (size === 0) {
        done(state.status);
        state = { kind: 'head' };
      }
    }
  };
}

/** Runs the load; resolves when every connection has finished its last request. */
export async function httpLoad(o: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let bad = 0;
  const until = performance.now() + o.seconds * 1000;
  const extra = Object.entries(o.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const one = (url: string) =>
    new Promise<void>((resolve) => {
      const { hostname, port } = new URL(url);
      const socket: Socket = connect(Number(port), hostname);
      socket.setNoDelay(true);
      let next = 0;
      let sent = 0;
      const send = () => {
        const path = o.paths[next++ % o.paths.length];
        sent = performance.now();
        socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\n${extra}\r\n`);
      };
      const read = responseReader((status) => {
        const now = performance.now();
        latencies.push(now - sent);
        if (!((status >= 200 && status < 300) || status === 304)) bad++;
        if (now < until) send();
        else socket.end();
      });
      socket.on('connect', send);
      socket.on('data', (chunk: Buffer) => read(chunk));
      socket.on('error', () => {
        bad++;
        resolve();
      });
      socket.on('close', () => resolve());
    });
  const t0 = performance.now();
  const each = Math.max(1, Math.round(o.connections / o.urls.length));
  await Promise.all(o.urls.flatMap((u) => Array.from({ length: each }, () => one(u))));
  const took = (performance.now() - t0) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
  return {
    requests: latencies.length,
    rps: latencies.length / took,
    p50: at(0.5),
    p99: at(0.99),
    bad,
  };
}

/**
 * The reference: a bare node:http server answering every request with `body` and `headers` (what
 * the app answered), so that a figure can be read against what this machine does with no app at
 * all. Resolves to its URL and a stop function.
 */
export async function bareServer(
  body: Buffer,
  headers: IncomingHttpHeaders,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const keep = ['content-type', 'content-encoding', 'etag', 'cache-control', 'vary'];
  const out: Record<string, string> = { 'content-length': String(body.length) };
  for (const k of keep) {
    const v = headers[k];
    if (typeof v === 'string') out[k] = v;
  }
  const server = createServer((_req, res) => {
    res.writeHead(200, out);
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
