// 在地图上标注: the next tap or click on the map gives a point instead of selecting a river.
import type { HejieMap } from './hejie-map';

/** A press that moved further than this is a pan, not a pick (CSS pixels). */
const MOVE_TOLERANCE_PX = 6;

/** The class on the map's container while a point is being picked (a crosshair cursor in CSS). */
const PICKING_CLASS = 'hejie-picking';

/**
 * Waits for the next tap or click on the map and resolves with its [lon, lat] (rounded to 1e-7°,
 * about 1 cm); Esc or `signal` resolves null. The click is taken before the map sees it, so it
 * selects nothing; a drag still pans the map.
 */
export async function pickPoint(
  map: HejieMap,
  signal: AbortSignal,
): Promise<[number, number] | null> {
  const m = await map.mapWhenReady();
  if (signal.aborted) return null;
  const container = m.getContainer();
  return new Promise((resolve) => {
    let down: { x: number; y: number } | null = null;
    const onDown = (e: PointerEvent) => {
      down = { x: e.clientX, y: e.clientY };
    };
    const onClick = (e: MouseEvent) => {
      // the zoom buttons and the attribution stay usable while picking
      if (!(e.target instanceof Element) || !e.target.closest('.maplibregl-canvas-container')) {
        return;
      }
      if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > MOVE_TOLERANCE_PX) return;
      e.stopPropagation();
      e.preventDefault();
      const rect = m.getCanvas().getBoundingClientRect();
      const at = m.unproject([e.clientX - rect.left, e.clientY - rect.top]);
      const round = (v: number) => Math.round(v * 1e7) / 1e7;
      finish([round(at.lng), round(at.lat)]);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') finish(null);
    };
    const onAbort = () => finish(null);
    function finish(point: [number, number] | null) {
      container.removeEventListener('pointerdown', onDown, true);
      container.removeEventListener('click', onClick, true);
      document.removeEventListener('keydown', onKey);
      signal.removeEventListener('abort', onAbort);
      container.classList.remove(PICKING_CLASS);
      resolve(point);
    }
    container.addEventListener('pointerdown', onDown, true);
    container.addEventListener('click', onClick, true);
    document.addEventListener('keydown', onKey);
    signal.addEventListener('abort', onAbort);
    container.classList.add(PICKING_CLASS);
  });
}
