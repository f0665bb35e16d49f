// 定位: my position, its accuracy circle and the line to the nearest draft marker, for 现场复核.
// The source and its layers are added the first time a position is shown (never for the public).
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { GeoJSONSource, LayerSpecification } from 'maplibre-gl';
import type { HejieMap } from './hejie-map';

/** My position (`id: 'me'`), its accuracy circle (`id: 'accuracy'`), the line to the nearest marker. */
const FIELD_SOURCE = 'field-position';

const ME = '#1971c2';

/** The field layers, drawn over everything else: a fix in the field must not hide under a zone. */
const FIELD_LAYERS: LayerSpecification[] = [
  {
    id: 'field-accuracy',
    type: 'fill',
    source: FIELD_SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': ME, 'fill-opacity': 0.12 },
  },
  {
    id: 'field-accuracy-line',
    type: 'line',
    source: FIELD_SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'line-color': ME, 'line-width': 1, 'line-opacity': 0.6 },
  },
  {
    id: 'field-nearest-line',
    type: 'line',
    source: FIELD_SOURCE,
    filter: ['==', ['geometry-type'], 'LineString'],
    paint: { 'line-color': ME, 'line-width': 2, 'line-dasharray': [1.5, 1.5] },
  },
  {
    id: 'field-position',
    type: 'circle',
    source: FIELD_SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-color': ME,
      'circle-radius': 7,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2.5,
    },
  },
];

/** What the field layers show: where I am, how sure, and the nearest marker when there is one. */
export interface FieldView {
  lon: number;
  lat: number;
  /** radius of the accuracy circle, metres (the browser's `coords.accuracy`) */
  accuracyM: number;
  /** the nearest marker's [lon, lat], joined to my position by a dashed line */
  nearest: [number, number] | null;
}

const METRES_PER_DEGREE_LAT = 111_320;
const CIRCLE_STEPS = 64;

/** A circle of `radiusM` around a point, on the local tangent plane (a few metres to a few km). */
function circle(lon: number, lat: number, radiusM: number): Position[] {
  const dLat = radiusM / METRES_PER_DEGREE_LAT;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  return Array.from({ length: CIRCLE_STEPS + 1 }, (_, i) => {
    const a = (2 * Math.PI * (i % CIRCLE_STEPS)) / CIRCLE_STEPS;
    return [lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)];
  });
}

function fieldFeatures(view: FieldView): FeatureCollection {
  const features: Feature[] = [
    {
      type: 'Feature',
      properties: { id: 'accuracy' },
      geometry: { type: 'Polygon', coordinates: [circle(view.lon, view.lat, view.accuracyM)] },
    },
    {
      type: 'Feature',
      properties: { id: 'me' },
      geometry: { type: 'Point', coordinates: [view.lon, view.lat] },
    },
  ];
  if (view.nearest) {
    features.push({
      type: 'Feature',
      properties: { id: 'nearest' },
      geometry: { type: 'LineString', coordinates: [[view.lon, view.lat], view.nearest] },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Shows my position on the map (null clears it). The first position adds the source and layers. */
export async function showFieldPosition(map: HejieMap, view: FieldView | null): Promise<void> {
  const m = await map.mapWhenReady();
  const data = view ? fieldFeatures(view) : { type: 'FeatureCollection' as const, features: [] };
  const source = m.getSource<GeoJSONSource>(FIELD_SOURCE);
  if (source) source.setData(data);
  else if (view) {
    m.addSource(FIELD_SOURCE, { type: 'geojson', data });
    for (const layer of FIELD_LAYERS) m.addLayer(layer);
  }
}
