import { useMemo, useState } from 'react';
import type { EditChange, EditDiff } from '../../../domain/editor/diff-edits';
import { diffEdits } from '../../../domain/editor/diff-edits';
import type { EditFeature } from '../../../domain/editor/edit-types';
import type { MergeChoice, MergeConflict } from '../../../domain/editor/merge-edits';
import { mergeEdits } from '../../../domain/editor/merge-edits';
import { useLang } from '../../i18n';
import { useWt, type WT } from '../messages';
import { formatTime } from '../panel/show-problem';
import { describeChange, roleLabel } from './describe-change';
import type { Conflict } from './use-save-version';

const KIND_LABEL = {
  added: 'saveChangeAdded',
  removed: 'saveChangeRemoved',
  changed: 'saveChangeChanged',
} as const;

/** The changes of one side since the base, one line each. */
function ChangeList(props: { title: string; diff: EditDiff; side: 'theirs' | 'mine' }) {
  const t = useWt();
  const all: EditChange[] = [...props.diff.added, ...props.diff.changed, ...props.diff.removed];
  return (
    <div className="change-list" data-side={props.side}>
      <h4>{props.title}</h4>
      {all.length === 0 ? (
        <p className="sub">{t('saveConflictNothing')}</p>
      ) : (
        <ul>
          {all.map((c) => (
            <li key={`${c.kind}-${c.id}`} data-id={c.id} data-kind={c.kind}>
              <span className={`badge ${c.kind}`}>{t(KIND_LABEL[c.kind])}</span>{' '}
              {roleLabel(c.role, t)} <code>{c.id}</code>
              <span className="sub"> {describeChange(c, t)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function sideText(f: EditFeature | null, base: EditFeature, t: WT): string {
  if (!f) return t('saveConflictDeleted');
  const [c] = diffEdits([base], [f]).changed;
  return c ? describeChange(c, t) : '';
}

/** One conflict: what each side did, and a choice of 我的 / 对方的. */
function ConflictChoice(props: {
  conflict: MergeConflict;
  choice: MergeChoice | undefined;
  onChoose: (c: MergeChoice) => void;
}) {
  const t = useWt();
  const { conflict: c } = props;
  const name = `conflict-${c.id}`;
  return (
    <fieldset className="conflict" data-id={c.id}>
      <legend>
        {roleLabel(c.base.properties.role, t)} <code>{c.id}</code>
      </legend>
      {(['mine', 'theirs'] as const).map((side) => (
        <label key={side} className="choice">
          <input
            type="radio"
            name={name}
            value={side}
            checked={props.choice === side}
            onChange={() => props.onChoose(side)}
          />
          <strong>{t(side === 'mine' ? 'saveConflictMineSide' : 'saveConflictTheirSide')}</strong>
          <span className="sub">{sideText(c[side], c.base, t)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * A save refused with 409: who saved which version when, what they changed and what I changed
 * since my base, and 合并 (a choice per conflict) or 重新加载 (theirs, mine dropped, confirmed).
 */
export function ConflictView(props: {
  conflict: Conflict;
  mine: readonly EditFeature[];
  onMerge: (choices: Record<string, MergeChoice>) => void;
  onReload: () => void;
}) {
  const { lang } = useLang();
  const t = useWt();
  const { conflict, mine } = props;
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  const [asking, setAsking] = useState(false);
  const theirDiff = useMemo(() => diffEdits(conflict.base, conflict.theirs), [conflict]);
  const myDiff = useMemo(() => diffEdits(conflict.base, mine), [conflict, mine]);
  const merged = useMemo(
    () => mergeEdits({ base: conflict.base, mine, theirs: conflict.theirs }),
    [conflict, mine],
  );
  const open = merged.conflicts.filter((c) => !choices[c.id]);
  const { newest } = conflict;
  const v = { v: newest.version, base: conflict.baseVersion };

  return (
    <div className="conflict-view" role="alert" aria-labelledby="conflict-title">
      <h4 id="conflict-title">{t('saveConflictTitle')}</h4>
      <p>
        {t('saveConflictWho', {
          ...v,
          author: newest.author ?? '—',
          at: newest.createdAt ? formatTime(newest.createdAt, lang) : '—',
        })}
      </p>
      <ChangeList title={t('saveConflictTheirs', v)} diff={theirDiff} side="theirs" />
      <ChangeList title={t('saveConflictMine')} diff={myDiff} side="mine" />
      {merged.conflicts.length > 0 && (
        <div className="conflicts">
          <h4>{t('saveConflictBoth')}</h4>
          {merged.conflicts.map((c) => (
            <ConflictChoice
              key={c.id}
              conflict={c}
              choice={choices[c.id]}
              onChoose={(side) => setChoices((old) => ({ ...old, [c.id]: side }))}
            />
          ))}
        </div>
      )}
      {merged.renamed.map((r) => (
        <p key={r.from} className="sub">
          {t('saveConflictRenamed', { from: r.from, to: r.to })}
        </p>
      ))}
      {asking ? (
        <div className="actions confirm">
          <p>{t('saveConflictReloadAsk', v)}</p>
          <button
            type="button"
            className="danger"
            data-action="reload-yes"
            onClick={props.onReload}
          >
            {t('saveConflictReloadYes')}
          </button>
          <button type="button" className="secondary" onClick={() => setAsking(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="primary"
            data-action="merge"
            disabled={open.length > 0}
            title={open.length > 0 ? t('saveConflictChooseAll') : undefined}
            onClick={() => props.onMerge(choices)}
          >
            {t('saveConflictMerge')}
          </button>
          <button
            type="button"
            className="secondary"
            data-action="reload"
            onClick={() => setAsking(true)}
          >
            {t('saveConflictReload')}
          </button>
        </div>
      )}
      {open.length > 0 && <p className="hint">{t('saveConflictChooseAll')}</p>}
    </div>
  );
}
