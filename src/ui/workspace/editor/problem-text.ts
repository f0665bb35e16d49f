// The editor's words for a property problem (domain/editor/check-properties): the rule quoted with
// its range, table id and version.
import type { PropertyProblem } from '../../../domain/editor/check-properties';
import type { EditRole } from '../../../domain/editor/edit-types';
import type { EmbankmentClass } from '../../../domain/zones/rules';
import { formatRange } from '../../../domain/zones/rules';
import type { WT } from '../messages';

/** "2 级" / "4 级以下". */
export function classLabel(c: EmbankmentClass, t: WT): string {
  return c === 5 ? t('editClassBelow4') : t('editClassN', { n: c });
}

const ROLE_KEYS = {
  'toe-left': 'roleToeLeft',
  'toe-right': 'roleToeRight',
  'bank-left': 'roleBankLeft',
  'bank-right': 'roleBankRight',
  water: 'roleWater',
} as const;

/** "左岸堤脚线", "水域", or "（未设置）". */
export function roleLabel(role: EditRole | null | undefined, t: WT): string {
  return role ? t(ROLE_KEYS[role]) : t('editRoleNone');
}

/** One problem in words. */
export function problemText(p: PropertyProblem, t: WT): string {
  switch (p.code) {
    case 'missing':
      return t(p.field === 'role' ? 'probRoleMissing' : 'probClassMissing');
    case 'wrong-geometry':
      return t(p.geometry === 'LineString' ? 'probRoleLine' : 'probRolePolygon');
    case 'not-a-number':
      return t('probNotNumber', {
        field: t(p.field === 'widthM' ? 'fieldWidth' : 'fieldProtection'),
        value: JSON.stringify(p.value),
      });
    case 'toe-only':
      return t('probToeOnly', { v: p.value });
    case 'out-of-range': {
      const vars = {
        v: p.value,
        range: formatRange(p.range),
        rule: `${p.rule.id} ${p.rule.version}`,
        cls: classLabel(p.embankmentClass ?? 5, t),
      };
      if (p.field === 'protectionM') return t('probProtection', vars);
      return t(p.kind === 'toe' ? 'probWidthToe' : 'probWidthBank', vars);
    }
  }
}
