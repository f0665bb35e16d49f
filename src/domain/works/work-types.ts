// Works inside the river (涉水工程, the 2019 plan's fourth standard): their types and the per-type
// ranges of the bureau's rule table. No range has a default: a type stays 尚未设置 until the bureau
// sets it, and a work of that type is listed but adds nothing to the management range.
import { type Message, msg } from '../message';

/** The role of a work in a plan's geometry version. */
export const WORK_ROLE = 'work';

/** 水库, 水闸, 拦河坝/堤坝, 泵站, 水文站, 桥梁, 码头. */
export const WORK_TYPES = [
  'reservoir',
  'sluice',
  'dam',
  'pumping-station',
  'hydrological-station',
  'bridge',
  'wharf',
] as const;

/** A work's type. */
export type WorkType = (typeof WORK_TYPES)[number];

/**
 * A type's range, metres; every field absent until the bureau sets it. An axis drawn from the left
 * bank to the right bank (a sluice's or dam's crest, a bridge's deck) takes `upstreamM`,
 * `downstreamM` and `sidesM` (beyond its ends); a point or a footprint polygon takes `aroundM`.
 * A reservoir takes neither: `basis` says whether its range is its 校核洪水位 contour or its 征地线.
 */
export interface WorkRange {
  upstreamM?: number;
  downstreamM?: number;
  sidesM?: number;
  aroundM?: number;
  basis?: 'check-flood-level' | 'land-acquisition';
}

/** The per-type ranges of a rule table (empty by default). */
export type WorkRanges = Partial<Record<WorkType, WorkRange>>;

/**
 * The largest range a table may set, metres. A work's management range beyond 1 km would reach
 * past any reach's own range; a value that large is a unit slip (km or cm typed as m). A reservoir,
 * whose range can be kilometres wide, takes its contour or 征地线, never a width.
 */
const WORK_RANGE_MAX_M = 1000;

const TYPE_NAMES: Record<WorkType, Message> = {
  reservoir: msg('works.type.reservoir'),
  sluice: msg('works.type.sluice'),
  dam: msg('works.type.dam'),
  'pumping-station': msg('works.type.pumping-station'),
  'hydrological-station': msg('works.type.hydrological-station'),
  bridge: msg('works.type.bridge'),
  wharf: msg('works.type.wharf'),
};

/**
 * A type as people read it.
 * @example workTypeName('sluice') // msg('works.type.sluice') → 水闸
 */
export function workTypeName(t: WorkType): Message {
  return TYPE_NAMES[t];
}

/**
 * The problems of a table's work ranges: a known type, and every metre value 0 < m ≤ 1000.
 * @example checkWorkRanges({ sluice: { upstreamM: 0 } })[0]?.field // 'works.sluice.upstreamM'
 */
export function checkWorkRanges(
  ranges: WorkRanges | undefined,
): { field: string; message: Message }[] {
  const problems: { field: string; message: Message }[] = [];
  for (const [type, r] of Object.entries(ranges ?? {})) {
    if (!WORK_TYPES.includes(type as WorkType)) {
      problems.push({ field: `works.${type}`, message: msg('works.rules.type', { got: type }) });
      continue;
    }
    for (const k of ['upstreamM', 'downstreamM', 'sidesM', 'aroundM'] as const) {
      const v = r?.[k];
      if (v === undefined) continue;
      if (!Number.isFinite(v) || v <= 0 || v > WORK_RANGE_MAX_M)
        problems.push({
          field: `works.${type}.${k}`,
          message: msg('works.rules.range', {
            type: workTypeName(type as WorkType),
            max: WORK_RANGE_MAX_M,
            got: String(v),
          }),
        });
    }
  }
  return problems;
}

/**
 * Whether the rule table leaves a work's range 尚未设置: the fields its construction needs (an axis
 * line: upstream, downstream and sides; a point or footprint: around; a reservoir: its basis) are
 * not all set. The one home of this rule: the engine (work-range.ts) and the editor ask it.
 * @example workRangeUnset('sluice', 'LineString', { upstreamM: 50 }) // true
 */
export function workRangeUnset(
  type: WorkType,
  shape: 'Point' | 'LineString' | 'Polygon',
  rule: WorkRange | undefined,
): boolean {
  if (type === 'reservoir') return !rule?.basis;
  if (shape === 'LineString')
    return (
      rule?.upstreamM === undefined || rule.downstreamM === undefined || rule.sidesM === undefined
    );
  return rule?.aroundM === undefined;
}
