import type { HejieMap } from './hejie-map';

/** How far a panel reaches over the map's right or bottom edge, in CSS pixels. */
export interface CoveredEdges {
  right?: number;
  bottom?: number;
}

/**
 * Flies to a point (a pinned comment, a marker, my position), zooming in to `minZoom` unless closer
 * already, and keeps the point in the part of the map a panel leaves free.
 */
export async function flyToPoint(
  map: HejieMap,
  lngLat: [number, number],
  covered: CoveredEdges = {},
  minZoom = 17,
): Promise<void> {
  const m = await map.mapWhenReady();
  m.flyTo({
    center: lngLat,
    zoom: Math.max(m.getZoom(), minZoom),
    offset: [-(covered.right ?? 0) / 2, -(covered.bottom ?? 0) / 2],
    duration: 800,
  });
}
