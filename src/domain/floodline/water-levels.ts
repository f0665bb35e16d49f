import { type Message, msg } from '../message';

/** A water level at a cross-section: chainage (m from the centreline's start) and level (m, 1985). */
export interface LevelPoint {
  chainage: number;
  level: number;
}

/** The water level along the reach, with what the user must confirm about it. */
export interface WaterLevels {
  /** the level at chainage s: linear between sections, the end value held beyond the first / last */
  at(s: number): number;
  sections: readonly LevelPoint[];
  warnings: Message[];
}

/**
 * The water level as a function of chainage from cross-section levels. Levels rising downstream and
 * a reach longer than the table (held end values) are warnings; a chainage given twice with different
 * levels is an error (null with the message in `error`).
 * @example waterLevels([{ chainage: 0, level: 12 }, { chainage: 1000, level: 11 }], 1000).at(500) // 11.5
 */
export function waterLevels(
  points: readonly LevelPoint[],
  length: number,
): WaterLevels | { error: Message } {
  if (points.length === 0) throw new Error('waterLevels: no levels');
  const sorted = [...points].sort((a, b) => a.chainage - b.chainage);
  const sections: LevelPoint[] = [];
  for (const p of sorted) {
    const last = sections[sections.length - 1];
    if (last && last.chainage === p.chainage) {
      if (last.level !== p.level) {
        return {
          error: msg('floodline.levels.duplicate', {
            chainage: p.chainage,
            a: last.level,
            b: p.level,
          }),
        };
      }
      continue;
    }
    sections.push({ chainage: p.chainage, level: p.level });
  }
  const warnings: Message[] = [];
  const rising: string[] = [];
  for (let i = 1; i < sections.length; i++) {
    const a = sections[i - 1] as LevelPoint;
    const b = sections[i] as LevelPoint;
    // a 5 mm rise is rounding in a table of centimetres, not a rise
    if (b.level > a.level + 0.005) rising.push(`${fmt(a.chainage)}–${fmt(b.chainage)}`);
  }
  if (rising.length > 0) {
    warnings.push(msg('floodline.levels.rising', { ranges: rising.join(', ') }));
  }
  const first = sections[0] as LevelPoint;
  const last = sections[sections.length - 1] as LevelPoint;
  if (first.chainage > 0.5) {
    warnings.push(
      msg('floodline.levels.heldStart', { to: fmt(first.chainage), level: first.level }),
    );
  }
  if (last.chainage < length - 0.5) {
    warnings.push(
      msg('floodline.levels.heldEnd', {
        from: fmt(last.chainage),
        to: fmt(length),
        level: last.level,
      }),
    );
  }
  const cs = Float64Array.from(sections, (p) => p.chainage);
  const ls = Float64Array.from(sections, (p) => p.level);
  const at = (s: number): number => {
    if (s <= (cs[0] as number)) return ls[0] as number;
    const n = cs.length;
    if (s >= (cs[n - 1] as number)) return ls[n - 1] as number;
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((cs[mid] as number) <= s) lo = mid;
      else hi = mid;
    }
    const c0 = cs[lo] as number;
    const t = (s - c0) / ((cs[hi] as number) - c0);
    return (ls[lo] as number) + t * ((ls[hi] as number) - (ls[lo] as number));
  };
  return { at, sections, warnings };
}

/** a chainage as whole metres */
function fmt(s: number): string {
  return String(Math.round(s));
}

/**
 * Chainages grouped into ranges ("120–340, 5000–5010"): values closer than `gap` join one range.
 * @example chainageRanges([5, 10, 400], 50) // '5–10, 400'
 */
export function chainageRanges(values: readonly number[], gap: number): string {
  const s = Float64Array.from(values).sort();
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const a = s[i] as number;
    let b = a;
    while (i + 1 < s.length && (s[i + 1] as number) - b <= gap) b = s[++i] as number;
    out.push(Math.round(a) === Math.round(b) ? fmt(a) : `${fmt(a)}–${fmt(b)}`);
    i++;
  }
  return out.join(', ');
}
