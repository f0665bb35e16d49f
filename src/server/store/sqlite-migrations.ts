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
  // 5: department accounts (the role check is rebuilt; sessions end, as dropping the old table
  // cascades) and the records of 意见征求, 公示 and 验收, append-only like the audit log; an answer is
  // the one column that may go from NULL to a value, once
  `CREATE TABLE users_v5 (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('chief', 'planner', 'admin', 'department')),
     person TEXT,
     scope TEXT NOT NULL CHECK (json_valid(scope)),
     can_publish INTEGER NOT NULL CHECK (can_publish IN (0, 1)),
     password_hash TEXT NOT NULL,
     disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
     created_at TEXT NOT NULL,
     organisation TEXT,
     CHECK ((role = 'department') = (organisation IS NOT NULL))
   );
   INSERT INTO users_v5 (id, username, name, role, person, scope, can_publish, password_hash,
     disabled, created_at)
     SELECT id, username, name, role, person, scope, can_publish, password_hash, disabled, created_at
     FROM users;
   DROP TABLE users;
   ALTER TABLE users_v5 RENAME TO users;
   CREATE TABLE consultations (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     plan_id TEXT NOT NULL REFERENCES plans (id),
     version INTEGER NOT NULL,
     departments TEXT NOT NULL CHECK (json_valid(departments)),
     due TEXT NOT NULL,
     message TEXT NOT NULL,
     opened_by TEXT NOT NULL,
     opened_at TEXT NOT NULL,
     FOREIGN KEY (plan_id, version) REFERENCES geometry_versions (plan_id, version)
   );
   CREATE INDEX consultations_plan ON consultations (plan_id, id);
   CREATE TABLE consultation_departments (
     consultation_id INTEGER NOT NULL REFERENCES consultations (id),
     user_id TEXT NOT NULL,
     PRIMARY KEY (consultation_id, user_id)
   );
   CREATE INDEX consultation_departments_user ON consultation_departments (user_id);
   CREATE TABLE replies (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     consultation_id INTEGER NOT NULL REFERENCES consultations (id),
     plan_id TEXT NOT NULL REFERENCES plans (id),
     user_id TEXT NOT NULL,
     organisation TEXT NOT NULL,
     verdict TEXT NOT NULL CHECK (verdict IN ('no-objection', 'objection')),
     text TEXT NOT NULL,
     lon REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
     lat REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
     by TEXT NOT NULL,
     at TEXT NOT NULL,
     answer TEXT CHECK (answer IS NULL OR json_valid(answer)),
     UNIQUE (consultation_id, user_id),
     CHECK ((lon IS NULL) = (lat IS NULL))
   );
   CREATE INDEX replies_plan ON replies (plan_id, id);
   CREATE TABLE displays (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     plan_id TEXT NOT NULL REFERENCES plans (id),
     version INTEGER NOT NULL,
     start TEXT NOT NULL,
     "end" TEXT NOT NULL,
     days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 30),
     started_by TEXT NOT NULL,
     started_at TEXT NOT NULL,
     FOREIGN KEY (plan_id, version) REFERENCES geometry_versions (plan_id, version)
   );
   CREATE INDEX displays_plan ON displays (plan_id, id);
   CREATE TABLE public_opinions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     plan_id TEXT NOT NULL REFERENCES plans (id),
     display_id INTEGER NOT NULL REFERENCES displays (id),
     text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
     name TEXT,
     contact TEXT,
     at TEXT NOT NULL,
     answer TEXT CHECK (answer IS NULL OR json_valid(answer))
   );
   CREATE INDEX public_opinions_plan ON public_opinions (plan_id, id);
   CREATE TABLE acceptances (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     plan_id TEXT NOT NULL REFERENCES plans (id),
     version INTEGER NOT NULL,
     date TEXT NOT NULL,
     body TEXT NOT NULL,
     members TEXT NOT NULL,
     conclusion TEXT NOT NULL CHECK (conclusion IN ('pass', 'fail')),
     remarks TEXT NOT NULL,
     file TEXT NOT NULL CHECK (json_valid(file)),
     recorded_by TEXT NOT NULL,
     recorded_at TEXT NOT NULL,
     FOREIGN KEY (plan_id, version) REFERENCES geometry_versions (plan_id, version)
   );
   CREATE INDEX acceptances_plan ON acceptances (plan_id, id);
   CREATE TRIGGER consultations_no_update BEFORE UPDATE ON consultations
     BEGIN SELECT RAISE(ABORT, 'consultation rounds are immutable'); END;
   CREATE TRIGGER consultations_no_delete BEFORE DELETE ON consultations
     BEGIN SELECT RAISE(ABORT, 'consultation rounds are immutable'); END;
   CREATE TRIGGER consultation_departments_no_update BEFORE UPDATE ON consultation_departments
     BEGIN SELECT RAISE(ABORT, 'consultation rounds are immutable'); END;
   CREATE TRIGGER consultation_departments_no_delete BEFORE DELETE ON consultation_departments
     BEGIN SELECT RAISE(ABORT, 'consultation rounds are immutable'); END;
   CREATE TRIGGER replies_answer_once BEFORE UPDATE ON replies
     WHEN OLD.answer IS NOT NULL OR NEW.answer IS NULL
       OR NEW.id IS NOT OLD.id OR NEW.consultation_id IS NOT OLD.consultation_id
       OR NEW.plan_id IS NOT OLD.plan_id OR NEW.user_id IS NOT OLD.user_id
       OR NEW.organisation IS NOT OLD.organisation OR NEW.verdict IS NOT OLD.verdict
       OR NEW.text IS NOT OLD.text OR NEW.lon IS NOT OLD.lon OR NEW.lat IS NOT OLD.lat
       OR NEW.by IS NOT OLD.by OR NEW.at IS NOT OLD.at
     BEGIN SELECT RAISE(ABORT, 'a reply is written once and answered once'); END;
   CREATE TRIGGER replies_no_delete BEFORE DELETE ON replies
     BEGIN SELECT RAISE(ABORT, 'replies are immutable'); END;
   CREATE TRIGGER displays_no_update BEFORE UPDATE ON displays
     BEGIN SELECT RAISE(ABORT, 'display periods are immutable'); END;
   CREATE TRIGGER displays_no_delete BEFORE DELETE ON displays
     BEGIN SELECT RAISE(ABORT, 'display periods are immutable'); END;
   CREATE TRIGGER public_opinions_answer_once BEFORE UPDATE ON public_opinions
     WHEN OLD.answer IS NOT NULL OR NEW.answer IS NULL
       OR NEW.id IS NOT OLD.id OR NEW.plan_id IS NOT OLD.plan_id
       OR NEW.display_id IS NOT OLD.display_id OR NEW.text IS NOT OLD.text
       OR NEW.name IS NOT OLD.name OR NEW.contact IS NOT OLD.contact OR NEW.at IS NOT OLD.at
     BEGIN SELECT RAISE(ABORT, 'an opinion is written once and answered once'); END;
   CREATE TRIGGER public_opinions_no_delete BEFORE DELETE ON public_opinions
     BEGIN SELECT RAISE(ABORT, 'opinions are immutable'); END;
   CREATE TRIGGER acceptances_no_update BEFORE UPDATE ON acceptances
     BEGIN SELECT RAISE(ABORT, 'acceptance records are immutable'); END;
   CREATE TRIGGER acceptances_no_delete BEFORE DELETE ON acceptances
     BEGIN SELECT RAISE(ABORT, 'acceptance records are immutable'); END;`,
  // 6: a comment's version (the newest saved when it was made), whether it is an objection (异议),
  // and its resolution: the one column that may go from NULL to a value, once; comments are never
  // deleted (issue 19)
  `ALTER TABLE comments ADD COLUMN version INTEGER;
   ALTER TABLE comments ADD COLUMN objection INTEGER NOT NULL DEFAULT 0 CHECK (objection IN (0, 1));
   ALTER TABLE comments ADD COLUMN resolution TEXT CHECK (resolution IS NULL OR json_valid(resolution));
   CREATE TRIGGER comments_resolve_once BEFORE UPDATE ON comments
     WHEN OLD.resolution IS NOT NULL OR NEW.resolution IS NULL
       OR NEW.id IS NOT OLD.id OR NEW.plan_id IS NOT OLD.plan_id OR NEW.author IS NOT OLD.author
       OR NEW.text IS NOT OLD.text OR NEW.lon IS NOT OLD.lon OR NEW.lat IS NOT OLD.lat
       OR NEW.at IS NOT OLD.at OR NEW.version IS NOT OLD.version
       OR NEW.objection IS NOT OLD.objection
     BEGIN SELECT RAISE(ABORT, 'a comment is written once and resolved once'); END;
   CREATE TRIGGER comments_no_delete BEFORE DELETE ON comments
     BEGIN SELECT RAISE(ABORT, 'comments are immutable'); END;`,
  // 7: river courses from the bureau's survey (河道底图, issue 18): a version per import, never
  // deleted; only its public flag may change
  `CREATE TABLE courses (
     river_id TEXT NOT NULL,
     version INTEGER NOT NULL CHECK (version >= 1),
     source TEXT NOT NULL,
     date TEXT,
     unit TEXT,
     declassified TEXT NOT NULL CHECK (declassified IN ('yes', 'no', 'unknown')),
     public INTEGER NOT NULL CHECK (public IN (0, 1)),
     counts TEXT NOT NULL CHECK (json_valid(counts)),
     bbox TEXT NOT NULL CHECK (json_valid(bbox)),
     counties TEXT NOT NULL CHECK (json_valid(counties)),
     file TEXT NOT NULL,
     by TEXT NOT NULL,
     at TEXT NOT NULL,
     features TEXT NOT NULL CHECK (json_valid(features)),
     PRIMARY KEY (river_id, version),
     CHECK (public = 0 OR declassified = 'yes')
   );
   CREATE TRIGGER courses_public_only BEFORE UPDATE ON courses
     WHEN NEW.river_id IS NOT OLD.river_id OR NEW.version IS NOT OLD.version
       OR NEW.source IS NOT OLD.source OR NEW.date IS NOT OLD.date OR NEW.unit IS NOT OLD.unit
       OR NEW.declassified IS NOT OLD.declassified OR NEW.counts IS NOT OLD.counts
       OR NEW.bbox IS NOT OLD.bbox OR NEW.counties IS NOT OLD.counties
       OR NEW.file IS NOT OLD.file OR NEW.by IS NOT OLD.by
       OR NEW.at IS NOT OLD.at OR NEW.features IS NOT OLD.features
     BEGIN SELECT RAISE(ABORT, 'a course version is immutable but for its public flag'); END;
   CREATE TRIGGER courses_no_delete BEFORE DELETE ON courses
     BEGIN SELECT RAISE(ABORT, 'course versions are never deleted'); END;`,
  // 8: imagery layers (影像底图, issue 18): each a JSON record; the tile archives live in <data>/imagery
  `CREATE TABLE imagery (
     id TEXT PRIMARY KEY,
     record TEXT NOT NULL CHECK (json_valid(record)),
     added_at TEXT NOT NULL
   );`,
  // 9: monthly reports (月报, issue 14): a revision per submission, never updated or deleted;
  // the city's reminders; the measured length of saved versions (written once each)
  `CREATE TABLE reports (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     unit TEXT NOT NULL,
     month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
     revision INTEGER NOT NULL CHECK (revision >= 1),
     figures TEXT NOT NULL CHECK (json_valid(figures)),
     problems TEXT NOT NULL,
     next_steps TEXT NOT NULL,
     submitted_by TEXT NOT NULL,
     submitted_at TEXT NOT NULL,
     late INTEGER NOT NULL CHECK (late IN (0, 1)),
     UNIQUE (unit, month, revision)
   );
   CREATE INDEX reports_month ON reports (month, unit);
   CREATE TRIGGER reports_no_update BEFORE UPDATE ON reports
     BEGIN SELECT RAISE(ABORT, 'reports are append-only: a correction is a new revision'); END;
   CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
     BEGIN SELECT RAISE(ABORT, 'reports are append-only: a correction is a new revision'); END;
   CREATE TABLE reminders (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     unit TEXT NOT NULL,
     month TEXT NOT NULL,
     by TEXT NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX reminders_month ON reminders (month, unit);
   CREATE TRIGGER reminders_no_update BEFORE UPDATE ON reminders
     BEGIN SELECT RAISE(ABORT, 'reminders are append-only'); END;
   CREATE TRIGGER reminders_no_delete BEFORE DELETE ON reminders
     BEGIN SELECT RAISE(ABORT, 'reminders are append-only'); END;
   CREATE TABLE draft_lengths (
     plan_id TEXT NOT NULL,
     version INTEGER NOT NULL,
     length_m REAL NOT NULL,
     PRIMARY KEY (plan_id, version),
     FOREIGN KEY (plan_id, version) REFERENCES geometry_versions (plan_id, version)
   );
   CREATE TRIGGER draft_lengths_no_update BEFORE UPDATE ON draft_lengths
     BEGIN SELECT RAISE(ABORT, 'a measured length is written once'); END;`,
  // 10: the login throttle's failures (issue 15: shared by every process), ms since the epoch
  `CREATE TABLE login_failures (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     key TEXT NOT NULL,
     at INTEGER NOT NULL
   );
   CREATE INDEX login_failures_key ON login_failures (key, at);
   CREATE INDEX login_failures_at ON login_failures (at);`,
  // 11: the public opinions' counts per address (the display's limits), shared by every process
  `CREATE TABLE opinion_counts (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     key TEXT NOT NULL,
     at INTEGER NOT NULL
   );
   CREATE INDEX opinion_counts_key ON opinion_counts (key, at);
   CREATE INDEX opinion_counts_at ON opinion_counts (at);`,
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
