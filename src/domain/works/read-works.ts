// Works inside the river (涉水工程) as a plan's geometry holds them: features with role `work`.
import type { FeatureCollection, Geometry } from 'geojson';
import { type Message, msg } from '../message';
import { WORK_ROLE, WORK_TYPES, type WorkType } from './work-types';

/** A work read from a plan's features. */
export interface Work {
  name: string;
  type: WorkType;
  /** the reach whose management range it joins; null: a work of its own (a reservoir's plan) */
  reach: string | null;
  geometry: Geometry & { type: 'Point' | 'LineString' | 'Polygon' };
  /** a reservoir's polygon: its 征地线 (`land-acquisition`) or 校核洪水位 area (`check-flood-level`) */
  rangeSource: string | null;
  /** feature number in the input, 1-based */
  feature: number;
}

/**
 * The works of a FeatureCollection (features with role `work`): a name, a known `workType`, and a
 * point, an axis line or a footprint polygon; every problem named with its feature number.
 * @example readWorks(fc).works[0] // { name: '某闸', type: 'sluice', reach: 'A', … }
 */
export function readWorks(input: FeatureCollection): { works: Work[]; errors: Message[] } {
  const works: Work[] = [];
  const errors: Message[] = [];
  input.features.forEach((f, i) => {
    const p = f.properties ?? {};
    if (p.role !== WORK_ROLE) return;
    const n = i + 1;
    const name = typeof p.name === 'string' ? p.name.trim() : '';
    if (name === '') errors.push(msg('works.feature.name', { n }));
    if (p.workType === null || p.workType === undefined || p.workType === '')
      errors.push(msg('works.feature.typeMissing', { n }));
    else if (!WORK_TYPES.includes(p.workType as WorkType))
      errors.push(msg('works.feature.type', { n, got: JSON.stringify(p.workType) ?? '—' }));
    const g = f.geometry;
    if (g?.type !== 'Point' && g?.type !== 'LineString' && g?.type !== 'Polygon')
      errors.push(msg('works.feature.geometry', { n, got: g?.type ?? '—' }));
    else if (name !== '' && WORK_TYPES.includes(p.workType as WorkType))
      works.push({
        name,
        type: p.workType as WorkType,
        reach: typeof p.reach === 'string' && p.reach !== '' ? p.reach : null,
        geometry: g,
        rangeSource: typeof p.rangeSource === 'string' ? p.rangeSource : null,
        feature: n,
      });
  });
  return { works, errors };
}
