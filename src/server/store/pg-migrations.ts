// The schema of the PostgreSQL store, one migration per schema_version row. Append; never edit a
// released one. Times are ISO strings (TEXT) as in SQLite, so that both stores give the same
// strings back; JSON columns are `json` (the text as written, keys in their order).
import type { PoolClient } from 'pg';
import { msg } from '../../domain/message';
import { StoreError } from './store-error';

/** A trigger that refuses every UPDATE or DELETE of `table` with `why`. */
function appendOnly(table: string, why: string, ops = 'UPDATE OR DELETE'): string {
  return `CREATE FUNCTION ${table}_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION '${why}'; END $$;
   CREATE TRIGGER ${table}_append_only BEFORE ${ops} ON ${table}
     FOR EACH ROW EXECUTE FUNCTION ${table}_refuse();`;
}

/** A trigger that lets `column` go from NULL to a value once and refuses every other change. */
function setOnce(table: string, column: string, why: string, noDelete: string): string {
  return `CREATE FUNCTION ${table}_${column}_once() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF OLD.${column} IS NOT NULL OR NEW.${column} IS NULL
          OR (to_jsonb(NEW) - '${column}') IS DISTINCT FROM (to_jsonb(OLD) - '${column}') THEN
         RAISE EXCEPTION '${why}';
       END IF;
       RETURN NEW;
     END $$;
   CREATE TRIGGER ${table}_${column}_once BEFORE UPDATE ON ${table}
     FOR EACH ROW EXECUTE FUNCTION ${table}_${column}_once();
   ${appendOnly(table, noDelete, 'DELETE')}`;
}

