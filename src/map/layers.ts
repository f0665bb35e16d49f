import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

/** Fonts for labels: no glyph server, MapLibre draws CJK (and the rest) from these local fonts. */
export const LOCAL_FONTS =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

const NONE = '__none__';

/** The base map's vector tiles (/tiles/base/{z}/{x}/{y}.pbf), one source-layer per dataset. */
export const BASE_SOURCE = 'base';

/** Colours shared by the style and the legend. */
export const COLORS = {
  land: '#f4f1ea',
  noData: '#e4e7eb',
  sea: '#b9d9ee',
  coast: '#6b9fc4',
  county: '#8a8070',
  countyCasing: '#ffffff',
  countyFill: '#ebe6da',
  river: '#3b8fd0',
  riverNamed: '#1467b0',
  water: '#8ec5ea',
  reservoir: '#4aa3df',
  selected: '#e8590c',
  management: '#12b886',
  managementLine: '#087f5b',
  /** an approved boundary's shortfall against the standard (red) */
  shortfall: '#e03131',
  protection: '#f59f00',
  protectionLine: '#d9480f',
  marker: '#c92a2a',
  noticeBoard: '#5f3dc4',
  markerCasing: '#ffffff',
} as const;

/** Computed zones (GET /api/zones): management range and protection zone polygons. */
export const ZONES_SOURCE = 'zones';

const PUBLISHED = { source: ZONES_SOURCE, prefix: 'zone', opacity: 0.35 };

/** Filter of the highlight layers for a selected waterbody id. */
export function selectionFilters(id: string | null): {
  river: ExpressionSpecification;
  water: ExpressionSpecification;
} {
  const value = id ?? NONE;
  return {
    river: ['==', ['get', 'riverId'], value],
    water: ['==', ['get', 'waterbodyId'], value],
  };
}

const none = selectionFilters(null);

/** How a set of zone layers looks: the published ones, or the open plan's draft. */
interface ZoneLook {
  source: string;
  /** layer ids are `${prefix}-${kind}` and `${prefix}-${kind}-line` */
  prefix: string;
  opacity: number;
  /** a dashed outline: a draft, never to be taken for a notice */
  dashed?: boolean;
  /** only polygons (a draft's source also holds its boundary lines and markers) */
  polygonsOnly?: boolean;
}

/** A zone kind as a translucent fill with its outline. */
export function zoneLayers(
  kind: 'management' | 'protection',
  fill: string,
  outline: string,
  width: number,
  look: ZoneLook,
): LayerSpecification[] {
  const byKind: ExpressionSpecification = ['==', ['get', 'kind'], kind];
  const filter: ExpressionSpecification = look.polygonsOnly
    ? ['all', ['==', ['geometry-type'], 'Polygon'], byKind]
    : byKind;
  return [
    {
      id: `${look.prefix}-${kind}`,
      type: 'fill',
      source: look.source,
      filter,
      paint: { 'fill-color': fill, 'fill-opacity': look.opacity, 'fill-antialias': false },
    },
    {
      id: `${look.prefix}-${kind}-line`,
      type: 'line',
      source: look.source,
      filter,
      paint: look.dashed
        ? { 'line-color': outline, 'line-width': width, 'line-dasharray': [2, 1.5] }
        : { 'line-color': outline, 'line-width': width },
    },
  ];
}

// Measured on the 2-core test machine (software GL): every distinct shader program costs ~45 ms
// to compile before the first idle. So fills have constant colours and no antialiased outline
// (the coast and boundary lines draw the edges), and the county boundary is a cased solid line,
// not a dash (a dash is another program). Schematic lines stay dashed: they must look different.

/**
 * The map's layers, bottom to top, as data, all on the one base source. Named features carry
 * riverId (rivers) or waterbodyId (water); selection filters on them.
 */
