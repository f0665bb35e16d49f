// What an import would add, drawn while the planner confirms it: where the file's features land is
// the plainest check of its CRS. Added with the first preview only; null clears it.
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, LayerSpecification } from 'maplibre-gl';
import type { HejieMap } from './hejie-map';

const SOURCE = 'import-preview';
/** Violet: no published, draft or base colour uses it. */
const COLOR = '#7048e8';

const isType = (...types: string[]): ExpressionSpecification => [
  'match',
  ['geometry-type'],
  types,
  true,
  false,
];

/** The preview's layers, over everything else (it is what the planner is looking at). */
const IMPORT_PREVIEW_LAYERS: LayerSpecification[] = [
  {
    id: 'import-preview-fill',
    type: 'fill',
    source: SOURCE,
    filter: isType('Polygon', 'MultiPolygon'),
    paint: { 'fill-color': COLOR, 'fill-opacity': 0.15 },
  },
  {
    id: 'import-preview-outline',
    type: 'line',
    source: SOURCE,
    filter: isType('Polygon', 'MultiPolygon'),
    paint: { 'line-color': COLOR, 'line-width': 1.5, 'line-dasharray': [2, 1] },
  },
  {
    id: 'import-preview-line',
    type: 'line',
    source: SOURCE,
    filter: isType('LineString', 'MultiLineString'),
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': COLOR, 'line-width': 3 },
  },
  {
    id: 'import-preview-points',
    type: 'circle',
    source: SOURCE,
    filter: isType('Point', 'MultiPoint'),
    paint: {
      'circle-color': '#ffffff',
      'circle-radius': 4,
      'circle-stroke-color': COLOR,
      'circle-stroke-width': 2,
    },
  },
];

/** Draws an import's features for confirmation on the page's map; null clears them. */
export async function showImportPreview(
  hejieMap: HejieMap,
  fc: FeatureCollection | null,
): Promise<void> {
  const map = await hejieMap.mapWhenReady();
  const source = map.getSource<GeoJSONSource>(SOURCE);
  if (source) {
    source.setData(fc ?? { type: 'FeatureCollection', features: [] });
    return;
  }
  if (!fc) return;
  map.addSource(SOURCE, { type: 'geojson', data: fc });
  for (const layer of IMPORT_PREVIEW_LAYERS) map.addLayer(layer);
}
