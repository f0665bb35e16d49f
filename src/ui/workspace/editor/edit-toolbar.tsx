import type { RefObject } from 'react';
import type { DrawMode } from '../../../map/draw-session';
import { useWt } from '../messages';

/** The editor's buttons: three modes and the work tool (a line mode), then undo, redo, delete and reverse. */
export function EditToolbar(props: {
  mode: DrawMode;
  onMode: (mode: DrawMode) => void;
  /** the line tool draws a work's axis (涉水工程), not a bank line */
  drawingWork: boolean;
  onWork: () => void;
  /** the point tool places a work (泵站, 水文站) */
  onWorkPoint: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** a feature is selected (delete), a line is selected (reverse) */
  selected: 'none' | 'line' | 'polygon' | 'point';
  onUndo: () => void;
  onRedo: () => void;
  onDelete: () => void;
  onReverse: () => void;
  toolbar?: RefObject<HTMLDivElement | null>;
}) {
  const t = useWt();
  const modes = [
    { mode: 'line', label: t('editDrawLine') },
    { mode: 'polygon', label: t('editDrawWater') },
    { mode: 'select', label: t('editSelect') },
  ] as const;
  return (
    <div ref={props.toolbar} className="edit-toolbar" role="toolbar" aria-label={t('editToolbar')}>
      {modes.map((m) => (
        <button
          key={m.mode}
          type="button"
          data-tool={m.mode}
          aria-pressed={props.mode === m.mode && !(m.mode === 'line' && props.drawingWork)}
          onClick={() => props.onMode(m.mode)}
        >
          {m.label}
        </button>
      ))}
      <button
        type="button"
        data-tool="work"
        aria-pressed={props.mode === 'line' && props.drawingWork}
        onClick={props.onWork}
      >
        {t('workDraw')}
      </button>
      <button
        type="button"
        data-tool="work-point"
        aria-pressed={props.mode === 'point'}
        onClick={props.onWorkPoint}
      >
        {t('workPointDraw')}
      </button>
      <span className="sep" />
      <button
        type="button"
        data-tool="undo"
        disabled={!props.canUndo}
        onClick={props.onUndo}
        title="Ctrl+Z"
      >
        {t('editUndo')}
      </button>
      <button
        type="button"
        data-tool="redo"
        disabled={!props.canRedo}
        onClick={props.onRedo}
        title="Ctrl+Shift+Z / Ctrl+Y"
      >
        {t('editRedo')}
      </button>
      <button
        type="button"
        data-tool="delete"
        disabled={props.selected === 'none'}
        onClick={props.onDelete}
        title="Delete"
      >
        {t('editDelete')}
      </button>
      <button
        type="button"
        data-tool="reverse"
        disabled={props.selected !== 'line'}
        onClick={props.onReverse}
      >
        {t('editReverse')}
      </button>
    </div>
  );
}
