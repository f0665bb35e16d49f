// Room for the map: the side panel (a river's, a plan's, a consulted round's) folds away and comes
// back with one visible toggle; Esc folds it; the choice is remembered in this browser.
import { useCallback, useEffect, useState } from 'react';
import type { HejieMap } from '../../map/hejie-map';
import { useLang } from '../i18n';
// the dictionary alone: this module is on the first screen, the message catalogs are not
import * as dict from './messages-maptools';

const KEY = 'hejie.panelFolded';

/** Whether Esc belongs to what has the focus (typing, a dialog) rather than to the panel. */
function escOwnedElsewhere(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable="true"], dialog[open]') !== null;
}

/** The fold state of the side panel, remembered; Esc folds an open panel unless a tool takes it. */
export function usePanelFold(hasPanel: boolean, map: HejieMap | null) {
  const [folded, setFoldedState] = useState(() => globalThis.localStorage?.getItem(KEY) === '1');
  const setFolded = useCallback((f: boolean) => {
    localStorage.setItem(KEY, f ? '1' : '0');
    setFoldedState(f);
  }, []);
  useEffect(() => {
    if (!hasPanel || folded) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || escOwnedElsewhere(e.target)) return;
      if (map?.toolActive()) return;
      setFolded(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [hasPanel, folded, map, setFolded]);
  return { folded: hasPanel && folded, setFolded };
}

/** The toggle: beside the open panel, or where it was when folded. */
export function PanelFoldButton(props: { folded: boolean; onToggle: (folded: boolean) => void }) {
  const { lang } = useLang();
  const d = lang === 'zh' ? dict.zh : dict.en;
  const label = props.folded ? d.panelUnfold : d.panelFold;
  return (
    <button
      type="button"
      className="panel-fold"
      aria-expanded={!props.folded}
      aria-label={label}
      title={label}
      onClick={() => props.onToggle(!props.folded)}
    >
      <span aria-hidden="true">{props.folded ? '«' : '»'}</span>
      <span className="label"> {label}</span>
    </button>
  );
}
