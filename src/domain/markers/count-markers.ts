// How many markers a publication or a draft has, by kind: 界桩 (boundary markers) and 公告牌 (notice
// boards). One count for the planner's panel, the notice (web, PDF, DOCX), the boards and the sheets.
import { type Message, msg } from '../message';

/** The markers of a publication or draft, by kind. */
export interface MarkerCounts {
  /** 界桩: `markerType: 'boundary'` */
  boundary: number;
  /** 公告牌: `markerType: 'notice-board'` */
  noticeBoard: number;
  /** every marker point, of any kind */
  total: number;
}

/**
 * Counts marker points by kind; features that are not marker points (zones, lines) are not counted.
 * @example countMarkers([{ geometry: { type: 'Point' }, properties: { markerType: 'boundary' } }]) // { boundary: 1, noticeBoard: 0, total: 1 }
 */
export function countMarkers(
  features: readonly {
    geometry?: { type: string } | null;
    properties?: Record<string, unknown> | null;
  }[],
): MarkerCounts {
  let boundary = 0;
  let noticeBoard = 0;
  for (const f of features) {
    if (f.geometry?.type !== 'Point') continue;
    const t = f.properties?.markerType;
    if (t === 'boundary') boundary++;
    else if (t === 'notice-board') noticeBoard++;
  }
  return { boundary, noticeBoard, total: boundary + noticeBoard };
}

/**
 * The counts as people read them: 界桩 104 个、公告牌 4 块.
 * @example markerCountMessage({ boundary: 104, noticeBoard: 4, total: 108 }) // msg('public.markers.count', { boundary: 104, boards: 4 })
 */
export function markerCountMessage(c: MarkerCounts): Message {
  return msg('public.markers.count', { boundary: c.boundary, boards: c.noticeBoard });
}
