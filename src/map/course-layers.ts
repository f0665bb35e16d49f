// The bureau's river courses (河道底图, issue 18) on the map: what GET /api/courses gives the caller
// (staff see staff-only versions, the public only public ones). The source and its layers come with
// the first course, so that a map without any pays nothing; the lines are also what the line tool
// snaps to.
import type { FeatureCollection, Position } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';

const SOURCE = 'courses';

/** Colours of the courses, shared with the legend: a dark teal no other layer uses. */
export const COURSE_COLORS = { line: '#0b7285', water: '#66d9e8' } as const;

/** The courses' layers (ids are what tests read with `renderedIds`). */
const COURSE_LAYERS: LayerSpecification[] = [
  {
    id: 'course-water',
    type: 'fill',
    source: SOURCE,
    filter: ['==', ['get', 'role'], 'water'],
    paint: { 'fill-color': COURSE_COLORS.water, 'fill-opacity': 0.45 },
  },
  {
    id: 'course-bank',
    type: 'line',
    source: SOURCE,
    filter: ['==', ['get', 'role'], 'bank'],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': COURSE_COLORS.line, 'line-width': 1.5 },
  },
  {
    id: 'course-centreline',
    type: 'line',
    source: SOURCE,
    filter: ['==', ['get', 'role'], 'centreline'],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': COURSE_COLORS.line,
      'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 14, 3],
      'line-dasharray': [4, 2],
    },
  },
];

/** GET /api/courses (the session's cookie decides what comes back), or why it failed. */
export async function fetchCourses(): Promise<FeatureCollection | { error: string }> {
  try {
    const res = await fetch('/api/courses', { headers: { accept: 'application/json' } });
    if (!res.ok) return { error: `/api/courses: HTTP ${res.status}` };
    return (await res.json()) as FeatureCollection;
  } catch (err) {
    return { error: `/api/courses: ${String(err)}` };
  }
}

/** Draws the courses (under the labels); an empty collection clears them. */
export function showCourses(map: MaplibreMap, fc: FeatureCollection): void {
  const source = map.getSource<GeoJSONSource>(SOURCE);
  if (source) {
    source.setData(fc);
    return;
  }
  if (fc.features.length === 0) return;
  map.addSource(SOURCE, { type: 'geojson', data: fc });
  const before = map.getLayer('river-label') ? 'river-label' : undefined;
  for (const layer of COURSE_LAYERS) map.addLayer(layer, before);
}

/** The lines of the courses (centrelines, banks, water outlines) for snapping. */
export function courseLines(fc: FeatureCollection): Position[][] {
  return fc.features.flatMap((f): Position[][] => {
    const g = f.geometry;
    if (g?.type === 'LineString') return [g.coordinates];
    if (g?.type === 'MultiLineString' || g?.type === 'Polygon') return g.coordinates;
    if (g?.type === 'MultiPolygon') return g.coordinates.flat();
    return [];
  });
}
