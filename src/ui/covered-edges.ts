// How far the side panel covers the map, so that a zoom keeps what it shows clear of it.

/** Least map left beside the panel for a zoom to keep clear of it. */
export const MIN_FREE_PX = 240;

/**
 * How far the river panel reaches over the map: from the right on a desk, from below on a phone;
 * nothing when less than `minFree` pixels would be left beside it (`minFreeAbove` above it) (better
 * partly under the panel than a tiny, far-out map).
 */
export function coveredEdges(
  map: Element | null = document.querySelector('.map-pane .map'),
  minFree = MIN_FREE_PX,
  minFreeAbove = minFree,
): { right?: number; bottom?: number; left?: number } {
  const panel = document.querySelector('.river-panel');
  if (!map || !panel) return {};
  const m = map.getBoundingClientRect();
  const p = panel.getBoundingClientRect();
  if (p.width >= m.width * 0.9) {
    const bottom = Math.max(0, m.bottom - p.top);
    return m.height - bottom >= minFreeAbove ? { bottom } : {};
  }
  const right = Math.max(0, m.right - p.left);
  return m.width - right >= minFree ? { right } : {};
}

/** The same for a point the map flies to (a marker, my position, a pinned comment): it needs less room. */
export const pointCover = () => coveredEdges(undefined, 200, 100);
