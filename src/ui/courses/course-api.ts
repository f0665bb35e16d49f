// The course routes as the UI calls them (src/contract/courses.ts).
import type { FeatureCollection } from 'geojson';
import { z } from 'zod';
import type { CourseSummary, RoleCounts } from '../../domain/rivers/course';
import type { MapStatus } from '../../domain/rivers/map-status';
import { requestJson } from '../api';

const summary = z.custom<CourseSummary>(
  (v) => typeof (v as { version?: unknown } | null)?.version === 'number',
);
const counts = z.custom<RoleCounts>((v) => typeof v === 'object' && v !== null);
const path = (river: string) => `/api/rivers/${encodeURIComponent(river)}/courses`;

/** GET /api/rivers/:id/courses: every version the session sees, newest first. */
export const listCourses = (river: string) => requestJson(path(river), z.array(summary));

/** POST …/preview: what the file would add, nothing kept. */
export const previewCourse = (river: string, form: FormData, csrf: string) =>
  requestJson(
    `${path(river)}/preview`,
    z
      .object({
        counts,
        crs: z.string(),
        bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
        features: z.custom<FeatureCollection>((v) => typeof v === 'object' && v !== null),
      })
      .loose(),
    { method: 'POST', body: form, csrf },
  );

/** POST /api/rivers/:id/courses: the next version. */
export const importCourse = (river: string, form: FormData, csrf: string) =>
  requestJson(
    path(river),
    z
      .object({ course: summary, mapStatus: z.custom<MapStatus>((v) => typeof v === 'string') })
      .loose(),
    { method: 'POST', body: form, csrf },
  );

/** POST /api/rivers/:id/courses/:version/public (admins). */
export const setCoursePublic = (river: string, version: number, isPublic: boolean, csrf: string) =>
  requestJson(`${path(river)}/${version}/public`, summary, {
    method: 'POST',
    body: { public: isPublic },
    csrf,
  });
