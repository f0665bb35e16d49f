// The store the API tests run on: SQLite in a data directory, or, in the `api-pg` project
// (HEJIE_TEST_STORE=postgres, vitest.config.ts), a fresh database on the run's PostgreSQL cluster.
import { join } from 'node:path';
import { openPgStore } from '../../src/server/store/pg-store';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import { freshPgUrl } from './pg-store';

/** Whether this test run's API tests use PostgreSQL. */
const onPostgres = (): boolean => process.env.HEJIE_TEST_STORE === 'postgres';

/** A database URL for a server under test: a fresh PostgreSQL database, or null (SQLite). */
export async function testDatabaseUrl(): Promise<string | null> {
  return onPostgres() ? freshPgUrl() : null;
}

/** Opens the store a server under test uses: `databaseUrl` when set, else `dataDir`'s SQLite. */
export async function openTestStore(
  dataDir: string,
  databaseUrl: string | null,
  clock?: () => Date,
): Promise<Store> {
  return databaseUrl
    ? openPgStore(databaseUrl, clock)
    : openSqliteStore(join(dataDir, 'hejie.sqlite'), clock);
}
