// One reservoir run from files (issue 16, works): the area below a reservoir's 校核洪水位 (check flood
// level) connected to a point on its water, from a DEM, as the reservoir work's polygon in lon/lat
// (`reservoirFromFlood`), ready to import in the editor. Shared by the CLI; nothing is written here.
import type { Feature, Polygon, Position } from 'geojson';
import { type CrsCode, projector, zoneOfPositions } from '../../domain/crs/crs';
import { floodAreaAtLevel } from '../../domain/floodline';
import { ringArea } from '../../domain/floodline/polygons';
import type { Message } from '../../domain/message';
import { reservoirFromFlood } from '../../domain/works/reservoir-range';
import { openDem, planarDem } from './open-dem';

/** What a reservoir run reads: the DEM, the level (1985 heights), a point on the water (lon/lat). */
export interface ReservoirFiles {
  demPath: string;
  demName: string;
  level: number;
  seed: Position;
  name: string;
  maxDistance?: number;
}

/** The reservoir work, the CRS computed in, its area (m²) and the cells read. */
export interface ReservoirAnswer {
  feature: Feature<Polygon>;
  crs: CrsCode;
  areaM2: number;
  cellsRead: number;
  warnings: Message[];
}

/**
 * Computes a reservoir's range below its check flood level; errors come back as messages.
 * @example await runReservoir({ demPath, demName: 'dem.tif', level: 48.5, seed: [109.1, 22.0], name: '某水库' })
 */
export async function runReservoir(
  f: ReservoirFiles,
): Promise<{ ok: true; answer: ReservoirAnswer } | { ok: false; errors: Message[] }> {
  const opened = await openDem(f.demPath, f.demName);
  if (!opened.ok) return { ok: false, errors: [opened.error] };
  const dem = opened.dem;
  try {
    // a geographic DEM is read through the GK zone of the seed, as the flood lines are
    const zone: CrsCode = dem.crs === 'EPSG:4490' ? zoneOfPositions([f.seed]).code : dem.crs;
    const proj = projector(zone);
    const res = await floodAreaAtLevel(
      planarDem(dem, zone),
      f.level,
      { type: 'Point', coordinates: proj.forward(f.seed) },
      { maxDistance: f.maxDistance },
    );
    if (!res.ok) return { ok: false, errors: [res.error] };
    const feature = reservoirFromFlood(res.value.area, zone, {
      name: f.name,
      level: f.level,
      dem: dem.name,
    });
    if (!('type' in feature)) return { ok: false, errors: [feature] };
    let areaM2 = 0;
    for (const poly of res.value.area.coordinates)
      for (const [i, ring] of poly.entries())
        areaM2 += i === 0 ? Math.abs(ringArea(ring)) : -Math.abs(ringArea(ring));
    return {
      ok: true,
      answer: {
        feature,
        crs: zone,
        areaM2,
        cellsRead: res.value.stats.cellsRead,
        warnings: res.warnings,
      },
    };
  } finally {
    await dem.close();
  }
}
