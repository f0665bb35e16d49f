import { useEffect, useState } from 'react';
import type { Session } from '../../api';
import { ApiError } from '../../api';
import { useWt, type WT } from '../messages';
import { showProblem } from '../panel/show-problem';
import type { PlanEditor } from '../panel/use-plan-editor';
import { ConflictView } from './conflict-view';
import { DraftOffer } from './draft-offer';
import './save.css';
import type { SaveStatus } from './use-save-version';
import { useSaveVersion } from './use-save-version';

/** The current time, ticking every half second while `on` (a retry's countdown). */
function useNow(on: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!on) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, [on]);
  return now;
}

/** What the state line says, and its data-state for tests and styles. */
function stateLine(status: SaveStatus, dirty: boolean, kept: boolean, now: number, t: WT) {
  switch (status.kind) {
    case 'saving':
      return ['saving', t('saveSaving')] as const;
    case 'retrying': {
      const n = Math.max(0, Math.ceil((status.at - now) / 1000));
      return ['retrying', t(kept ? 'saveRetrying' : 'saveRetryingUnkept', { n })] as const;
    }
    case 'conflict':
      return ['conflict', t('saveConflictTitle')] as const;
    case 'merged':
      if (dirty) return ['merged', t('saveMerged', { v: status.version })] as const;
      break;
    case 'saved':
      if (!dirty) return ['saved', t('saveSavedAs', { v: status.version })] as const;
      break;
  }
  return dirty ? (['dirty', t('saveDirty')] as const) : (['clean', t('saveNoChanges')] as const);
}

/** A refusal in plain words; a 400 names the field. */
function Refusal({ error }: { error: unknown }) {
  const t = useWt();
  const field =
    error instanceof ApiError && typeof error.body?.field === 'string' ? error.body.field : null;
  const msg = error instanceof ApiError && error.status === 400 ? error.message : null;
  return (
    <div className="problem" role="alert">
      {msg ? t('saveRefused', { msg }) : showProblem(error, t)}
      {field && <div className="sub">{t('saveRefusedField', { field })}</div>}
    </div>
  );
}

/**
 * Saving the working copy as a version: its state (无更改 / 有未保存的更改 / 保存中… / 已保存为第
 * N 版 / 连接中断 with 立即重试), a 版本说明 and 保存; a stored draft to restore; a 409's conflict
 * view. Leaving the page with unsaved changes asks first.
 */
export function SaveBar(props: { editor: PlanEditor; session: Session; onSaved: () => void }) {
  const t = useWt();
  const { editor, session } = props;
  const { state } = editor;
  const me = { username: session.actor.username, csrf: session.csrf };
  const { status, save, retryNow, merge, reload } = useSaveVersion(editor, me, props.onSaved);
  const [comment, setComment] = useState('');
  const busy = status.kind === 'saving' || status.kind === 'retrying';
  const now = useNow(status.kind === 'retrying');
  const kept = editor.local.failure === null;
  const [kind, line] = stateLine(status, state.dirty, kept, now, t);

  useEffect(() => {
    if (!state.dirty && !busy) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ''; // older browsers ask only when this is set
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.dirty, busy]);

  useEffect(() => {
    if (status.kind === 'saved') setComment('');
  }, [status.kind]);

  const canSave =
    editor.loaded && state.dirty && !busy && !editor.offer && status.kind !== 'conflict';
  const failure = editor.local.failure;
  return (
    <section className="save-bar" aria-labelledby="save-bar-title" data-state={kind}>
      <h3 id="save-bar-title">{t('saveTitle')}</h3>
      {editor.offer && (
        <DraftOffer offer={editor.offer} onRestore={editor.restore} onDiscard={editor.discard} />
      )}
      <p className={`save-state ${kind}`} aria-live="polite">
        {line}
        <span className="sub block">
          {t(state.baseVersion > 0 ? 'saveBase' : 'saveBaseNone', {
            v: state.baseVersion,
            n: state.features.length,
          })}
        </span>
      </p>
      {editor.error !== null && (
        <p className="problem" role="alert">
          {showProblem(editor.error, t)}
        </p>
      )}
      {failure && (
        <p className="problem" role="alert">
          {t(failure.quota ? 'saveLocalQuota' : 'saveLocalFailed', { msg: failure.message })}
        </p>
      )}
      <label className="field">
        {t('saveComment')}
        <textarea
          id="save-comment"
          rows={1}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-action="save"
          disabled={!canSave}
          onClick={() => save(comment)}
        >
          {t('saveButton')}
        </button>
        {status.kind === 'retrying' && (
          <button
            type="button"
            className="secondary"
            data-action="retry"
            onClick={() => retryNow(comment)}
          >
            {t('saveRetryNow')}
          </button>
        )}
      </div>
      {status.kind === 'refused' && <Refusal error={status.error} />}
      {status.kind === 'conflict' && (
        <ConflictView
          conflict={status.conflict}
          mine={state.features}
          onMerge={(choices) => merge(status.conflict, choices)}
          onReload={() => reload(status.conflict)}
        />
      )}
    </section>
  );
}
