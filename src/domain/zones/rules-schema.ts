import { z } from 'zod';
import { msg } from '../message';
import type { RuleProblem, RuleTable } from './rules';
import { checkRuleTable, DEFAULT_RULES } from './rules';

const range = z.object({ min: z.number().nonnegative(), max: z.number().nonnegative() }).strict();
const toe = z.object({ 1: range, 2: range, 3: range, 4: range, 5: range }).partial().strict();

const metres = z.number().optional();
const workRange = z
  .object({
    upstreamM: metres,
    downstreamM: metres,
    sidesM: metres,
    aroundM: metres,
    basis: z.enum(['check-flood-level', 'land-acquisition']).optional(),
  })
  .strict();

const schema = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    legalBasis: z.string().min(1).optional(),
    toe: toe.optional(),
    protection: range.optional(),
    bank: range.optional(),
    works: z.record(z.string(), workRange).optional(),
    overrides: z
      .array(
        z
          .object({
            county: z.string().optional(),
            river: z.string().optional(),
            legalBasis: z.string().optional(),
            widths: z
              .object({ toe: toe.optional(), protection: range.optional(), bank: range.optional() })
              .strict(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

/**
 * A bureau's rule table from JSON: its own id and version, any ranges it changes (the rest from the
 * 2019 plan's table) and its overrides. Returns the reasons when the table is unusable.
 * @example parseRuleTable({ id: 'qinzhou-2020', version: '1', toe: { 5: { min: 10, max: 15 } } })
 */
export function parseRuleTable(
  json: unknown,
): { ok: true; rules: RuleTable } | { ok: false; errors: RuleProblem[] } {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => {
        const path = [...i.path, ...(i.code === 'unrecognized_keys' ? i.keys.slice(0, 1) : [])];
        const field = path.map(String).join('.') || 'body';
        return { field, message: msg('zones.rules.invalid', { field }) };
      }),
    };
  }
  const d = parsed.data;
  const rules: RuleTable = {
    id: d.id,
    version: d.version,
    legalBasis: d.legalBasis ?? DEFAULT_RULES.legalBasis,
    toe: { ...DEFAULT_RULES.toe, ...d.toe },
    protection: d.protection ?? DEFAULT_RULES.protection,
    bank: d.bank ?? DEFAULT_RULES.bank,
    ...(d.works && Object.keys(d.works).length > 0 ? { works: d.works } : {}),
    overrides: (d.overrides ?? []).map((o) => ({
      ...(o.county !== undefined ? { county: o.county } : {}),
      ...(o.river !== undefined ? { river: o.river } : {}),
      ...(o.legalBasis !== undefined ? { legalBasis: o.legalBasis } : {}),
      widths: {
        ...(o.widths.toe ? { toe: o.widths.toe } : {}),
        ...(o.widths.protection ? { protection: o.widths.protection } : {}),
        ...(o.widths.bank ? { bank: o.widths.bank } : {}),
      },
    })),
  };
  const problems = checkRuleTable(rules);
  return problems.length > 0 ? { ok: false, errors: problems } : { ok: true, rules };
}