export const LAYERS: LayerSpecification[] = [
  { id: 'background', type: 'background', paint: { 'background-color': COLORS.noData } },
  {
    id: 'extent',
    type: 'fill',
    source: BASE_SOURCE,
    'source-layer': 'extent',
    paint: { 'fill-color': COLORS.land, 'fill-antialias': false },
  },
  {
    id: 'sea',
    type: 'fill',
    source: BASE_SOURCE,
    'source-layer': 'sea',
    paint: { 'fill-color': COLORS.sea, 'fill-antialias': false },
  },
  {
    id: 'county-fill',
    type: 'fill',
    source: BASE_SOURCE,
    'source-layer': 'counties',
    paint: { 'fill-color': COLORS.countyFill, 'fill-opacity': 0.55, 'fill-antialias': false },
  },
  {
    id: 'water',
    type: 'fill',
    source: BASE_SOURCE,
    'source-layer': 'water',
    filter: ['!=', ['get', 'kind'], 'reservoir'],
    paint: { 'fill-color': COLORS.water, 'fill-antialias': false },
  },
  {
    id: 'reservoir',
    type: 'fill',
    source: BASE_SOURCE,
    'source-layer': 'water',
    filter: ['==', ['get', 'kind'], 'reservoir'],
    paint: { 'fill-color': COLORS.reservoir, 'fill-antialias': false },
  },
  {
    id: 'coast',
    type: 'line',
    source: BASE_SOURCE,
    'source-layer': 'coast',
    paint: { 'line-color': COLORS.coast, 'line-width': 1 },
  },
  {
    id: 'county-casing',
    type: 'line',
    source: BASE_SOURCE,
    'source-layer': 'counties',
    layout: { 'line-join': 'round' },
    paint: { 'line-color': COLORS.countyCasing, 'line-width': 3.5, 'line-opacity': 0.9 },
  },
  {
    id: 'county-line',
    type: 'line',
    source: BASE_SOURCE,
    'source-layer': 'counties',
    layout: { 'line-join': 'round' },
    paint: { 'line-color': COLORS.county, 'line-width': 1.2 },
  },
  {
    id: 'rivers-other',
    type: 'line',
    source: BASE_SOURCE,
    'source-layer': 'rivers',
    filter: ['!', ['has', 'riverId']],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': COLORS.river,
      'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 13, 2],
    },
  },
  {
    id: 'rivers-named',
    type: 'line',
    source: BASE_SOURCE,
    'source-layer': 'rivers',
    filter: ['all', ['has', 'riverId'], ['!=', ['get', 'schematic'], true]],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': COLORS.riverNamed,
      'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2.2, 13, 5],
    },
  },
  {
    id: 'rivers-schematic',
    type: 'line',
    source: BASE_SOURCE,
    'source-layer': 'rivers',
    filter: ['==', ['get', 'schematic'], true],
    paint: { 'line-color': COLORS.riverNamed, 'line-width': 2, 'line-dasharray': [3, 2] },
  },
  ...zoneLayers('protection', COLORS.protection, COLORS.protectionLine, 1, PUBLISHED),
  ...zoneLayers('management', COLORS.management, COLORS.managementLine, 1.5, PUBLISHED),
  {
    id: 'selected-water',
    type: 'line',
    source: BASE_SOURCE,
    'source-layer': 'water',
    filter: none.water,
    paint: { 'line-color': COLORS.selected, 'line-width': 3 },
  },
  {
    id: 'selected-river',
    type: 'line',
    source: BASE_SOURCE,
    'source-layer': 'rivers',
    filter: none.river,
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': COLORS.selected,
      'line-width': ['interpolate', ['linear'], ['zoom'], 8, 4, 13, 8],
    },
  },
  {
    id: 'river-label',
    type: 'symbol',
    source: BASE_SOURCE,
    'source-layer': 'rivers',
    filter: ['has', 'name'],
    layout: {
      'symbol-placement': 'line',
      'text-field': ['get', 'name'],
      'text-size': 14,
      'symbol-spacing': 300,
    },
    paint: {
      'text-color': COLORS.riverNamed,
      'text-halo-color': '#ffffff',
      'text-halo-width': 1.6,
    },
  },
  {
    id: 'water-label',
    type: 'symbol',
    source: BASE_SOURCE,
    'source-layer': 'water',
    filter: ['has', 'name'],
    layout: { 'text-field': ['get', 'name'], 'text-size': 13 },
    paint: { 'text-color': '#0b4f80', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
  },
  {
    id: 'county-label',
    type: 'symbol',
    source: BASE_SOURCE,
    'source-layer': 'county-labels',
    layout: { 'text-field': ['get', 'name'], 'text-size': 15, 'text-letter-spacing': 0.2 },
    paint: { 'text-color': '#5a5040', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  },
];

/** Published boundary markers and notice boards (GET /api/markers), added only when there are any. */
export const MARKERS_SOURCE = 'markers';

/** Zoom from which each marker is labelled with its number (QJ01-GL-L-001). */
const MARKER_LABEL_MINZOOM = 15;

/**
 * Markers as a circle each (notice boards in their own colour) and their numbers at high zoom; ids
 * `${prefix}markers` and `${prefix}marker-label`.
 */
export function markerLayers(
  source: string,
  prefix = '',
  filter?: ExpressionSpecification,
): LayerSpecification[] {
  const only = filter ? { filter } : {};
  return [
    {
      id: `${prefix}markers`,
      type: 'circle',
      source,
      ...only,
      paint: {
        'circle-color': [
          'match',
          ['get', 'markerType'],
          'notice-board',
          COLORS.noticeBoard,
          COLORS.marker,
        ],
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 16, 6],
        'circle-stroke-color': COLORS.markerCasing,
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: `${prefix}marker-label`,
      type: 'symbol',
      source,
      ...only,
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
}

/** The published markers' layers, above the zones. */
export const MARKER_LAYERS: LayerSpecification[] = markerLayers(MARKERS_SOURCE);

/** Layers a click can select a river or reservoir on. */
export const CLICKABLE_LAYERS = ['rivers-named', 'rivers-schematic', 'selected-river', 'reservoir'];

/** Base-map-only layers hidden under imagery. */
export const OFFLINE_BASE_LAYERS = ['background', 'extent', 'sea', 'county-fill'];
