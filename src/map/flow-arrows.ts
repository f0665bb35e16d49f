// Flow direction along the edited lines: arrowheads repeated along each line, pointing from its
// first point to its last (upstream → downstream), in the line's role colour. The style has no
// glyphs, so the arrow is an image drawn on a canvas and tinted (an SDF icon), not a text "→".
import type { FeatureCollection, LineString } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import { ROLE_COLORS } from './draw-styles';

/** The arrows' source: one LineString per edited line, with its `id` and `role`. */
const ARROWS_SOURCE = 'edit-arrows';

const ARROW_IMAGE = 'hejie-flow-arrow';
const SIZE = 24;

const colorByRole: ExpressionSpecification = [
  'match',
  ['get', 'role'],
  'toe-left',
  ROLE_COLORS['toe-left'],
  'toe-right',
  ROLE_COLORS['toe-right'],
  'bank-left',
  ROLE_COLORS['bank-left'],
  'bank-right',
  ROLE_COLORS['bank-right'],
  ROLE_COLORS.none,
];

/** The arrow layer: an arrowhead every 90 px along each line, turned with it. */
const ARROWS_LAYER: LayerSpecification = {
  id: 'edit-arrows',
  type: 'symbol',
  source: ARROWS_SOURCE,
  layout: {
    'symbol-placement': 'line',
    'symbol-spacing': 90,
    'icon-image': ARROW_IMAGE,
    'icon-size': ['interpolate', ['linear'], ['zoom'], 10, 0.7, 16, 1.1],
    'icon-rotation-alignment': 'map',
    'icon-allow-overlap': true,
    'icon-ignore-placement': true,
  },
  paint: {
    'icon-color': colorByRole,
    'icon-halo-color': '#ffffff',
    'icon-halo-width': 1.5,
  },
};

/** A right-pointing arrowhead (east = the line's direction once the symbol follows the line). */
function arrowImage(): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas to draw the flow arrow');
  ctx.fillStyle = '#000000';
  ctx.beginPath();
  ctx.moveTo(4, 4);
  ctx.lineTo(SIZE - 3, SIZE / 2);
  ctx.lineTo(4, SIZE - 4);
  ctx.lineTo(9, SIZE / 2);
  ctx.closePath();
  ctx.fill();
  return ctx.getImageData(0, 0, SIZE, SIZE);
}

/** Adds the arrow image, source and layer (once), under `before` when given. */
export function addFlowArrows(map: MaplibreMap, before?: string): void {
  if (!map.hasImage(ARROW_IMAGE)) map.addImage(ARROW_IMAGE, arrowImage(), { sdf: true });
  if (!map.getSource(ARROWS_SOURCE)) {
    map.addSource(ARROWS_SOURCE, {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
    });
  }
  if (!map.getLayer(ARROWS_LAYER.id)) map.addLayer(ARROWS_LAYER, before);
}

/** Replaces the arrowed lines. */
export function setFlowArrows(
  map: MaplibreMap,
  fc: FeatureCollection<LineString, { id: string; role: string | null }>,
): void {
  map.getSource<import('maplibre-gl').GeoJSONSource>(ARROWS_SOURCE)?.setData(fc);
}

/** Removes the arrows (the image stays: a later session reuses it). */
export function removeFlowArrows(map: MaplibreMap): void {
  if (map.getLayer(ARROWS_LAYER.id)) map.removeLayer(ARROWS_LAYER.id);
  if (map.getSource(ARROWS_SOURCE)) map.removeSource(ARROWS_SOURCE);
}
