// The open plan's comments pinned to a place, drawn as pins while the plan is open.
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, LayerSpecification } from 'maplibre-gl';
import type { HejieMap } from './hejie-map';

/** Pinned comments as points, `id` a string (as `renderedIds` reads it). */
const COMMENT_PINS_SOURCE = 'comment-pins';
/** Review pins (a department's objection, issue 13): a colour of their own beside the comments. */
const REVIEW_PINS_SOURCE = 'review-pins';

/** The pins: a ring with a dot, above the draft and my position, so a pin is never hidden. */
function pinLayers(source: string, color: string): LayerSpecification[] {
  return [
    {
      id: source,
      type: 'circle',
      source,
      paint: {
        'circle-color': '#ffffff',
        'circle-radius': 8,
        'circle-stroke-color': color,
        'circle-stroke-width': 3,
      },
    },
    {
      id: `${source}-dot`,
      type: 'circle',
      source,
      paint: { 'circle-color': color, 'circle-radius': 3 },
    },
  ];
}

/** A comment with a place (`id`: the comment's id, or `new` for the one being written). */
export interface CommentPin {
  id: string;
  lon: number;
  lat: number;
}

async function showPins(
  map: HejieMap,
  pins: readonly CommentPin[],
  source: string,
  color: string,
): Promise<void> {
  const m = await map.mapWhenReady();
  const data: FeatureCollection = {
    type: 'FeatureCollection',
    features: pins.map((p) => ({
      type: 'Feature',
      properties: { id: p.id },
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    })),
  };
  const existing = m.getSource<GeoJSONSource>(source);
  if (existing) existing.setData(data);
  else if (pins.length > 0) {
    m.addSource(source, { type: 'geojson', data });
    for (const layer of pinLayers(source, color)) m.addLayer(layer);
  }
}

/**
 * Draws the pinned comments (an empty list clears them). The source and its layers come with the
 * first pin, so the public map never carries them.
 */
export const showCommentPins = (map: HejieMap, pins: readonly CommentPin[]) =>
  showPins(map, pins, COMMENT_PINS_SOURCE, '#7048e8');

/** Draws the review pins (objections of departments; the one being placed is `new`). */
export const showReviewPins = (map: HejieMap, pins: readonly CommentPin[]) =>
  showPins(map, pins, REVIEW_PINS_SOURCE, '#c92a2a');
