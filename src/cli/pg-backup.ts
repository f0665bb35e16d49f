// `hejie backup` / `hejie restore` on PostgreSQL (HEJIE_DATABASE_URL or --url): pg_dump -Fc and
// pg_restore. The password goes to the tools through PGPASSWORD, never on their command line, and
// is never printed.
import { spawnSync } from 'node:child_process';
import type { Message } from '../domain/message';
import { msg } from '../domain/message';
import { shownUrl } from './synth';

/** A URL without its password (for argv) and the password (for PGPASSWORD). */
function split(url: string): { url: string; password: string | null } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : null;
  u.password = '';
  return { url: u.toString(), password };
}

/** Runs a PostgreSQL client tool; the password only in its environment. */
function tool(cmd: string, args: string[], url: string) {
  const { password } = split(url);
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const why = (r.error?.message ?? r.stderr ?? '').trim();
  const safe = password ? why.split(password).join('***') : why;
  return { ok: r.status === 0, why: safe.split('\n').slice(-3).join(' '), stdout: r.stdout ?? '' };
}

/** An archive pg_restore can read: its table of contents lists entries. */
function readable(file: string, url: string): string | null {
  const r = tool('pg_restore', ['--list', file], url);
  return r.ok && r.stdout.includes('TABLE') ? null : r.why || 'not a pg_dump -Fc archive';
}

/** pg_dump -Fc of the database into `target`, then its table of contents read back. */
export function backupPg(url: string, target: string): Message {
  const r = tool('pg_dump', ['-Fc', '--no-owner', '-f', target, '-d', split(url).url], url);
  if (!r.ok) return msg('cli.backup.failed', { why: r.why });
  const bad = readable(target, url);
  if (bad) return msg('cli.backup.failed', { why: bad });
  return msg('cli.backup.pgDone', { source: shownUrl(url), target });
}

/**
 * pg_restore of an archive over the database (--clean --if-exists, one transaction): refused while
 * another session (an app instance) is connected to it, or when the file is no archive.
 */
export function restorePg(url: string, source: string): { ok: boolean; say: Message } {
  const bad = readable(source, url);
  if (bad) return { ok: false, say: msg('cli.restore.refused', { why: bad }) };
  const busy = tool(
    'psql',
    [
      '-XAtq',
      '-d',
      split(url).url,
      '-c',
      'SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    ],
    url,
  );
  if (!busy.ok) return { ok: false, say: msg('cli.restore.failed', { why: busy.why }) };
  const others = Number(busy.stdout.trim());
  if (others > 0)
    return { ok: false, say: msg('cli.restore.pgBusy', { sessions: others, url: shownUrl(url) }) };
  const r = tool(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      '-d',
      split(url).url,
      source,
    ],
    url,
  );
  if (!r.ok) return { ok: false, say: msg('cli.restore.failed', { why: r.why }) };
  return { ok: true, say: msg('cli.restore.pgDone', { source, url: shownUrl(url) }) };
}
