// Which bank a line is on follows from the geometry and the flow: 左岸 is on the left looking
// downstream, and a line's direction is the flow. Of a reach's two bank lines, the one that has the
// other on its right is the left bank; a line alone is decided by a drawn water surface (the water
// lies on the left bank's right), else it is 待定. The river's course, where the map has one, checks
// that each line runs downstream.
import type { Position } from 'geojson';

/** A bank, seen looking downstream. */
export type BankSide = 'left' | 'right';

/** One bank line of a reach as the rule reads it. */
export interface SideLine {
  id: string;
  /** lon/lat, in the line's direction (the flow as drawn) */
  coords: readonly Position[];
  /** a side someone stated (a file's 岸别, a save, a choice); null: the line follows the geometry */
  stated: BankSide | null;
}

/** What else tells the sides: the river's course (upstream → downstream) and the reach's water. */
export interface SideContext {
  course?: readonly Position[] | null;
  /** water polygons of the reach (rings of lon/lat) */
  water?: readonly (readonly (readonly Position[])[])[];
}

/** A line's side as the geometry gives it; null when it cannot tell (待定). */
export interface InferredSide {
  id: string;
  side: BankSide | null;
  basis: 'pair' | 'water' | null;
}

/** Why the sides of a reach cannot be trusted as they are. */
export type SideNote =
  /** two lines flow opposite ways (each has the other on the same hand) */
  | { code: 'opposite'; lines: [string, string] }
  /** a line runs against the river's course */
  | { code: 'against-course'; line: string }
  /** the geometry puts the line on the other bank than the one stated */
  | { code: 'disagrees'; line: string; stated: BankSide; inferred: BankSide }
  /** more than two lines, or lines that cross: the geometry does not tell one bank from the other */
  | { code: 'unclear'; line: string };

/** Metres east/north of an origin: an equirectangular plane, good at a reach's scale in any zone. */
function planeOf(origin: Position) {
  const lat0 = ((origin[1] as number) * Math.PI) / 180;
  const kx = 111_320 * Math.cos(lat0);
  return (p: Position): [number, number] => [
    ((p[0] as number) - (origin[0] as number)) * kx,
    ((p[1] as number) - (origin[1] as number)) * 110_540,
  ];
}

type XY = [number, number];

/**
 * Which hand of the polyline `line` the point lies on: +1 right, -1 left, 0 on it (nearest segment).
 * At a vertex both neighbouring segments are equally near: the one the point is more clearly beside
 * counts, so that a point outside a bend is not read off the wrong leg.
 */
function handOf(line: readonly XY[], p: XY): number {
  let best = Infinity;
  let cross = 0;
  const [px, py] = p;
  // no tuples in the loop, and squared distances: this runs for every edit of the working copy
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i] as XY;
    const b = line[i + 1] as XY;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    if (len2 === 0) continue;
    const ax = px - a[0];
    const ay = py - a[1];
    const t = Math.max(0, Math.min(1, (ax * dx + ay * dy) / len2));
    const ex = ax - t * dx;
    const ey = ay - t * dy;
    const d2 = ex * ex + ey * ey;
    if (d2 > best + 1e-9) continue;
    const c = (dx * ay - dy * ax) / Math.sqrt(len2);
    if (d2 < best - 1e-9 || Math.abs(c) > Math.abs(cross)) {
      best = d2;
      cross = c;
    }
  }
  // a positive cross product is to the left (counter-clockwise) in an east/north plane
  return cross > 0 ? -1 : cross < 0 ? 1 : 0;
}

/** Up to 24 points along a polyline: its vertices, or evenly picked ones of many. */
function samples(line: readonly XY[]): XY[] {
  if (line.length <= 24) return [...line];
  const step = (line.length - 1) / 23;
  return Array.from({ length: 24 }, (_, i) => line[Math.round(i * step)] as XY);
}

/** The hand most points lie on (+1 right, -1 left), 0 when no clear majority (two thirds). */
function majorityHand(line: readonly XY[], points: readonly XY[]): number {
  let right = 0;
  let left = 0;
  for (const p of points) {
    const h = handOf(line, p);
    if (h > 0) right++;
    else if (h < 0) left++;
  }
  const n = right + left;
  if (n === 0) return 0;
  if (right * 3 >= n * 2) return 1;
  if (left * 3 >= n * 2) return -1;
  return 0;
}

const sideFromOthers = (hand: number): BankSide | null =>
  hand > 0 ? 'left' : hand < 0 ? 'right' : null;

