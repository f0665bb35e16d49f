// The map's answers to a person: what lies under the cursor (or the view's centre on a touch screen),
// what a click hit, and going to a point or a marker. Each watcher returns its way to stop.
import { type Map as MaplibreMap, Popup } from 'maplibre-gl';
import { flyToPoint } from './fly-to';
import type { HejieMap } from './hejie-map';
import { findMarker, type MapHit, pickFeature } from './pick-feature';

export type { MapHit } from './pick-feature';

type Stop = () => void;

async function whenMap(hejie: HejieMap): Promise<MaplibreMap | null> {
  return hejie.mapWhenReady().catch(() => null);
}

/** Calls back with the lon/lat under the mouse, and null when it leaves the map. */
export function watchPointer(hejie: HejieMap, onPoint: (p: [number, number] | null) => void): Stop {
  let stop: Stop = () => undefined;
  let stopped = false;
  void whenMap(hejie).then((map) => {
    if (!map || stopped) return;
    const move = (e: { lngLat: { lng: number; lat: number } }) =>
      onPoint([e.lngLat.lng, e.lngLat.lat]);
    const out = () => onPoint(null);
    map.on('mousemove', move);
    map.on('mouseout', out);
    stop = () => {
      map.off('mousemove', move);
      map.off('mouseout', out);
    };
  });
  return () => {
    stopped = true;
    stop();
  };
}

/** Calls back with the view's centre now and whenever the view moves. */
export function watchCentre(hejie: HejieMap, onPoint: (p: [number, number]) => void): Stop {
  let stop: Stop = () => undefined;
  let stopped = false;
  void whenMap(hejie).then((map) => {
    if (!map || stopped) return;
    const move = () => {
      const c = map.getCenter();
      onPoint([c.lng, c.lat]);
    };
    move();
    map.on('move', move);
    stop = () => map.off('move', move);
  });
  return () => {
    stopped = true;
    stop();
  };
}

/**
 * Calls back with what a click hit (null: nothing). Clicks that belong to a tool (measuring, picking
 * a point) or to a drawing tool (a line or polygon being drawn: double-click zoom is off) are left alone.
 */
export function watchPicks(hejie: HejieMap, onHit: (hit: MapHit | null) => void): Stop {
  let stop: Stop = () => undefined;
  let stopped = false;
  void whenMap(hejie).then((map) => {
    if (!map || stopped) return;
    const click = (e: { point: { x: number; y: number } }) => {
      if (hejie.toolActive()) return;
      void pickFeature(map, e.point).then(onHit, () => onHit(null));
    };
    map.on('click', click);
    stop = () => map.off('click', click);
  });
  return () => {
    stopped = true;
    stop();
  };
}

/** The view's centre. */
export async function viewCentre(hejie: HejieMap): Promise<[number, number]> {
  const map = await hejie.mapWhenReady();
  const c = map.getCenter();
  return [c.lng, c.lat];
}

/** Flies to a marker of the published markers or the open draft; false when there is none. */
export async function goToMarker(
  hejie: HejieMap,
  id: string,
  covered: { right?: number; bottom?: number },
): Promise<[number, number] | null> {
  const map = await hejie.mapWhenReady();
  const at = await findMarker(map, id);
  if (at) await flyToPoint(hejie, at, covered, 17);
  return at;
}

/** Flies to a point, closer than the river view (a coordinate typed in the go-to box). */
export async function goToPoint(
  hejie: HejieMap,
  lngLat: [number, number],
  covered: { right?: number; bottom?: number },
): Promise<void> {
  await flyToPoint(hejie, lngLat, covered, 16);
}

/**
 * Shows `content` (a node the UI renders into) in a popup pointing at a lon/lat, moving with the
 * map; returns its remover. No close button of MapLibre's own (its label is English): the content
 * has its own.
 */
export async function showPopup(
  hejie: HejieMap,
  lngLat: [number, number],
  content: HTMLElement,
): Promise<() => void> {
  const map = await hejie.mapWhenReady();
  const popup = new Popup({
    closeButton: false,
    closeOnClick: false,
    maxWidth: '320px',
    offset: 10,
  })
    .setLngLat(lngLat)
    .setDOMContent(content)
    .addTo(map);
  return () => popup.remove();
}
