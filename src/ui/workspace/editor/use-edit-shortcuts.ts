import { useEffect, useRef } from 'react';

/** What the editor's keys do. */
export interface EditKeys {
  undo: () => void;
  redo: () => void;
  remove: () => void;
}

/**
 * Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo (⌘ on a Mac), Delete removes the selection; keys typed
 * into a field stay the field's.
 */
export function useEditShortcuts(keys: EditKeys): void {
  const current = useRef(keys);
  current.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as Element | null;
      if (target?.closest?.('input, textarea, select, [contenteditable="true"]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !e.shiftKey) current.current.undo();
      else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) current.current.redo();
      else if (!mod && e.key === 'Delete') current.current.remove();
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
