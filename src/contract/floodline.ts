// The flood-line tool's wire (issue 16): the DEM is streamed first (POST …/floodline/dem?file=),
// then the run names it with the levels table and, optionally, a centreline.
import { z } from 'zod';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/** POST /api/plans/:id/floodline/dem?file=<name>: the DEM's file name. */
export const floodlineDemQuery = z.object({ file: z.string().min(1).max(200) });

/** POST /api/plans/:id/floodline: what to compute. */
export const floodlineBody = z
  .object({
    demId: z.string().regex(/^[0-9a-f]{16}$/),
    levels: z.object({ name: z.string().min(1).max(200), text: z.string().min(1).max(1_000_000) }),
    /** lon/lat, upstream → downstream; without it the river's course centreline */
    centreline: z.array(position).min(2).max(100_000).optional(),
    maxWidth: z.number().positive().max(20_000).optional(),
  })
  .strict();

const coords = z.array(z.array(z.number()));

/** The preview: bank lines and flooded area in lon/lat, warnings to confirm (rendered), figures. */
export const floodlinePreview = z.object({
  banks: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.record(z.string(), z.unknown()),
        geometry: z.object({ type: z.literal('LineString'), coordinates: coords }),
      }),
    ),
  }),
  flooded: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(coords)) }),
  warnings: z.array(z.string()),
  crs: z.string(),
  centrelineFrom: z.enum(['upload', 'course']),
  stats: z.object({ cellsRead: z.number(), cellsFlooded: z.number(), length: z.number() }),
});

/** The preview as the route answers it. */
export type FloodlinePreview = z.infer<typeof floodlinePreview>;
