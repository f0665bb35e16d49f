// The properties a newly drawn feature starts with, so that two clicks of lines already make a reach.
import type { ResolvedRules } from '../zones/rules';
import type { EditFeature, EditProperties, LineRole } from './edit-types';

const ORDER: readonly LineRole[] = ['toe-left', 'toe-right'];

/**
 * Properties of a new line or water polygon: it joins the reach of the selected feature (else the
 * last one, else `reach-1`); a line takes the first of toe-left, toe-right that reach lacks (both
 * there: it starts the next reach), the class of the reach's other toe line (else 5, below class 4)
 * and the lower bounds of the rules for widths.
 * @example newFeatureProperties([], 'LineString', null, rules) // { reach: 'reach-1', role: 'toe-left', embankmentClass: 5, widthM: 8, protectionM: 30 }
 */
export function newFeatureProperties(
  features: readonly EditFeature[],
  geometry: 'LineString' | 'Polygon',
  selectedId: string | null,
  rules: ResolvedRules,
): EditProperties {
  const anchor = features.find((f) => f.id === selectedId) ?? features.at(-1);
  let reach = anchor?.properties.reach ?? 'reach-1';
  if (geometry === 'Polygon') return { reach, role: 'water' };
  const inReach = (r: string) => features.filter((f) => f.properties.reach === r);
  let role = ORDER.find((o) => !inReach(reach).some((f) => f.properties.role === o));
  if (!role) {
    const used = new Set(features.map((f) => f.properties.reach));
    let n = used.size + 1;
    while (used.has(`reach-${n}`)) n++;
    reach = `reach-${n}`;
    role = 'toe-left';
  }
  const partner = inReach(reach).find((f) => f.properties.role?.startsWith('toe'));
  const cls = partner?.properties.embankmentClass ?? 5;
  return {
    reach,
    role,
    embankmentClass: cls,
    widthM: rules.toe[cls].min,
    protectionM: rules.protection.min,
  };
}
