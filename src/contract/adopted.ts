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
