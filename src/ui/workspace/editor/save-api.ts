// The routes of saving and publishing (docs/api.md): PUT geometry with baseVersion, a version's
// features, POST publish. Answers are parsed with their schemas in src/contract.
import type { Feature } from 'geojson';
import { publicationSchema } from '../../../contract/plans';
import {
  type GeometryVersion,
  geometryVersionSchema,
  planVersionSchema,
} from '../../../contract/versions';
import { requestJson } from '../../api';

export type { GeometryVersion };

const base = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

/** PUT /api/plans/:id/geometry: 201 with the new version; 409 when `baseVersion` is not the newest. */
export const saveGeometry = (
  id: string,
  body: { features: Feature[]; baseVersion: number; comment: string },
  csrf: string,
) => requestJson(`${base(id)}/geometry`, planVersionSchema, { method: 'PUT', body, csrf });

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
  return requestJson(`${base(id)}/geometry${query}`, geometryVersionSchema);
}

/** POST /api/plans/:id/publish: freezes the newest version; 400 lists the reasons it cannot. */
export const publishPlan = (id: string, comment: string, csrf: string) =>
  requestJson(`${base(id)}/publish`, publicationSchema, {
    method: 'POST',
    body: comment ? { comment } : {},
    csrf,
  });
