// The properties a newly drawn feature starts with. Nothing the planner has not seen: a new line's
// side follows its geometry (待定 until the other bank is drawn) and its embankment class is asked
// for; only what the planner set for both banks (两岸相同) carries over to the other bank's line.
import { sideOfRole, withSide } from './bank-sides';
import type { EditFeature, EditProperties, LineRole } from './edit-types';
import { isLineRole } from './edit-types';

const PER_REACH = 2;

/** The values a line takes from the other bank when the planner set both banks alike. */
function fromOtherBank(other: EditFeature | undefined, side: LineRole): Partial<EditProperties> {
  const p = other?.properties;
  if (!p?.sameBothBanks || !isLineRole(p.role)) return {};
  return {
    role: withSide(p.role, sideOfRole(side)),
    embankmentClass: p.embankmentClass ?? null,
    widthM: p.widthM ?? null,
    protectionM: p.protectionM ?? null,
    sameBothBanks: true,
  };
}

/**
 * Properties of a new line or water polygon: it joins the reach of the selected feature (else the
 * last one, else `reach-1`) and its name; a line starts the next reach when that one has its two
 * bank lines. A line's side follows the geometry; its class is unset (asked for) unless the reach's
 * other bank was set for both banks (两岸相同), whose class and widths it then takes.
 * @example newFeatureProperties([], 'LineString', null) // { reach: 'reach-1', reachName: null, role: 'toe-left', sideFrom: 'geometry', embankmentClass: null, widthM: null, protectionM: null }
 */
export function newFeatureProperties(
  features: readonly EditFeature[],
  geometry: 'LineString' | 'Polygon',
  selectedId: string | null,
): EditProperties {
  const anchor = features.find((f) => f.id === selectedId) ?? features.at(-1);
  let reach = anchor?.properties.reach ?? 'reach-1';
  let reachName = anchor?.properties.reachName ?? null;
  if (geometry === 'Polygon') return { reach, reachName, role: 'water' };
  const lines = (r: string) =>
    features.filter(
      (f) =>
        f.properties.reach === r &&
        f.geometry.type === 'LineString' &&
        (f.properties.role === null || isLineRole(f.properties.role)),
    );
  if (lines(reach).length >= PER_REACH) {
    const used = new Set(features.map((f) => f.properties.reach));
    let n = used.size + 1;
    while (used.has(`reach-${n}`)) n++;
    reach = `reach-${n}`;
    reachName = null;
  }
  const other = lines(reach)[0];
  const placeholder: LineRole = other?.properties.role?.endsWith('left') ? 'toe-right' : 'toe-left';
  return {
    reach,
    reachName,
    role: placeholder,
    sideFrom: 'geometry',
    embankmentClass: null,
    widthM: null,
    protectionM: null,
    ...fromOtherBank(other, placeholder),
  };
}

/**
 * Properties of a newly drawn work inside the river (涉水工程, issue 16): it joins the reach of the
 * selected feature (else the last one, else `reach-1`); its type and name are asked for, not assumed.
 * @example newWorkProperties([], null) // { reach: 'reach-1', reachName: null, role: 'work', workType: null, name: '' }
 */
export function newWorkProperties(
  features: readonly EditFeature[],
  selectedId: string | null,
): EditProperties {
  const anchor = features.find((f) => f.id === selectedId) ?? features.at(-1);
  return {
    reach: anchor?.properties.reach ?? 'reach-1',
    reachName: anchor?.properties.reachName ?? null,
    role: 'work',
    workType: null,
    name: '',
  };
}
