import type { EditFeature } from '../../../domain/editor/edit-types';
import { riverOfReach } from '../../../domain/plans/delineate-plan';
import type { RiverView } from '../../../domain/rivers/waterbody';
import type { ResolvedRules, RuleTable } from '../../../domain/zones/rules';
import { resolveRules } from '../../../domain/zones/rules';

/** The rules in force for a feature's reach: its own river and county, else the plan's river. */
export function rulesFor(
  table: RuleTable,
  f: EditFeature | undefined,
  river: RiverView | undefined,
): ResolvedRules {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return resolveRules(table, {
    river: riverOfReach(f?.properties, river?.id),
    county: str(f?.properties.county),
  });
}
