// Whole-file operations on a Hejie database: check, online backup, idle probe and restore.
import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { renderMessage } from '../../contract/messages/render';
import { type Message, msg } from '../../domain/message';
import { SCHEMA_VERSION } from './sqlite-migrations';
import { StoreError } from './store-error';

/**
 * The result of checking a database file: ok, or the problem as a message (`detail`) and as its
 * English sentence (`problem`).
 */
export type FileCheck =
  | { ok: true; schemaVersion: number }
  | { ok: false; problem: string; detail: Message };

const refused = (detail: Message): FileCheck => ({
  ok: false,
  problem: renderMessage(detail, 'en'),
  detail,
});

const HEJIE_TABLES = ['plans', 'waterbodies', 'meta', 'audit'];

/** Whether a file is a Hejie database this build can open, passing `PRAGMA integrity_check`. */
export function checkDatabaseFile(path: string): FileCheck {
  if (!existsSync(path)) return refused(msg('server.store.noFile', { path }));
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    return refused(msg('server.store.cannotOpen', { path, why: (e as Error).message }));
  }
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const found = rows.map((r) => r.integrity_check);
    if (found.join() !== 'ok')
      return refused(msg('server.store.integrity', { found: found.slice(0, 10).join('; ') }));
    const tables = new Set(
      (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string;
        }[]
      ).map((t) => t.name),
    );
    const missing = HEJIE_TABLES.filter((t) => !tables.has(t));
    const version = db.pragma('user_version', { simple: true }) as number;
    if (missing.length > 0 || version < 1)
      return refused(
        missing.length > 0
          ? msg('server.store.notHejie', { path, missing: missing.join(', ') })
          : msg('server.store.notHejieVersion', { path }),
      );
    if (version > SCHEMA_VERSION)
      return refused(msg('server.store.newer', { version, known: SCHEMA_VERSION }));
    return { ok: true, schemaVersion: version };
  } catch (e) {
    return refused(msg('server.store.unreadable', { path, why: (e as Error).message }));
  } finally {
    db.close();
  }
}

/**
 * An online, consistent copy of `source` (WAL included) at `target`, which must not exist. The copy
 * is one self-contained file (rollback journal); the store turns WAL back on when it opens it.
 */
export async function backupDatabaseFile(source: string, target: string): Promise<void> {
  if (existsSync(target)) throw new StoreError(msg('server.store.targetExists', { target }));
  const db = new Database(source, { fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = new Database(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * Whether no other connection has the database open: an exclusive lock succeeds only then (in WAL
 * mode every open connection holds a shared lock on the file).
 */
export function isDatabaseIdle(path: string): boolean {
  const db = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/**
 * Replaces `target` with a consistent copy of `source`, keeping the old file as
 * `<target>.bak-<stamp>`. The caller has checked `source` and holds the data directory.
 * Returns the name the old file was kept under (null when there was none).
 */
export async function replaceDatabaseFile(
  source: string,
  target: string,
  stamp: string,
): Promise<string | null> {
  const temp = `${target}.restore-${stamp}`;
  await backupDatabaseFile(source, temp);
  try {
    let kept: string | null = null;
    if (existsSync(target)) {
      if (!isDatabaseIdle(target))
        throw new StoreError(msg('server.store.openElsewhere', { target }));
      // fold the WAL into the file so that the kept copy is whole on its own
      const old = new Database(target, { fileMustExist: true });
      old.pragma('wal_checkpoint(TRUNCATE)');
      old.close();
      kept = `${target}.bak-${stamp}`;
      renameSync(target, kept);
    }
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(temp, target);
    return kept;
  } finally {
    rmSync(temp, { force: true });
  }
}
