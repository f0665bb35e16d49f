import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scope, UserActor } from '../../src/domain/access/actor';
import { hashPassword } from '../../src/server/auth/password';
import { openRegister } from '../../src/server/open-register';
import { setPublishSettings } from './publish-settings';
import { ROOT } from './register';
import { type RunningServer, startServer } from './server';
import { testDatabaseUrl } from './test-store';

/** An account a stress test creates before the server starts. */
export interface TestAccount {
  username: string;
  password: string;
  role: UserActor['role'];
  person?: string;
  scope?: Scope;
  canPublish?: boolean;
  /** for a department: the organisation it speaks for */
  organisation?: string;
}

/** The demo planner (demo mode seeds it): every plan, may publish. */
export const DEMO_PLANNER: TestAccount = {
  username: 'planner',
  password: 'demo-planner',
  role: 'planner',
};

/** A planner of every plan who may publish. */
export const STRESS_PLANNER: TestAccount = {
  username: 'stress-planner',
  password: 'stress-planner-password-1',
  role: 'planner',
  canPublish: true,
};

/**
 * Seeds the SQLite store under `dataDir` (as a first start would) and creates the accounts through
 * the Store interface, then closes it: the server started afterwards finds them. With
 * `publishSettings` the notice's authority and phone are set too (publishing needs them, issue 19).
 * With `databaseUrl` the accounts go to that PostgreSQL database instead of `dataDir`'s SQLite.
 */
export async function provisionAccounts(
  dataDir: string,
  accounts: TestAccount[],
  publishSettings = false,
  databaseUrl: string | null = null,
): Promise<void> {
  const { store } = await openRegister(ROOT, { dataDir, databaseUrl }, 'test:provision');
  try {
    if (publishSettings) await setPublishSettings(store);
    for (const a of accounts) {
      const created = await store.createUser(
        {
          username: a.username,
          name: a.username,
          role: a.role,
          person: a.person ?? null,
          scope: a.scope ?? { level: 'all', counties: [] },
          canPublish: a.canPublish ?? false,
          organisation: a.organisation ?? null,
          passwordHash: await hashPassword(a.password),
        },
        'test:provision',
      );
      if (!created) throw new Error(`account ${a.username} exists already`);
    }
  } finally {
    await store.close();
  }
}

/** A logged-in client: the cookie and CSRF token to send. */
export interface Session {
  cookie: string;
  csrf: string;
  /** headers for a JSON state change of this session */
  headers: (extra?: Record<string, string>) => Record<string, string>;
}

/** Logs in over HTTP (`POST /api/login`) and returns the session; throws on anything but 200. */
export async function login(url: string, account: TestAccount): Promise<Session> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  if (res.status !== 200)
    throw new Error(`login ${account.username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrf: string };
  const set = res.headers.get('set-cookie') ?? '';
  const token = /hejie_session=([^;]+)/.exec(set)?.[1];
  if (!token) throw new Error(`login ${account.username}: no hejie_session cookie in "${set}"`);
  const cookie = `hejie_session=${token}`;
  return {
    cookie,
    csrf: body.csrf,
    headers: (extra = {}) => ({
      cookie,
      'x-csrf-token': body.csrf,
      'content-type': 'application/json',
      ...extra,
    }),
  };
}

/** A test account whose password is derived from its username (≥ 10 characters). */
export function testAccount(
  username: string,
  a: Omit<TestAccount, 'username' | 'password'>,
): TestAccount {
  return { username, password: `${username}-password-1`, ...a };
}

/** A real server on a fresh data directory, with accounts logged in by name. */
export interface AccountServer<K extends string> {
  server: RunningServer;
  dataDir: string;
  /** the PostgreSQL database the server runs on (the `api-pg` project), null on SQLite */
  databaseUrl: string | null;
  /** A request as `who` (the public: no cookie); a string body is sent as is, anything else as JSON. */
  call(
    who: K | 'public',
    method: string,
    path: string,
    body?: unknown,
    extra?: Record<string, string>,
  ): Promise<Response>;
  /** A multipart upload as `who` (the form sets its own content type). */
  upload(who: K | 'public', path: string, form: FormData): Promise<Response>;
  /** Restarts the server on the same data directory with `env` and logs every account in again. */
  restart(env: Record<string, string>): Promise<void>;
  /** Stops the server and removes the data directory. */
  stop(): Promise<void>;
}

/**
 * Provisions the accounts on a new data directory, starts the server and logs every account in.
 * The notice's authority and phone are set (publishing needs them) unless `publishSettings` is false.
 */
export async function startWithAccounts<K extends string>(
  tmpPrefix: string,
  accounts: Record<K, TestAccount>,
  env: Record<string, string> = {},
  { publishSettings = true }: { publishSettings?: boolean } = {},
): Promise<AccountServer<K>> {
  const dataDir = mkdtempSync(join(tmpdir(), tmpPrefix));
  const databaseUrl = await testDatabaseUrl();
  await provisionAccounts(dataDir, Object.values(accounts), publishSettings, databaseUrl);
  const dbEnv: Record<string, string> = databaseUrl ? { HEJIE_DATABASE_URL: databaseUrl } : {};
  let server = await startServer({ ...dbEnv, ...env }, dataDir);
  const sessions = new Map<string, Session>();
  const logIn = async () => {
    for (const [who, a] of Object.entries(accounts) as [K, TestAccount][])
      sessions.set(who, await login(server.url, a));
  };
  await logIn();
  return {
    get server() {
      return server;
    },
    dataDir,
    databaseUrl,
    upload(who, path, form) {
      const { 'content-type': _json, ...headers } = sessions.get(who)?.headers() ?? {};
      return fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'accept-language': 'en', ...headers },
        body: form,
      });
    },
    async restart(more) {
      await server.stop(true);
      server = await startServer({ ...dbEnv, ...env, ...more }, dataDir);
      await logIn();
    },
    call(who, method, path, body, extra = {}) {
      const s = who === 'public' ? null : sessions.get(who);
      // the API answers in the request's language (zh-CN by default); these tests read English
      const lang = { 'accept-language': 'en' };
      return fetch(`${server.url}${path}`, {
        method,
        headers: {
          ...lang,
          ...(s ? s.headers() : { 'content-type': 'application/json' }),
          ...extra,
        },
        ...(body === undefined
          ? {}
          : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
    },
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
