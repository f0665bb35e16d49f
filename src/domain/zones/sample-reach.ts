import type { FeatureCollection, LineString, Position } from 'geojson';
import { projector, zoneOfPositions } from '../crs/crs';
import { offsetLine } from './offset-line';
import type { XY } from './planar';

/** How a demonstration reach is derived from a real centre line. */
export interface SampleReachOptions {
  reach: string;
  river: string;
  /** distance of each toe line from the centre line, metres */
  halfWidthM: number;
  embankmentClass: 1 | 2 | 3 | 4 | 5;
  widthM: number;
  protectionM: number;
  /** where the centre line came from, recorded on every feature */
  source: string;
}

/**
 * Toe lines at ±halfWidthM of a real river course (lon/lat, upstream → downstream), offset in the
 * Gauss-Krüger zone of the course, every feature marked `sample: true`: demonstration data for the
 * zone engine, never a survey line.
 * @example sampleReach(nanliujiang, { reach: 'NLJ-S1', river: 'nanliujiang', halfWidthM: 40, ... })
 */
export function sampleReach(
  centre: readonly Position[],
  o: SampleReachOptions,
): FeatureCollection<LineString> {
  const proj = projector(zoneOfPositions(centre).code);
  const xy = centre.map((c) => proj.forward(c) as XY);
  const toLonLat = (pts: XY[]) =>
    pts.map((p) => proj.inverse(p).map((v) => Math.round(v * 1e9) / 1e9));
  const note = `示意：由真实河道中心线（${o.source}）两侧各偏移 ${o.halfWidthM} m 生成的示例堤脚线，非实测`;
  return {
    type: 'FeatureCollection',
    features: (['left', 'right'] as const).map((side) => ({
      type: 'Feature',
      properties: {
        reach: o.reach,
        river: o.river,
        role: `toe-${side}`,
        embankmentClass: o.embankmentClass,
        widthM: o.widthM,
        protectionM: o.protectionM,
        sample: true,
        note,
      },
      geometry: {
        type: 'LineString',
        coordinates: toLonLat(offsetLine(xy, side === 'left' ? o.halfWidthM : -o.halfWidthM)),
      },
    })),
  };
}
