// What is wrong with one feature's role, embankment class and widths under the rules in force, told
// so that the editor can quote the rule: the field, the allowed range, the table and its legal basis.
// The same checks as the zone engine's (zones/read-reaches.ts, bankWidths in zones/compute-zones.ts).
import type { EmbankmentClass, ResolvedRules, WidthRange } from '../zones/rules';
import type { EditFeature } from './edit-types';

/** The rule a value is held to: which table, which version, on what legal basis. */
export interface RuleQuote {
  id: string;
  version: string;
  legalBasis: string;
}

/** One problem of a feature's properties. */
export type PropertyProblem =
  /** no role chosen yet (an imported line) */
  | { field: 'role'; code: 'missing' }
  /** a water role on a line, a bank role on a polygon, anything but a work on a point */
  | { field: 'role'; code: 'wrong-geometry'; geometry: 'LineString' | 'Polygon' | 'Point' }
  /** a toe line needs its embankment class (1–4, 5 = below class 4) */
  | { field: 'embankmentClass'; code: 'missing' }
  /** not a number of metres */
  | { field: 'widthM' | 'protectionM'; code: 'not-a-number'; value: unknown }
  /** outside the allowed range of the rule table */
  | {
      field: 'widthM' | 'protectionM';
      code: 'out-of-range';
      value: number;
      range: WidthRange;
      /** the line's kind: a toe's range depends on its class, a bank line's margin does not */
      kind: 'toe' | 'bank';
      embankmentClass: EmbankmentClass | null;
      rule: RuleQuote;
    }
  /** a protection width on a bank line (protection applies to embanked banks only) */
  | { field: 'protectionM'; code: 'toe-only'; value: number };

const CLASSES: readonly unknown[] = [1, 2, 3, 4, 5];

/**
 * The allowed range of a field of a line of this kind and class under the rules; null when the field
 * does not apply (no protection band beyond a bank line). An unknown class counts as 5 (below 4).
 * @example allowedRange(rules, 'toe', 'widthM', 2) // { min: 20, max: 50 }
 */
export function allowedRange(
  rules: ResolvedRules,
  kind: 'toe' | 'bank',
  field: 'widthM' | 'protectionM',
  embankmentClass: EmbankmentClass | null,
): WidthRange | null {
  if (field === 'protectionM') return kind === 'toe' ? rules.protection : null;
  return kind === 'bank' ? rules.bank : rules.toe[embankmentClass ?? 5];
}

function checkNumber(
  value: unknown,
  field: 'widthM' | 'protectionM',
  range: WidthRange,
  ctx: { kind: 'toe' | 'bank'; embankmentClass: EmbankmentClass | null; rule: RuleQuote },
): PropertyProblem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { field, code: 'not-a-number', value };
  }
  if (value < range.min || value > range.max) {
    return { field, code: 'out-of-range', value, range, ...ctx };
  }
  return null;
}

/**
 * The problems of a feature's properties under the rules resolved for its reach; [] when the zone
 * engine will take them. Unset widths (null/undefined) take the rule table's default, as in the
 * engine: a toe's lower bound, a bank line's 0 m, no protection band.
 * @example checkProperties(line, resolveRules(DEFAULT_RULES, {}))[0] // { field: 'widthM', code: 'out-of-range', value: 60, range: { min: 20, max: 50 }, … }
 */
export function checkProperties(feature: EditFeature, rules: ResolvedRules): PropertyProblem[] {
  const p = feature.properties;
  const geometry = feature.geometry.type;
  if (p.role === null || p.role === undefined) return [{ field: 'role', code: 'missing' }];
  // approved boundaries and works carry no widths; their own checks are the engine's (issue 16)
  if (p.role === 'work') return [];
  // a point is only ever a work's position (泵站, 水文站)
  if (geometry === 'Point') return [{ field: 'role', code: 'wrong-geometry', geometry }];
  if (p.role === 'approved-boundary')
    return geometry === 'Polygon' ? [] : [{ field: 'role', code: 'wrong-geometry', geometry }];
  if ((p.role === 'water') !== (geometry === 'Polygon')) {
    return [{ field: 'role', code: 'wrong-geometry', geometry }];
  }
  if (p.role === 'water') return [];
  const kind = p.role.startsWith('toe') ? 'toe' : 'bank';
  const problems: PropertyProblem[] = [];
  const cls = CLASSES.includes(p.embankmentClass) ? (p.embankmentClass as EmbankmentClass) : null;
  if (kind === 'toe' && cls === null) problems.push({ field: 'embankmentClass', code: 'missing' });
  const ctx = {
    kind,
    embankmentClass: kind === 'toe' ? cls : null,
    rule: { id: rules.id, version: rules.version, legalBasis: rules.legalBasis },
  } as const;
  const set = (v: unknown) => v !== null && v !== undefined;
  if (set(p.widthM) && (kind === 'bank' || cls !== null)) {
    const range = allowedRange(rules, kind, 'widthM', cls) as WidthRange;
    const problem = checkNumber(p.widthM, 'widthM', range, ctx);
    if (problem) problems.push(problem);
  }
  if (set(p.protectionM)) {
    if (kind === 'bank') {
      const v = p.protectionM;
      problems.push(
        typeof v === 'number'
          ? { field: 'protectionM', code: 'toe-only', value: v }
          : { field: 'protectionM', code: 'not-a-number', value: v },
      );
    } else {
      const problem = checkNumber(p.protectionM, 'protectionM', rules.protection, ctx);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}
