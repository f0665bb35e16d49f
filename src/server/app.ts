import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { IMPORT_EXTENT } from '../domain/formats/import/import-extent';
import type { Region } from '../domain/geo/check-features';
import { msg } from '../domain/message';
import { authRoutes } from './auth/auth-routes';
import type { AppEnv, DocumentSettings, ServerDeps } from './auth/context';
import { authMiddleware } from './auth/middleware';
import { isSecureRequest } from './auth/request-info';
import { securityMiddleware } from './auth/security';
import type { TileReader } from './base-tiles';
import { createBaseTiles } from './base-tiles';
import { type ComputePool, lazyComputePool } from './compute/compute-pool';
import { type DocumentPool, lazyDocumentPool } from './documents/document-pool';
import { type FileStore, memoryFileStore } from './files/file-store';
import { floodlineRoutes } from './floodline/floodline-routes';
import type { Geodata } from './geodata';
import { buildBaseLayer, MAP_FILES } from './geodata';
import { deploymentRegion } from './imagery/deployment-region';
import { type ImageryLibrary, imageryLibrary } from './imagery/imagery-library';
import { imageryApiRoutes } from './imagery/imagery-routes';
import { imageryTileRoutes } from './imagery/imagery-tiles';
import { setLateHeader } from './late-header';
import { progressService } from './progress/progress-service';
import type { PublishedLayerChoice } from './published-layer';
import { riverHead, riverNotFoundPage, withHead } from './river-page';
import { courseRoutes } from './routes/course-routes';
import { planRoutes } from './routes/plan-routes';
import { createRegister, registerRoutes } from './routes/register-routes';
import { reportExportRoutes } from './routes/report-exports';
import { reportRoutes } from './routes/report-routes';
import { fail } from './routes/route-kit';
import type { Store } from './store/store';
import type { PublishedTiles } from './tiles/published-tiles';
import { readTileAddress } from './tiles/tile-address';

/** How the app was started. */
export interface AppOptions {
  store: Store;
  geodata: Geodata;
  /** built front end (vite build output); null serves the API only */
  distDir: string | null;
  demo: boolean;
  tiandituKey: string | null;
  /** addresses of the reverse proxies whose X-Forwarded-Proto/-Host count (HEJIE_TRUST_PROXY) */
  trustProxy?: readonly string[];
  clock?: () => Date;
  version?: string;
  /** the compute pool (closed by whoever made it); default: a lazy pool of cores − 1 workers */
  compute?: ComputePool;
  /** where saved positions may lie; default: the import extent (Qinzhou plus 0.05°) */
  region?: Region;
  /** uploaded documents; default: in memory (a server passes `<data>/files`) */
  files?: FileStore;
  /** HEJIE_FONT and HEJIE_PUBLIC_URL; default: the fonts found on the machine, the request's origin */
  documents?: DocumentSettings;
  /** the document pool (closed by whoever made it); default: a lazy pool (src/server/documents) */
  documentPool?: DocumentPool;
  /** the imagery archives and their jobs; default: a library in a temporary folder */
  imagery?: ImageryLibrary;
  /** how the map reads the published layers (HEJIE_PUBLISHED_LAYER); default: auto */
  publishedLayer?: PublishedLayerChoice;
  /** the published vector tiles; default: the app's own tiler (PostgreSQL: pg-published-tiles.ts) */
  publishedTiles?: PublishedTiles;
}

