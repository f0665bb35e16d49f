import { useState } from 'react';
import type { PropertyProblem } from '../../../domain/editor/check-properties';
import { allowedRange, checkProperties } from '../../../domain/editor/check-properties';
import type { EditFeature, EditProperties, EditRole } from '../../../domain/editor/edit-types';
import { LINE_ROLES } from '../../../domain/editor/edit-types';
import type { EmbankmentClass, ResolvedRules, WidthRange } from '../../../domain/zones/rules';
import { formatRange } from '../../../domain/zones/rules';
import { useLang } from '../../i18n';
import { useWt } from '../messages';
import { classLabel, problemText, roleLabel } from './problem-text';
import { WidthField } from './width-field';

const CLASSES: EmbankmentClass[] = [1, 2, 3, 4, 5];
const NEW_REACH = '__new__';

/**
 * The selected feature's role, reach, embankment class and widths, offered as the values the rule
 * table allows; a typed value outside them is refused here, quoting the rule, and not applied.
 */
export function LineForm(props: {
  feature: EditFeature;
  rules: ResolvedRules;
  reaches: string[];
  problems: PropertyProblem[];
  onChange: (properties: Partial<EditProperties>) => void;
}) {
  const t = useWt();
  const { lang } = useLang();
  const { feature, rules } = props;
  const p = feature.properties;
  const [note, setNote] = useState<string | null>(null);
  const line = feature.geometry.type === 'LineString';
  const kind = p.role?.startsWith('bank') ? 'bank' : p.role?.startsWith('toe') ? 'toe' : null;
  const cls = (CLASSES as unknown[]).includes(p.embankmentClass)
    ? (p.embankmentClass as EmbankmentClass)
    : null;
  const roles: EditRole[] = line ? [...LINE_ROLES] : ['water'];

  const change = (next: Partial<EditProperties>) => {
    setNote(null);
    props.onChange(next);
  };
  /** A new class (or kind) keeps the width when it is allowed there, else takes the lower bound, and says so. */
  const rebound = (
    nextKind: 'toe' | 'bank',
    nextClass: EmbankmentClass | null,
    extra: Partial<EditProperties>,
  ) => {
    const range = allowedRange(rules, nextKind, 'widthM', nextClass) as WidthRange;
    const w = p.widthM;
    if (typeof w === 'number' && (w < range.min || w > range.max)) {
      props.onChange({ ...extra, widthM: range.min });
      const label = nextKind === 'toe' ? classLabel(nextClass ?? 5, t) : t('roleBankLeft');
      setNote(t('editClassMoved', { old: w, cls: label, w: range.min }));
    } else change(extra);
  };
  const setRole = (role: EditRole) => {
    if (role === 'water' || role === p.role) return change({ role });
    const nextKind = role.startsWith('toe') ? 'toe' : 'bank';
    if (nextKind === kind) return change({ role });
    if (nextKind === 'bank') return rebound('bank', null, { role, protectionM: null });
    const c = cls ?? 5;
    rebound('toe', c, { role, embankmentClass: c });
  };
  /** A typed value: applied when the rules allow it, else refused with the rule's words. */
  const tryValue = (field: 'widthM' | 'protectionM', value: number | null): string | null => {
    const trial: EditFeature = { ...feature, properties: { ...p, [field]: value } };
    const refusal = checkProperties(trial, rules).find((x) => x.field === field);
    if (refusal) return problemText(refusal, lang);
    change({ [field]: value });
    return null;
  };

  const widthRange = kind ? allowedRange(rules, kind, 'widthM', cls) : null;
  const problems = props.problems.map((x) => problemText(x, lang));
  return (
    <form className="line-form" data-feature={feature.id} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('editRole')}
        <select
          name="role"
          value={p.role ?? ''}
          onChange={(e) => setRole(e.target.value as EditRole)}
        >
          {p.role === null && (
            <option value="" disabled>
              {t('editRoleNone')}
            </option>
          )}
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r, t)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('editReachLabel')}
        <select
          name="reach"
          value={p.reach}
          onChange={(e) => {
            const used = new Set(props.reaches);
            let reach = e.target.value;
            for (let n = used.size + 1; reach === NEW_REACH; n++)
              if (!used.has(`reach-${n}`)) reach = `reach-${n}`;
            change({ reach });
          }}
        >
          {props.reaches.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
          <option value={NEW_REACH}>{t('editNewReach')}</option>
        </select>
      </label>
      {kind === 'toe' && (
        <label>
          {t('editClass')}
          <select
            name="embankmentClass"
            value={cls ?? ''}
            onChange={(e) => {
              const c = Number(e.target.value) as EmbankmentClass;
              rebound('toe', c, { embankmentClass: c });
            }}
          >
            {cls === null && <option value="" disabled />}
            {CLASSES.map((c) => (
              <option key={c} value={c}>
                {classLabel(c, t)}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind && widthRange && (
        <WidthField
          name="widthM"
          label={t(kind === 'toe' ? 'editWidthToe' : 'editWidthBank', {
            range: formatRange(widthRange),
          })}
          range={widthRange}
          value={typeof p.widthM === 'number' ? p.widthM : null}
          fallback={kind === 'toe' ? widthRange.min : 0}
          onTry={(v) => tryValue('widthM', v)}
        />
      )}
      {kind === 'toe' && (
        <WidthField
          name="protectionM"
          label={t('editProtection', { range: formatRange(rules.protection) })}
          range={rules.protection}
          value={typeof p.protectionM === 'number' ? p.protectionM : null}
          none={t('editNoProtection')}
          onTry={(v) => tryValue('protectionM', v)}
        />
      )}
      {note && (
        <p className="hint" role="status">
          {note}
        </p>
      )}
      {problems.length > 0 && (
        <div
          className="problem"
          role="alert"
          data-problems={props.problems.map((x) => x.field).join(' ')}
        >
          {t('editProblems')}
          <ul>
            {problems.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
          <small>{t('editRuleBasis', { basis: rules.legalBasis })}</small>
        </div>
      )}
    </form>
  );
}
