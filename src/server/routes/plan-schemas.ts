// The wire formats of the plan routes (zod): bodies and queries, lon/lat GeoJSON features.
import { z } from 'zod';
import { STAGES } from '../../domain/workflow/stages';

/** Most features one geometry version may hold. */
const MAX_FEATURES = 5000;

const lon = z.number().min(-180, 'longitude must be ≥ -180').max(180, 'longitude must be ≤ 180');
const lat = z.number().min(-90, 'latitude must be ≥ -90').max(90, 'latitude must be ≤ 90');
/** [lon, lat] or [lon, lat, height] in degrees (CGCS2000 ≈ WGS84), never projected metres. */
const position = z.union([z.tuple([lon, lat]), z.tuple([lon, lat, z.number()])]);
const line = z.array(position).min(2, 'a line needs at least 2 positions');
const ring = z.array(position).min(4, 'a ring needs at least 4 positions');

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
    features: z.array(feature).max(MAX_FEATURES, `at most ${MAX_FEATURES} features per version`),
    baseVersion: z.number().int().min(0),
    comment: z.string().max(2000).optional(),
  })
  .strict();

const stageIds = STAGES.map((s) => s.id) as [string, ...string[]];

/** `POST /api/plans/:id/stage` */
export const stageBody = z
  .object({
    to: z.enum(stageIds),
    comment: z.string().max(2000).optional(),
  })
  .strict();

/** `POST /api/plans/:id/publish` */
export const publishBody = z.object({ comment: z.string().max(2000).optional() }).strict();

/** `POST /api/plans/:id/comments` (lon and lat together or not at all) */
export const commentBody = z
  .object({
    text: z.string().trim().min(1, 'text is required').max(2000),
    lon: lon.optional(),
    lat: lat.optional(),
  })
  .strict()
  .refine((b) => (b.lon === undefined) === (b.lat === undefined), {
    message: 'lon and lat come together',
    path: ['lat'],
  });

const planId = z.string().regex(/^(city|county)-\d{2}$/, 'plan must be an id like city-01');

/** `GET /api/plans/:id/geometry?version=n` */
export const geometryQuery = z
  .object({
    version: z
      .string()
      .regex(/^[1-9]\d{0,8}$/, 'version must be 1, 2, …')
      .optional(),
  })
  .strict();

/** `GET /api/zones[?plan=:id&version=draft]` */
export const zonesQuery = z
  .object({ plan: planId.optional(), version: z.literal('draft').optional() })
  .strict()
  .refine((q) => (q.plan === undefined) === (q.version === undefined), {
    message: 'plan and version=draft come together',
    path: ['version'],
  });

/** `GET /api/audit[?plan=:id]` */
export const auditQuery = z.object({ plan: planId.optional() }).strict();
