import type { Feature } from 'geojson';

/** The layers of a delineation deliverable (DOMAIN.md "Coordinates and maps"). */
export type DeliverableId =
  | 'management-zone'
  | 'protection-zone'
  | 'management-line'
  | 'protection-line'
  | 'marker'
  | 'notice-board';

/** A deliverable layer: Chinese name, GB/T 13923 feature code (where the references give one). */
export interface Deliverable {
  id: DeliverableId;
  name: string;
  /** layer/class code as used by the bureaus, e.g. 'JZX'; null where no reference gives one */
  code: string | null;
  /** GB/T 13923 numeric code, e.g. 300000; null where no reference gives one */
  gbCode: number | null;
  geometry: 'Polygon' | 'LineString' | 'Point';
}

/** One table of deliverable layers, in the order they are written. */
export const DELIVERABLES: readonly Deliverable[] = [
  { id: 'management-zone', name: '管理范围面', code: null, gbCode: null, geometry: 'Polygon' },
  {
    id: 'protection-zone',
    name: '保护范围面',
    code: 'HLBHFWM',
    gbCode: 181100,
    geometry: 'Polygon',
  },
  {
    id: 'management-line',
    name: '管理范围线',
    code: 'JZX',
    gbCode: 300000,
    geometry: 'LineString',
  },
  {
    id: 'protection-line',
    name: '保护范围线',
    code: 'HLBHFWX',
    gbCode: 181110,
    geometry: 'LineString',
  },
  { id: 'marker', name: '界桩', code: 'JZD', gbCode: 301000, geometry: 'Point' },
  { id: 'notice-board', name: '公告牌', code: null, gbCode: null, geometry: 'Point' },
];

/**
 * Which deliverable layer a feature belongs to, from its geometry and properties:
 * zones (`kind: 'management' | 'protection'`), zone lines (`kind: 'management-line' |
 * 'protection-line'`), markers (`markerType: 'boundary' | 'notice-board'`). null: any other feature
 * (exported as is, in a layer per geometry type).
 * @example deliverableOf({ type: 'Feature', geometry: point, properties: { markerType: 'boundary' } }) // 'marker'
 */
export function deliverableOf(f: Feature): DeliverableId | null {
  const p = f.properties ?? {};
  const g = f.geometry?.type;
  if ((g === 'Polygon' || g === 'MultiPolygon') && p.kind === 'management')
    return 'management-zone';
  if ((g === 'Polygon' || g === 'MultiPolygon') && p.kind === 'protection')
    return 'protection-zone';
  if ((g === 'LineString' || g === 'MultiLineString') && p.kind === 'management-line')
    return 'management-line';
  if ((g === 'LineString' || g === 'MultiLineString') && p.kind === 'protection-line')
    return 'protection-line';
  if (g === 'Point' && p.markerType === 'boundary') return 'marker';
  if (g === 'Point' && p.markerType === 'notice-board') return 'notice-board';
  return null;
}
