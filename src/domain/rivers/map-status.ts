// Whether a river or reservoir is on the map, and from what: one rule for the register, the river
// panel, the map's legend, the river page and the command line.
import { type Message, msg } from '../message';
import type { StageId } from '../workflow/stages';
import type { GeometryInfo } from './waterbody';

/**
 * A waterbody's map status, strongest first: a published boundary (已上图（已公告范围）), then the
 * bureau's own survey course (已上图（局数据）, issue 18), then a course from open data
 * (已上图（开放数据）) or a sketch (示意), else 未上图.
 */
export type MapStatus = 'published-zone' | 'bureau-data' | 'open-data' | 'schematic' | 'unmapped';

/**
 * The map status of a waterbody from its course (if any), the stages of its plans and whether the
 * caller sees a course the bureau imported: a published plan puts the river on the map by its
 * zone, even without a course.
 * @example mapStatus(null, ['published']) // 'published-zone'
 * @example mapStatus(null, ['draft'], true) // 'bureau-data'
 * @example mapStatus(null, ['draft']) // 'unmapped'
 */
export function mapStatus(
  geometry: Pick<GeometryInfo, 'schematic'> | null,
  stages: readonly StageId[],
  bureauCourse = false,
): MapStatus {
  if (stages.includes('published')) return 'published-zone';
  if (bureauCourse) return 'bureau-data';
  if (geometry) return geometry.schematic ? 'schematic' : 'open-data';
  return 'unmapped';
}

/**
 * The status in a word, for a narrow column headed 上图 (the register): 公告范围, 局数据, 开放数据,
 * 示意, 未上图.
 * @example mapStatusShort('published-zone') // msg('public.mapStatus.short.publishedZone') → 公告范围
 */
export function mapStatusShort(status: MapStatus): Message {
  switch (status) {
    case 'published-zone':
      return msg('public.mapStatus.short.publishedZone');
    case 'bureau-data':
      return msg('courses.mapStatus.short');
    case 'open-data':
      return msg('public.mapStatus.short.openData');
    case 'schematic':
      return msg('public.mapStatus.short.schematic');
    default:
      return msg('public.mapStatus.unmapped');
  }
}

/**
 * The status as people read it.
 * @example mapStatusMessage('published-zone') // msg('public.mapStatus.publishedZone') → 已上图（已公告范围）
 */
export function mapStatusMessage(status: MapStatus): Message {
  switch (status) {
    case 'published-zone':
      return msg('public.mapStatus.publishedZone');
    case 'bureau-data':
      return msg('courses.mapStatus.long');
    case 'open-data':
      return msg('public.mapStatus.openData');
    case 'schematic':
      return msg('public.mapStatus.schematic');
    default:
      return msg('public.mapStatus.unmapped');
  }
}
