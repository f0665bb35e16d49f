import type { LayerSpecification } from 'maplibre-gl';

/** Fonts for labels: no glyph server, MapLibre draws CJK (and the rest) from these local fonts. */
export const LOCAL_FONTS =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

const NONE = '__none__';

/** Colours shared by the style and the legend. */
export const COLORS = {
  land: '#f4f1ea',
  sea: '#b9d9ee',
  coast: '#6b9fc4',
  county: '#8a8070',
  countyFill: '#ebe6da',
  river: '#3b8fd0',
  riverNamed: '#1467b0',
  water: '#8ec5ea',
  reservoir: '#4aa3df',
  selected: '#e8590c',
} as const;

/**
 * The map's layers, bottom to top, as data. Sources: sea, counties, county-labels, coast, water, rivers.
 * Named features carry riverId (rivers) or waterbodyId (water); selection filters on them.
 */
export const LAYERS: LayerSpecification[] = [
  { id: 'background', type: 'background', paint: { 'background-color': COLORS.land } },
  { id: 'sea', type: 'fill', source: 'sea', paint: { 'fill-color': COLORS.sea } },
  {
    id: 'county-fill',
    type: 'fill',
    source: 'counties',
    paint: { 'fill-color': COLORS.countyFill, 'fill-opacity': 0.55 },
  },
  {
    id: 'water',
    type: 'fill',
    source: 'water',
    paint: {
      'fill-color': ['case', ['==', ['get', 'kind'], 'reservoir'], COLORS.reservoir, COLORS.water],
      'fill-outline-color': COLORS.river,
    },
  },
  {
    id: 'coast',
    type: 'line',
    source: 'coast',
    paint: { 'line-color': COLORS.coast, 'line-width': 1 },
  },
  {
    id: 'county-line',
    type: 'line',
    source: 'counties',
    paint: { 'line-color': COLORS.county, 'line-width': 1.4, 'line-dasharray': [4, 2] },
  },
  {
    id: 'rivers-other',
    type: 'line',
    source: 'rivers',
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
    source: 'rivers',
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
    source: 'rivers',
    filter: ['==', ['get', 'schematic'], true],
    paint: { 'line-color': COLORS.riverNamed, 'line-width': 2, 'line-dasharray': [3, 2] },
  },
  {
    id: 'selected-water',
    type: 'line',
    source: 'water',
    filter: ['==', ['get', 'waterbodyId'], NONE],
    paint: { 'line-color': COLORS.selected, 'line-width': 3 },
  },
  {
    id: 'selected-river',
    type: 'line',
    source: 'rivers',
    filter: ['==', ['get', 'riverId'], NONE],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': COLORS.selected,
      'line-width': ['interpolate', ['linear'], ['zoom'], 8, 4, 13, 8],
    },
  },
  {
    id: 'river-label',
    type: 'symbol',
    source: 'rivers',
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
    source: 'water',
    filter: ['has', 'name'],
    layout: { 'text-field': ['get', 'name'], 'text-size': 13 },
    paint: { 'text-color': '#0b4f80', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
  },
  {
    id: 'county-label',
    type: 'symbol',
    source: 'county-labels',
    layout: { 'text-field': ['get', 'name'], 'text-size': 15, 'text-letter-spacing': 0.2 },
    paint: { 'text-color': '#5a5040', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  },
];

/** Layers a click can select a river or reservoir on. */
export const CLICKABLE_LAYERS = ['rivers-named', 'rivers-schematic', 'selected-river', 'water'];

/** Base-map-only layers hidden under imagery. */
export const OFFLINE_BASE_LAYERS = ['background', 'sea', 'county-fill'];

/** The "nothing selected" filter value. */
export const NO_SELECTION = NONE;
