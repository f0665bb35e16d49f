// Geometry versions, stage moves, publications and comments of the PostgreSQL store. Every write is
// one transaction that first locks the plan's row (SELECT … FOR UPDATE), so that a compare-and-set
// sees no concurrent writer of the same plan, and appends its audit entry.
import type { Feature } from 'geojson';
import { msg } from '../../domain/message';
import type { StageId } from '../../domain/workflow/stages';
import { FINAL_STAGE } from '../../domain/workflow/stages';
import { checkSave } from '../../domain/workflow/transitions';
import { alreadyResolved, checkPin, unknownPlan } from './audit-detail';
import type { PgAuditWriter, PgDb, Query } from './pg-db';
import { json } from './pg-db';
import type {
  CommentRow,
  GeometryVersion,
  Publication,
  StageEvent,
  VersionSummary,
  WorkflowMethods,
} from './store';

const GEOMETRY_COLUMNS =
  'plan_id AS "planId", version, features, author, comment, created_at AS "createdAt"';
const EVENT_COLUMNS =
  'plan_id AS "planId", from_stage AS "from", to_stage AS "to", actor, comment, at, version';
const COMMENT_COLUMNS =
  'id, plan_id AS "planId", author, text, lon, lat, at, version, objection, resolution';
const PUBLICATION_COLUMNS = `plan_id AS "planId", version, zones, markers, rules, etag,
  published_at AS "publishedAt", published_by AS "publishedBy"`;

const readLatest = async (q: Query, planId: string): Promise<GeometryVersion | null> => {
  const [row] = await q<GeometryVersion>(
    `SELECT ${GEOMETRY_COLUMNS} FROM geometry_versions WHERE plan_id = $1 ORDER BY version DESC LIMIT 1`,
    [planId],
  );
  return row ?? null;
};
/** The plan's stage, its row locked until the transaction ends; null for an unknown plan. */
const lockStage = async (q: Query, planId: string): Promise<StageId | null> => {
  const [row] = await q<{ stage: StageId }>('SELECT stage FROM plans WHERE id = $1 FOR UPDATE', [
    planId,
  ]);
  return row?.stage ?? null;
};
const insertEvent = (q: Query, e: Omit<StageEvent, 'version'>) =>
  q(
    `INSERT INTO stage_events (plan_id, from_stage, to_stage, actor, comment, at, version)
     VALUES ($1, $2, $3, $4, $5, $6, (SELECT max(version) FROM geometry_versions WHERE plan_id = $1))`,
    [e.planId, e.from, e.to, e.actor, e.comment, e.at],
  );

/**
 * The rows of `published_features` from a GeoJSON FeatureCollection (json) `fc`: properties (an
 * object, else {}) and the geometry in EPSG:4490, for each feature that has a geometry. The one
 * home of that mapping: the publish transaction below and `hejie store copy` (copy-to-pg.ts).
 */
export const featureRows = (fc: string) => `
       CASE WHEN json_typeof(f->'properties') = 'object' THEN (f->'properties')::jsonb ELSE '{}' END,
       ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4490)
     FROM json_array_elements(${fc}->'features') AS f
     WHERE json_typeof(f->'geometry') = 'object'`;

/** Fills the PostGIS table from one layer of a publication (EPSG:4490), in its transaction. */
const insertFeatures = (q: Query, p: Publication, layer: 'zones' | 'markers') =>
  q(
    `INSERT INTO published_features (plan_id, version, layer, properties, geom)
     SELECT $1, $2, $3, ${featureRows('$4::json')}`,
    [p.planId, p.version, layer, json(p[layer])],
  );

