import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { z } from 'zod';
import { msg } from '../domain/message';
import type { PlanFilter } from '../domain/plans/filter-plans';
import { filterPlans } from '../domain/plans/filter-plans';
import { summarizePlans } from '../domain/plans/summarize-plans';
import type { RegisterPlan, RegisterView } from '../domain/plans/view-register';
import { viewRegister } from '../domain/plans/view-register';
import type { RiverView } from '../domain/rivers/waterbody';
import type { Pinyin } from '../domain/text/search-keys';
import { STAGES } from '../domain/workflow/stages';
import { authRoutes } from './auth/auth-routes';
import type { AppEnv, ServerDeps } from './auth/context';
import { authMiddleware } from './auth/middleware';
import { securityMiddleware } from './auth/security';
import type { TileReader } from './base-tiles';
import { createBaseTiles } from './base-tiles';
import type { CachedBody } from './cached-body';
import { cachedBody, sendCached } from './cached-body';
import type { Geodata } from './geodata';
import { buildBaseLayer, MAP_FILES } from './geodata';
import { toPinyin } from './pinyin';
import { planRoutes } from './routes/plan-routes';
import { fail } from './routes/route-kit';
import type { Store } from './store/store';

/** How the app was started. */
export interface AppOptions {
  store: Store;
  geodata: Geodata;
  /** built front end (vite build output); null serves the API only */
  distDir: string | null;
  demo: boolean;
  tiandituKey: string | null;
  clock?: () => Date;
  version?: string;
}

const TIANDITU = 'https://*.tianditu.gov.cn';

const planQuery = z
  .object({
    q: z.string().max(100).optional(),
    level: z.enum(['市级', '县级']).optional(),
    county: z
      .string()
      .regex(/^4507\d\d$/, 'county must be an adcode like 450721')
      .optional(),
    unit: z.string().max(50).optional(),
    chief: z.string().max(50).optional(),
    stage: z.enum(STAGES.map((s) => s.id) as [string, ...string[]]).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    tier: z
      .string()
      .regex(/^\d{4}-\d{2}$/, 'tier must look like 2020-12')
      .optional(),
  })
  .strict();

/** A plan as the API returns it: the register view, its stage label and its search text. */
export type ApiPlan = RegisterPlan;

/** Pinyin of each string once per process: the register's texts are few and never change. */
function memoPinyin(convert: (text: string) => Pinyin): (text: string) => Pinyin {
  const seen = new Map<string, Pinyin>();
  return (text) => {
    let hit = seen.get(text);
    if (!hit) {
      hit = convert(text);
      seen.set(text, hit);
    }
    return hit;
  };
}

const pinyin = memoPinyin(toPinyin);

