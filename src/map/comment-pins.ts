// The open plan's comments pinned to a place, drawn as pins while the plan is open.
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, LayerSpecification } from 'maplibre-gl';
import type { HejieMap } from './hejie-map';

/** Pinned comments as points, `id` a string (as `renderedIds` reads it). */
const COMMENT_PINS_SOURCE = 'comment-pins';

const PIN = '#7048e8';

/** The pins: a ring with a dot, above the draft and my position, so a pin is never hidden. */
const COMMENT_PIN_LAYERS: LayerSpecification[] = [
  {
    id: 'comment-pins',
    type: 'circle',
    source: COMMENT_PINS_SOURCE,
    paint: {
      'circle-color': '#ffffff',
      'circle-radius': 8,
      'circle-stroke-color': PIN,
      'circle-stroke-width': 3,
    },
  },
  {
    id: 'comment-pins-dot',
    type: 'circle',
    source: COMMENT_PINS_SOURCE,
    paint: { 'circle-color': PIN, 'circle-radius': 3 },
  },
];

/** A comment with a place (`id`: the comment's id, or `new` for the one being written). */
export interface CommentPin {
  id: string;
  lon: number;
  lat: number;
}

/**
 * Draws the pinned comments (an empty list clears them). The source and its layers come with the
 * first pin, so the public map never carries them.
 */
export async function showCommentPins(map: HejieMap, pins: readonly CommentPin[]): Promise<void> {
  const m = await map.mapWhenReady();
  const data: FeatureCollection = {
    type: 'FeatureCollection',
    features: pins.map((p) => ({
      type: 'Feature',
      properties: { id: p.id },
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    })),
  };
  const source = m.getSource<GeoJSONSource>(COMMENT_PINS_SOURCE);
  if (source) source.setData(data);
  else if (pins.length > 0) {
    m.addSource(COMMENT_PINS_SOURCE, { type: 'geojson', data });
    for (const layer of COMMENT_PIN_LAYERS) m.addLayer(layer);
  }
}
