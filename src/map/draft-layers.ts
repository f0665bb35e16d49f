import type { LayerSpecification } from 'maplibre-gl';
import { COLORS, markerLayers, zoneLayers } from './layers';

/** The open plan's draft (zones, boundary lines and markers the planner computed), not published. */
export const DRAFT_SOURCE = 'draft';

/** The published look with a dashed outline, so that a draft is never taken for a notice. */
const DRAFT = {
  source: DRAFT_SOURCE,
  prefix: 'draft',
  opacity: 0.3,
  dashed: true,
  polygonsOnly: true,
};

/** The draft's layers, added with the first draft only (the public first paint has none). */
export const DRAFT_LAYERS: LayerSpecification[] = [
  ...zoneLayers('protection', COLORS.protection, COLORS.protectionLine, 2, DRAFT),
  ...zoneLayers('management', COLORS.management, COLORS.managementLine, 2, DRAFT),
  ...markerLayers(DRAFT_SOURCE, 'draft-', ['==', ['geometry-type'], 'Point']),
  // where an approved boundary falls short of the standard's range (issue 16): red, on top
  {
    id: 'draft-shortfall',
    type: 'fill',
    source: DRAFT_SOURCE,
    filter: ['==', ['get', 'kind'], 'shortfall'],
    paint: { 'fill-color': COLORS.shortfall, 'fill-opacity': 0.6 },
  },
];
