// The routes of saving and publishing (docs/api.md): PUT geometry with baseVersion, a version's
// features, POST publish.
import type { Feature } from 'geojson';
import { requestJson } from '../../api';
import type { PlanVersion } from '../panel/plan-api';

const base = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

/** A saved version with its features (GET /api/plans/:id/geometry); version 0: nothing saved. */
export interface GeometryVersion {
  version: number;
  features: Feature[];
  author: string | null;
  comment: string;
  createdAt: string | null;
}

/** PUT /api/plans/:id/geometry: 201 with the new version; 409 when `baseVersion` is not the newest. */
export const saveGeometry = (
  id: string,
  body: { features: Feature[]; baseVersion: number; comment: string },
  csrf: string,
) => requestJson<PlanVersion>(`${base(id)}/geometry`, { method: 'PUT', body, csrf });

/** GET /api/plans/:id/geometry[?version=n]: the newest version, or version n (0: none saved). */
export function loadVersion(id: string, version?: number): Promise<GeometryVersion> {
  if (version === 0)
    return Promise.resolve({
      version: 0,
      features: [],
      author: null,
      comment: '',
      createdAt: null,
    });
  const query = version === undefined ? '' : `?version=${version}`;
  return requestJson<GeometryVersion>(`${base(id)}/geometry${query}`);
}

/** What POST /api/plans/:id/publish answers (zones and markers are counts). */
export interface Publication {
  planId: string;
  version: number;
  etag: string;
  publishedAt: string;
  publishedBy: string;
  zones: number;
  markers: number;
}

/** POST /api/plans/:id/publish: freezes the newest version; 400 lists the reasons it cannot. */
export const publishPlan = (id: string, comment: string, csrf: string) =>
  requestJson<Publication>(`${base(id)}/publish`, {
    method: 'POST',
    body: comment ? { comment } : {},
    csrf,
  });
