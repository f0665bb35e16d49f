import { useState } from 'react';
import type { LineSide } from '../../../domain/editor/bank-sides';
import { sideOfRole, withSide } from '../../../domain/editor/bank-sides';
import type { PropertyProblem } from '../../../domain/editor/check-properties';
import { allowedRange, checkProperties } from '../../../domain/editor/check-properties';
import type { EditFeature, EditProperties, LineRole } from '../../../domain/editor/edit-types';
import { isLineRole } from '../../../domain/editor/edit-types';
import type { WorkRanges } from '../../../domain/works/work-types';
import type { EmbankmentClass, ResolvedRules, WidthRange } from '../../../domain/zones/rules';
import { formatRange } from '../../../domain/zones/rules';
import { useLang } from '../../i18n';
import { ApprovalForm, WorkForm } from '../adopted/role-forms';
import { useWt } from '../messages';
import { BankSideField } from './bank-side-field';
import { classLabel, problemText, roleLabel } from './problem-text';
import { ReachFields } from './reach-fields';
import { WidthField } from './width-field';

const CLASSES: EmbankmentClass[] = [1, 2, 3, 4, 5];
/** The class select's value for a bank line (no embankment). */
const NO_EMBANKMENT = 'none';

/** The values the other bank takes when both banks are set alike, on its own side. */
function mirrored(next: Partial<EditProperties>, other: EditFeature): Partial<EditProperties> {
  const out: Partial<EditProperties> = {};
  for (const k of ['embankmentClass', 'widthM', 'protectionM', 'sameBothBanks'] as const)
    if (k in next) out[k] = next[k] as never;
  const otherRole = other.properties.role;
  if (isLineRole(next.role) && isLineRole(otherRole))
    out.role = withSide(next.role, sideOfRole(otherRole));
  return out;
}

/**
 * The selected feature's bank (from the geometry), embankment class (asked for, never assumed) and
 * widths offered as the values the rule table allows, "both banks the same", and its reach and the
 * reach's name. A typed value outside the rules is refused here, quoting the rule, and not applied.
 */
