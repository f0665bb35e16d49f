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

/**
 * A plan's published markers for the public map: properties limited to id, kind, line, bank, plan
 * and markerType; positions rounded to 1e-5° (≈ 1 m); anything not a point is left out.
 * @example redactMarkers(publication.markers, 'city-01')[0]?.properties // { id: 'QJ01-GL-L-001', kind: 'end', line: 'management', bank: 'left', plan: 'city-01', markerType: 'boundary' }
 */
export function redactMarkers(markers: FeatureCollection, plan: string): PublicMarker[] {
  return markers.features.flatMap((f): PublicMarker[] => {
    if (f.geometry?.type !== 'Point') return [];
    const [lon, lat] = f.geometry.coordinates;
    if (typeof lon !== 'number' || typeof lat !== 'number') return [];
    const p = f.properties ?? {};
    return [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [round5(lon), round5(lat)] },
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
