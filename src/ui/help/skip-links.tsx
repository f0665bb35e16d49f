import { useAt } from './messages-access';

/** Focuses the first element matching one of `selectors` once the page has re-rendered. */
function focusFirst(selectors: string[]): void {
  requestAnimationFrame(() => {
    for (const s of selectors) {
      const el = document.querySelector<HTMLElement>(s);
      if (el && el.offsetParent !== null) {
        // a panel or section is not focusable by itself: focusable from script, not by Tab
        if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
        el.focus();
        return;
      }
    }
  });
}

/**
 * The page's first focusable elements, visible only when focused: skip the header to the map (its
 * canvas, which the arrow keys pan) or to the open panel, else the register. `onMap`/`onPanel` show
 * that part first on a phone, where the tabs show one at a time.
 */
export function SkipLinks(props: { onMap: () => void; onPanel: () => void }) {
  const at = useAt();
  return (
    <div className="skip-links">
      <button
        type="button"
        onClick={() => {
          props.onMap();
          focusFirst(['.maplibregl-canvas']);
        }}
      >
        {at('skipToMap')}
      </button>
      <button
        type="button"
        onClick={() => {
          props.onPanel();
          focusFirst(['aside.river-panel', '#register']);
        }}
      >
        {at('skipToPanel')}
      </button>
    </div>
  );
}
