// A synthetic plan of any size, for the responsiveness test and bench: two toe lines of `vertices`
// vertices each, 1 m apart, flowing east near 108.6°E 21.95°N, ±40 m from a gently winding centre
// line (a sine of 8 m over 600 m). Generated, not a river's shape: flagged `synthetic: true`.
import type { Feature, LineString } from 'geojson';

const LAT0 = 21.95;
const M_PER_DEG_LAT = 110_760;
const M_PER_DEG_LON = 111_320 * Math.cos((LAT0 * Math.PI) / 180);

function toeLine(vertices: number, side: 1 | -1): Feature<LineString> {
  const coordinates: [number, number][] = [];
  const west = 108.6 - vertices / 2 / M_PER_DEG_LON;
  for (let i = 0; i < vertices; i++) {
    const north = side * 40 + 8 * Math.sin((2 * Math.PI * i) / 600);
    coordinates.push([
      Math.round((west + i / M_PER_DEG_LON) * 1e8) / 1e8,
      Math.round((LAT0 + north / M_PER_DEG_LAT) * 1e8) / 1e8,
    ]);
  }
  return {
    type: 'Feature',
    properties: {
      reach: 'SYN01',
      role: side === 1 ? 'toe-left' : 'toe-right',
      embankmentClass: 3,
      synthetic: true,
    },
    geometry: { type: 'LineString', coordinates },
  };
}

/** Left and right toe lines of one synthetic reach, `vertices` vertices each. */
export function syntheticPlan(vertices: number): Feature<LineString>[] {
  return [toeLine(vertices, 1), toeLine(vertices, -1)];
}
