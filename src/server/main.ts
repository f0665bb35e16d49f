import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { langOfEnv } from '../contract/messages/lang';
import { renderMessage } from '../contract/messages/render';
import { seedDemoAccounts } from './auth/demo-accounts';
import { createComputePool } from './compute/compute-pool';
import { readEnv } from './config';
import { createDocumentPool } from './documents/document-pool';
import { folderFileStore } from './files/file-store';
import { deploymentRegion } from './imagery/deployment-region';
import { imageryLibrary } from './imagery/imagery-library';
import { openRegister } from './open-register';
import { shareDataDir } from './store/data-lock';
import { StoreError } from './store/store-error';
import { createPgPublishedTiles, openPgTilePool } from './tiles/pg-published-tiles';

const root = resolve(import.meta.dirname, '../..');

/** Opens the store (seeding it on first run) and serves the API and the front end. */
export async function start(env: NodeJS.ProcessEnv = process.env) {
  const cfg = readEnv(env);
  const open = () => openRegister(root, cfg, 'system:first-start', cfg.clock);
  // PostgreSQL: reach the database before anything is written here (an unreachable one fails fast)
  const pg = cfg.databaseUrl ? await open() : null;
  // servers share a data directory (one database, several processes); `hejie restore` refuses
  // while any of them runs
  mkdirSync(cfg.dataDir, { recursive: true });
  const release = shareDataDir(cfg.dataDir);
  process.on('exit', release);
  const { store, geodata, seeded } = pg ?? (await open());
  // the app's modules load while the demo accounts are written (their hashes are made once, ahead)
  const [{ createApp }] = await Promise.all([
    import('./app'),
    cfg.demo ? seedDemoAccounts(store, 'system:demo-start') : null,
  ]);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const compute = createComputePool();
  const documentPool = createDocumentPool(
    cfg.documentWorkers === null ? {} : { size: cfg.documentWorkers },
  );
  const imagery = imageryLibrary({
    dir: join(cfg.dataDir, 'imagery'),
    store,
    region: deploymentRegion(geodata.dir),
    clock: cfg.clock,
  });
  // conversions a stopped server left half done go on where they stopped
  imagery.resume();
  const app = createApp({
    imagery,
    compute,
    documentPool,
    files: folderFileStore(join(cfg.dataDir, 'files')),
    region: cfg.region,
    store,
    geodata,
    distDir: join(root, 'dist'),
    demo: cfg.demo,
    tiandituKey: cfg.tiandituKey,
    trustProxy: cfg.trustProxy,
    clock: cfg.clock,
    version: pkg.version,
    documents: cfg.documents,
    publishedLayer: cfg.publishedLayer,
    // PostgreSQL: the published tiles come from PostGIS (ST_AsMVT) on a small pool of their own
    ...(cfg.databaseUrl
      ? {
          publishedTiles: createPgPublishedTiles(openPgTilePool(cfg.databaseUrl)),
        }
      : {}),
  });
  const server = serve({ fetch: app.fetch, port: cfg.port }, (info) => {
    console.log(
      `Hejie ${pkg.version} on http://localhost:${info.port} (${cfg.demo ? 'DEMO mode' : 'production'}; data ${cfg.dataDir}${seeded ? ', seeded now' : ''})`,
    );
  });
  const stop = () => {
    server.close();
    imagery.close();
    void Promise.all([compute.close(), documentPool.close(), store.close()]).then(() =>
      process.exit(0),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return server;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  start().catch((err: unknown) => {
    // a store's failure in the operator's language (LANG), the rest as the error says it
    const lang = langOfEnv(undefined, process.env) ?? 'zh';
    console.error(
      err instanceof StoreError
        ? renderMessage(err.detail, lang)
        : err instanceof Error
          ? err.message
          : err,
    );
    process.exit(1);
  });
}
