import type { County } from './counties';
import { CITY, COUNTIES } from './counties';
import type { PlanView } from './plan';
import type { Tier } from './tiers';
import { TIERS } from './tiers';

/** Counts for one group of plans. */
export interface Counts {
  total: number;
  overdue: number;
  published: number;
}

/** Register summary by county (市本级 first) and by deadline tier. */
export interface PlanSummary extends Counts {
  byCounty: (Counts & { county: County })[];
  byTier: (Counts & { tier: Tier })[];
}

function count(plans: readonly PlanView[]): Counts {
  return {
    total: plans.length,
    overdue: plans.filter((p) => p.overdue).length,
    published: plans.filter((p) => p.stage === 'published').length,
  };
}

/**
 * Counts by county and by tier, every county and tier listed even when empty.
 * @example summarizePlans(plans).byCounty[0].county.name // '市本级'
 */
export function summarizePlans(plans: readonly PlanView[]): PlanSummary {
  const extraTiers = [...new Set(plans.map((p) => p.tier))]
    .filter((k) => !TIERS.some((t) => t.key === k))
    .map((key) => ({ key, zh: key, en: key }));
  return {
    ...count(plans),
    byCounty: [CITY, ...COUNTIES].map((county) => ({
      county,
      ...count(plans.filter((p) => p.county.adcode === county.adcode)),
    })),
    byTier: [...TIERS, ...extraTiers].map((tier) => ({
      tier,
      ...count(plans.filter((p) => p.tier === tier.key)),
    })),
  };
}
