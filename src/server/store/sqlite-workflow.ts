// Geometry versions, stage moves, publications and comments of the SQLite store. Every write is a
// compare-and-set in one transaction with its audit entry.
import type Database from 'better-sqlite3';
import type { Feature, FeatureCollection } from 'geojson';
import { msg } from '../../domain/message';
import type { StageId } from '../../domain/workflow/stages';
import { FINAL_STAGE } from '../../domain/workflow/stages';
import { checkSave } from '../../domain/workflow/transitions';
import { alreadyResolved, checkPin, unknownPlan } from './audit-detail';
import type { AuditWriter } from './sqlite-accounts';
import type {
  CommentResolution,
  CommentRow,
  GeometryVersion,
  MoveResult,
  NewComment,
  Publication,
  ReviewWrite,
  SaveResult,
  StageEvent,
  VersionSummary,
  WorkflowMethods,
} from './store';

type GeometrySqlRow = Omit<GeometryVersion, 'features'> & { features: string };
type PublicationSqlRow = Omit<Publication, 'zones' | 'markers' | 'rules'> & {
  zones: string;
  markers: string;
  rules: string;
};

const GEOMETRY_COLUMNS =
  'plan_id AS planId, version, features, author, comment, created_at AS createdAt';
const EVENT_COLUMNS =
  'plan_id AS planId, from_stage AS "from", to_stage AS "to", actor, comment, at, version';
const COMMENT_COLUMNS =
  'id, plan_id AS planId, author, text, lon, lat, at, version, objection, resolution';
type CommentSqlRow = Omit<CommentRow, 'objection' | 'resolution'> & {
  objection: number;
  resolution: string | null;
};

function toComment(r: CommentSqlRow): CommentRow {
  const resolution = r.resolution === null ? null : (JSON.parse(r.resolution) as CommentResolution);
  return { ...r, objection: r.objection === 1, resolution };
}

const PUBLICATION_COLUMNS = `plan_id AS planId, version, zones, markers, rules, etag,
  published_at AS publishedAt, published_by AS publishedBy`;

function toGeometry(r: GeometrySqlRow): GeometryVersion {
  return { ...r, features: JSON.parse(r.features) as Feature[] };
}

function toPublication(r: PublicationSqlRow): Publication {
  return {
    ...r,
    zones: JSON.parse(r.zones) as FeatureCollection,
    markers: JSON.parse(r.markers) as FeatureCollection,
    rules: JSON.parse(r.rules) as unknown,
  };
}

