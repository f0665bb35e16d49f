import { join } from 'node:path';
import type { Geodata } from './geodata';
import { loadGeodata } from './geodata';
import { openSqliteStore } from './store/sqlite-store';
import type { Store } from './store/store';

/**
 * Opens the SQLite store under `dataDir`, seeding it from the bundled geodata on first use; `clock`
 * stamps its records (the server's, which follows HEJIE_NOW, so that a reply's time and its deadline
 * are read on one calendar).
 */
export async function openRegister(
  root: string,
  dataDir: string,
  actor: string,
  clock?: () => Date,
): Promise<{ store: Store; geodata: Geodata; seeded: boolean }> {
  const geodata = loadGeodata(join(root, 'geodata'));
  const store = openSqliteStore(join(dataDir, 'hejie.sqlite'), clock);
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
