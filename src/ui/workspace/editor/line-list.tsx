import { renderMessage } from '../../../contract/messages/render';
import {
  APPROVED_CATEGORIES,
  type ApprovedCategory,
  categoryName,
} from '../../../domain/adopted/approval';
import type { LineSide } from '../../../domain/editor/bank-sides';
import type { EditFeature } from '../../../domain/editor/edit-types';
import { isLineRole } from '../../../domain/editor/edit-types';
import { measureLength } from '../../../domain/editor/measure-length';
import { WORK_TYPES, type WorkType, workTypeName } from '../../../domain/works/work-types';
import { ROLE_COLORS } from '../../../map/draw-styles';
import { useLang } from '../../i18n';
import { useWt, type WT } from '../messages';
import { roleLabel } from './problem-text';

/** A bank line's label: its side from the geometry (待定 until known) and its kind. */
function lineLabel(f: EditFeature, side: LineSide | undefined, t: WT): string {
  const role = f.properties.role;
  if (!isLineRole(role) || !side) return roleLabel(role, t);
  const kind = role.startsWith('toe') ? 'toe' : 'bank';
  if (side.side === null)
    return `${t('editSidePending')} · ${t(kind === 'toe' ? 'roleToe' : 'roleBank')}`;
  return roleLabel(`${kind}-${side.side}`, t);
}

/**
 * The working copy by reach (named 钦江 城区段, never by id): each line numbered, with its bank
 * (左岸/右岸 from the geometry and the flow, 待定 until the other bank is drawn) and its length.
 */
export function LineList(props: {
  features: readonly EditFeature[];
  reaches: { id: string; label: string }[];
  sides: ReadonlyMap<string, LineSide>;
  selectedId: string | null;
  /** ids of features whose properties have problems */
  flagged: ReadonlySet<string>;
  onSelect: (id: string) => void;
}) {
  const t = useWt();
  const { lang } = useLang();
  /** what an approved boundary or a work is, in place of its length or 水域 */
  const what = (f: EditFeature): string | null => {
    const p = f.properties;
    if (p.role === 'approved-boundary')
      return APPROVED_CATEGORIES.includes(p.category as ApprovedCategory)
        ? renderMessage(categoryName(p.category as ApprovedCategory), lang)
        : t('approvalCategoryAsk');
    if (p.role !== 'work') return null;
    const type = WORK_TYPES.includes(p.workType as WorkType)
      ? renderMessage(workTypeName(p.workType as WorkType), lang)
      : t('workTypeAsk');
    return typeof p.name === 'string' && p.name.trim() !== '' ? `${type} ${p.name}` : type;
  };
  if (props.features.length === 0) return <p className="hint">{t('editEmpty')}</p>;
  return (
    <div className="edit-reaches">
      {props.reaches.map((reach) => (
        <section key={reach.id} data-reach={reach.id} aria-label={reach.label}>
          <h4>{reach.label}</h4>
          <ul>
            {props.features
              .filter((f) => f.properties.reach === reach.id)
              .map((f, i) => {
                const role = f.properties.role;
                const side = props.sides.get(f.id);
                const known = !side || side.side !== null;
                const length =
                  f.geometry.type === 'LineString' ? measureLength(f.geometry.coordinates) : null;
                return (
                  <li key={f.id}>
                    <button
                      type="button"
                      data-feature={f.id}
                      data-role={known ? (role ?? '') : ''}
                      data-side={side ? (side.side ?? 'pending') : undefined}
                      aria-current={f.id === props.selectedId}
                      onClick={() => props.onSelect(f.id)}
                    >
                      <span className="n">{i + 1}</span>
                      <span
                        className="swatch"
                        style={{ background: ROLE_COLORS[known ? (role ?? 'none') : 'none'] }}
                      />
                      <span className="role">{lineLabel(f, side, t)}</span>
                      {props.flagged.has(f.id) && (
                        <span className="flag" aria-hidden="true">
                          ⚠
                        </span>
                      )}
                      <span className="sub">
                        {what(f) ??
                          (f.geometry.type === 'Polygon'
                            ? t('editWater')
                            : length === null
                              ? t('editNoLength')
                              : t('editLength', { km: (length / 1000).toFixed(3) }))}
                      </span>
                    </button>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </div>
  );
}
