// One process at a time owns a data directory's database for exclusive work (restore; the server
// can take it too): `hejie.lock` holds the owner's pid and is removed when released.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { msg } from '../../domain/message';
import { StoreError } from './store-error';

// the lock file in the data directory
const LOCK_FILE = 'hejie.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data directory's lock; returns the function that releases it. Throws when a live
 * process holds it; a lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid))
        throw new StoreError(msg('server.store.dataDirInUse', { dir: dataDir, pid, path }));
      rmSync(path, { force: true });
    }
  }
  throw new StoreError(msg('server.store.lockFailed', { path }));
}
