// Geometry versions, stage moves, publications and comments of the in-memory twin: the same
// compare-and-set rules as the SQLite store, on plain arrays, returning copies.

import { msg } from '../../domain/message';
import { publicationFigures } from '../../domain/progress/publication-figures';
import type { StageId } from '../../domain/workflow/stages';
import { FINAL_STAGE } from '../../domain/workflow/stages';
import { checkSave } from '../../domain/workflow/transitions';
import { alreadyResolved, checkPin, unknownPlan } from './audit-detail';
import type {
  CommentRow,
  GeometryVersion,
  PlanRow,
  Publication,
  StageEvent,
  Store,
  WorkflowMethods,
} from './store';

/** What the workflow methods share with the rest of the memory store. */
export interface MemoryState {
  plans: () => PlanRow[];
  audit: (at: string, actor: string, action: string, target: string, detail: unknown) => void;
  clock: () => Date;
}

/** A deep copy through JSON, as a database round trip would give (undefined becomes null). */
function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? null)) as T;
}

/** The workflow methods of the memory store, and the plans' history the monthly figures read. */
export function memoryWorkflow(state: MemoryState): WorkflowMethods & Pick<Store, 'listHistory'> {
  const versions: GeometryVersion[] = [];
  const events: StageEvent[] = [];
  const publications: Publication[] = [];
  const comments: CommentRow[] = [];
  const planOf = (id: string) => state.plans().find((p) => p.record.id === id) ?? null;
  const latestOf = (planId: string) => versions.findLast((v) => v.planId === planId) ?? null;
  const newestPublication = (planId: string) =>
    publications.findLast((p) => p.planId === planId) ?? null;

  return {
    async listHistory() {
      return jsonCopy({
        events: events.map(({ planId, from, to, at }) => ({ planId, from, to, at })),
        versions: versions.map(({ planId, version, createdAt }) => ({
          planId,
          version,
          at: createdAt,
        })),
        publications: publications.map((p) => ({
          planId: p.planId,
          version: p.version,
          at: p.publishedAt,
          ...publicationFigures(p.zones, p.markers),
        })),
      });
    },
    async latestGeometry(planId) {
      return jsonCopy(latestOf(planId));
    },
    async getGeometry(planId, version) {
      return jsonCopy(versions.find((v) => v.planId === planId && v.version === version) ?? null);
    },
    async listVersions(planId) {
      return versions
        .filter((v) => v.planId === planId)
        .map(({ features, ...v }) => ({ ...v, features: features.length }))
        .reverse();
    },
    async saveGeometry(planId, baseVersion, features, actor, comment) {
      const plan = planOf(planId);
      if (!plan) throw unknownPlan(planId);
      const open = checkSave(plan.stage);
      if (!open.ok) return { ok: false, refused: open.reason };
      const current = latestOf(planId);
      if ((current?.version ?? 0) !== baseVersion) return { ok: false, current: jsonCopy(current) };
      const createdAt = state.clock().toISOString();
      const version: GeometryVersion = {
        planId,
        version: baseVersion + 1,
        features: jsonCopy(features),
        author: actor,
        comment,
        createdAt,
      };
      versions.push(version);
      plan.updatedAt = createdAt;
      state.audit(createdAt, actor, 'geometry.save', planId, {
        version: version.version,
        features: features.length,
        comment,
      });
      return { ok: true, version: jsonCopy(version) };
    },
    async moveStage(planId, from, to, actor, comment) {
      const plan = planOf(planId);
      if (!plan) throw unknownPlan(planId);
      if (plan.stage !== from) return { ok: false, current: plan.stage };
      const at = state.clock().toISOString();
      const version = latestOf(planId)?.version ?? null;
      const event: StageEvent = { planId, from, to, actor, comment, at, version };
      plan.stage = to;
      plan.updatedAt = at;
      events.push(event);
      state.audit(at, actor, 'stage.move', planId, { from, to, comment, version });
      return { ok: true, event: { ...event } };
    },
    async listStageEvents(planId) {
      return jsonCopy(events.filter((e) => e.planId === planId));
    },
    async publish(publication, fromStage: StageId, actor) {
      const p = jsonCopy(publication);
      const plan = planOf(p.planId);
      if (!plan || plan.stage !== fromStage) return false;
      const exists = versions.some((v) => v.planId === p.planId && v.version === p.version);
      const taken = publications.some((x) => x.planId === p.planId && x.version === p.version);
      if (!exists || taken) return false;
      publications.push(p);
      plan.stage = FINAL_STAGE;
      plan.updatedAt = p.publishedAt;
      events.push({
        planId: p.planId,
        from: fromStage,
        to: FINAL_STAGE,
        actor,
        comment: `version ${p.version}`,
        at: p.publishedAt,
        version: latestOf(p.planId)?.version ?? null,
      });
      state.audit(p.publishedAt, actor, 'publish', p.planId, {
        version: p.version,
        etag: p.etag,
        fromStage,
      });
      return true;
    },
    async getPublication(planId) {
      return jsonCopy(newestPublication(planId));
    },
    async publicationTag(planId) {
      const p = newestPublication(planId);
      return p ? { version: p.version, etag: p.etag } : null;
    },
    async listPublications() {
      const ids = [...new Set(publications.map((p) => p.planId))].sort();
      return jsonCopy(ids.map((id) => newestPublication(id) as Publication));
    },
    async addComment(c, actor) {
      if (!planOf(c.planId)) throw unknownPlan(c.planId);
      checkPin(c.lon, c.lat);
      const at = state.clock().toISOString();
      const version = latestOf(c.planId)?.version ?? null;
      const objection = c.objection === true;
      const row: CommentRow = {
        id: comments.length + 1,
        planId: c.planId,
        author: c.author,
        text: c.text,
        lon: c.lon,
        lat: c.lat,
        at,
        version,
        objection,
        resolution: null,
      };
      comments.push(row);
      const detail = { id: row.id, pinned: c.lon !== null, objection, version };
      state.audit(at, actor, 'comment.add', c.planId, detail);
      return jsonCopy(row);
    },
    async listComments(planId) {
      return jsonCopy(comments.filter((c) => c.planId === planId));
    },
    async resolveComment(planId, id, reply, actor) {
      const found = comments.find((c) => c.planId === planId && c.id === id);
      if (!found) return { ok: false, refused: msg('live.comment.unknown', { id }) };
      if (found.resolution) return { ok: false, refused: alreadyResolved(found) };
      found.resolution = { reply, by: actor, at: state.clock().toISOString() };
      state.audit(found.resolution.at, actor, 'comment.resolve', planId, { id });
      return { ok: true, value: jsonCopy(found) };
    },
  };
}