function direction(line: readonly XY[]): XY {
  const [a, b] = [line[0] as XY, line.at(-1) as XY];
  return [b[0] - a[0], b[1] - a[1]];
}

/** The course's direction near a line: along the course segment nearest the line's middle. */
function courseDirectionNear(course: readonly XY[], p: XY): XY {
  let best = Infinity;
  let dir: XY = [0, 0];
  for (let i = 0; i + 1 < course.length; i++) {
    const [a, b] = [course[i] as XY, course[i + 1] as XY];
    const d = Math.hypot((a[0] + b[0]) / 2 - p[0], (a[1] + b[1]) / 2 - p[1]);
    if (d < best) [best, dir] = [d, [b[0] - a[0], b[1] - a[1]]];
  }
  return dir;
}

/** Whether a line runs against the course near its middle. */
function against(line: readonly XY[], course: readonly XY[]): boolean {
  const [cx, cy] = courseDirectionNear(course, line[Math.floor(line.length / 2)] as XY);
  const [lx, ly] = direction(line);
  return cx * lx + cy * ly < 0;
}

/**
 * The side of each bank line of one reach, and what is wrong with the sides: lines flowing opposite
 * ways, a line against the river's course (when one is known), a stated side the geometry
 * contradicts. Two lines decide each other; a line alone is decided by the water drawn beside it,
 * else it is 待定 (null). Left/right are looking along the
 * line (downstream); the plane is local, so a reach across the 109.5° zone line reads the same.
 * @example inferBankSides([{ id: 'a', coords: west, stated: null }, { id: 'b', coords: east, stated: null }]).sides // [{ id: 'a', side: 'left', basis: 'pair' }, { id: 'b', side: 'right', basis: 'pair' }] (both drawn south → north)
 */
export function inferBankSides(
  lines: readonly SideLine[],
  context: SideContext = {},
): { sides: InferredSide[]; notes: SideNote[] } {
  const origin = lines[0]?.coords[0];
  if (!origin) return { sides: [], notes: [] };
  const toXY = planeOf(origin);
  const xy = lines.map((l) => l.coords.map(toXY));
  const notes: SideNote[] = [];
  let sides: InferredSide[];
  if (lines.length >= 2) sides = byPair(lines, xy, notes);
  else sides = [byWater(lines[0] as SideLine, xy[0] as XY[], context, toXY)];
  // the course checks the flow: a line drawn against it is said, whatever the sides
  const course = context.course && context.course.length >= 2 ? context.course.map(toXY) : null;
  if (course) {
    for (const [i, l] of xy.entries())
      if (against(l, course))
        notes.push({ code: 'against-course', line: (lines[i] as SideLine).id });
  }
  for (const [i, s] of sides.entries()) {
    const stated = (lines[i] as SideLine).stated;
    if (stated && s.side && stated !== s.side) {
      notes.push({ code: 'disagrees', line: s.id, stated, inferred: s.side });
    }
  }
  return { sides, notes };
}

function byPair(lines: readonly SideLine[], xy: readonly XY[][], notes: SideNote[]) {
  const sides: InferredSide[] = xy.map((l, i) => {
    const others = xy.filter((_, j) => j !== i).flatMap(samples);
    const side = sideFromOthers(majorityHand(l, others));
    return { id: (lines[i] as SideLine).id, side, basis: side ? 'pair' : null };
  });
  const left = sides.filter((s) => s.side === 'left');
  const right = sides.filter((s) => s.side === 'right');
  if (lines.length === 2 && left.length === 1 && right.length === 1) return sides;
  const [a, b] = sides as [InferredSide, InferredSide];
  const [da, db] = [direction(xy[0] as XY[]), direction(xy[1] as XY[])];
  if (lines.length === 2 && a.side && a.side === b.side && da[0] * db[0] + da[1] * db[1] < 0) {
    notes.push({ code: 'opposite', lines: [a.id, b.id] });
  } else {
    for (const s of sides) notes.push({ code: 'unclear', line: s.id });
  }
  return sides.map((s) => ({ ...s, side: null, basis: null }));
}

function byWater(
  line: SideLine,
  xy: readonly XY[],
  context: SideContext,
  toXY: (p: Position) => XY,
): InferredSide {
  const points = (context.water ?? []).flatMap((poly) => samples((poly[0] ?? []).map(toXY)));
  const side = points.length > 0 ? sideFromOthers(majorityHand(xy, points)) : null;
  if (side) return { id: line.id, side, basis: 'water' };
  return { id: line.id, side: null, basis: null };
}
