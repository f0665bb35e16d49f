// How far the side panel covers the map, so that a zoom keeps what it shows clear of it.

const MIN_FREE_PX = 240;

/** How far the river panel reaches over the map: from the right on a desk, from below on a phone. */
export function coveredEdges(map: Element | null = document.querySelector('.map-pane .map')): {
  right?: number;
  bottom?: number;
} {
  const panel = document.querySelector('.river-panel');
  if (!map || !panel) return {};
  const m = map.getBoundingClientRect();
  const p = panel.getBoundingClientRect();
  if (p.width >= m.width * 0.9) {
    const bottom = Math.max(0, m.bottom - p.top);
    return m.height - bottom >= MIN_FREE_PX ? { bottom } : {};
  }
  const right = Math.max(0, m.right - p.left);
  // too little room beside the panel: better the river partly under it than a tiny, far-out map
  return m.width - right >= MIN_FREE_PX ? { right } : {};
}
