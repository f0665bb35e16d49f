// The management range of one work inside the river, in a metric plane (GK), on GEOS.
import { type Message, msg } from '../message';
import type { Geometry, Planar, XY } from '../zones/planar';
import { quadrantSegmentsFor } from '../zones/planar';
import type { WorkRange, WorkType } from './work-types';
import { workRangeUnset, workTypeName } from './work-types';

/** A work's shape in the plane: a point, an axis (left bank → right bank) or a footprint. */
export type WorkShape =
  | { type: 'Point'; xy: XY }
  | { type: 'LineString'; xy: XY[] }
  | { type: 'Polygon'; xy: XY[][] };

/** The largest distance between a range's round edge and the true arc (as the zone engine). */
const ARC_TOLERANCE_M = 0.005;

/** The outcome for one work: its range, or 尚未设置 (its type's range unset), or why not. */
export type WorkRangeOutcome =
  | { ok: true; range: Geometry }
  | { ok: false; unset: true }
  | { ok: false; unset: false; reason: Message };

/**
 * A work's range under its type's rule (see docs/adopted-and-works.md for each construction):
 * - an axis drawn left bank → right bank: extended by `sidesM` beyond each end along its end
 *   segments, then a one-sided buffer (flat ends, round joins) of `downstreamM` on its left (the
 *   downstream side of a line drawn from the left bank to the right) and `upstreamM` on its right;
 * - a point or a footprint: buffered by `aroundM` (round caps and joins: a disc, a rounded footprint);
 * - a reservoir: its polygon as drawn or imported (its 征地线, or the area under its 校核洪水位 that
 *   the DEM gives), when the feature's `rangeSource` is the table's `basis`.
 * A field the construction needs and the table lacks: 尚未设置, never a default.
 * @example workRange(pl, { type: 'LineString', xy: [[0, 0], [30, 0]] }, 'sluice', { upstreamM: 50, downstreamM: 100, sidesM: 20 }, null)
 */
export function workRange(
  pl: Planar,
  shape: WorkShape,
  type: WorkType,
  rule: WorkRange | undefined,
  rangeSource: string | null,
): WorkRangeOutcome {
  if (workRangeUnset(type, shape.type, rule)) return { ok: false, unset: true };
  if (type === 'reservoir') {
    if (!rule?.basis) return { ok: false, unset: true };
    if (shape.type !== 'Polygon' || rangeSource !== rule.basis)
      return {
        ok: false,
        unset: false,
        reason:
          rule.basis === 'check-flood-level'
            ? msg('works.reservoir.checkFloodLevel', { type: workTypeName(type) })
            : msg('works.reservoir.landAcquisition', { type: workTypeName(type) }),
      };
    return { ok: true, range: pl.polygon(shape.xy) };
  }
  if (shape.type === 'LineString') {
    const { upstreamM: up, downstreamM: down, sidesM: sides } = rule ?? {};
    if (up === undefined || down === undefined || sides === undefined)
      return { ok: false, unset: true };
    const axis = pl.line(extended(shape.xy, sides));
    const q = quadrantSegmentsFor(Math.max(up, down), ARC_TOLERANCE_M);
    return {
      ok: true,
      range: pl.union(pl.bufferOneSide(axis, down, q), pl.bufferOneSide(axis, -up, q)),
    };
  }
  const around = rule?.aroundM;
  if (around === undefined) return { ok: false, unset: true };
  const g = shape.type === 'Point' ? pl.point(shape.xy) : pl.polygon(shape.xy);
  return {
    ok: true,
    range: pl.bufferRound(g, around, quadrantSegmentsFor(around, ARC_TOLERANCE_M)),
  };
}

/** The line with its first point moved back and its last moved on by `d` along their segments. */
function extended(xy: readonly XY[], d: number): XY[] {
  const out = xy.map((p) => [p[0], p[1]] as XY);
  const move = (i: number, from: number) => {
    const p = out[i] as XY;
    const o = out[from] as XY;
    const len = Math.hypot(p[0] - o[0], p[1] - o[1]);
    out[i] = [p[0] + ((p[0] - o[0]) / len) * d, p[1] + ((p[1] - o[1]) / len) * d];
  };
  move(0, 1);
  move(out.length - 1, out.length - 2);
  return out;
}
