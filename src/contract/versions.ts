// The wire of geometry versions and draft zones: saving a version (PUT /api/plans/:id/geometry),
// reading one, listing them, and the zones of the newest draft.
import { z } from 'zod';
import { lat, lon, planId } from './plans';

/** Most features one geometry version may hold. */
const MAX_FEATURES = 5000;

/** [lon, lat] or [lon, lat, height] in degrees (CGCS2000 ≈ WGS84), never projected metres. */
const position = z.union([z.tuple([lon, lat]), z.tuple([lon, lat, z.number()])]);
const line = z.array(position).min(2);
const ring = z.array(position).min(4);

const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('MultiPoint'), coordinates: z.array(position) }),
  z.object({ type: z.literal('LineString'), coordinates: line }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(line) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)) }),
]);

const feature = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string().max(200), z.number()]).optional(),
  geometry,
  properties: z.record(z.string(), z.unknown()).nullable(),
});

/** `PUT /api/plans/:id/geometry` */
export const saveGeometryBody = z
  .object({
    features: z.array(feature).max(MAX_FEATURES),
    baseVersion: z.number().int().min(0),
    comment: z.string().max(2000).optional(),
  })
  .strict();

/** `GET /api/plans/:id/geometry?version=n` */
export const geometryQuery = z
  .object({
    version: z
      .string()
      .regex(/^[1-9]\d{0,8}$/)
      .optional(),
  })
  .strict();

/** `GET /api/zones[?plan=:id&version=draft]` */
export const zonesQuery = z
  .object({ plan: planId.optional(), version: z.literal('draft').optional() })
  .strict()
  .refine((q) => (q.plan === undefined) === (q.version === undefined), {
    params: { code: 'register.planAndDraftTogether' },
    path: ['version'],
  });

/** One saved geometry version as GET /api/plans/:id/versions lists it (`features` is a count). */
export const planVersionSchema = z.object({
  planId: z.string(),
  version: z.number(),
  author: z.string(),
  comment: z.string(),
  createdAt: z.string(),
  features: z.number(),
});

/** One saved geometry version as listed. */
export type PlanVersion = z.infer<typeof planVersionSchema>;

/** GET /api/plans/:id/versions */
export const versionsSchema = z.object({
  versions: z.array(planVersionSchema),
  published: z.number().nullable(),
});

// features the server wrote: checked for shape, not for every coordinate again
const anyFeature = z.custom<import('geojson').Feature>(
  (v) => typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'Feature',
);

/** A saved version with its features (GET /api/plans/:id/geometry); version 0: nothing saved. */
export const geometryVersionSchema = z.object({
  version: z.number(),
  features: z.array(anyFeature),
  author: z.string().nullable(),
  comment: z.string(),
  createdAt: z.string().nullable(),
});

/** A saved version with its features. */
export type GeometryVersion = z.infer<typeof geometryVersionSchema>;

/** A draft zone or boundary line, with the properties the summary reads. */
const draftFeature = z.object({
  geometry: z.object({ type: z.string() }),
  properties: z.object({
    kind: z.enum(['management', 'protection', 'management-line', 'protection-line']),
    bank: z.enum(['left', 'right']).optional(),
    areaM2: z.number().optional(),
    lengthM: z.number().optional(),
  }),
});

/** A draft zone or boundary line. */
export type DraftFeature = z.infer<typeof draftFeature>;

/** GET /api/zones?plan=:id&version=draft: the zones of the newest saved version, computed now. */
export const draftZonesSchema = z.object({
  features: z.array(draftFeature),
  warnings: z.array(z.string()),
});
