// The PostgreSQL store of the tests: a fresh database on the run's cluster per store.
import { inject } from 'vitest';
import { openPgStore } from '../../src/server/store/pg-store';
import type { Store } from '../../src/server/store/store';
import { createTestDatabase } from './pg-cluster';

/** A fresh database's URL on the test run's cluster. */
export function freshPgUrl(): Promise<string> {
  return createTestDatabase(inject('pgAdminUrl'));
}

/** A PG store on a fresh database, with `clock`; its URL beside it for raw SQL. */
export async function freshPgStore(clock?: () => Date): Promise<Store & { url: string }> {
  const url = await freshPgUrl();
  const store = await openPgStore(url, clock);
  return Object.assign(store, { url });
}
