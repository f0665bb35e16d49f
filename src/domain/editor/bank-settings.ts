// What a computation takes for each bank: its class and the widths in force, and whether each width
// is the rule table's lower bound or one the planner set (the draft summary names them per bank).
import type { Message } from '../message';
import { reachesInOrder, reachLabel } from '../plans/reach-label';
import type { EmbankmentClass, ResolvedRules, WidthRange } from '../zones/rules';
import { readBankSides } from './bank-sides';
import type { EditFeature } from './edit-types';
import type { BankSide } from './infer-bank-sides';

/** A width in force: metres, and whether it is the rule table's lower bound or set by hand. */
export interface WidthInForce {
  m: number;
  from: 'lower-bound' | 'set';
}

/** One bank line's settings as a computation takes them. */
export interface BankSetting {
  id: string;
  reach: Message;
  side: BankSide | null;
  kind: 'toe' | 'bank';
  embankmentClass: EmbankmentClass | null;
  /** management width beyond the line; null while the class is not chosen */
  width: WidthInForce | null;
  /** protection width beyond the management line; null: none (a bank line, or not set) */
  protection: WidthInForce | null;
}

function inForce(value: unknown, range: WidthRange): WidthInForce {
  const m = typeof value === 'number' ? value : range.min;
  return { m, from: m === range.min ? 'lower-bound' : 'set' };
}

/**
 * The class and widths in force of every bank line, reach by reach, in the editor's order.
 * @example bankSettings(features, '钦江', () => rules)[0] // { side: 'left', kind: 'toe', embankmentClass: 2, width: { m: 30, from: 'set' }, protection: { m: 30, from: 'lower-bound' }, … }
 */
export function bankSettings(
  features: readonly EditFeature[],
  river: string | null,
  rulesOf: (f: EditFeature) => ResolvedRules,
): BankSetting[] {
  const sides = readBankSides(features).lines;
  const out: BankSetting[] = [];
  for (const r of reachesInOrder(features)) {
    const reach = reachLabel({ river, name: r.name, index: r.index });
    for (const f of features) {
      const role = f.properties.role;
      if (f.properties.reach !== r.id || !sides.has(f.id) || !role) continue;
      const rules = rulesOf(f);
      const kind = role.startsWith('toe') ? 'toe' : 'bank';
      const c = f.properties.embankmentClass;
      const cls = c === 1 || c === 2 || c === 3 || c === 4 || c === 5 ? c : null;
      const side = sides.get(f.id)?.side ?? null;
      const p = f.properties;
      if (kind === 'bank') {
        out.push({
          id: f.id,
          reach,
          side,
          kind,
          embankmentClass: null,
          width: inForce(p.widthM, rules.bank),
          protection: null,
        });
        continue;
      }
      const width = cls === null ? null : inForce(p.widthM, rules.toe[cls]);
      const protection =
        typeof p.protectionM === 'number' ? inForce(p.protectionM, rules.protection) : null;
      out.push({ id: f.id, reach, side, kind, embankmentClass: cls, width, protection });
    }
  }
  return out;
}
