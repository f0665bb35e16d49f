// `hejie backup <file>` and `hejie restore <file>`: the database of $HEJIE_DATA, copied out online
// and put back with the server stopped.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readEnv } from '../server/config';
import { lockDataDir } from '../server/store/data-lock';
import {
  backupDatabaseFile,
  checkDatabaseFile,
  isDatabaseIdle,
  replaceDatabaseFile,
} from '../server/store/sqlite-files';

const DB_FILE = 'hejie.sqlite';

type Io = { out: (s: string) => void; err: (s: string) => void; env: NodeJS.ProcessEnv };

function onePath(args: string[], usage: string, err: (s: string) => void): string | null {
  if (args.length !== 1 || !args[0] || args[0].startsWith('-')) {
    err(usage);
    return null;
  }
  return resolve(args[0]);
}

/** `backup <file>`: an online backup (safe while the server runs), then an integrity check of the copy. */
export async function runBackup(args: string[], { out, err, env }: Io): Promise<number> {
  const target = onePath(args, 'usage: backup <file>', err);
  if (!target) return 2;
  const source = join(readEnv(env).dataDir, DB_FILE);
  if (!existsSync(source)) {
    err(`no database at ${source} (set HEJIE_DATA)`);
    return 1;
  }
  try {
    await backupDatabaseFile(source, target);
  } catch (e) {
    err(`backup failed: ${(e as Error).message}`);
    return 1;
  }
  const check = checkDatabaseFile(target);
  if (!check.ok) {
    err(`backed up ${source} to ${target}, but the copy fails its check: ${check.problem}`);
    return 1;
  }
  out(
    `backed up ${source} to ${target}; integrity_check ok; schema version ${check.schemaVersion}`,
  );
  return 0;
}

/**
 * `restore <file>`: checks the file, takes the data directory's lock (refused while a server holds
 * it or has the database open), keeps the current database as `hejie.sqlite.bak-<timestamp>` and
 * puts a copy of the file in its place.
 */
export async function runRestore(args: string[], { out, err, env }: Io): Promise<number> {
  const source = onePath(args, 'usage: restore <file>', err);
  if (!source) return 2;
  const check = checkDatabaseFile(source);
  if (!check.ok) {
    err(`will not restore: ${check.problem}`);
    return 1;
  }
  const dataDir = readEnv(env).dataDir;
  const target = join(dataDir, DB_FILE);
  mkdirSync(dataDir, { recursive: true });
  let release: () => void;
  try {
    release = lockDataDir(dataDir);
  } catch (e) {
    err(`will not restore: ${(e as Error).message}`);
    return 1;
  }
  try {
    if (existsSync(target) && !isDatabaseIdle(target)) {
      err(
        `will not restore: ${target} is open in another process (a running server?); stop it first`,
      );
      return 1;
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const kept = await replaceDatabaseFile(source, target, stamp);
    const after = checkDatabaseFile(target);
    if (kept) out(`kept the previous database as ${kept}`);
    out(`restored ${source} to ${target} (schema version ${check.schemaVersion})`);
    if (!after.ok) {
      err(`the restored file fails its check: ${after.problem}`);
      return 1;
    }
    out('integrity_check ok; start the server to use it');
    return 0;
  } catch (e) {
    err(`restore failed: ${(e as Error).message}`);
    return 1;
  } finally {
    release();
  }
}
