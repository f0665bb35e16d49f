// The published markers for the public map (GET /api/markers), and which kinds they hold.
import type { FeatureCollection } from 'geojson';

/** Which kinds of published markers the map draws, for the legend. */
export interface MarkerKinds {
  boundary: boolean;
  noticeBoard: boolean;
}

/** GET /api/markers, or why it failed (the map reports it through onDataError, never throws). */
export async function fetchMarkers(): Promise<FeatureCollection | { error: string }> {
  try {
    const res = await fetch('/api/markers', { headers: { accept: 'application/geo+json' } });
    if (!res.ok) return { error: `/api/markers: HTTP ${res.status}` };
    return (await res.json()) as FeatureCollection;
  } catch (err) {
    return { error: `/api/markers: ${String(err)}` };
  }
}

/** The kinds of markers in a collection (boundary markers, notice boards). */
export function markerKinds(fc: FeatureCollection): MarkerKinds {
  const types = new Set(fc.features.map((f) => f.properties?.markerType));
  return { boundary: types.has('boundary'), noticeBoard: types.has('notice-board') };
}
