// Picking a river or reservoir by a click or tap on the map.
import type { Map as MaplibreMap } from 'maplibre-gl';
import { CLICKABLE_LAYERS } from './layers';

/** A finger is wider than a 2 px river line: a click hits what lies within this many pixels. */
const CLICK_TOLERANCE_PX = 6;

/**
 * Calls `onSelect` with the waterbody id under a click (null: none), with a pointer cursor over what
 * can be picked. The app ignores it while a plan is open (drawing and picking happen there).
 */
export function selectOnClick(
  map: MaplibreMap,
  onSelect: (waterbodyId: string | null) => void,
): void {
  map.on('click', (e) => {
    const { x, y } = e.point;
    const box: [[number, number], [number, number]] = [
      [x - CLICK_TOLERANCE_PX, y - CLICK_TOLERANCE_PX],
      [x + CLICK_TOLERANCE_PX, y + CLICK_TOLERANCE_PX],
    ];
    const hits = map.queryRenderedFeatures(box, { layers: CLICKABLE_LAYERS });
    const named = hits.find((f) => f.properties?.riverId ?? f.properties?.waterbodyId);
    const p = named?.properties ?? {};
    onSelect((p.riverId ?? p.waterbodyId ?? null) as string | null);
  });
  for (const layer of CLICKABLE_LAYERS) {
    map.on('mouseenter', layer, () => {
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', layer, () => {
      map.getCanvas().style.cursor = '';
    });
  }
}
