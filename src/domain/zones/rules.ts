import { type Message, msg } from '../message';
import { checkWorkRanges, type WorkRanges } from '../works/work-types';
/** An allowed width range, metres. */
export interface WidthRange {
  min: number;
  max: number;
}

/** Embankment classes of GB 50286-2013: 1–4, and 5 for "below class 4". */
export type EmbankmentClass = 1 | 2 | 3 | 4 | 5;

/**
 * A class as people read it, for a message parameter: never "5 级" (class 5 stands for 4 级以下).
 * @example classWords(2) // msg('zones.class.n', { n: 2 }) → 2 级
 * @example classWords(5) // msg('zones.class.below4') → 4 级以下
 */
export function classWords(c: EmbankmentClass): Message {
  return c === 5 ? msg('zones.class.below4') : msg('zones.class.n', { n: c });
}

/** Widths by embankment class, protection and bank margins. */
export interface WidthRules {
  /** 护堤地 beyond the toe, by class */
  toe: Record<EmbankmentClass, WidthRange>;
  /** 堤防安全保护区 beyond the management line */
  protection: WidthRange;
  /** margin a bureau may add to a bank line where there is no embankment (local practice) */
  bank: WidthRange;
}

/** A bureau's override for one county (adcode) or one river (id or name). */
export interface RuleOverride {
  county?: string;
  river?: string;
  widths: Partial<Omit<WidthRules, 'toe'>> & { toe?: Partial<Record<EmbankmentClass, WidthRange>> };
  legalBasis?: string;
}

/** A versioned rule table; every computed zone records its id and version. */
export interface RuleTable extends WidthRules {
  id: string;
  version: string;
  legalBasis: string;
  overrides: RuleOverride[];
  /** per-type ranges of works inside the river (涉水工程); absent or {}: none set (尚未设置) */
  works?: WorkRanges;
}

/** The 2019 plan's table (三（二）1), citing GB 50286-2013. Defaults are the lower bounds. */
export const DEFAULT_RULES: RuleTable = {
  id: 'GB50286-2013',
  version: '2019-06-20',
  legalBasis:
    '《堤防工程设计规范》（GB 50286—2013）；钦州市江河湖库管理范围划定实施方案（钦政办〔2019〕38号）三（二）1',
  toe: {
    1: { min: 20, max: 50 },
    2: { min: 20, max: 50 },
    3: { min: 15, max: 30 },
    4: { min: 15, max: 30 },
    5: { min: 8, max: 15 },
  },
  protection: { min: 30, max: 50 },
  bank: { min: 0, max: 100 },
  overrides: [],
};

/** The rules in force for a reach, after the overrides that match its county or river. */
export interface ResolvedRules extends WidthRules {
  id: string;
  version: string;
  legalBasis: string;
}

/**
 * Applies the overrides matching a reach (county first, then river: the more specific wins).
 * @example resolveRules(DEFAULT_RULES, { river: 'qinjiang' }).toe[2] // { min: 20, max: 50 }
 */
export function resolveRules(
  table: RuleTable,
  where: { county?: string; river?: string },
): ResolvedRules {
  const matching = [
    ...table.overrides.filter(
      (o) => o.county !== undefined && o.county === where.county && o.river === undefined,
    ),
    ...table.overrides.filter((o) => o.river !== undefined && o.river === where.river),
  ];
  let rules: ResolvedRules = {
    id: table.id,
    version: table.version,
    legalBasis: table.legalBasis,
    toe: { ...table.toe },
    protection: table.protection,
    bank: table.bank,
  };
  for (const o of matching) {
    rules = {
      ...rules,
      toe: { ...rules.toe, ...o.widths.toe },
      protection: o.widths.protection ?? rules.protection,
      bank: o.widths.bank ?? rules.bank,
      legalBasis: o.legalBasis ?? rules.legalBasis,
    };
  }
  return rules;
}

/** A problem of a rule table: the field it is about (a path in the table's JSON) and the reason. */
export interface RuleProblem {
  field: string;
  message: Message;
}

/**
 * The problems of a rule table: an id and a version, and every range 0 ≤ min ≤ max ≤ 500 m; an
 * override names a county or a river.
 * @example checkRuleTable({ ...DEFAULT_RULES, bank: { min: 9, max: 3 } })[0]?.field // 'bank'
 */
export function checkRuleTable(t: RuleTable): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!t.id) problems.push({ field: 'id', message: msg('zones.rules.needsId') });
  else if (!t.version) problems.push({ field: 'version', message: msg('zones.rules.needsId') });
  const range = (field: string, what: Message, r: WidthRange | undefined) => {
    if (
      !r ||
      !Number.isFinite(r.min) ||
      !Number.isFinite(r.max) ||
      r.min < 0 ||
      r.min > r.max ||
      r.max > 500
    ) {
      problems.push({ field, message: msg('zones.rules.range', { what, got: JSON.stringify(r) }) });
    }
  };
  for (const c of [1, 2, 3, 4, 5] as const)
    range(`toe.${c}`, msg('zones.rules.what.toe', { class: classWords(c) }), t.toe[c]);
  range('protection', msg('zones.rules.what.protection'), t.protection);
  range('bank', msg('zones.rules.what.bank'), t.bank);
  for (const p of checkWorkRanges(t.works)) problems.push(p);
  t.overrides.forEach((o, i) => {
    const n = i + 1;
    if (o.county === undefined && o.river === undefined)
      problems.push({ field: `overrides.${i}`, message: msg('zones.rules.overridePlace', { n }) });
    for (const [c, r] of Object.entries(o.widths.toe ?? {}))
      range(
        `overrides.${i}.widths.toe.${c}`,
        msg('zones.rules.what.overrideToe', {
          n,
          class: classWords(Number(c) as EmbankmentClass),
        }),
        r,
      );
    if (o.widths.protection)
      range(
        `overrides.${i}.widths.protection`,
        msg('zones.rules.what.overrideProtection', { n }),
        o.widths.protection,
      );
    if (o.widths.bank)
      range(
        `overrides.${i}.widths.bank`,
        msg('zones.rules.what.overrideBank', { n }),
        o.widths.bank,
      );
  });
  return problems;
}

/** "20–50 m" */
export function formatRange(r: WidthRange): string {
  return `${r.min}–${r.max} m`;
}
