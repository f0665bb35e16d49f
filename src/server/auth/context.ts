import type { Context } from 'hono';
import type { Actor } from '../../domain/access/actor';
import { PUBLIC } from '../../domain/access/actor';
import type { Region } from '../../domain/geo/check-features';
import type { ComputePool } from '../compute/compute-pool';
import type { DocumentPool } from '../documents/document-pool';
import type { FileStore } from '../files/file-store';
import type { Geodata } from '../geodata';
import type { PublishedLayerChoice } from '../published-layer';
import type { SessionRow, Store } from '../store/store';
import type { PublishedTiles } from '../tiles/published-tiles';

/** What every route module gets. */
export interface ServerDeps {
  store: Store;
  geodata: Geodata;
  clock: () => Date;
  demo: boolean;
  /** the environment's Tianditu key (wins over the one in settings) */
  tiandituKey: string | null;
  /** zones, markers and publications are computed here, off the request thread */
  compute: ComputePool;
  /** where saved positions may lie (HEJIE_REGION; default: the import extent) */
  region: Region;
  /** uploaded documents (acceptance PDFs), outside the database: `<data>/files` for a server */
  files: FileStore;
  /** the documents' CJK font (HEJIE_FONT; null: find one) and public address (HEJIE_PUBLIC_URL) */
  documents: DocumentSettings;
  /** the documents (公告, boards, archive) are built here, off the request thread */
  documentPool: DocumentPool;
  /** how the map reads the published layers (HEJIE_PUBLISHED_LAYER; default auto) */
  publishedLayer?: PublishedLayerChoice;
  /** the published vector tiles (PostgreSQL: ST_AsMVT); default: the app's own tiler over the store */
  publishedTiles?: PublishedTiles;
}

/** Where the documents' font and public address come from (src/server/config.ts). */
export interface DocumentSettings {
  font: string | null;
  publicUrl: string | null;
}

/** Hono's environment for Hejie: the auth middleware sets who is asking. */
export type AppEnv = {
  Variables: {
    actor: Actor;
    session: SessionRow | null;
    /** addresses of the reverse proxies whose X-Forwarded-* headers count (HEJIE_TRUST_PROXY) */
    trustedProxies: readonly string[];
  };
};

/** Who is asking (the public when no valid session). */
export function actorOf(c: Context<AppEnv>): Actor {
  return c.get('actor') ?? PUBLIC;
}
