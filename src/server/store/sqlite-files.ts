// Whole-file operations on a Hejie database: check, online backup, idle probe and restore.
import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from './sqlite-migrations';

/** The result of checking a database file: ok, or the problem in plain words. */
export type FileCheck = { ok: true; schemaVersion: number } | { ok: false; problem: string };

const HEJIE_TABLES = ['plans', 'waterbodies', 'meta', 'audit'];

/** Whether a file is a Hejie database this build can open, passing `PRAGMA integrity_check`. */
export function checkDatabaseFile(path: string): FileCheck {
  if (!existsSync(path)) return { ok: false, problem: `${path} does not exist` };
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    return { ok: false, problem: `cannot open ${path}: ${(e as Error).message}` };
  }
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const found = rows.map((r) => r.integrity_check);
    if (found.join() !== 'ok')
      return { ok: false, problem: `integrity_check: ${found.slice(0, 10).join('; ')}` };
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
      return {
        ok: false,
        problem: `${path} is not a Hejie database (no ${missing.join(', ') || 'schema version'})`,
      };
    if (version > SCHEMA_VERSION)
      return {
        ok: false,
        problem: `schema version ${version} is newer than this Hejie (${SCHEMA_VERSION})`,
      };
    return { ok: true, schemaVersion: version };
  } catch (e) {
    return { ok: false, problem: `${path}: ${(e as Error).message}` };
  } finally {
    db.close();
  }
}

/**
 * An online, consistent copy of `source` (WAL included) at `target`, which must not exist. The copy
 * is one self-contained file (rollback journal); the store turns WAL back on when it opens it.
 */
export async function backupDatabaseFile(source: string, target: string): Promise<void> {
  if (existsSync(target)) throw new Error(`${target} exists; choose a new file name`);
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
        throw new Error(`${target} is open in another process; stop the server first`);
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
