// Seeded fuzz test (issue 5): random and malformed requests to every route of the Hono app (methods,
// params, queries, headers, content types, bodies: near-miss, broken, bad UTF-8, deeply nested,
// oversized), as the public and as logged-in users with their CSRF token, against the real server
// process on a real SQLite file. No 5xx, every API error is JSON `{error: string}` without a stack
// trace, 429 says when to retry, and the server still answers /api/health at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { createMemoryStore } from '../../src/server/store/memory-store';
import { login, provisionAccounts, STRESS_PLANNER, type TestAccount } from '../helpers/accounts';
import {
  type Caller,
  edgeRequests,
  type FuzzRequest,
  fuzzRequest,
  type Route,
  unsavableGeometry,
} from '../helpers/fuzz-requests';
import { dice } from '../helpers/random';
import { bundledRegister, ROOT } from '../helpers/register';
import { type ServerProcess, spawnServer } from '../helpers/server-process';

const SEED = 5_2026;
const REQUESTS = 1600;
const PARALLEL = 8;
const LARGE = 64 * 1024;
const ADMIN: TestAccount = {
  username: 'fuzz-admin',
  password: 'fuzz-admin-password-1',
  role: 'admin',
};
const CHIEF: TestAccount = {
  username: 'fuzz-chief',
  password: 'fuzz-chief-password-1',
  role: 'chief',
  person: '高朴',
};
const STACK = /\n\s+at |node_modules|\/src\/|\.ts:\d+/;

interface Answer {
  status: number;
  type: string;
  retryAfter: string | undefined;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: PARALLEL });

function sendRaw(url: string, r: FuzzRequest): Promise<Answer> {
  const { hostname, port } = new URL(url);
  // Bodies are framed by Content-Length always (Node sends DELETE/OPTIONS bodies unframed), and a
  // large body gets a connection of its own: the server may answer 413 and close before reading it.
  const large = (r.body?.length ?? 0) > LARGE;
  const headers = r.body ? { ...r.headers, 'content-length': String(r.body.length) } : r.headers;
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, method: r.method, path: r.path, headers, agent: large ? false : agent },
      (res) => {
        const chunks: Buffer[] = [];
        const answer = () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            retryAfter: res.headers['retry-after'] as string | undefined,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        // an event stream (GET /api/events) never ends: its first chunk is the answer
        const stream = String(res.headers['content-type'] ?? '').includes('text/event-stream');
        res.on('data', (c: Buffer) => {
          chunks.push(c);
          if (stream) {
            answer();
            res.destroy();
          }
        });
        res.on('end', answer);
      },
    );
    req.on('error', reject);
    req.on('socket', (socket) => socket.on('error', () => {}));
    req.end(r.body ?? undefined);
  });
}

/** What is wrong with an answer, or null. */
function judge(r: FuzzRequest, a: Answer): string | null {
  if (a.status >= 500) return `${a.status}: ${a.text.slice(0, 200)}`;
  if (STACK.test(a.text)) return `stack trace in the body: ${a.text.slice(0, 300)}`;
  if (a.status === 429 && !a.retryAfter) return '429 without Retry-After';
  const api = r.path.startsWith('/api/');
  if (!api || a.status < 400 || r.method === 'HEAD') return null;
  if (!a.type.includes('json'))
    return `${a.status} is ${a.type || 'untyped'}, not JSON: ${a.text.slice(0, 100)}`;
  try {
    const body = JSON.parse(a.text) as { error?: unknown };
    if (typeof body.error !== 'string' || !body.error)
      return `no error string: ${a.text.slice(0, 200)}`;
  } catch {
    return `error body is not JSON: ${a.text.slice(0, 100)}`;
  }
  return null;
}

/** Sends bytes on a bare socket (truncated bodies, raw non-UTF-8 paths) and reads what comes back. */
function sendBytes(url: string, bytes: Buffer, endEarly: boolean): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(bytes);
      if (endEarly) socket.end();
    });
    let got = '';
    socket.on('data', (c: Buffer) => {
      got += c.toString('latin1');
    });
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('close', () => resolve(got));
    socket.on('error', () => resolve(got));
  });
}

let dir = '';
let server: ServerProcess;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hejie-fuzz-'));
  await provisionAccounts(dir, [STRESS_PLANNER, ADMIN, CHIEF]);
  server = await spawnServer(dir);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** Every path the Hono app routes (handlers and middleware), as the real server would mount them. */
