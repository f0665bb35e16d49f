// The wire of approved boundaries (有相关成果河道): checking them against the standard and adopting one.
import { z } from 'zod';

/** `POST /api/plans/:id/approved/check`: the newest version, or the one named. */
export const checkApprovedBody = z.object({ version: z.number().int().min(1).optional() }).strict();

/**
 * `POST /api/plans/:id/approved/adopt`: adopt the approved boundary of `reach` in version
 * `baseVersion` (the newest); `reason` is required when it falls short of the standard.
 */
export const adoptBody = z
  .object({
    reach: z.string().min(1).max(200),
    baseVersion: z.number().int().min(1),
    reason: z.string().max(2000).optional(),
  })
  .strict();

const part = z.object({
  type: z.literal('Feature'),
  geometry: z.object({
    type: z.literal('Polygon'),
    coordinates: z.array(z.array(z.array(z.number()))),
  }),
  properties: z.object({
    reach: z.string(),
    kind: z.literal('shortfall'),
    areaM2: z.number(),
    maxShortfallM: z.number(),
    crs: z.string(),
  }),
});

/** One approved polygon's check (src/domain/adopted/check-approved.ts). */
const approvedCheck = z.object({
  reach: z.string(),
  feature: z.number(),
  approval: z
    .object({ category: z.string(), approvalRef: z.string(), approvedOn: z.string() })
    .nullable(),
  parts: z.array(part),
  maxShortfallM: z.number(),
  shortfallAreaM2: z.number(),
});

/** What `POST /api/plans/:id/approved/check` answers. */
export const approvedChecksSchema = z.object({
  version: z.number(),
  checks: z.array(approvedCheck),
});

/** What `POST /api/plans/:id/approved/adopt` answers. */
export const adoptedSchema = z.object({ version: z.number() });