const MIGRATIONS: readonly string[] = [
  // 1: the whole schema of SQLite's nine migrations, append-only tables enforced by triggers
  `CREATE TABLE plans (
     id TEXT PRIMARY KEY,
     record JSON NOT NULL,
     river_id TEXT NOT NULL,
     stage TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE waterbodies (id TEXT PRIMARY KEY, record JSON NOT NULL, ord INTEGER NOT NULL);
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE audit (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT NOT NULL,
     detail JSON NOT NULL
   );
   CREATE INDEX audit_target ON audit (target, id);
   ${appendOnly('audit', 'audit log is append-only')}
   CREATE TABLE users (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('chief', 'planner', 'admin', 'department')),
     person TEXT,
     scope JSON NOT NULL,
     can_publish BOOLEAN NOT NULL,
     password_hash TEXT NOT NULL,
     disabled BOOLEAN NOT NULL DEFAULT false,
     created_at TEXT NOT NULL,
     organisation TEXT,
     CHECK ((role = 'department') = (organisation IS NOT NULL))
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
     features JSON NOT NULL CHECK (json_typeof(features) = 'array'),
     feature_count INTEGER NOT NULL,
     author TEXT NOT NULL,
     comment TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (plan_id, version)
   );
   CREATE TABLE stage_events (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     plan_id TEXT NOT NULL REFERENCES plans (id),
     from_stage TEXT NOT NULL,
     to_stage TEXT NOT NULL,
     actor TEXT NOT NULL,
     comment TEXT NOT NULL,
     at TEXT NOT NULL,
     version INTEGER
   );
   CREATE INDEX stage_events_plan ON stage_events (plan_id, id);
   CREATE TABLE publications (
     seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
     plan_id TEXT NOT NULL,
     version INTEGER NOT NULL,
     zones JSON NOT NULL,
     markers JSON NOT NULL,
     rules JSON NOT NULL,
     etag TEXT NOT NULL,
     published_at TEXT NOT NULL,
     published_by TEXT NOT NULL,
     PRIMARY KEY (plan_id, version),
     FOREIGN KEY (plan_id, version) REFERENCES geometry_versions (plan_id, version)
   );
   CREATE INDEX publications_plan_seq ON publications (plan_id, seq DESC);
   ${appendOnly('publications', 'publications are immutable')}
   CREATE TABLE published_features (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     plan_id TEXT NOT NULL,
     version INTEGER NOT NULL,
     layer TEXT NOT NULL CHECK (layer IN ('zones', 'markers')),
     properties JSONB NOT NULL,
     geom geometry(Geometry, 4490) NOT NULL,
     FOREIGN KEY (plan_id, version) REFERENCES publications (plan_id, version)
   );
   CREATE INDEX published_features_geom ON published_features USING GIST (geom);
   CREATE INDEX published_features_plan ON published_features (plan_id, version);
   ${appendOnly('published_features', 'published features are immutable')}
   CREATE TABLE comments (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     plan_id TEXT NOT NULL REFERENCES plans (id),
     author TEXT NOT NULL,
     text TEXT NOT NULL,
     lon DOUBLE PRECISION CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
     lat DOUBLE PRECISION CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
     at TEXT NOT NULL,
     version INTEGER,
     objection BOOLEAN NOT NULL DEFAULT false,
     resolution JSON,
     CHECK ((lon IS NULL) = (lat IS NULL))
   );
   CREATE INDEX comments_plan ON comments (plan_id, id);
   ${setOnce('comments', 'resolution', 'a comment is written once and resolved once', 'comments are immutable')}
   CREATE TABLE settings (key TEXT PRIMARY KEY, value JSON NOT NULL);
   CREATE TABLE consultations (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     plan_id TEXT NOT NULL REFERENCES plans (id),
     version INTEGER NOT NULL,
     departments JSON NOT NULL,
     due TEXT NOT NULL,
     message TEXT NOT NULL,
     opened_by TEXT NOT NULL,
     opened_at TEXT NOT NULL,
     FOREIGN KEY (plan_id, version) REFERENCES geometry_versions (plan_id, version)
   );
   CREATE INDEX consultations_plan ON consultations (plan_id, id);
   ${appendOnly('consultations', 'consultation rounds are immutable')}
   CREATE TABLE consultation_departments (
     consultation_id BIGINT NOT NULL REFERENCES consultations (id),
     user_id TEXT NOT NULL,
     PRIMARY KEY (consultation_id, user_id)
   );
   CREATE INDEX consultation_departments_user ON consultation_departments (user_id);
   ${appendOnly('consultation_departments', 'consultation rounds are immutable')}
   CREATE TABLE replies (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     consultation_id BIGINT NOT NULL REFERENCES consultations (id),
     plan_id TEXT NOT NULL REFERENCES plans (id),
     user_id TEXT NOT NULL,
     organisation TEXT NOT NULL,
     verdict TEXT NOT NULL CHECK (verdict IN ('no-objection', 'objection')),
     text TEXT NOT NULL,
     lon DOUBLE PRECISION CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
     lat DOUBLE PRECISION CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
     by TEXT NOT NULL,
     at TEXT NOT NULL,
     answer JSON,
     UNIQUE (consultation_id, user_id),
     CHECK ((lon IS NULL) = (lat IS NULL))
   );
   CREATE INDEX replies_plan ON replies (plan_id, id);
   ${setOnce('replies', 'answer', 'a reply is written once and answered once', 'replies are immutable')}
   CREATE TABLE displays (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
   ${appendOnly('displays', 'display periods are immutable')}
   CREATE TABLE public_opinions (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     plan_id TEXT NOT NULL REFERENCES plans (id),
     display_id BIGINT NOT NULL REFERENCES displays (id),
     text TEXT NOT NULL CHECK (char_length(text) BETWEEN 1 AND 1000),
     name TEXT,
     contact TEXT,
     at TEXT NOT NULL,
     answer JSON
   );
   CREATE INDEX public_opinions_plan ON public_opinions (plan_id, id);
   ${setOnce('public_opinions', 'answer', 'an opinion is written once and answered once', 'opinions are immutable')}
   CREATE TABLE acceptances (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     plan_id TEXT NOT NULL REFERENCES plans (id),
     version INTEGER NOT NULL,
     date TEXT NOT NULL,
     body TEXT NOT NULL,
     members TEXT NOT NULL,
     conclusion TEXT NOT NULL CHECK (conclusion IN ('pass', 'fail')),
     remarks TEXT NOT NULL,
     file JSON NOT NULL,
     recorded_by TEXT NOT NULL,
     recorded_at TEXT NOT NULL,
     FOREIGN KEY (plan_id, version) REFERENCES geometry_versions (plan_id, version)
   );
   CREATE INDEX acceptances_plan ON acceptances (plan_id, id);
   ${appendOnly('acceptances', 'acceptance records are immutable')}
   CREATE TABLE courses (
     river_id TEXT NOT NULL,
     version INTEGER NOT NULL CHECK (version >= 1),
     source TEXT NOT NULL,
     date TEXT,
     unit TEXT,
     declassified TEXT NOT NULL CHECK (declassified IN ('yes', 'no', 'unknown')),
     public BOOLEAN NOT NULL,
     counts JSON NOT NULL,
     bbox JSON NOT NULL,
     counties JSON NOT NULL,
     file TEXT NOT NULL,
     by TEXT NOT NULL,
     at TEXT NOT NULL,
     features JSON NOT NULL,
     PRIMARY KEY (river_id, version),
     CHECK (NOT public OR declassified = 'yes')
   );
   CREATE FUNCTION courses_public_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF (to_jsonb(NEW) - 'public') IS DISTINCT FROM (to_jsonb(OLD) - 'public') THEN
         RAISE EXCEPTION 'a course version is immutable but for its public flag';
       END IF;
       RETURN NEW;
     END $$;
   CREATE TRIGGER courses_public_only BEFORE UPDATE ON courses
     FOR EACH ROW EXECUTE FUNCTION courses_public_only();
   ${appendOnly('courses', 'course versions are never deleted', 'DELETE')}
   CREATE TABLE imagery (id TEXT PRIMARY KEY, record JSON NOT NULL, added_at TEXT NOT NULL);
   CREATE TABLE reports (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     unit TEXT NOT NULL,
     month TEXT NOT NULL CHECK (month ~ '^[0-9]{4}-[0-1][0-9]$'),
     revision INTEGER NOT NULL CHECK (revision >= 1),
     figures JSON NOT NULL,
     problems TEXT NOT NULL,
     next_steps TEXT NOT NULL,
     submitted_by TEXT NOT NULL,
     submitted_at TEXT NOT NULL,
     late BOOLEAN NOT NULL,
     UNIQUE (unit, month, revision)
   );
   CREATE INDEX reports_month ON reports (month, unit);
   ${appendOnly('reports', 'reports are append-only: a correction is a new revision')}
   CREATE TABLE reminders (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     unit TEXT NOT NULL,
     month TEXT NOT NULL,
     by TEXT NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX reminders_month ON reminders (month, unit);
   ${appendOnly('reminders', 'reminders are append-only')}
   CREATE TABLE draft_lengths (
     plan_id TEXT NOT NULL,
     version INTEGER NOT NULL,
     length_m DOUBLE PRECISION NOT NULL,
     PRIMARY KEY (plan_id, version),
     FOREIGN KEY (plan_id, version) REFERENCES geometry_versions (plan_id, version)
   );
   ${appendOnly('draft_lengths', 'a measured length is written once', 'UPDATE')}`,
  // 2: the login throttle's failures, shared by every instance, ms since the epoch
  `CREATE TABLE login_failures (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     key TEXT NOT NULL,
     at BIGINT NOT NULL
   );
   CREATE INDEX login_failures_key ON login_failures (key, at);
   CREATE INDEX login_failures_at ON login_failures (at);`,
  // 3: the public opinions' counts per address (the display's limits), shared by every instance
  `CREATE TABLE opinion_counts (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     key TEXT NOT NULL,
     at BIGINT NOT NULL
   );
   CREATE INDEX opinion_counts_key ON opinion_counts (key, at);
   CREATE INDEX opinion_counts_at ON opinion_counts (at);`,
];

/** The schema version this build writes (and the newest it can open). */
export const PG_SCHEMA_VERSION = MIGRATIONS.length;

// pg_advisory_xact_lock key: "hejie" migrations; two instances starting together take turns
const MIGRATION_LOCK = 0x68656a6965;

/**
 * Brings the database up to PG_SCHEMA_VERSION in one transaction under an advisory lock (a second
 * instance waits, then finds the work done); refuses a newer database. Returns the version.
 */
export async function migratePg(client: PoolClient): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE EXTENSION IF NOT EXISTS postgis');
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const { rows } = await client.query<{ v: number }>(
      'SELECT coalesce(max(version), 0)::int AS v FROM schema_version',
    );
    const version = rows[0]?.v ?? 0;
    if (version > MIGRATIONS.length)
      throw new StoreError(msg('server.store.upgrade', { version, known: MIGRATIONS.length }));
    for (let v = version; v < MIGRATIONS.length; v++) {
      await client.query(MIGRATIONS[v] as string);
      await client.query('INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)', [
        v + 1,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
    return MIGRATIONS.length;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}
