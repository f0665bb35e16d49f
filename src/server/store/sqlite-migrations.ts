// The schema of the SQLite store, one migration per `user_version`. Append; never edit a released one.
import type Database from 'better-sqlite3';
import { msg } from '../../domain/message';
import { StoreError } from './store-error';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE plans (
     id TEXT PRIMARY KEY,
     record TEXT NOT NULL CHECK (json_valid(record)),
     river_id TEXT NOT NULL,
     stage TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE waterbodies (
     id TEXT PRIMARY KEY,
     record TEXT NOT NULL CHECK (json_valid(record)),
     ord INTEGER NOT NULL
   );
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT NOT NULL,
     detail TEXT NOT NULL CHECK (json_valid(detail))
   );
   CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
     BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
   CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
     BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`,
  // 2: accounts, sessions, geometry versions, stage events, publications, comments, settings
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('chief', 'planner', 'admin')),
     person TEXT,
     scope TEXT NOT NULL CHECK (json_valid(scope)),
     can_publish INTEGER NOT NULL CHECK (can_publish IN (0, 1)),
     password_hash TEXT NOT NULL,
     disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
     created_at TEXT NOT NULL
   );
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     csrf TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   CREATE INDEX sessions_expiry ON sessions (expires_at);
   CREATE INDEX sessions_user ON sessions (user_id);
   CREATE TABLE geometry_versions (
     plan_id TEXT NOT NULL REFERENCES plans (id),
     version INTEGER NOT NULL CHECK (version >= 1),
     features TEXT NOT NULL CHECK (json_valid(features) AND json_type(features) = 'array'),
     author TEXT NOT NULL,
     comment TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (plan_id, version)
   );
   CREATE TABLE stage_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     plan_id TEXT NOT NULL REFERENCES plans (id),
     from_stage TEXT NOT NULL,
     to_stage TEXT NOT NULL,
     actor TEXT NOT NULL,
     comment TEXT NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX stage_events_plan ON stage_events (plan_id, id);
   CREATE TABLE publications (
     plan_id TEXT NOT NULL,
     version INTEGER NOT NULL,
     zones TEXT NOT NULL CHECK (json_valid(zones)),
     markers TEXT NOT NULL CHECK (json_valid(markers)),
     rules TEXT NOT NULL CHECK (json_valid(rules)),
     etag TEXT NOT NULL,
     published_at TEXT NOT NULL,
     published_by TEXT NOT NULL,
     PRIMARY KEY (plan_id, version),
     FOREIGN KEY (plan_id, version) REFERENCES geometry_versions (plan_id, version)
   );
   CREATE TRIGGER publications_no_update BEFORE UPDATE ON publications
     BEGIN SELECT RAISE(ABORT, 'publications are immutable'); END;
   CREATE TRIGGER publications_no_delete BEFORE DELETE ON publications
     BEGIN SELECT RAISE(ABORT, 'publications are immutable'); END;
   CREATE TABLE comments (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     plan_id TEXT NOT NULL REFERENCES plans (id),
     author TEXT NOT NULL,
     text TEXT NOT NULL,
     lon REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
     lat REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
     at TEXT NOT NULL,
     CHECK ((lon IS NULL) = (lat IS NULL))
   );
   CREATE INDEX comments_plan ON comments (plan_id, id);
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL CHECK (json_valid(value)));`,
  // 3: a version's feature count beside its features, so that listing versions reads no features
  `ALTER TABLE geometry_versions ADD COLUMN feature_count INTEGER NOT NULL DEFAULT -1;
   UPDATE geometry_versions SET feature_count = json_array_length(features);`,
  // 4: the version a stage move saw (a sign-off signs it); unknown (NULL) for older moves
  `ALTER TABLE stage_events ADD COLUMN version INTEGER;`,
];

/** The schema version this build writes (and the newest it can open). */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The first `count` migrations, for tests that build an old database. */
export function migrationsUpTo(count: number): readonly string[] {
  return MIGRATIONS.slice(0, count);
}

/** Brings a database up to SCHEMA_VERSION in one transaction; refuses a newer one. */
export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new StoreError(msg('server.store.upgrade', { version, known: MIGRATIONS.length }));
  }
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    }
  })();
}
