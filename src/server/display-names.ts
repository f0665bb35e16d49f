// Accounts are recorded by username (audit, stage moves, comments); people read display names.
import type { Store } from './store/store';

/** A function from username to display name (the username itself for `public`, `system:…`, unknown). */
export async function displayNames(store: Store): Promise<(username: string) => string> {
  const names = new Map((await store.listUsers()).map((u) => [u.username, u.name]));
  return (username) => names.get(username) ?? username;
}
