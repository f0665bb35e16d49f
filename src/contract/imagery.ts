// The wire of the imagery routes (GET /api/imagery, POST /api/imagery, PATCH /api/imagery/:id,
// GET /api/imagery/jobs) and the layer record both stores keep.
import { z } from 'zod';

const bounds = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/** An imagery layer (影像底图): a tile archive under the data directory and what is known of it. */
export const imageryLayerSchema = z.object({
  /** URL-safe id, e.g. `img-1a2b3c4d` */
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().min(1).max(60),
  /** when the images were taken (YYYY, YYYY-MM or YYYY-MM-DD), or null */
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}){0,2}$/)
    .nullable(),
  /** ground resolution in metres per pixel, or null when unknown */
  resolution: z.number().positive().nullable(),
  /** who made the images, as the bureau writes it (the credit on the map) */
  source: z.string().max(120).nullable(),
  public: z.boolean(),
  /** lon/lat west, south, east, north */
  bounds,
  minzoom: z.number().int().min(0).max(24),
  maxzoom: z.number().int().min(0).max(24),
  format: z.enum(['mbtiles', 'pmtiles']),
  /** the archive's file name inside `<data>/imagery/` */
  file: z.string().regex(/^[a-z0-9-]+\.(mbtiles|pmtiles)$/),
  /** a test's generated pattern, never real imagery */
  synthetic: z.boolean(),
  addedBy: z.string(),
  addedAt: z.string(),
});
export type ImageryLayer = z.infer<typeof imageryLayerSchema>;

const optionalText = (max: number) => z.string().trim().max(max).optional();

/** Adding imagery: a file already on the server (`path`) or uploaded (multipart, field `file`). */
export const imageryAddBody = z
  .object({
    name: z.string().trim().min(1).max(60),
    path: z.string().min(1).max(1000).optional(),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}){0,2}$/)
      .optional(),
    source: optionalText(120),
    resolution: z.coerce.number().positive().max(1000).optional(),
    public: z
      .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
      .transform((v) => v === true || v === 'true' || v === '1')
      .optional(),
  })
  .strict();

/** Changing a layer: only its visibility. */
export const imageryPatchBody = z.object({ public: z.boolean() }).strict();

/** A conversion job as the admin screen shows it. */
export const imageryJobSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  /** 0–1 */
  progress: z.number(),
  /** the layer made, once done */
  layerId: z.string().nullable(),
  /** why it failed: a message code and its parameters, rendered in the reader's language */
  error: z.string().nullable(),
  code: z.string().nullable(),
});
export type ImageryJob = z.infer<typeof imageryJobSchema>;