/** The workflow methods over the pool. */
export function pgWorkflowMethods(
  { read, tx }: PgDb,
  audit: PgAuditWriter,
  clock: () => Date,
): WorkflowMethods {
  const publicationWhere = (where: string) =>
    `SELECT ${PUBLICATION_COLUMNS} FROM publications ${where}`;
  return {
    async latestGeometry(planId) {
      return readLatest(read, planId);
    },
    async getGeometry(planId, version) {
      const [row] = await read<GeometryVersion>(
        `SELECT ${GEOMETRY_COLUMNS} FROM geometry_versions WHERE plan_id = $1 AND version = $2`,
        [planId, version],
      );
      return row ?? null;
    },
    async listVersions(planId) {
      return read<VersionSummary>(
        `SELECT plan_id AS "planId", version, author, comment, created_at AS "createdAt",
           feature_count AS features
         FROM geometry_versions WHERE plan_id = $1 ORDER BY version DESC`,
        [planId],
      );
    },
    async saveGeometry(planId, base, features: Feature[], actor, comment) {
      return tx(async (q) => {
        const stage = await lockStage(q, planId);
        if (stage === null) throw unknownPlan(planId);
        const open = checkSave(stage);
        if (!open.ok) return { ok: false, refused: open.reason };
        const current = await readLatest(q, planId);
        if ((current?.version ?? 0) !== base) return { ok: false, current };
        const version: GeometryVersion = {
          planId,
          version: base + 1,
          features: JSON.parse(JSON.stringify(features)) as Feature[],
          author: actor,
          comment,
          createdAt: clock().toISOString(),
        };
        await q(
          `INSERT INTO geometry_versions (plan_id, version, features, feature_count, author, comment, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            planId,
            version.version,
            json(features),
            features.length,
            actor,
            comment,
            version.createdAt,
          ],
        );
        await q('UPDATE plans SET updated_at = $1 WHERE id = $2', [version.createdAt, planId]);
        await audit(q, version.createdAt, actor, 'geometry.save', planId, {
          version: version.version,
          features: features.length,
          comment,
        });
        return { ok: true, version };
      });
    },
    async moveStage(planId, from, to, actor, comment) {
      return tx(async (q) => {
        const stage = await lockStage(q, planId);
        if (stage === null) throw unknownPlan(planId);
        if (stage !== from) return { ok: false, current: stage };
        const at = clock().toISOString();
        await q('UPDATE plans SET stage = $1, updated_at = $2 WHERE id = $3', [to, at, planId]);
        await insertEvent(q, { planId, from, to, actor, comment, at });
        const version = (await readLatest(q, planId))?.version ?? null;
        await audit(q, at, actor, 'stage.move', planId, { from, to, comment, version });
        return { ok: true, event: { planId, from, to, actor, comment, at, version } };
      });
    },
    async listStageEvents(planId) {
      return read<StageEvent>(
        `SELECT ${EVENT_COLUMNS} FROM stage_events WHERE plan_id = $1 ORDER BY id`,
        [planId],
      );
    },
    async publish(p, fromStage, actor) {
      return tx(async (q) => {
        if ((await lockStage(q, p.planId)) !== fromStage) return false;
        const [state] = await q<{ exists: boolean; taken: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM geometry_versions WHERE plan_id = $1 AND version = $2) AS exists,
             EXISTS (SELECT 1 FROM publications WHERE plan_id = $1 AND version = $2) AS taken`,
          [p.planId, p.version],
        );
        if (!state?.exists || state.taken) return false;
        await q(
          `INSERT INTO publications (plan_id, version, zones, markers, rules, etag, published_at, published_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            p.planId,
            p.version,
            json(p.zones),
            json(p.markers),
            json(p.rules),
            p.etag,
            p.publishedAt,
            p.publishedBy,
          ],
        );
        await insertFeatures(q, p, 'zones');
        await insertFeatures(q, p, 'markers');
        await q('UPDATE plans SET stage = $1, updated_at = $2 WHERE id = $3', [
          FINAL_STAGE,
          p.publishedAt,
          p.planId,
        ]);
        await insertEvent(q, {
          planId: p.planId,
          from: fromStage,
          to: FINAL_STAGE,
          actor,
          comment: `version ${p.version}`,
          at: p.publishedAt,
        });
        const detail = { version: p.version, etag: p.etag, fromStage };
        await audit(q, p.publishedAt, actor, 'publish', p.planId, detail);
        return true;
      });
    },
    async getPublication(planId) {
      const [row] = await read<Publication>(
        publicationWhere('WHERE plan_id = $1 ORDER BY seq DESC LIMIT 1'),
        [planId],
      );
      return row ?? null;
    },
    async publicationTag(planId) {
      const [row] = await read<{ version: number; etag: string }>(
        'SELECT version, etag FROM publications WHERE plan_id = $1 ORDER BY seq DESC LIMIT 1',
        [planId],
      );
      return row ?? null;
    },
    async listPublications() {
      return read<Publication>(
        `SELECT DISTINCT ON (plan_id COLLATE "C") ${PUBLICATION_COLUMNS} FROM publications
         ORDER BY plan_id COLLATE "C", seq DESC`,
      );
    },
    async addComment(c, actor) {
      return tx(async (q) => {
        if ((await lockStage(q, c.planId)) === null) throw unknownPlan(c.planId);
        checkPin(c.lon, c.lat);
        const at = clock().toISOString();
        const version = (await readLatest(q, c.planId))?.version ?? null;
        const objection = c.objection === true;
        const [row] = await q<{ id: number }>(
          `INSERT INTO comments (plan_id, author, text, lon, lat, at, version, objection)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [c.planId, c.author, c.text, c.lon, c.lat, at, version, objection],
        );
        const id = row?.id as number;
        await audit(q, at, actor, 'comment.add', c.planId, {
          id,
          pinned: c.lon !== null,
          objection,
          version,
        });
        const base = { planId: c.planId, author: c.author, text: c.text, lon: c.lon, lat: c.lat };
        return { id, ...base, at, version, objection, resolution: null };
      });
    },
    async listComments(planId) {
      return read<CommentRow>(
        `SELECT ${COMMENT_COLUMNS} FROM comments WHERE plan_id = $1 ORDER BY id`,
        [planId],
      );
    },
    async resolveComment(planId, id, reply, actor) {
      return tx(async (q) => {
        const [found] = await q<CommentRow>(
          `SELECT ${COMMENT_COLUMNS} FROM comments WHERE plan_id = $1 AND id = $2 FOR UPDATE`,
          [planId, id],
        );
        if (!found) return { ok: false, refused: msg('live.comment.unknown', { id }) };
        if (found.resolution) return { ok: false, refused: alreadyResolved(found) };
        const resolution = { reply, by: actor, at: clock().toISOString() };
        await q('UPDATE comments SET resolution = $1 WHERE id = $2', [json(resolution), id]);
        await audit(q, resolution.at, actor, 'comment.resolve', planId, { id });
        return { ok: true, value: { ...found, resolution } };
      });
    },
  };
}