async function appRoutes(): Promise<Route[]> {
  const { geodata } = bundledRegister();
  const store = createMemoryStore();
  const app = createApp({
    store,
    geodata,
    distDir: join(ROOT, 'dist'),
    demo: true,
    tiandituKey: null,
  });
  const seen = new Map(app.routes.map((r) => [`${r.method} ${r.path}`, r]));
  await store.close();
  return [...seen.values()].map((r) => ({ method: r.method, path: r.path }));
}

describe('fuzz: seeded malformed requests to every route', () => {
  it(`${REQUESTS} random requests (seed ${SEED}) and fixed malformed ones per route: no 5xx, JSON errors without stack traces, no crash`, async () => {
    const routes = await appRoutes();
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/api/plans', '/api/plans/:id', '/api/zones', '/api/login']),
    );
    const callers: (Caller | null)[] = [null];
    for (const account of [STRESS_PLANNER, ADMIN, CHIEF])
      callers.push(await login(server.url, account));
    const d = dice(SEED);
    const requests = [
      ...Array.from({ length: REQUESTS }, (_, i) =>
        fuzzRequest(d, routes, callers[i % callers.length] ?? null),
      ),
      ...callers.flatMap((caller) => edgeRequests(routes, caller)),
    ];
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let resets = 0;
    for (let i = 0; i < requests.length; i += PARALLEL) {
      const batch = requests.slice(i, i + PARALLEL);
      const answers = await Promise.all(
        batch.map((r) => sendRaw(server.url, r).catch((e: Error) => e)),
      );
      answers.forEach((a, j) => {
        const r = batch[j] as FuzzRequest;
        if (a instanceof Error) {
          // a large body the server refused before reading it all: the reset is the transport's
          if ((r.body?.length ?? 0) > LARGE && /ECONNRESET|EPIPE|hang up/.test(a.message))
            resets += 1;
          else failures.push(`${r.label}: connection ${a.message}`);
        } else {
          statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
          const wrong = judge(r, a);
          if (wrong) failures.push(`${r.label}: ${wrong}`);
        }
      });
      expect(server.alive(), server.log()).toBe(true);
    }
    console.log(
      `fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}, ${resets} large bodies cut off`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    // every kind of answer was exercised, not only 404s
    expect([...statuses.keys()].filter((s) => s >= 200 && s < 300).length).toBeGreaterThan(0);
    expect([...statuses.keys()].filter((s) => s >= 400 && s < 500).length).toBeGreaterThan(2);
  }, 180_000);

  it('refuses at save, with 400 naming the feature, geometry that cannot be computed (was 201, then 500)', async () => {
    const planner = await login(server.url, STRESS_PLANNER);
    const headers = { cookie: planner.cookie };
    const current = (await (
      await fetch(`${server.url}/api/plans/city-02/geometry`, { headers })
    ).json()) as { version: number };
    for (const r of unsavableGeometry('city-02', current.version, planner)) {
      const a = await sendRaw(server.url, r);
      expect(a.status, `${r.label}: ${a.text.slice(0, 200)}`).toBe(400);
      expect(JSON.parse(a.text).error, r.label).toMatch(/^feature \d+ \(reach \w+\)/);
    }
    const after = (await (
      await fetch(`${server.url}/api/plans/city-02/geometry`, { headers })
    ).json()) as { version: number };
    expect(after.version).toBe(current.version);
    const draft = await fetch(`${server.url}/api/zones?plan=city-02&version=draft`, { headers });
    expect(draft.status).toBeLessThan(500);
    expect(server.alive(), server.log()).toBe(true);
  }, 60_000);

  it('survives truncated bodies and raw non-UTF-8 request lines, then answers /api/health', async () => {
    const truncated = Buffer.from(
      'PUT /api/plans/city-01/geometry HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"features":[',
    );
    await sendBytes(server.url, truncated, true);
    const rawPath = Buffer.concat([
      Buffer.from('GET /api/plans/'),
      Buffer.from([0xff, 0xfe, 0xe9]),
      Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    ]);
    const answer = await sendBytes(server.url, rawPath, false);
    expect(answer).not.toMatch(/^HTTP\/1\.1 5/);
    expect(server.alive(), server.log()).toBe(true);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
    expect(server.log()).not.toMatch(/internal error|Unhandled|uncaught/i);
  }, 30_000);
});
