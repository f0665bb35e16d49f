// The server's and the CLI's configuration: the environment read and checked once, in one place.
import { join, resolve } from 'node:path';
import { renderMessage } from '../contract/messages/render';
import { IMPORT_EXTENT } from '../domain/formats/import/import-extent';
import { parseRegion } from '../domain/geo/check-features';
import { readPublishedLayer } from './published-layer';

// two levels below the repo root, in src/server/ as in the built dist-node/bin/
const root = resolve(import.meta.dirname, '../..');

/**
 * Reads the environment: PORT, HEJIE_DATA, HEJIE_MODE, TIANDITU_KEY, HEJIE_NOW, HEJIE_FONT and
 * HEJIE_PUBLIC_URL (the documents' CJK font and public address), HEJIE_TRUST_PROXY
 * (comma-separated addresses of reverse proxies whose X-Forwarded-Proto/-Host count), HEJIE_REGION
 * (west,south,east,north: where saved positions may lie; default Qinzhou and a margin),
 * HEJIE_DOCUMENT_WORKERS (the document pool's workers; 0 builds on the request thread, the bench's
 * baseline; default: up to 2), HEJIE_DATABASE_URL (postgres://…: the PostgreSQL store instead of
 * SQLite in HEJIE_DATA; files and imagery stay in HEJIE_DATA), HEJIE_PUBLISHED_LAYER (auto, geojson
 * or tiles: how the map reads the published layers; auto: tiles above a number of published plans).
 */
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
  const documentWorkers = env.HEJIE_DOCUMENT_WORKERS ? Number(env.HEJIE_DOCUMENT_WORKERS) : null;
  if (documentWorkers !== null && !(Number.isInteger(documentWorkers) && documentWorkers >= 0))
    throw new Error(
      `HEJIE_DOCUMENT_WORKERS must be a whole number ≥ 0, got "${env.HEJIE_DOCUMENT_WORKERS}"`,
    );
  const databaseUrl = env.HEJIE_DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new Error('HEJIE_DATABASE_URL must start with postgres:// or postgresql://');
  const region = env.HEJIE_REGION ? parseRegion(env.HEJIE_REGION) : null;
  if (region && !region.ok) throw new Error(renderMessage(region.reason, 'en'));
  return {
    port,
    region: region?.region ?? IMPORT_EXTENT,
    dataDir: resolve(env.HEJIE_DATA ?? join(root, 'data')),
    databaseUrl,
    demo: mode === 'demo',
    tiandituKey: env.TIANDITU_KEY?.trim() || null,
    trustProxy: (env.HEJIE_TRUST_PROXY ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
    clock: now ? () => now : () => new Date(),
    documentWorkers,
    publishedLayer: readPublishedLayer(env.HEJIE_PUBLISHED_LAYER),
    documents: {
      font: env.HEJIE_FONT?.trim() || null,
      publicUrl: env.HEJIE_PUBLIC_URL?.trim() || null,
    },
  };
}
