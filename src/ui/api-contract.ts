// The schemas of the first screen's answers (the register, the session), loaded as a chunk of their
// own: zod and the contract stay out of the first-screen bundle, and the chunk loads while the
// first requests are on the wire.
import { z } from 'zod';
import { apiConfigSchema, apiPlanSchema } from '../contract/plans';
import { logoutSchema, meSchema } from '../contract/session';
import type { RiverView } from '../domain/rivers/waterbody';

export { apiConfigSchema, logoutSchema, meSchema };

export const plansSchema = z.array(apiPlanSchema);

// the river views are the server's own join of the register and the map; checked for shape only
export const riversSchema = z.array(
  z.custom<RiverView>((v) => typeof (v as { id?: unknown } | null)?.id === 'string'),
);

export const registerSchema = z.object({
  plans: plansSchema,
  rivers: riversSchema,
  config: apiConfigSchema,
});
