import type { Position } from 'geojson';
import { type Message, msg } from '../message';
import type { CentrelineIndex, Projection } from './centreline-index';
import type { LevelPoint } from './water-levels';

/** A highest-historic flood mark: where (in the centreline's planar CRS) and its level (1985, m). */
export interface FloodMark {
  at: Position;
  level: number;
  /** 1-based feature number in its file, for messages */
  n: number;
}

/**
 * Levels from historic flood marks: each mark is snapped to its nearest point on the centreline
 * (its chainage); a mark farther than `maxDistance` from the centreline, or beyond its ends, is an
 * error naming it. Marks at one chainage keep the highest level (the highest historic flood).
 * @example snapFloodMarks([{ at: [50, 20], level: 12, n: 1 }], index, 500) // { ok: true, levels: [{ chainage: 50, level: 12 }] }
 */
export function snapFloodMarks(
  marks: readonly FloodMark[],
  index: CentrelineIndex,
  maxDistance: number,
): { ok: true; levels: LevelPoint[] } | { ok: false; errors: Message[] } {
  const pr: Projection = { s: 0, offset: 0, dist: 0 };
  const errors: Message[] = [];
  const byChainage = new Map<number, number>();
  for (const m of marks) {
    index.project(m.at[0] as number, m.at[1] as number, pr);
    if (pr.dist > maxDistance || pr.s < 0 || pr.s > index.length) {
      errors.push(
        msg('floodline.marks.far', { n: m.n, distance: Math.round(pr.dist), max: maxDistance }),
      );
      continue;
    }
    const s = Math.round(pr.s * 100) / 100;
    byChainage.set(s, Math.max(byChainage.get(s) ?? Number.NEGATIVE_INFINITY, m.level));
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    levels: [...byChainage].map(([chainage, level]) => ({ chainage, level })),
  };
}

/**
 * Flood marks from a parsed GeoJSON FeatureCollection of points with a `level` (or `水位`) property,
 * in lon/lat; every feature that is not such a point is reported by its number.
 * @example readFloodMarks(fc, 'marks.geojson') // { ok: true, marks: [{ at: [108.6, 22], level: 12.3, n: 1 }] }
 */
export function readFloodMarks(
  json: unknown,
  file: string,
): { ok: true; marks: FloodMark[] } | { ok: false; errors: Message[] } {
  const fc = json as { type?: string; features?: unknown[] };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features) || fc.features.length === 0)
    return { ok: false, errors: [msg('floodline.marks.notPoints', { file })] };
  const marks: FloodMark[] = [];
  const errors: Message[] = [];
  fc.features.forEach((f, i) => {
    const g = (f as { geometry?: { type?: string; coordinates?: unknown } }).geometry;
    const p = (f as { properties?: Record<string, unknown> }).properties ?? {};
    const raw = p.level ?? p.水位;
    const level = Number(raw);
    const c = g?.coordinates as number[] | undefined;
    const point =
      g?.type === 'Point' && Array.isArray(c) && c.length >= 2 && c.every(Number.isFinite);
    if (!point || !Number.isFinite(level) || raw === null || raw === '')
      errors.push(msg('floodline.marks.bad', { file, n: i + 1 }));
    else marks.push({ at: [c[0] as number, c[1] as number], level, n: i + 1 });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, marks };
}