/** The workflow methods over an open, migrated database. */
export function workflowMethods(
  db: Database.Database,
  audit: AuditWriter,
  clock: () => Date,
): WorkflowMethods {
  const latest = db.prepare(
    `SELECT ${GEOMETRY_COLUMNS} FROM geometry_versions WHERE plan_id = ? ORDER BY version DESC LIMIT 1`,
  );
  const readLatest = (planId: string): GeometryVersion | null => {
    const row = latest.get(planId) as GeometrySqlRow | undefined;
    return row ? toGeometry(row) : null;
  };
  const stageOf = (planId: string): StageId | null => {
    const row = db.prepare('SELECT stage FROM plans WHERE id = ?').get(planId) as
      | { stage: StageId }
      | undefined;
    return row?.stage ?? null;
  };
  const setStage = (planId: string, from: StageId, to: StageId, at: string): boolean =>
    db
      .prepare('UPDATE plans SET stage = ?, updated_at = ? WHERE id = ? AND stage = ?')
      .run(to, at, planId, from).changes === 1;
  const insertEvent = db.prepare(
    `INSERT INTO stage_events (plan_id, from_stage, to_stage, actor, comment, at, version)
     VALUES (?, ?, ?, ?, ?, ?, (SELECT max(version) FROM geometry_versions WHERE plan_id = ?))`,
  );

  const save = db.transaction(
    (planId: string, base: number, features: Feature[], actor: string, comment: string) => {
      const stage = stageOf(planId);
      if (stage === null) throw unknownPlan(planId);
      const open = checkSave(stage);
      if (!open.ok) return { ok: false, refused: open.reason } as SaveResult;
      const current = readLatest(planId);
      if ((current?.version ?? 0) !== base) return { ok: false, current } as SaveResult;
      const version: GeometryVersion = {
        planId,
        version: base + 1,
        features: JSON.parse(JSON.stringify(features)) as Feature[],
        author: actor,
        comment,
        createdAt: clock().toISOString(),
      };
      db.prepare(
        `INSERT INTO geometry_versions (plan_id, version, features, feature_count, author, comment, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        planId,
        version.version,
        JSON.stringify(features),
        features.length,
        actor,
        comment,
        version.createdAt,
      );
      db.prepare('UPDATE plans SET updated_at = ? WHERE id = ?').run(version.createdAt, planId);
      audit(version.createdAt, actor, 'geometry.save', planId, {
        version: version.version,
        features: features.length,
        comment,
      });
      return { ok: true, version } as SaveResult;
    },
  );

  const move = db.transaction(
    (planId: string, from: StageId, to: StageId, actor: string, comment: string): MoveResult => {
      const stage = stageOf(planId);
      if (stage === null) throw unknownPlan(planId);
      const at = clock().toISOString();
      if (!setStage(planId, from, to, at)) return { ok: false, current: stage };
      insertEvent.run(planId, from, to, actor, comment, at, planId);
      const version = readLatest(planId)?.version ?? null;
      audit(at, actor, 'stage.move', planId, { from, to, comment, version });
      return { ok: true, event: { planId, from, to, actor, comment, at, version } };
    },
  );

  const freeze = db.transaction((p: Publication, fromStage: StageId, actor: string): boolean => {
    if (stageOf(p.planId) !== fromStage) return false;
    const exists = db
      .prepare('SELECT 1 FROM geometry_versions WHERE plan_id = ? AND version = ?')
      .get(p.planId, p.version);
    const taken = db
      .prepare('SELECT 1 FROM publications WHERE plan_id = ? AND version = ?')
      .get(p.planId, p.version);
    if (!exists || taken) return false;
    db.prepare(
      `INSERT INTO publications (plan_id, version, zones, markers, rules, etag, published_at, published_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      p.planId,
      p.version,
      JSON.stringify(p.zones),
      JSON.stringify(p.markers),
      JSON.stringify(p.rules ?? null),
      p.etag,
      p.publishedAt,
      p.publishedBy,
    );
    setStage(p.planId, fromStage, FINAL_STAGE, p.publishedAt);
    insertEvent.run(
      p.planId,
      fromStage,
      FINAL_STAGE,
      actor,
      `version ${p.version}`,
      p.publishedAt,
      p.planId,
    );
    audit(p.publishedAt, actor, 'publish', p.planId, {
      version: p.version,
      etag: p.etag,
      fromStage,
    });
    return true;
  });

  const comment = db.transaction((c: NewComment, actor: string): CommentRow => {
    if (stageOf(c.planId) === null) throw unknownPlan(c.planId);
    checkPin(c.lon, c.lat);
    const at = clock().toISOString();
    const version = readLatest(c.planId)?.version ?? null;
    const objection = c.objection === true;
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO comments (plan_id, author, text, lon, lat, at, version, objection)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.planId, c.author, c.text, c.lon, c.lat, at, version, objection ? 1 : 0);
    const id = Number(lastInsertRowid);
    audit(at, actor, 'comment.add', c.planId, { id, pinned: c.lon !== null, objection, version });
    const row = { planId: c.planId, author: c.author, text: c.text, lon: c.lon, lat: c.lat };
    return { id, ...row, at, version, objection, resolution: null };
  });
  const readComment = (planId: string, id: number): CommentRow | null => {
    const row = db
      .prepare(`SELECT ${COMMENT_COLUMNS} FROM comments WHERE plan_id = ? AND id = ?`)
      .get(planId, id) as CommentSqlRow | undefined;
    return row ? toComment(row) : null;
  };
  const resolve = db.transaction(
    (planId: string, id: number, reply: string, actor: string): ReviewWrite<CommentRow> => {
      const found = readComment(planId, id);
      if (!found) return { ok: false, refused: msg('live.comment.unknown', { id }) };
      if (found.resolution) return { ok: false, refused: alreadyResolved(found) };
      const resolution = { reply, by: actor, at: clock().toISOString() };
      db.prepare('UPDATE comments SET resolution = ? WHERE id = ?').run(
        JSON.stringify(resolution),
        id,
      );
      audit(resolution.at, actor, 'comment.resolve', planId, { id });
      return { ok: true, value: { ...found, resolution } };
    },
  );

  return {
    async latestGeometry(planId) {
      return readLatest(planId);
    },
    async getGeometry(planId, version) {
      const row = db
        .prepare(
          `SELECT ${GEOMETRY_COLUMNS} FROM geometry_versions WHERE plan_id = ? AND version = ?`,
        )
        .get(planId, version) as GeometrySqlRow | undefined;
      return row ? toGeometry(row) : null;
    },
    async listVersions(planId) {
      return db
        .prepare(
          `SELECT plan_id AS planId, version, author, comment, created_at AS createdAt,
             feature_count AS features
           FROM geometry_versions WHERE plan_id = ? ORDER BY version DESC`,
        )
        .all(planId) as VersionSummary[];
    },
    async saveGeometry(planId, baseVersion, features, actor, text) {
      return save.immediate(planId, baseVersion, features, actor, text);
    },
    async moveStage(planId, from, to, actor, text) {
      return move.immediate(planId, from, to, actor, text);
    },
    async listStageEvents(planId) {
      return db
        .prepare(`SELECT ${EVENT_COLUMNS} FROM stage_events WHERE plan_id = ? ORDER BY id`)
        .all(planId) as StageEvent[];
    },
    async publish(publication, fromStage, actor) {
      return freeze.immediate(publication, fromStage, actor);
    },
    async getPublication(planId) {
      const row = db
        .prepare(
          `SELECT ${PUBLICATION_COLUMNS} FROM publications WHERE plan_id = ? ORDER BY rowid DESC LIMIT 1`,
        )
        .get(planId) as PublicationSqlRow | undefined;
      return row ? toPublication(row) : null;
    },
    async publicationTag(planId) {
      const row = db
        .prepare(
          'SELECT version, etag FROM publications WHERE plan_id = ? ORDER BY rowid DESC LIMIT 1',
        )
        .get(planId) as { version: number; etag: string } | undefined;
      return row ?? null;
    },
    async listPublications() {
      const rows = db
        .prepare(
          `SELECT ${PUBLICATION_COLUMNS} FROM publications p
           WHERE rowid = (SELECT max(rowid) FROM publications WHERE plan_id = p.plan_id)
           ORDER BY plan_id`,
        )
        .all() as PublicationSqlRow[];
      return rows.map(toPublication);
    },
    async addComment(c, actor) {
      return comment.immediate(c, actor);
    },
    async listComments(planId) {
      const rows = db
        .prepare(`SELECT ${COMMENT_COLUMNS} FROM comments WHERE plan_id = ? ORDER BY id`)
        .all(planId) as CommentSqlRow[];
      return rows.map(toComment);
    },
    async resolveComment(planId, id, reply, actor) {
      return resolve.immediate(planId, id, reply, actor);
    },
  };
}
