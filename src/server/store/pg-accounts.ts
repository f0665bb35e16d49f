// Accounts, sessions and settings of the PostgreSQL store.
import { randomUUID } from 'node:crypto';
import type { Scope } from '../../domain/access/actor';
import { newUserDetail, settingsDetail, userPatchDetail, userTarget } from './audit-detail';
import type { PgAuditWriter, PgDb, Query } from './pg-db';
import { json } from './pg-db';
import { settingsOf } from './sqlite-accounts';
import type { Settings, Store, UserRow } from './store';

type AccountMethods = Pick<
  Store,
  | 'createUser'
  | 'getUser'
  | 'getUserByUsername'
  | 'listUsers'
  | 'updateUser'
  | 'createSession'
  | 'getSession'
  | 'deleteSession'
  | 'deleteExpiredSessions'
  | 'getSettings'
  | 'setSettings'
>;

interface UserSqlRow {
  id: string;
  username: string;
  name: string;
  role: UserRow['role'];
  person: string | null;
  scope: Scope;
  can_publish: boolean;
  password_hash: string;
  disabled: boolean;
  created_at: string;
  organisation: string | null;
}

const toUser = (r: UserSqlRow): UserRow => ({
  id: r.id,
  username: r.username,
  name: r.name,
  role: r.role,
  person: r.person,
  scope: r.scope,
  canPublish: r.can_publish,
  passwordHash: r.password_hash,
  disabled: r.disabled,
  createdAt: r.created_at,
  organisation: r.organisation,
});

const SESSION_COLUMNS =
  'id, user_id AS "userId", csrf, created_at AS "createdAt", expires_at AS "expiresAt"';

const readUser = async (q: Query, id: string): Promise<UserRow | null> => {
  const [row] = await q<UserSqlRow>('SELECT * FROM users WHERE id = $1', [id]);
  return row ? toUser(row) : null;
};
const readSettings = async (q: Query): Promise<Settings> => {
  const rows = await q<{ key: string; value: unknown }>('SELECT key, value FROM settings');
  return settingsOf(Object.fromEntries(rows.map((r) => [r.key, r.value])));
};

/** The columns a user patch sets, in order, with their values. */
function patchColumns(patch: Parameters<Store['updateUser']>[1]): [string, unknown][] {
  const cols: [string, unknown][] = [];
  if (patch.passwordHash !== undefined) cols.push(['password_hash', patch.passwordHash]);
  if (patch.disabled !== undefined) cols.push(['disabled', patch.disabled]);
  if (patch.scope !== undefined) cols.push(['scope', json(patch.scope)]);
  if (patch.canPublish !== undefined) cols.push(['can_publish', patch.canPublish]);
  if (patch.name !== undefined) cols.push(['name', patch.name]);
  if (patch.organisation !== undefined) cols.push(['organisation', patch.organisation]);
  return cols;
}

/** The account, session and settings methods over the pool. */
export function pgAccountMethods(
  { read, tx }: PgDb,
  audit: PgAuditWriter,
  clock: () => Date,
): AccountMethods {
  return {
    async createUser(user, actor) {
      return tx(async (q) => {
        const id = randomUUID();
        const at = clock().toISOString();
        const inserted = await q(
          `INSERT INTO users (id, username, name, role, person, scope, can_publish, password_hash, disabled, created_at, organisation)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, $9, $10)
           ON CONFLICT (username) DO NOTHING RETURNING id`,
          [
            id,
            user.username,
            user.name,
            user.role,
            user.person,
            json(user.scope),
            user.canPublish,
            user.passwordHash,
            at,
            user.organisation ?? null,
          ],
        );
        if (inserted.length === 0) return null;
        await audit(q, at, actor, 'user.create', userTarget(user.username), newUserDetail(user));
        return readUser(q, id);
      });
    },
    async getUser(id) {
      return readUser(read, id);
    },
    async getUserByUsername(username) {
      const [row] = await read<UserSqlRow>('SELECT * FROM users WHERE username = $1', [username]);
      return row ? toUser(row) : null;
    },
    async listUsers() {
      return (await read<UserSqlRow>('SELECT * FROM users ORDER BY username COLLATE "C"')).map(
        toUser,
      );
    },
    async updateUser(id, patch, actor, keepSession) {
      return tx(async (q) => {
        const [locked] = await q<UserSqlRow>('SELECT * FROM users WHERE id = $1 FOR UPDATE', [id]);
        if (!locked) return null;
        const cols = patchColumns(patch);
        if (cols.length > 0) {
          const sets = cols.map(([c], i) => `${c} = $${i + 2}`).join(', ');
          await q(
            `UPDATE users SET ${sets} WHERE id = $1`,
            [id].concat(cols.map(([, v]) => v) as never[]),
          );
        }
        // a disabled account is logged out everywhere at once; a new password ends every other session
        if (patch.disabled === true) await q('DELETE FROM sessions WHERE user_id = $1', [id]);
        else if (patch.passwordHash !== undefined)
          await q('DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [id, keepSession ?? '']);
        await audit(
          q,
          clock().toISOString(),
          actor,
          'user.update',
          userTarget(locked.username),
          userPatchDetail(patch),
        );
        return readUser(q, id);
      });
    },
    async createSession(s) {
      await read(
        'INSERT INTO sessions (id, user_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [s.id, s.userId, s.csrf, s.createdAt, s.expiresAt],
      );
    },
    async getSession(id) {
      const [row] = await read<import('./store').SessionRow>(
        `SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = $1`,
        [id],
      );
      return row ?? null;
    },
    async deleteSession(id) {
      await read('DELETE FROM sessions WHERE id = $1', [id]);
    },
    async deleteExpiredSessions(now) {
      const rows = await read('DELETE FROM sessions WHERE expires_at < $1 RETURNING id', [now]);
      return rows.length;
    },
    async getSettings() {
      return readSettings(read);
    },
    async setSettings(patch, actor) {
      return tx(async (q) => {
        for (const [key, value] of Object.entries(patch)) {
          if (value !== undefined)
            await q(
              'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
              [key, json(value)],
            );
        }
        await audit(
          q,
          clock().toISOString(),
          actor,
          'settings.update',
          'settings',
          settingsDetail(patch),
        );
        return readSettings(q);
      });
    },
  };
}
