import { useMemo } from 'react';
import type { EditFeature } from '../../../domain/editor/edit-types';
import { measureLength } from '../../../domain/editor/measure-length';
import { ROLE_COLORS } from '../../../map/draw-styles';
import { useWt } from '../messages';
import { roleLabel } from './problem-text';

/** The working copy by reach: each line with its role, bank (左岸/右岸, from the flow) and length. */
export function LineList(props: {
  features: readonly EditFeature[];
  selectedId: string | null;
  /** ids of features whose properties have problems */
  flagged: ReadonlySet<string>;
  onSelect: (id: string) => void;
}) {
  const t = useWt();
  const reaches = useMemo(() => {
    const by = new Map<string, EditFeature[]>();
    for (const f of props.features)
      by.set(f.properties.reach, [...(by.get(f.properties.reach) ?? []), f]);
    return [...by.entries()];
  }, [props.features]);
  if (props.features.length === 0) return <p className="hint">{t('editEmpty')}</p>;
  return (
    <div className="edit-reaches">
      {reaches.map(([reach, features]) => (
        <section key={reach} data-reach={reach} aria-label={t('editReach', { r: reach })}>
          <h4>{t('editReach', { r: reach })}</h4>
          <ul>
            {features.map((f) => {
              const role = f.properties.role;
              const color = ROLE_COLORS[role ?? 'none'];
              const length =
                f.geometry.type === 'LineString' ? measureLength(f.geometry.coordinates) : null;
              return (
                <li key={f.id}>
                  <button
                    type="button"
                    data-feature={f.id}
                    data-role={role ?? ''}
                    aria-current={f.id === props.selectedId}
                    onClick={() => props.onSelect(f.id)}
                  >
                    <span className="swatch" style={{ background: color }} />
                    <span className="role">{roleLabel(role, t)}</span>
                    {props.flagged.has(f.id) && (
                      <span className="flag" aria-hidden="true">
                        ⚠
                      </span>
                    )}
                    <span className="sub">
                      {f.geometry.type === 'Polygon'
                        ? t('editWater')
                        : length === null
                          ? t('editNoLength')
                          : t('editLength', { km: (length / 1000).toFixed(3) })}
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