/** The HTTP API and the built front end. */
export function createApp(opts: AppOptions): Hono<AppEnv> {
  const clock = opts.clock ?? (() => new Date());
  const startedAt = clock().toISOString();
  const app = new Hono<AppEnv>();
  const deps: ServerDeps = {
    store: opts.store,
    geodata: opts.geodata,
    clock,
    demo: opts.demo,
    tiandituKey: opts.tiandituKey,
  };
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // 'wasm-unsafe-eval' lets the compute worker compile GEOS (WebAssembly); no JS eval is allowed
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', TIANDITU],
        connectSrc: ["'self'", TIANDITU],
        workerSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
      },
    }),
  );

  app.use('/api/*', securityMiddleware(deps));
  app.use('/api/*', authMiddleware(deps));

  // The register view changes with the store (any write moves its revision) and with the date in
  // China (overdue flags): built once per (day, revision), with its JSON for GET /api/plans. Measured:
  // building it costs ~2.4 ms, which capped GET /api/plans at ~450 req/s.
  let cache: { key: string; view: RegisterView; plans: CachedBody | null } | null = null;
  const register = async (): Promise<RegisterView> => {
    const day = new Date(clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const key = `${day}|${await opts.store.revision()}`;
    if (cache?.key === key) return cache.view;
    const [rows, waterbodies] = await Promise.all([
      opts.store.listPlans(),
      opts.store.listWaterbodies(),
    ]);
    const view = viewRegister(rows, waterbodies, opts.geodata.geometry, clock(), pinyin);
    cache = { key, view, plans: null };
    return view;
  };
  const plansBody = async (): Promise<CachedBody> => {
    const view = await register();
    if (cache?.view !== view) return cachedBody(view.plans);
    cache.plans ??= cachedBody(view.plans);
    return cache.plans;
  };
  const loadPlans = async (): Promise<ApiPlan[]> => (await register()).plans;
  const loadRivers = async (): Promise<RiverView[]> => (await register()).rivers;

  app.get('/api/health', async (c) => {
    const info = await opts.store.info();
    const plans = await opts.store.listPlans();
    return c.json({
      ok: true,
      name: 'hejie',
      version: opts.version ?? '0.0.0',
      startedAt,
      store: info,
      plans: plans.length,
      demo: opts.demo,
    });
  });

  // the environment's key wins; else the one an admin set (a browser key: the map needs it)
  const config = async () => ({
    demo: opts.demo,
    tiandituKey: opts.tiandituKey ?? (await opts.store.getSettings()).tiandituKey,
    now: clock().toISOString(),
  });
  app.get('/api/config', async (c) => c.json(await config()));

  app.get('/api/plans', async (c) => {
    const query = c.req.query();
    if (Object.keys(query).length === 0)
      return sendCached(c, await plansBody(), 'application/json; charset=utf-8');
    const parsed = planQuery.safeParse(query);
    if (!parsed.success) return badRequest(c, parsed.error);
    const { overdue, ...rest } = parsed.data;
    const filter: PlanFilter = {
      ...(rest as Omit<PlanFilter, 'overdue'>),
      ...(overdue ? { overdue: overdue === 'true' } : {}),
    };
    return c.json(filterPlans(await loadPlans(), filter));
  });

  app.get('/api/plans/:id', async (c) => {
    const plan = (await loadPlans()).find((p) => p.id === c.req.param('id'));
    return plan ? c.json(plan) : c.json({ error: `no plan "${c.req.param('id')}"` }, 404);
  });

  app.get('/api/summary', async (c) => c.json(summarizePlans(await loadPlans())));

  app.get('/api/rivers', async (c) => c.json(await loadRivers()));

  app.get('/api/rivers/:id', async (c) => {
    const id = c.req.param('id');
    const river = (await loadRivers()).find(
      (r) => r.id === id || r.name === id || r.aliases.includes(id),
    );
    return river ? c.json(river) : c.json({ error: `no river "${id}"` }, 404);
  });

  app.route('/', authRoutes(deps));
  app.route('/', planRoutes(deps));

  app.all('/api/*', (c) =>
    fail(c, 404, msg('common.noRoute', { method: c.req.method, path: c.req.path })),
  );

  // Built on the first request, then kept; gzipped for clients that accept it (775 kB → ~1/4).
  const base = lazyBase(opts.geodata.dir);
  app.get('/geodata/base.geojson', (c) => {
    const { raw, gzip } = base();
    const gz = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    return c.body(new Uint8Array(gz ? gzip : raw), 200, {
      'content-type': 'application/geo+json',
      'cache-control': 'public, max-age=3600',
      vary: 'accept-encoding',
      ...(gz ? { 'content-encoding': 'gzip' } : {}),
    });
  });

  // The base map as vector tiles (what the map draws); base.geojson stays for other clients.
  let tiles: TileReader | null = null;
  app.get('/tiles/base/:z/:x/:file', (c) => {
    const [z, x] = [Number(c.req.param('z')), Number(c.req.param('x'))];
    const y = Number(/^(\d+)\.pbf$/.exec(c.req.param('file'))?.[1] ?? Number.NaN);
    const n = 2 ** z;
    if (
      ![z, x, y].every(Number.isInteger) ||
      z < 0 ||
      z > 22 ||
      x < 0 ||
      x >= n ||
      y < 0 ||
      y >= n
    ) {
      return c.json(
        { error: 'tile address must be /tiles/base/{z}/{x}/{y}.pbf with 0 ≤ x, y < 2^z, z ≤ 22' },
        400,
      );
    }
    tiles ??= createBaseTiles(JSON.parse(base().raw.toString('utf8')) as FeatureCollection);
    const body = tiles(z, x, y);
    if (!body) return c.body(null, 204, { 'cache-control': 'public, max-age=3600' });
    return c.body(new Uint8Array(body), 200, {
      'content-type': 'application/x-protobuf',
      'content-encoding': 'gzip',
      'cache-control': 'public, max-age=3600',
    });
  });

  app.get('/geodata/:file', async (c) => {
    const file = c.req.param('file');
    if (!(MAP_FILES as readonly string[]).includes(file))
      return c.json({ error: `no map file "${file}"` }, 404);
    const body = await readFile(join(opts.geodata.dir, file)).catch(() => null);
    if (!body) return c.json({ error: `map file "${file}" is missing; rebuild geodata` }, 404);
    return c.body(body, 200, {
      'content-type': file.endsWith('.json') ? 'application/json' : 'application/geo+json',
      'cache-control': 'public, max-age=3600',
    });
  });

  // The first screen's data rides in the page: the register renders without three round trips.
  const initialData = async () => ({ ...(await register()), config: await config() });
  if (opts.distDir) mountFrontEnd(app, opts.distDir, initialData);

  app.onError((err, c) => {
    if (err instanceof HTTPException && err.status < 500)
      return c.json({ error: err.message || 'bad request' }, err.status);
    console.error(err);
    return c.json({ error: 'internal error; see the server log' }, 500);
  });
  return app;
}

function lazyBase(dir: string): () => { raw: Buffer; gzip: Buffer } {
  let built: { raw: Buffer; gzip: Buffer } | null = null;
  return () => {
    if (!built) {
      const raw = Buffer.from(buildBaseLayer(dir));
      built = { raw, gzip: gzipSync(raw) };
    }
    return built;
  };
}

function badRequest(c: { json: (body: unknown, status: 400) => Response }, error: z.ZodError) {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || 'query';
  return c.json({ error: `${field}: ${issue?.message ?? 'invalid'}`, field }, 400);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

function mountFrontEnd(
  app: Hono<AppEnv>,
  distDir: string,
  initialData: () => Promise<unknown>,
): void {
  app.get('*', async (c) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(c.req.path);
    } catch {
      return c.json({ error: 'the path is not valid percent-encoded UTF-8' }, 400);
    }
    const path = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
    const file = join(distDir, path);
    if (file.startsWith(distDir) && extname(file)) {
      const body = await readFile(file).catch(() => null);
      if (body) {
        const immutable = path.startsWith('/assets/');
        return c.body(body, 200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      }
      return c.text('not found', 404);
    }
    const index = await readFile(join(distDir, 'index.html'), 'utf8').catch(() => null);
    if (!index) return c.text('front end not built: run `npm run build`', 503);
    // type="application/json" is data, not script (CSP-safe); "<" escaped so data cannot end the tag
    const json = JSON.stringify(await initialData()).replace(/</g, '\\u003c');
    const html = index.replace(
      '<div id="root"></div>',
      `<div id="root"></div>\n    <script type="application/json" id="hejie-initial">${json}</script>`,
    );
    return c.body(html, 200, {
      'content-type': TYPES['.html'] as string,
      'cache-control': 'no-cache',
    });
  });
}
