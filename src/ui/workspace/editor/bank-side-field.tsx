import type { LineSide } from '../../../domain/editor/bank-sides';
import { withSide } from '../../../domain/editor/bank-sides';
import type { EditFeature, EditProperties, LineRole } from '../../../domain/editor/edit-types';
import type { BankSide } from '../../../domain/editor/infer-bank-sides';
import { useWt } from '../messages';

const SIDE_KEYS = { left: 'editSideLeft', right: 'editSideRight' } as const;

/**
 * A line's bank (岸别) as the geometry gives it: shown, not chosen. A line alone is 待定 and may be
 * given a side once; a stated side the geometry contradicts is flagged, with the two ways out:
 * reverse the flow, or take the geometry's side.
 */
export function BankSideField(props: {
  feature: EditFeature;
  side: LineSide | undefined;
  /** the line flows the other way than the other bank's line */
  opposite: boolean;
  /** the line runs against the river's course */
  against: boolean;
  onChange: (properties: Partial<EditProperties>) => void;
  onReverse: () => void;
}) {
  const t = useWt();
  const { side, feature } = props;
  const role = feature.properties.role as LineRole;
  const shown = side?.side ?? null;
  const choose = (s: BankSide, from: 'chosen' | 'geometry') =>
    props.onChange({ role: withSide(role, s), sideFrom: from });
  const disagrees = side && !side.follows && side.inferred && side.inferred !== side.side;
  return (
    <div className="bank-side" data-side={shown ?? 'pending'}>
      <span className="label">{t('editSide')}</span>
      <strong>{shown ? t(SIDE_KEYS[shown]) : t('editSidePending')}</strong>
      {shown && !disagrees && !props.opposite && (
        <small>{side?.follows ? t('editSideInferred') : t('editSideStated')}</small>
      )}
      {props.opposite && (
        <p className="problem" role="alert">
          {t('editSideOpposite')}
        </p>
      )}
      {!shown && !props.opposite && (
        <span className="choose">
          <small>{t('editSidePendingHint')}</small>
          {(['left', 'right'] as const).map((s) => (
            <button key={s} type="button" data-choose={s} onClick={() => choose(s, 'chosen')}>
              {t('editSideChoose', { side: t(SIDE_KEYS[s]) })}
            </button>
          ))}
        </span>
      )}
      {props.against && (
        <div className="problem" role="alert" data-against="course">
          {t('editSideAgainst')}
          <span className="choose">
            <button type="button" data-action="reverse" onClick={props.onReverse}>
              {t('editReverse')}
            </button>
          </span>
        </div>
      )}
      {disagrees && side.inferred && (
        <div className="problem" role="alert" data-disagrees={side.inferred}>
          {t('editSideDisagrees', { side: t(SIDE_KEYS[side.inferred]) })}
          <span className="choose">
            <button type="button" data-action="reverse" onClick={props.onReverse}>
              {t('editReverse')}
            </button>
            <button
              type="button"
              data-accept={side.inferred}
              onClick={() => choose(side.inferred as BankSide, 'geometry')}
            >
              {t('editSideAccept', { side: t(SIDE_KEYS[side.inferred]) })}
            </button>
          </span>
        </div>
      )}
    </div>
  );
}
