// One process at a time owns a data directory's database for exclusive work (restore):
// `hejie.lock` holds the owner's pid and is removed when released. Servers share the directory
// (several processes on one database, issue 19): each holds `hejie.server-<pid>.lock`, and neither
// kind starts while the other is held by a live process.
import {
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
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

// a server's shared lock: hejie.server-<pid>.lock
const SERVER_LOCK = /^hejie\.server-(\d+)\.lock$/;

/** The live server holding a shared lock on the directory (stale ones are removed), or null. */
function liveServer(dataDir: string): { pid: number; path: string } | null {
  for (const name of readdirSync(dataDir)) {
    const pid = Number(SERVER_LOCK.exec(name)?.[1] ?? Number.NaN);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    const path = join(dataDir, name);
    if (pid !== process.pid && isAlive(pid)) return { pid, path };
    if (pid !== process.pid) rmSync(path, { force: true });
  }
  return null;
}

/**
 * Takes a server's shared lock on the data directory (other servers may hold theirs); returns the
 * function that releases it. Throws while a live process holds the exclusive lock (a restore).
 */
export function shareDataDir(dataDir: string): () => void {
  const exclusive = join(dataDir, LOCK_FILE);
  let pid = Number.NaN;
  try {
    pid = Number.parseInt(readFileSync(exclusive, 'utf8'), 10);
  } catch {
    // no exclusive lock
  }
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid))
    throw new StoreError(msg('server.store.dataDirInUse', { dir: dataDir, pid, path: exclusive }));
  const path = join(dataDir, `hejie.server-${process.pid}.lock`);
  writeFileSync(path, `${process.pid}\n`);
  return () => rmSync(path, { force: true });
}

/**
 * Takes the data directory's exclusive lock; returns the function that releases it. Throws when a
 * live process holds it or a live server shares the directory; a lock left by a dead process is
 * taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      const release = () => rmSync(path, { force: true });
      const server = liveServer(dataDir);
      if (server) {
        release();
        throw new StoreError(msg('server.store.dataDirInUse', { dir: dataDir, ...server }));
      }
      return release;
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
