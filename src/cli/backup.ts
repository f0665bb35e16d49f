// `hejie backup <file>` and `hejie restore <file>`: the database of $HEJIE_DATA, copied out online
// and put back with the server stopped.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lang } from '../contract/messages/lang';
import { renderMessage } from '../contract/messages/render';
import { type Message, type MessageParam, msg } from '../domain/message';
import { readEnv } from '../server/config';
import { lockDataDir } from '../server/store/data-lock';
import {
  backupDatabaseFile,
  checkDatabaseFile,
  isDatabaseIdle,
  replaceDatabaseFile,
} from '../server/store/sqlite-files';

const DB_FILE = 'hejie.sqlite';

type Io = {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** the language of what the command says */
  lang: Lang;
};

/**
 * The one file argument and the database: `--url <postgres url>` (it wins over HEJIE_DATABASE_URL:
 * the restore drill names a scratch database), else the environment's, else null (SQLite). Null
 * with `usage` said when `--url` has no postgres URL or there is not exactly one file.
 */
function urlAndPath(
  args: string[],
  env: NodeJS.ProcessEnv,
  usage: string,
  err: (s: string) => void,
): { url: string | null; path: string } | null {
  const at = args.indexOf('--url');
  const url = at < 0 ? (readEnv(env).databaseUrl ?? null) : args[at + 1];
  const rest = at < 0 ? args : [...args.slice(0, at), ...args.slice(at + 2)];
  if (
    url === undefined ||
    (at >= 0 && !/^postgres(ql)?:\/\//.test(url ?? '')) ||
    rest.length !== 1 ||
    !rest[0] ||
    rest[0].startsWith('-')
  ) {
    err(usage);
    return null;
  }
  return { url, path: resolve(rest[0]) };
}

/** `backup <file>`: an online backup (safe while the server runs), then an integrity check of the copy. */
export async function runBackup(args: string[], { out, err, env, lang }: Io): Promise<number> {
  const say = (m: Message) => renderMessage(m, lang);
  const usage = say(msg('cli.usage', { syntax: 'backup [--url postgres://…] <file>' }));
  const given = urlAndPath(args, env, usage, err);
  if (!given) return 2;
  const { url: databaseUrl, path: target } = given;
  if (databaseUrl) {
    const said = (await import('./pg-backup')).backupPg(databaseUrl, target);
    const ok = said.code === 'cli.backup.pgDone';
    (ok ? out : err)(say(said));
    return ok ? 0 : 1;
  }
  const source = join(readEnv(env).dataDir, DB_FILE);
  if (!existsSync(source)) {
    err(say(msg('cli.backup.noDatabase', { path: source })));
    return 1;
  }
  try {
    await backupDatabaseFile(source, target);
  } catch (e) {
    err(say(msg('cli.backup.failed', { why: (e as Error).message })));
    return 1;
  }
  const check = checkDatabaseFile(target);
  if (!check.ok) {
    err(say(msg('cli.backup.copyFails', { source, target, why: check.problem })));
    return 1;
  }
  out(say(msg('cli.backup.done', { source, target, version: check.schemaVersion })));
  return 0;
}

/**
 * `restore <file>`: checks the file, takes the data directory's lock (refused while a server holds
 * it or has the database open), keeps the current database as `hejie.sqlite.bak-<timestamp>` and
 * puts a copy of the file in its place.
 */
export async function runRestore(args: string[], { out, err, env, lang }: Io): Promise<number> {
  const say = (m: Message) => renderMessage(m, lang);
  const refuse = (why: MessageParam) => err(say(msg('cli.restore.refused', { why })));
  const usage = say(msg('cli.usage', { syntax: 'restore [--url postgres://…] <file>' }));
  const given = urlAndPath(args, env, usage, err);
  if (!given) return 2;
  const { url: databaseUrl, path: source } = given;
  if (databaseUrl) {
    const r = (await import('./pg-backup')).restorePg(databaseUrl, source);
    (r.ok ? out : err)(say(r.say));
    return r.ok ? 0 : 1;
  }
  const check = checkDatabaseFile(source);
  if (!check.ok) {
    refuse(check.problem);
    return 1;
  }
  const dataDir = readEnv(env).dataDir;
  const target = join(dataDir, DB_FILE);
  mkdirSync(dataDir, { recursive: true });
  let release: () => void;
  try {
    release = lockDataDir(dataDir);
  } catch (e) {
    refuse((e as Error).message);
    return 1;
  }
  try {
    if (existsSync(target) && !isDatabaseIdle(target)) {
      refuse(msg('cli.restore.inUse', { path: target }));
      return 1;
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const kept = await replaceDatabaseFile(source, target, stamp);
    const after = checkDatabaseFile(target);
    if (kept) out(say(msg('cli.restore.kept', { path: kept })));
    out(say(msg('cli.restore.restored', { source, target, version: check.schemaVersion })));
    if (!after.ok) {
      err(say(msg('cli.restore.fails', { why: after.problem })));
      return 1;
    }
    out(say(msg('cli.restore.done')));
    return 0;
  } catch (e) {
    err(say(msg('cli.restore.failed', { why: (e as Error).message })));
    return 1;
  } finally {
    release();
  }
}
