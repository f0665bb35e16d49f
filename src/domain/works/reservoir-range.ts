// A reservoir's range from its 校核洪水位 (check flood level): the flood-line engine's constant-level
// flooded area (`floodAreaAtLevel` in src/domain/floodline, from a DEM and a seed at the dam) made
// into the reservoir's work feature, which the zone engine takes as its range when the rule table's
// reservoir basis is `check-flood-level`.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { CrsCode } from '../crs/crs';
import { projector } from '../crs/crs';
import { type Message, msg } from '../message';
import { WORK_ROLE } from './work-types';

/**
 * The reservoir feature for a flooded area given in the DEM's GK CRS (`floodAreaAtLevel(…).value.area`):
 * lon/lat, `rangeSource: 'check-flood-level'`, the level (1985 heights) and the DEM recorded. The
 * area must be one polygon (the flood connected to its seed is).
 * @example reservoirFromFlood(result.value.area, 'EPSG:4545', { name: '某水库', level: 48.5, dem: 'dem.tif' })
 */
export function reservoirFromFlood(
  area: MultiPolygon,
  crs: CrsCode,
  at: { name: string; level: number; dem: string; reach?: string },
): Feature<Polygon> | Message {
  if (area.coordinates.length !== 1)
    return msg('works.reservoir.floodParts', { name: at.name, count: area.coordinates.length });
  const proj = projector(crs);
  const rings = (area.coordinates[0] ?? []).map((ring) => ring.map((p) => proj.inverse(p)));
  return {
    type: 'Feature',
    properties: {
      role: WORK_ROLE,
      workType: 'reservoir',
      name: at.name,
      rangeSource: 'check-flood-level',
      checkFloodLevelM: at.level,
      heightDatum: '1985',
      dem: at.dem,
      ...(at.reach ? { reach: at.reach } : {}),
    },
    geometry: { type: 'Polygon', coordinates: rings },
  };
}