export function LineForm(props: {
  feature: EditFeature;
  rules: ResolvedRules;
  /** the rule table's per-type ranges of works (尚未设置 where absent) */
  works: WorkRanges | undefined;
  reaches: { id: string; label: string; name: string | null }[];
  side: LineSide | undefined;
  opposite: boolean;
  /** the line runs against the river's course */
  against: boolean;
  /** the other bank line of the reach, if drawn, and how it is named */
  other: { feature: EditFeature; name: string } | undefined;
  problems: PropertyProblem[];
  onChange: (properties: Partial<EditProperties>) => void;
  onChangeOther: (id: string, properties: Partial<EditProperties>) => void;
  onReverse: () => void;
  onNameReach: (name: string) => void;
}) {
  const t = useWt();
  const { lang } = useLang();
  const { feature, rules, other } = props;
  const p = feature.properties;
  const [note, setNote] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  // an approved boundary or a work: its own form, no bank, class or widths
  const special = p.role === 'approved-boundary' || p.role === 'work';
  const line = feature.geometry.type === 'LineString' && !special;
  const makeWork = () =>
    props.onChange({
      role: 'work',
      workType: p.workType ?? null,
      name: typeof p.name === 'string' ? p.name : '',
      sideFrom: null,
      sameBothBanks: false,
      embankmentClass: null,
      widthM: null,
      protectionM: null,
    });
  const kind = p.role?.startsWith('bank') ? 'bank' : p.role?.startsWith('toe') ? 'toe' : null;
  const cls = (CLASSES as unknown[]).includes(p.embankmentClass)
    ? (p.embankmentClass as EmbankmentClass)
    : null;
  const asked = kind === 'bank' || cls !== null;

  /** A change, made on the other bank too while both banks are set alike. */
  const change = (next: Partial<EditProperties>, keepNote = false) => {
    if (!keepNote) setNote(null);
    props.onChange(next);
    if (p.sameBothBanks && other)
      props.onChangeOther(other.feature.id, mirrored(next, other.feature));
  };
  const roleOf = (k: 'toe' | 'bank'): Partial<EditProperties> =>
    isLineRole(p.role)
      ? { role: `${k}-${sideOfRole(p.role)}` as LineRole }
      : { role: `${k}-left` as LineRole, sideFrom: 'geometry' };
  /** A class (or 无堤防): the width stays when the new range allows it, else takes the lower bound, and says so. */
  const setClass = (value: string) => {
    const nextKind = value === NO_EMBANKMENT ? 'bank' : 'toe';
    const nextClass = nextKind === 'toe' ? (Number(value) as EmbankmentClass) : null;
    const extra: Partial<EditProperties> =
      nextKind === 'bank'
        ? { ...roleOf('bank'), embankmentClass: null, protectionM: null }
        : {
            ...roleOf('toe'),
            embankmentClass: nextClass,
            protectionM: typeof p.protectionM === 'number' ? p.protectionM : rules.protection.min,
          };
    const range = allowedRange(rules, nextKind, 'widthM', nextClass) as WidthRange;
    const w = p.widthM;
    if (typeof w === 'number' && (w < range.min || w > range.max)) {
      change({ ...extra, widthM: range.min });
      const label = nextClass ? classLabel(nextClass, t) : t('editClassNone');
      setNote(t('editClassMoved', { old: w, cls: label, w: range.min }));
    } else change(extra);
  };
  /** A typed value: applied when the rules allow it, else refused with the rule's words. */
  const tryValue = (field: 'widthM' | 'protectionM', value: number | null): string | null => {
    const trial: EditFeature = { ...feature, properties: { ...p, [field]: value } };
    const refusal = checkProperties(trial, rules).find((x) => x.field === field);
    if (refusal) return problemText(refusal, lang);
    change({ [field]: value });
    return null;
  };
  const setSame = (on: boolean) => {
    setNote(null);
    props.onChange({ sameBothBanks: on });
    if (!other) return setNote(on ? t('editSameBanksLater') : null);
    const mine = {
      role: p.role,
      embankmentClass: p.embankmentClass ?? null,
      widthM: p.widthM ?? null,
      protectionM: p.protectionM ?? null,
    };
    props.onChangeOther(
      other.feature.id,
      on ? mirrored({ ...mine, sameBothBanks: true }, other.feature) : { sameBothBanks: false },
    );
    if (on) setNote(t('editSameBanksApplied', { line: other.name }));
  };

  const widthRange = kind && asked ? allowedRange(rules, kind, 'widthM', cls) : null;
  const bound = (v: unknown, range: WidthRange) =>
    typeof v !== 'number' || v === range.min ? t('editLowerBound') : t('editSetByHand');
  // a class never chosen is asked for above, not listed again
  const listed = props.problems.filter(
    (x) => !(x.field === 'embankmentClass' && x.code === 'missing'),
  );
  const problems = listed.map((x) => problemText(x, lang));
  return (
    <form className="line-form" data-feature={feature.id} onSubmit={(e) => e.preventDefault()}>
      {line && kind && (
        <BankSideField
          feature={feature}
          side={props.side}
          opposite={props.opposite}
          against={props.against}
          onChange={(next) => change(next)}
          onReverse={props.onReverse}
        />
      )}
      {!line && (
        <p className="bank-side">
          {roleLabel(p.role, t)}
          <span className="choose">
            {feature.geometry.type === 'Polygon' && (p.role === null || isLineRole(p.role)) && (
              <button type="button" data-action="water" onClick={() => change({ role: 'water' })}>
                {t('editSetWater')}
              </button>
            )}
            {feature.geometry.type === 'Polygon' && p.role !== 'approved-boundary' && !asking && (
              <button type="button" data-action="approved" onClick={() => setAsking(true)}>
                {t('approvalMake')}
              </button>
            )}
            {p.role !== 'work' && (
              <button type="button" data-action="work" onClick={makeWork}>
                {t('workMake')}
              </button>
            )}
          </span>
        </p>
      )}
      {line && (
        <p className="choose">
          <button type="button" data-action="work" onClick={makeWork}>
            {t('workMake')}
          </button>
        </p>
      )}
      {feature.geometry.type === 'Polygon' && (p.role === 'approved-boundary' || asking) && (
        <ApprovalForm
          feature={feature}
          onApply={(next) => {
            setAsking(false);
            props.onChange(next);
          }}
          onCancel={p.role === 'approved-boundary' ? undefined : () => setAsking(false)}
        />
      )}
      {p.role === 'work' && (
        <WorkForm feature={feature} works={props.works} onChange={props.onChange} />
      )}
      {line && (
        <label>
          {t('editClass')}
          <select
            name="embankmentClass"
            value={kind === 'bank' ? NO_EMBANKMENT : (cls ?? '')}
            aria-invalid={!asked}
            onChange={(e) => setClass(e.target.value)}
          >
            {!asked && (
              <option value="" disabled>
                {t('editClassAsk')}
              </option>
            )}
            {CLASSES.map((c) => (
              <option key={c} value={c}>
                {classLabel(c, t)}
              </option>
            ))}
            <option value={NO_EMBANKMENT}>{t('editClassNone')}</option>
          </select>
        </label>
      )}
      {line && !asked && (
        <p className="problem ask" role="alert">
          {t('editClassFirst')}
        </p>
      )}
      {kind && widthRange && (
        <WidthField
          name="widthM"
          label={`${t(kind === 'toe' ? 'editWidthToe' : 'editWidthBank', { range: formatRange(widthRange) })} · ${bound(p.widthM, widthRange)}`}
          range={widthRange}
          value={typeof p.widthM === 'number' ? p.widthM : null}
          fallback={widthRange.min}
          onTry={(v) => tryValue('widthM', v)}
        />
      )}
      {kind === 'toe' && asked && (
        <WidthField
          name="protectionM"
          label={`${t('editProtection', { range: formatRange(rules.protection) })}${typeof p.protectionM === 'number' ? ` · ${bound(p.protectionM, rules.protection)}` : ''}`}
          range={rules.protection}
          value={typeof p.protectionM === 'number' ? p.protectionM : null}
          none={t('editNoProtection')}
          onTry={(v) => tryValue('protectionM', v)}
        />
      )}
      {line && asked && (
        <label className="check">
          <input
            type="checkbox"
            name="sameBothBanks"
            checked={p.sameBothBanks === true}
            onChange={(e) => setSame(e.target.checked)}
          />
          {t('editSameBanks')}
        </label>
      )}
      {note && (
        <p className="hint" role="status">
          {note}
        </p>
      )}
      <ReachFields
        feature={feature}
        reaches={props.reaches}
        onReach={(reach) =>
          change({ reach, reachName: props.reaches.find((r) => r.id === reach)?.name ?? null })
        }
        onName={props.onNameReach}
      />
      {problems.length > 0 && (
        <div className="problem" role="alert" data-problems={listed.map((x) => x.field).join(' ')}>
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