const TIANDITU = 'https://*.tianditu.gov.cn';

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
    compute: opts.compute ?? lazyComputePool(),
    region: opts.region ?? IMPORT_EXTENT,
    files: opts.files ?? memoryFileStore(),
    documents: opts.documents ?? { font: null, publicUrl: null },
    documentPool: opts.documentPool ?? lazyDocumentPool(),
    publishedLayer: opts.publishedLayer ?? 'auto',
    ...(opts.publishedTiles ? { publishedTiles: opts.publishedTiles } : {}),
  };
  const trustedProxies = opts.trustProxy ?? [];
  app.use(async (c, next) => {
    c.set('trustedProxies', trustedProxies);
    await next();
  });
  app.use(
    secureHeaders({
      // HSTS only over TLS (below): over plain HTTP the header is meaningless and misleading
      strictTransportSecurity: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // 'wasm-unsafe-eval' lets the compute worker compile GEOS (WebAssembly); no JS eval is allowed
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        // no 'unsafe-inline': the UI and MapLibre set styles through the CSSOM only (checked in a
        // browser by tests/e2e/csp.test.ts)
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', TIANDITU],
        connectSrc: ["'self'", TIANDITU],
        workerSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
      },
    }),
  );
  app.use(async (c, next) => {
    await next();
    if (isSecureRequest(c))
      setLateHeader(c, 'Strict-Transport-Security', 'max-age=15552000; includeSubDomains');
  });

  app.use('/api/*', securityMiddleware(deps));
  app.use('/api/*', authMiddleware(deps));

  const register = createRegister(deps);
  app.route('/', registerRoutes(deps, register, { startedAt, version: opts.version ?? '0.0.0' }));
  app.route('/', authRoutes(deps));
  const imagery = opts.imagery ?? defaultImagery(opts);
  app.route('/', planRoutes(deps, imagery.dir));
  app.route('/', courseRoutes(deps, register));
  app.route('/', imageryApiRoutes(deps, imagery));
  app.route('/', floodlineRoutes(deps));
  app.route('/', imageryTileRoutes(deps, imagery));
  const progress = progressService(deps);
  app.route('/', reportRoutes(deps, progress));
  app.route('/', reportExportRoutes(deps, progress));

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
    const at = readTileAddress(c.req.param('z'), c.req.param('x'), c.req.param('file'));
    if (!at) return fail(c, 400, msg('register.tileAddress'));
    const { z, x, y } = at;
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
      return fail(c, 404, msg('register.noMapFile', { file }));
    const body = await readFile(join(opts.geodata.dir, file)).catch(() => null);
    if (!body) return fail(c, 404, msg('register.mapFileMissing', { file }));
    return c.body(body, 200, {
      'content-type': file.endsWith('.json') ? 'application/json' : 'application/geo+json',
      'cache-control': 'public, max-age=3600',
    });
  });

  // The first screen's data rides in the page: the register renders without three round trips.
  const initialData = async () => ({ ...(await register.view()), config: await register.config() });
  // a shared /river/<name> link has the river's own title and description (or is a 404)
  const pageHead = async (key: string) => riverHead(await register.view(), deps.store, key);
  if (opts.distDir) mountFrontEnd(app, opts.distDir, initialData, pageHead);

  app.onError((err, c) => {
    if (err instanceof HTTPException && err.status < 500)
      return c.json({ error: err.message || 'bad request' }, err.status);
    console.error(err);
    return fail(c, 500, msg('register.internal'));
  });
  return app;
}

function defaultImagery(opts: AppOptions): ImageryLibrary {
  return imageryLibrary({
    dir: join(tmpdir(), `hejie-imagery-${process.pid}-${Math.random().toString(36).slice(2, 8)}`),
    store: opts.store,
    region: deploymentRegion(opts.geodata.dir),
  });
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
  pageHead: (river: string) => Promise<{ title: string; description: string } | null>,
): void {
  app.get('*', async (c) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(c.req.path);
    } catch {
      return fail(c, 400, msg('register.badPath'));
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
    const river = /^\/river\/([^/]+)\/?$/.exec(decoded)?.[1];
    const head = river === undefined ? null : await pageHead(river);
    if (river !== undefined && !head)
      return c.html(riverNotFoundPage(river), 404, { 'cache-control': 'no-cache' });
    // type="application/json" is data, not script (CSP-safe); "<" escaped so data cannot end the tag
    const json = JSON.stringify(await initialData()).replace(/</g, '\\u003c');
    const html = (head ? withHead(index, head) : index).replace(
      '<div id="root"></div>',
      `<div id="root"></div>\n    <script type="application/json" id="hejie-initial">${json}</script>`,
    );
    return c.body(html, 200, {
      'content-type': TYPES['.html'] as string,
      'cache-control': 'no-cache',
    });
  });
}
