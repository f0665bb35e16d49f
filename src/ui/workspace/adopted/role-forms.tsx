// The editor's forms for issue 16's two feature kinds: an approved boundary's approval (category,
// 文号, date, checked by the domain's readApproval) and a work's type and name, with whether the
// rule table sets its range (尚未设置 otherwise).
import { useState } from 'react';
import { renderMessage } from '../../../contract/messages/render';
import {
  APPROVED_CATEGORIES,
  type ApprovedCategory,
  categoryName,
  readApproval,
} from '../../../domain/adopted/approval';
import type { EditFeature, EditProperties } from '../../../domain/editor/edit-types';
import {
  WORK_TYPES,
  type WorkRanges,
  type WorkType,
  workRangeUnset,
  workTypeName,
} from '../../../domain/works/work-types';
import { useLang } from '../../i18n';
import { useWt } from '../messages';

/** Today in China (UTC+8), YYYY-MM-DD: an approval may not be dated after it. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The approval of a polygon made (or to be made) an approved boundary: all three fields entered by
 * the planner, nothing defaulted; applied only when readApproval accepts them, else every reason
 * is listed. `onCancel` is given while the polygon is not one yet.
 */
export function ApprovalForm(props: {
  feature: EditFeature;
  onApply: (properties: Partial<EditProperties>) => void;
  onCancel?: () => void;
}) {
  const t = useWt();
  const { lang } = useLang();
  const p = props.feature.properties;
  const [category, setCategory] = useState(text(p.category));
  const [ref, setRef] = useState(text(p.approvalRef));
  const [date, setDate] = useState(text(p.approvedOn));
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const adopted = p.adopted === true;
  const apply = () => {
    const read = readApproval(
      { category, approvalRef: ref, approvedOn: date, sourceFile: p.sourceFile },
      chinaToday(),
    );
    if (!read.ok) {
      setSaved(null);
      setErrors(read.errors.map((m) => renderMessage(m, lang)));
      return;
    }
    const a = read.approval;
    setErrors([]);
    props.onApply({ role: 'approved-boundary', ...a });
    setSaved(
      t('approvalSaved', {
        category: renderMessage(categoryName(a.category), lang),
        ref: a.approvalRef,
        date: a.approvedOn,
      }),
    );
  };
  return (
    <fieldset className="approval-form" disabled={adopted}>
      <legend>{t('approvalTitle')}</legend>
      {adopted && <p className="hint">{t('approvalAdopted')}</p>}
      <label>
        {t('approvalCategory')}
        <select
          name="category"
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          aria-invalid={category === ''}
        >
          <option value="" disabled>
            {t('approvalCategoryAsk')}
          </option>
          {APPROVED_CATEGORIES.map((c: ApprovedCategory) => (
            <option key={c} value={c}>
              {renderMessage(categoryName(c), lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('approvalRef')}
        <input
          name="approvalRef"
          value={ref}
          maxLength={400}
          onChange={(e) => setRef(e.target.value)}
        />
      </label>
      <label>
        {t('approvalDate')}
        <input
          name="approvedOn"
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </label>
      <p className="choose">
        <button type="button" data-action="save-approval" onClick={apply}>
          {t('approvalSave')}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        )}
      </p>
      {errors.length > 0 && (
        <div className="problem" role="alert" data-approval-errors={errors.length}>
          {t('approvalRefused')}
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {saved && (
        <p className="hint" role="status">
          {saved}
        </p>
      )}
    </fieldset>
  );
}

/**
 * A work's type and name, applied as they are chosen; says 管理范围尚未设置 while the rule table
 * leaves its type's range (for its shape) unset, and what is missing for it to be listed.
 */
export function WorkForm(props: {
  feature: EditFeature;
  works: WorkRanges | undefined;
  onChange: (properties: Partial<EditProperties>) => void;
}) {
  const t = useWt();
  const { lang } = useLang();
  const p = props.feature.properties;
  const g = props.feature.geometry.type;
  const type = WORK_TYPES.includes(p.workType as WorkType) ? (p.workType as WorkType) : null;
  const name = text(p.name);
  const unset = type !== null && workRangeUnset(type, g, props.works?.[type]);
  return (
    <fieldset className="work-form" data-work-type={type ?? ''} data-unset={unset}>
      <legend>{t(g === 'LineString' ? 'workAxis' : 'workFootprint')}</legend>
      <label>
        {t('workType')}
        <select
          name="workType"
          value={type ?? ''}
          aria-invalid={type === null}
          onChange={(e) => props.onChange({ workType: e.target.value })}
        >
          <option value="" disabled>
            {t('workTypeAsk')}
          </option>
          {WORK_TYPES.map((w) => (
            <option key={w} value={w}>
              {renderMessage(workTypeName(w), lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('workName')}
        <input
          name="workName"
          value={name}
          aria-invalid={name.trim() === ''}
          onChange={(e) => props.onChange({ name: e.target.value })}
        />
      </label>
      {(type === null || name.trim() === '') && (
        <p className="problem" role="alert">
          {type === null ? t('workTypeMissing') : t('workNameAsk')}
        </p>
      )}
      {type !== null &&
        (unset ? (
          <p className="problem work-unset" data-unset="true">
            {t('workUnset')}
          </p>
        ) : (
          <p className="hint">{t('workSet', { type: renderMessage(workTypeName(type), lang) })}</p>
        ))}
    </fieldset>
  );
}
