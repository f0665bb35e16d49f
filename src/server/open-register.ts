import { join } from 'node:path';
import type { Geodata } from './geodata';
import { loadGeodata } from './geodata';
import { openPgStore } from './store/pg-store';
import { openSqliteStore } from './store/sqlite-store';
import type { Store } from './store/store';

/** Where the store lives: SQLite in `dataDir`, or PostgreSQL at `databaseUrl` when it is set. */
export interface StoreLocation {
  dataDir: string;
  databaseUrl: string | null;
}

/**
 * Opens the store (PostgreSQL at `databaseUrl` when set, else SQLite under `dataDir`), seeding it from the bundled geodata on first use; `clock`
 * stamps its records (the server's, which follows HEJIE_NOW, so that a reply's time and its deadline
 * are read on one calendar).
 */
export async function openRegister(
  root: string,
  where: StoreLocation,
  actor: string,
  clock?: () => Date,
): Promise<{ store: Store; geodata: Geodata; seeded: boolean }> {
  const geodata = loadGeodata(join(root, 'geodata'));
  const store = where.databaseUrl
    ? await openPgStore(where.databaseUrl, clock)
    : openSqliteStore(join(where.dataDir, 'hejie.sqlite'), clock);
  const { seeded } = await store.seedIfEmpty(
    {
      plans: geodata.plans,
      waterbodies: geodata.waterbodies,
      source: 'geodata/plans.csv, geodata/waterbodies.json',
    },
    actor,
  );
  return { store, geodata, seeded };
}
