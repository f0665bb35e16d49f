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
 * `--url <postgres url>` among the arguments (it wins over HEJIE_DATABASE_URL: the restore drill
 * names a scratch database), and the other arguments; null when `--url` has no value.
 */
function takeUrl(
  args: string[],
  env: NodeJS.ProcessEnv,
): { url: string | null; rest: string[] } | null {
  const at = args.indexOf('--url');
  if (at < 0) return { url: readEnv(env).databaseUrl ?? null, rest: args };
  const url = args[at + 1];
  if (!url || !/^postgres(ql)?:\/\//.test(url)) return null;
  return { url, rest: [...args.slice(0, at), ...args.slice(at + 2)] };
}

function onePath(args: string[], usage: string, err: (s: string) => void): string | null {
  if (args.length !== 1 || !args[0] || args[0].startsWith('-')) {
    err(usage);
    return null;
  }
  return resolve(args[0]);
}

/** `backup <file>`: an online backup (safe while the server runs), then an integrity check of the copy. */
export async function runBackup(args: string[], { out, err, env, lang }: Io): Promise<number> {
  const say = (m: Message) => renderMessage(m, lang);
  const usage = say(msg('cli.usage', { syntax: 'backup [--url postgres://…] <file>' }));
  const given = takeUrl(args, env);
  if (!given) {
    err(usage);
    return 2;
  }
  const target = onePath(given.rest, usage, err);
  if (!target) return 2;
  const databaseUrl = given.url;
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
  const given = takeUrl(args, env);
  if (!given) {
    err(usage);
    return 2;
  }
  const source = onePath(given.rest, usage, err);
  if (!source) return 2;
  const databaseUrl = given.url;
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
