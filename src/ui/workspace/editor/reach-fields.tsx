import { useState } from 'react';
import type { EditFeature } from '../../../domain/editor/edit-types';
import { useWt } from '../messages';

const NEW_REACH = '__new__';

/**
 * The reach a feature belongs to, chosen by the reach's label (钦江 城区段, never `reach-1`), and the
 * reach's name, given to every feature of the reach when the field is left or Enter is pressed.
 */
export function ReachFields(props: {
  feature: EditFeature;
  reaches: { id: string; label: string }[];
  onReach: (reach: string) => void;
  onName: (name: string) => void;
}) {
  const t = useWt();
  const p = props.feature.properties;
  const [name, setName] = useState(p.reachName ?? '');
  const commit = () => {
    if (name.trim() !== (p.reachName ?? '')) props.onName(name);
  };
  return (
    <>
      <label>
        {t('editReachLabel')}
        <select
          name="reach"
          value={p.reach}
          onChange={(e) => {
            const used = new Set(props.reaches.map((r) => r.id));
            let reach = e.target.value;
            for (let n = used.size + 1; reach === NEW_REACH; n++)
              if (!used.has(`reach-${n}`)) reach = `reach-${n}`;
            props.onReach(reach);
          }}
        >
          {props.reaches.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
          <option value={NEW_REACH}>{t('editNewReach')}</option>
        </select>
      </label>
      <label>
        {t('editReachName')}
        <input
          name="reachName"
          value={name}
          placeholder={t('editReachNameHint')}
          maxLength={40}
          onChange={(e) => setName(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
        />
      </label>
    </>
  );
}
