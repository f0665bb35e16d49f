import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { renderMessage } from '../contract/messages/render';
import { IMPORT_EXTENT } from '../domain/formats/import/import-extent';
import { parseRegion } from '../domain/geo/check-features';
import { createApp } from './app';
import { seedDemoAccounts } from './auth/demo-accounts';
import { createComputePool } from './compute/compute-pool';
import { openRegister } from './open-register';
import { lockDataDir } from './store/data-lock';

const root = resolve(import.meta.dirname, '../..');

/** Reads the environment: PORT, HEJIE_DATA, HEJIE_MODE, TIANDITU_KEY, HEJIE_NOW, HEJIE_REGION. */
export function readEnv(env: NodeJS.ProcessEnv) {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0–65535, got "${env.PORT}"`);
  const mode = env.HEJIE_MODE ?? 'demo';
  if (mode !== 'demo' && mode !== 'production')
    throw new Error(`HEJIE_MODE must be demo or production, got "${mode}"`);
  const now = env.HEJIE_NOW ? new Date(env.HEJIE_NOW) : null;
  if (now && Number.isNaN(now.getTime()))
    throw new Error(`HEJIE_NOW must be an ISO date, got "${env.HEJIE_NOW}"`);
  const region = env.HEJIE_REGION ? parseRegion(env.HEJIE_REGION) : null;
  if (region && !region.ok) throw new Error(renderMessage(region.reason, 'en'));
  return {
    port,
    region: region?.region ?? IMPORT_EXTENT,
    dataDir: resolve(env.HEJIE_DATA ?? join(root, 'data')),
    demo: mode === 'demo',
    tiandituKey: env.TIANDITU_KEY?.trim() || null,
    clock: now ? () => now : () => new Date(),
  };
}

/** Opens the store (seeding it on first run) and serves the API and the front end. */
export async function start(env: NodeJS.ProcessEnv = process.env) {
  const cfg = readEnv(env);
  // one server per data directory; `hejie restore` refuses while the lock is held
  mkdirSync(cfg.dataDir, { recursive: true });
  const release = lockDataDir(cfg.dataDir);
  process.on('exit', release);
  const { store, geodata, seeded } = await openRegister(root, cfg.dataDir, 'system:first-start');
  if (cfg.demo) await seedDemoAccounts(store, 'system:demo-start');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const compute = createComputePool();
  const app = createApp({
    compute,
    region: cfg.region,
    store,
    geodata,
    distDir: join(root, 'dist'),
    demo: cfg.demo,
    tiandituKey: cfg.tiandituKey,
    clock: cfg.clock,
    version: pkg.version,
  });
  const server = serve({ fetch: app.fetch, port: cfg.port }, (info) => {
    console.log(
      `Hejie ${pkg.version} on http://localhost:${info.port} (${cfg.demo ? 'DEMO mode' : 'production'}; data ${cfg.dataDir}${seeded ? ', seeded now' : ''})`,
    );
  });
  const stop = () => {
    server.close();
    void Promise.all([compute.close(), store.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return server;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  start().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
