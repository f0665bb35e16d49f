// The workflow routes a plan's panel calls (docs/api.md); lazy, with the workspace. Every answer is
// parsed with its schema in src/contract.
import { z } from 'zod';
import {
  commentSchema,
  signOffsSchema,
  stageEventSchema,
  stageHistorySchema,
} from '../../../contract/plans';
import {
  draftZonesSchema,
  geometryVersionSchema,
  versionsSchema,
} from '../../../contract/versions';
import type { StageId } from '../../../domain/workflow/stages';
import type { RuleTable } from '../../../domain/zones/rules';
import { parseRuleTable } from '../../../domain/zones/rules-schema';
import { requestJson } from '../../api';

export type { PlanComment, PlanSignOffs } from '../../../contract/plans';
export type { DraftFeature, PlanVersion } from '../../../contract/versions';

const base = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

/** GET /api/plans/:id/versions */
export const loadVersions = (id: string) => requestJson(`${base(id)}/versions`, versionsSchema);

/** GET /api/plans/:id/signoffs: the chief's standing sign-offs and the publishable version. */
export const loadSignOffs = (id: string) => requestJson(`${base(id)}/signoffs`, signOffsSchema);

/** GET /api/plans/:id/comments */
export const loadComments = (id: string) =>
  requestJson(`${base(id)}/comments`, z.array(commentSchema));

/**
 * POST /api/plans/:id/comments: a comment, pinned to a place [lon, lat] when given, marked 异议
 * when `objection`.
 */
export const addComment = (
  id: string,
  text: string,
  csrf: string,
  place?: [number, number],
  objection = false,
) =>
  requestJson(`${base(id)}/comments`, commentSchema, {
    method: 'POST',
    body: {
      text,
      ...(place ? { lon: place[0], lat: place[1] } : {}),
      ...(objection ? { objection } : {}),
    },
    csrf,
  });

/** POST /api/plans/:id/comments/:cid/resolve: the planner's reply resolves the comment. */
export const resolveComment = (id: string, comment: number, reply: string, csrf: string) =>
  requestJson(`${base(id)}/comments/${comment}/resolve`, commentSchema, {
    method: 'POST',
    body: { reply },
    csrf,
  });

/** GET /api/plans/:id/history: the stage moves with who, when, the version and the note. */
export const loadHistory = (id: string) => requestJson(`${base(id)}/history`, stageHistorySchema);

/** POST /api/plans/:id/stage: a send-back needs a comment. */
export const moveStage = (id: string, to: StageId, comment: string, csrf: string) =>
  requestJson(`${base(id)}/stage`, stageEventSchema, {
    method: 'POST',
    body: comment ? { to, comment } : { to },
    csrf,
  });

/** GET /api/zones?plan=:id&version=draft: the zones of the newest saved version, computed now. */
export const loadDraftZones = (id: string) =>
  requestJson(`/api/zones?plan=${encodeURIComponent(id)}&version=draft`, draftZonesSchema);

/** GET /api/plans/:id/geometry: the newest saved version's features (version 0: none yet). */
export const loadGeometry = (id: string) =>
  requestJson(`${base(id)}/geometry`, geometryVersionSchema);

const ruleTableSchema = z.custom<RuleTable>((v) => parseRuleTable(v).ok);

/** GET /api/rules: the rule table in force. */
export const loadRules = () => requestJson('/api/rules', ruleTableSchema);
