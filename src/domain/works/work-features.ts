// The works inside the river (涉水工程) as features of an export: each work's own point, axis or
// footprint with its type, name, reach and whether its type's range is set. No width is written: a
// range is the rule table's, and an unset one is only said to be unset (范围已设 否).
import type { Feature, FeatureCollection } from 'geojson';
import { listWorks } from './list-works';
import type { WorkRanges } from './work-types';

/**
 * The works of a version's features as export features (`kind: 'work'`), in feature order; works
 * missing a type or a name are left out (they cannot be saved).
 * @example workFeatures(version, table.works)[0].properties // { kind: 'work', workType: 'pumping-station', name: '合成泵站', reach: 'reach-1', reachName: '', rangeSet: false }
 */
export function workFeatures(fc: FeatureCollection, ranges: WorkRanges | undefined): Feature[] {
  return listWorks(fc, ranges).flatMap((row) => {
    const f = fc.features[row.feature - 1];
    if (!f?.geometry) return [];
    const p = f.properties ?? {};
    return [
      {
        type: 'Feature' as const,
        geometry: structuredClone(f.geometry),
        properties: {
          kind: 'work',
          workType: row.type,
          name: row.name,
          reach: typeof p.reach === 'string' ? p.reach : null,
          reachName: row.reachName === '' ? null : row.reachName,
          rangeSet: row.rangeSet,
        },
      },
    ];
  });
}
