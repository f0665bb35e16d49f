// A synthetic river course for tests (never in the demo): a zig-zag centreline of straight 100 m
// legs at ±30 m, two bank lines 25 m either side, and a water polygon between them, near 钦州
// (108.62°E 21.96°N). A pattern, not a river: every feature says `synthetic: true`.
import type { Feature, FeatureCollection } from 'geojson';

const LON0 = 108.62;
const LAT0 = 21.96;
const M_LAT = 110_760;
const M_LON = 111_320 * Math.cos((LAT0 * Math.PI) / 180);
const at = (east: number, north: number): [number, number] => [
  Math.round((LON0 + east / M_LON) * 1e8) / 1e8,
  Math.round((LAT0 + north / M_LAT) * 1e8) / 1e8,
];

/** The zig-zag's points (east, north) in metres: `legs` legs of 100 m east, alternating ±30 m north. */
function zigzag(legs: number, shift: number, east: number): [number, number][] {
  return Array.from({ length: legs + 1 }, (_, i) =>
    at(east + i * 100, (i % 2 === 0 ? -30 : 30) + shift),
  );
}

const feature = (geometry: Feature['geometry'], role: string): Feature => ({
  type: 'Feature',
  properties: { role, synthetic: true, name: `synthetic ${role}` },
  geometry,
});

/**
 * The synthetic course: 1 centreline, 2 bank lines, 1 water polygon (`legs` × 100 m long), moved
 * `east` metres east (two courses side by side).
 */
export function syntheticCourse(legs = 12, east = 0): FeatureCollection {
  const left = zigzag(legs, 25, east);
  const right = zigzag(legs, -25, east);
  return {
    type: 'FeatureCollection',
    features: [
      feature({ type: 'LineString', coordinates: zigzag(legs, 0, east) }, 'centreline'),
      feature({ type: 'LineString', coordinates: left }, 'bank'),
      feature({ type: 'LineString', coordinates: right }, 'bank'),
      feature(
        {
          type: 'Polygon',
          coordinates: [[...right, ...left.toReversed(), right[0] as [number, number]]],
        },
        'water',
      ),
    ],
  };
}

/** The course as the bytes of a .geojson file. */
export function syntheticCourseFile(legs = 12, east = 0): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(syntheticCourse(legs, east)));
}
