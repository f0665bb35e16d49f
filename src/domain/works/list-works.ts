// The works of a plan's geometry as the tables list them: type, name, reach, shape and whether the
// rule table sets the range of their type (尚未设置 otherwise). No width is printed: a range is the
// rule table's, and the table says only whether it is set.
import type { FeatureCollection } from 'geojson';
import { readWorks } from './read-works';
import { type WorkRanges, type WorkType, workRangeUnset } from './work-types';

/** One work in a table. */
export interface WorkRow {
  /** feature number in the version, 1-based */
  feature: number;
  type: WorkType;
  name: string;
  /** the reach's name as people read it (城区段), '' when unnamed or alone */
  reachName: string;
  shape: 'Point' | 'LineString' | 'Polygon';
  rangeSet: boolean;
}

/**
 * The works of a version's features under a rule table's per-type ranges, in feature order; works
 * missing a type or a name are left out (the engine refuses them, readWorks says why).
 * @example listWorks(fc, {})[0] // { feature: 3, type: 'sluice', name: '合成闸', reachName: '', shape: 'LineString', rangeSet: false }
 */
export function listWorks(fc: FeatureCollection, ranges: WorkRanges | undefined): WorkRow[] {
  return readWorks(fc).works.map((w) => {
    const p = fc.features[w.feature - 1]?.properties ?? {};
    return {
      feature: w.feature,
      type: w.type,
      name: w.name,
      reachName: typeof p.reachName === 'string' ? p.reachName : '',
      shape: w.geometry.type,
      rangeSet: !workRangeUnset(w.type, w.geometry.type, ranges?.[w.type]),
    };
  });
}
