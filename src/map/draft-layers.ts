import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { COLORS, MARKER_LABEL_MINZOOM } from './layers';

/** The open plan's draft (zones, boundary lines and markers the planner computed), not published. */
export const DRAFT_SOURCE = 'draft';

/** A draft zone kind: the published look with a dashed outline, so it is never taken for a notice. */
function draftZoneLayers(kind: 'management' | 'protection', fill: string, outline: string) {
  const filter: ExpressionSpecification = [
    'all',
    ['==', ['geometry-type'], 'Polygon'],
    ['==', ['get', 'kind'], kind],
  ];
  return [
    {
      id: `draft-${kind}`,
      type: 'fill',
      source: DRAFT_SOURCE,
      filter,
      paint: { 'fill-color': fill, 'fill-opacity': 0.3, 'fill-antialias': false },
    },
    {
      id: `draft-${kind}-line`,
      type: 'line',
      source: DRAFT_SOURCE,
      filter,
      paint: { 'line-color': outline, 'line-width': 2, 'line-dasharray': [2, 1.5] },
    },
  ] satisfies LayerSpecification[];
}

const draftPoints: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];

/** The draft's layers, added with the first draft only (the public first paint has none). */
export const DRAFT_LAYERS: LayerSpecification[] = [
  ...draftZoneLayers('protection', COLORS.protection, COLORS.protectionLine),
  ...draftZoneLayers('management', COLORS.management, COLORS.managementLine),
  {
    id: 'draft-markers',
    type: 'circle',
    source: DRAFT_SOURCE,
    filter: draftPoints,
    paint: {
      'circle-color': COLORS.marker,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 16, 6],
      'circle-stroke-color': COLORS.markerCasing,
      'circle-stroke-width': 1.5,
    },
  },
  {
    id: 'draft-marker-label',
    type: 'symbol',
    source: DRAFT_SOURCE,
    filter: draftPoints,
    minzoom: MARKER_LABEL_MINZOOM,
    layout: {
      'text-field': ['get', 'id'],
      'text-size': 12,
      'text-anchor': 'left',
      'text-offset': [0.8, 0],
      'text-optional': true,
    },
    paint: { 'text-color': '#3b0d0d', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
  },
];
