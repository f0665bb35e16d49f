// What the public map may show of published markers: where they stand to about a metre, and what
// they are. Survey-grade coordinates (X/Y, chainage) stay behind the coordinate permission.
import type { Feature, FeatureCollection, Point } from 'geojson';

/** The properties a public marker keeps. */
export interface PublicMarkerProperties {
  id: string;
  kind: string;
  line: string;
  bank: string;
  plan: string;
  markerType: string;
}

/** A marker as the public map gets it. */
export type PublicMarker = Feature<Point, PublicMarkerProperties>;

const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A marker's point rounded to 1e-5° (≈ 1 m), or null when it is not a lon/lat point. */
function roundedPoint(f: Feature): Point | null {
  if (f.geometry?.type !== 'Point') return null;
  const [lon, lat] = f.geometry.coordinates;
  if (typeof lon !== 'number' || typeof lat !== 'number') return null;
  return { type: 'Point', coordinates: [round5(lon), round5(lat)] };
}

/**
 * A plan's published markers for the public map: properties limited to id, kind, line, bank, plan
 * and markerType; positions rounded to 1e-5° (≈ 1 m); anything not a point is left out.
 * @example redactMarkers(publication.markers, 'city-01')[0]?.properties // { id: 'QJ01-GL-L-001', kind: 'end', line: 'management', bank: 'left', plan: 'city-01', markerType: 'boundary' }
 */
export function redactMarkers(markers: FeatureCollection, plan: string): PublicMarker[] {
  return markers.features.flatMap((f): PublicMarker[] => {
    const geometry = roundedPoint(f);
    if (!geometry) return [];
    const p = f.properties ?? {};
    return [
      {
        type: 'Feature',
        geometry,
        properties: {
          id: text(p.id),
          kind: text(p.kind),
          line: text(p.line),
          bank: text(p.bank),
          plan,
          markerType: text(p.markerType),
        },
      },
    ];
  });
}

/** Marker properties that are survey coordinates: projected X/Y, their zone, and lon/lat as numbers. */
const COORDINATE_PROPERTIES: ReadonlySet<string> = new Set(['x', 'y', 'crs', 'lon', 'lat']);

/**
 * Markers for a reader without the coordinate permission (a consulted department): every property
 * but the survey coordinates (number, kind, line, bank, chainage stay), points rounded to 1e-5°
 * (≈ 1 m) as on the public map. A new collection; the input is not changed.
 * @example withoutCoordinates(markers).features[0]?.properties // { id: 'QJ01-GL-L-001', kind: 'end', chainageM: 0, … } (no x, y, crs, lon, lat)
 */
export function withoutCoordinates(markers: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: markers.features.flatMap((f): Feature[] => {
      const geometry = roundedPoint(f);
      if (!geometry) return [];
      const properties = Object.fromEntries(
        Object.entries(f.properties ?? {}).filter(([k]) => !COORDINATE_PROPERTIES.has(k)),
      );
      return [{ type: 'Feature', geometry, properties }];
    }),
  };
}
