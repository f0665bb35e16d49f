// Where the markers of one line go, as chainages: the rule of docs/markers.md.
import type { MeasuredLine } from './line-geometry';
import { turnAt } from './line-geometry';
import type { MarkerOptions } from './marker-options';

/** Chainages are given to the millimetre; comparisons allow half of one. */
const HALF_MM = 0.0005;

/** A marker position on a line before it is numbered. */
export interface Station {
  /** metres from the line's upstream end */
  chainageM: number;
  kind: 'end' | 'bend' | 'main';
}

/** A sampled turn of the line: chainage and degrees over ± minGapM. */
interface Turn {
  s: number;
  deg: number;
  /** which sharp run the sample belongs to (between two sharp samples of a run, all is sharp) */
  run?: number;
}

/**
 * The chainages where the line is sampled for bends: every vertex, every vertex ± w (where the
 * window's ends cross a vertex), and a grid of w/20 (1 m for the default 20 m).
 */
function sampleChainages(line: MeasuredLine, w: number): number[] {
  const step = w / 20;
  const out: number[] = [];
  for (let s = 0; s <= line.length; s += step) out.push(s);
  for (const c of line.cum) out.push(c, c - w, c + w);
  out.push(line.length);
  return [...new Set(out.filter((s) => s >= 0 && s <= line.length))].sort((a, b) => a - b);
}

/** The sharp end of the boundary between a sharp and a blunt sample, to 1/4096 of their distance. */
function edgeOf(line: MeasuredLine, w: number, bendDeg: number, sharp: Turn, blunt: number): Turn {
  let lo = blunt;
  let hi = sharp;
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi.s) / 2;
    const deg = turnAt(line, mid, w);
    if (deg > bendDeg) hi = { s: mid, deg };
    else lo = mid;
  }
  return hi;
}

/**
 * The sharp samples (turn over ± w above bendDeg), with the edges of every sharp run refined by
 * bisection so that a run is known to the millimetre, not to the sampling grid.
 */
function sharpTurns(line: MeasuredLine, w: number, bendDeg: number): Turn[] {
  const all = sampleChainages(line, w).map((s) => ({ s, deg: turnAt(line, s, w) }));
  const out: Turn[] = [];
  let run = 0;
  all.forEach((t, i) => {
    if (t.deg <= bendDeg) return;
    const prev = all[i - 1];
    const next = all[i + 1];
    if (!prev || prev.deg <= bendDeg) {
      run++;
      if (prev) out.push({ ...edgeOf(line, w, bendDeg, t, prev.s), run });
    }
    out.push({ ...t, run });
    if (next && next.deg <= bendDeg) out.push({ ...edgeOf(line, w, bendDeg, t, next.s), run });
  });
  return out;
}

/**
 * Bend markers: scanning downstream, the first sharp point x not within w of the last marker gets
 * a marker at the sharpest sample in [x, x + w] (so x stays covered); inside a sharp run, x is
 * last + w itself. None within w of either end (the end markers cover those). Consecutive bend
 * markers are therefore at least w apart.
 */
function placeBends(line: MeasuredLine, w: number, bendDeg: number): number[] {
  const sharp = sharpTurns(line, w, bendDeg);
  const bends: number[] = [];
  let last = 0;
  const maxBend = line.length - w;
  for (let j = 0; j < sharp.length; j++) {
    const x = (sharp[j] as Turn).s;
    if (x <= last + w || x >= maxBend) continue;
    const inRun = j > 0 && (sharp[j - 1] as Turn).run === (sharp[j] as Turn).run;
    const limit = Math.min((inRun ? last + w : x) + w, maxBend);
    let best = sharp[j] as Turn;
    for (let k = j + 1; k < sharp.length && (sharp[k] as Turn).s <= limit; k++) {
      if ((sharp[k] as Turn).deg > best.deg) best = sharp[k] as Turn;
    }
    bends.push(best.s);
    last = best.s;
  }
  return bends;
}

/**
 * Stations of one line: both ends, bends sharper than `bendDeg`, and main markers splitting every
 * gap between those into ceil(gap / spacing) equal parts. Every gap is then within
 * [minGapM, spacingM]. The line must be at least minGapM long (the caller refuses shorter ones).
 * @example placeStations(measureLine([[0, 0], [300, 0]]), DEFAULT_MARKER_OPTIONS).length // 3
 */
export function placeStations(line: MeasuredLine, options: MarkerOptions): Station[] {
  const w = options.minGapM;
  if (line.length < w - 0.0005)
    throw new Error(`line is ${line.length} m long, shorter than ${w} m`);
  const fixed: Station[] = [
    { chainageM: 0, kind: 'end' },
    ...placeBends(line, w, options.bendDeg).map((s): Station => ({ chainageM: s, kind: 'bend' })),
    { chainageM: line.length, kind: 'end' },
  ];
  const out: Station[] = [fixed[0] as Station];
  for (let i = 1; i < fixed.length; i++) {
    const a = (fixed[i - 1] as Station).chainageM;
    const b = fixed[i] as Station;
    // half a millimetre of slack: a 300 m gap read back from lon/lat is 2 parts, not 3
    const parts = Math.ceil((b.chainageM - a - HALF_MM) / options.spacingM);
    for (let k = 1; k < parts; k++) {
      out.push({ chainageM: a + ((b.chainageM - a) * k) / parts, kind: 'main' });
    }
    out.push(b);
  }
  return out;
}
