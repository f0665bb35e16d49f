// The workflow routes a plan's panel calls (docs/api.md); lazy, with the workspace.
import type { Feature } from 'geojson';
import type { StageId } from '../../../domain/workflow/stages';
import type { RuleTable } from '../../../domain/zones/rules';
import { requestJson } from '../../api';

/** One saved geometry version, as GET /api/plans/:id/versions lists it (`features` is a count). */
export interface PlanVersion {
  planId: string;
  version: number;
  author: string;
  comment: string;
  createdAt: string;
  features: number;
}

/** A comment on a plan; `lon`/`lat` are set when it is pinned to a place. */
export interface PlanComment {
  id: number;
  planId: string;
  author: string;
  text: string;
  lon: number | null;
  lat: number | null;
  at: string;
}

/** A draft zone or boundary line, with the properties the summary reads. */
export interface DraftFeature {
  geometry: { type: string };
  properties: {
    kind: 'management' | 'protection' | 'management-line' | 'protection-line';
    bank?: 'left' | 'right';
    areaM2?: number;
    lengthM?: number;
  };
}

const base = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

/** GET /api/plans/:id/versions */
export const loadVersions = (id: string) =>
  requestJson<{ versions: PlanVersion[]; published: number | null }>(`${base(id)}/versions`);

/** GET /api/plans/:id/comments */
export const loadComments = (id: string) => requestJson<PlanComment[]>(`${base(id)}/comments`);

/** POST /api/plans/:id/comments: a comment, pinned to a place [lon, lat] when given. */
export const addComment = (id: string, text: string, csrf: string, place?: [number, number]) =>
  requestJson<PlanComment>(`${base(id)}/comments`, {
    method: 'POST',
    body: place ? { text, lon: place[0], lat: place[1] } : { text },
    csrf,
  });

/** POST /api/plans/:id/stage: a send-back needs a comment. */
export const moveStage = (id: string, to: StageId, comment: string, csrf: string) =>
  requestJson<{ from: StageId; to: StageId }>(`${base(id)}/stage`, {
    method: 'POST',
    body: comment ? { to, comment } : { to },
    csrf,
  });

/** GET /api/zones?plan=:id&version=draft: the zones of the newest saved version, computed now. */
export const loadDraftZones = (id: string) =>
  requestJson<{ features: DraftFeature[]; warnings: string[] }>(
    `/api/zones?plan=${encodeURIComponent(id)}&version=draft`,
  );

/** GET /api/plans/:id/geometry: the newest saved version's features (version 0: none yet). */
export const loadGeometry = (id: string) =>
  requestJson<{ version: number; features: Feature[] }>(`${base(id)}/geometry`);

/** GET /api/rules: the rule table in force. */
export const loadRules = () => requestJson<RuleTable>('/api/rules');
