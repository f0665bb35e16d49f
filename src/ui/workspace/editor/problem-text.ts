// The editor's words: role and class labels, and a property problem (domain/editor/check-properties)
// rendered by the message catalogs.

import type { Lang } from '../../../contract/messages/lang';
import { renderMessage } from '../../../contract/messages/render';
import type { PropertyProblem } from '../../../domain/editor/check-properties';
import type { EditRole } from '../../../domain/editor/edit-types';
import { problemMessage } from '../../../domain/editor/problem-message';
import type { EmbankmentClass } from '../../../domain/zones/rules';
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
  'approved-boundary': 'roleApproved',
  work: 'roleWork',
} as const;

/** "左岸堤脚线", "水域", or "（未设置）". */
export function roleLabel(role: EditRole | null | undefined, t: WT): string {
  return role ? t(ROLE_KEYS[role]) : t('editRoleNone');
}

/** One problem in words, in the UI's language (the catalog renders the domain's message). */
export function problemText(p: PropertyProblem, lang: Lang): string {
  return renderMessage(problemMessage(p), lang);
}
