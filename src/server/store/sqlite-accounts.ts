// Accounts, sessions and settings of the SQLite store.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Scope } from '../../domain/access/actor';
import {
  DEFAULT_SETTINGS,
  newUserDetail,
  settingsDetail,
  userPatchDetail,
  userTarget,
} from './audit-detail';
import type { SessionRow, Settings, Store, UserRow } from './store';

/** Appends an audit entry inside the caller's transaction. */
export type AuditWriter = (
  at: string,
  actor: string,
  action: string,
  target: string,
  detail: unknown,
) => void;

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
  scope: string;
  can_publish: number;
  password_hash: string;
  disabled: number;
  created_at: string;
  organisation: string | null;
}

function toUser(r: UserSqlRow): UserRow {
  return {
    id: r.id,
    username: r.username,
    name: r.name,
    role: r.role,
    person: r.person,
    scope: JSON.parse(r.scope) as Scope,
    canPublish: r.can_publish === 1,
    passwordHash: r.password_hash,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    organisation: r.organisation,
  };
}

/** The settings of issue 13 as stored (each key only when it was set, and of the right shape). */
function reviewSettings(stored: Record<string, unknown>): Partial<Settings> {
  const { displayDays, departmentCoordinates, supervisingUnit, prohibitedActs, noticeBoard } =
    stored;
  const acts = Array.isArray(prohibitedActs) && prohibitedActs.every((a) => typeof a === 'string');
  const board = noticeBoard as { widthCm?: unknown; heightCm?: unknown } | null | undefined;
  return {
    ...(typeof displayDays === 'number' ? { displayDays } : {}),
    ...(typeof departmentCoordinates === 'boolean' ? { departmentCoordinates } : {}),
    ...(typeof supervisingUnit === 'string' || supervisingUnit === null ? { supervisingUnit } : {}),
    ...(acts || prohibitedActs === null
      ? { prohibitedActs: prohibitedActs as string[] | null }
      : {}),
    ...(typeof board?.widthCm === 'number' && typeof board.heightCm === 'number'
      ? { noticeBoard: { widthCm: board.widthCm, heightCm: board.heightCm } }
      : {}),
  };
}

/** The settings from their stored key/value pairs: defaults for what is unset or malformed. */
export function settingsOf(stored: Record<string, unknown>): Settings {
  return {
    publicCoordinates:
      typeof stored.publicCoordinates === 'boolean'
        ? stored.publicCoordinates
        : DEFAULT_SETTINGS.publicCoordinates,
    tiandituKey:
      typeof stored.tiandituKey === 'string' ? stored.tiandituKey : DEFAULT_SETTINGS.tiandituKey,
    ...('rules' in stored ? { rules: stored.rules } : {}),
    ...(typeof stored.noticeAuthority === 'string' || stored.noticeAuthority === null
      ? { noticeAuthority: stored.noticeAuthority }
      : {}),
    ...(typeof stored.supervisionPhone === 'string' || stored.supervisionPhone === null
      ? { supervisionPhone: stored.supervisionPhone }
      : {}),
    ...reviewSettings(stored),
  };
}

const SESSION_COLUMNS =
  'id, user_id AS userId, csrf, created_at AS createdAt, expires_at AS expiresAt';

/** The account, session and settings methods over an open, migrated database. */
export function accountMethods(
  db: Database.Database,
  audit: AuditWriter,
  clock: () => Date,
): AccountMethods {
  const userById = db.prepare('SELECT * FROM users WHERE id = ?');
  const readUser = (id: string): UserRow | null => {
    const row = userById.get(id) as UserSqlRow | undefined;
    return row ? toUser(row) : null;
  };
  const readSettings = (): Settings => {
    const rows = db.prepare('SELECT key, value FROM settings').all() as {
      key: string;
      value: string;
    }[];
    return settingsOf(Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown])));
  };

  const create = db.transaction((user: Parameters<Store['createUser']>[0], actor: string) => {
    const taken = db.prepare('SELECT 1 FROM users WHERE username = ?').get(user.username);
    if (taken) return null;
    const id = randomUUID();
    const at = clock().toISOString();
    db.prepare(
      `INSERT INTO users (id, username, name, role, person, scope, can_publish, password_hash, disabled, created_at, organisation)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    ).run(
      id,
      user.username,
      user.name,
      user.role,
      user.person,
      JSON.stringify(user.scope),
      user.canPublish ? 1 : 0,
      user.passwordHash,
      at,
      user.organisation ?? null,
    );
    audit(at, actor, 'user.create', userTarget(user.username), newUserDetail(user));
    return readUser(id);
  });

  const update = db.transaction(
    (id: string, patch: Parameters<Store['updateUser']>[1], actor: string, keep: string) => {
      const before = readUser(id);
      if (!before) return null;
      const sets: string[] = [];
      const values: unknown[] = [];
      if (patch.passwordHash !== undefined) {
        sets.push('password_hash = ?');
        values.push(patch.passwordHash);
      }
      if (patch.disabled !== undefined) {
        sets.push('disabled = ?');
        values.push(patch.disabled ? 1 : 0);
      }
      if (patch.scope !== undefined) {
        sets.push('scope = ?');
        values.push(JSON.stringify(patch.scope));
      }
      if (patch.canPublish !== undefined) {
        sets.push('can_publish = ?');
        values.push(patch.canPublish ? 1 : 0);
      }
      if (patch.name !== undefined) {
        sets.push('name = ?');
        values.push(patch.name);
      }
      if (patch.organisation !== undefined) {
        sets.push('organisation = ?');
        values.push(patch.organisation);
      }
      if (sets.length > 0)
        db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
      // a disabled account is logged out everywhere at once; a new password ends every other session
      if (patch.disabled === true) db.prepare('DELETE FROM sessions WHERE user_id = ?').run(id);
      else if (patch.passwordHash !== undefined)
        db.prepare('DELETE FROM sessions WHERE user_id = ? AND id <> ?').run(id, keep);
      audit(
        clock().toISOString(),
        actor,
        'user.update',
        userTarget(before.username),
        userPatchDetail(patch),
      );
      return readUser(id);
    },
  );

  const saveSettings = db.transaction((patch: Partial<Settings>, actor: string) => {
    const upsert = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value));
    }
    audit(clock().toISOString(), actor, 'settings.update', 'settings', settingsDetail(patch));
    return readSettings();
  });

  return {
    async createUser(user, actor) {
      return create.immediate(user, actor);
    },
    async getUser(id) {
      return readUser(id);
    },
    async getUserByUsername(username) {
      const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as
        | UserSqlRow
        | undefined;
      return row ? toUser(row) : null;
    },
    async listUsers() {
      return (db.prepare('SELECT * FROM users ORDER BY username').all() as UserSqlRow[]).map(
        toUser,
      );
    },
    async updateUser(id, patch, actor, keepSession) {
      return update.immediate(id, patch, actor, keepSession ?? '');
    },
    async createSession(s: SessionRow) {
      db.prepare(
        'INSERT INTO sessions (id, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      ).run(s.id, s.userId, s.csrf, s.createdAt, s.expiresAt);
    },
    async getSession(id) {
      const row = db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`).get(id) as
        | SessionRow
        | undefined;
      return row ?? null;
    },
    async deleteSession(id) {
      db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
    },
    async deleteExpiredSessions(now) {
      return db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now).changes;
    },
    async getSettings() {
      return readSettings();
    },
    async setSettings(patch, actor) {
      return saveSettings.immediate(patch, actor);
    },
  };
}
