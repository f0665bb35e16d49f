import type { CoveredEdges } from '../../../map/fly-to';

/** Least map left free beside or above the panel for it to count as covering an edge (CSS px). */
const MIN_FREE_PX = 200;

/**
 * How far the plan panel reaches over the map: from below on a phone (a bottom sheet), from the
 * right on a desk; so that a point flown to lands in the part of the map that shows.
 */
export function panelCover(): CoveredEdges {
  const map = document.querySelector('[data-testid="map"]');
  const panel = document.querySelector('.plan-panel');
  if (!map || !panel) return {};
  const m = map.getBoundingClientRect();
  const p = panel.getBoundingClientRect();
  if (p.width >= m.width * 0.9) {
    const bottom = Math.max(0, m.bottom - p.top);
    return m.height - bottom >= MIN_FREE_PX / 2 ? { bottom } : {};
  }
  const right = Math.max(0, m.right - p.left);
  return m.width - right >= MIN_FREE_PX ? { right } : {};
}
