// A property problem (check-properties) as a message: the rule quoted with its range, table id and
// version; the catalogs (src/contract/messages/editor.messages.ts) say it in each language.
import { type Message, msg } from '../message';
import { classWords, formatRange } from '../zones/rules';
import type { PropertyProblem } from './check-properties';

function outOfRange(p: Extract<PropertyProblem, { code: 'out-of-range' }>): Message {
  const params = {
    v: p.value,
    range: formatRange(p.range),
    rule: `${p.rule.id} ${p.rule.version}`,
    cls: classWords(p.embankmentClass ?? 5),
  };
  if (p.field === 'protectionM') return msg('editor.problem.protection', params);
  return p.kind === 'toe'
    ? msg('editor.problem.widthToe', params)
    : msg('editor.problem.widthBank', params);
}

/**
 * One problem of a feature's properties as a message.
 * @example problemMessage({ field: 'embankmentClass', code: 'missing' }) // { code: 'editor.problem.classMissing' }
 */
export function problemMessage(p: PropertyProblem): Message {
  switch (p.code) {
    case 'missing':
      return p.field === 'role'
        ? msg('editor.problem.roleMissing')
        : msg('editor.problem.classMissing');
    case 'wrong-geometry':
      if (p.geometry === 'Point') return msg('editor.problem.rolePoint');
      return p.geometry === 'LineString'
        ? msg('editor.problem.roleLine')
        : msg('editor.problem.rolePolygon');
    case 'not-a-number':
      return msg('editor.problem.notNumber', {
        field: p.field === 'widthM' ? msg('editor.field.width') : msg('editor.field.protection'),
        value: JSON.stringify(p.value) ?? String(p.value),
      });
    case 'toe-only':
      return msg('editor.problem.toeOnly', { v: p.value });
    case 'out-of-range':
      return outOfRange(p);
  }
}
