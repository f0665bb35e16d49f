// The bureau's rule table in force: the one an admin stored in settings, else the 2019 plan's table.
import type { RuleTable } from '../../domain/zones/rules';
import { DEFAULT_RULES } from '../../domain/zones/rules';
import { parseRuleTable } from '../../domain/zones/rules-schema';
import type { Settings, Store } from '../store/store';

/** The table a settings record puts in force (a stored table that no longer parses: the default). */
export function ruleTableOf(settings: Pick<Settings, 'rules'>): RuleTable {
  if (settings.rules === undefined || settings.rules === null) return DEFAULT_RULES;
  const parsed = parseRuleTable(settings.rules);
  return parsed.ok ? parsed.rules : DEFAULT_RULES;
}

/** The rule table in force now: what publishing and draft zones compute with. */
export async function rulesInForce(store: Store): Promise<RuleTable> {
  return ruleTableOf(await store.getSettings());
}
