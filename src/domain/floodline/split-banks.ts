// The bank lines from the flood's outer edge: cut at the perpendiculars through the centreline's
// ends, split into the piece left of the flow and the piece right of it, each upstream → downstream.
import type { Position } from 'geojson';
import type { CentrelineIndex, Projection } from './centreline-index';
import type { Loop } from './trace-contour';

/** The pieces of the outer edges between the end cuts, by side. */
export interface BankPieces {
  left: Position[][];
  right: Position[][];
}

/**
 * Cuts the outer loops (flood on the left) at the reach's end perpendiculars and sorts the pieces by
 * side (the sign of their middle vertex's offset).
 * @example splitBanks(outerLoops, index) // { left: [[…]], right: [[…]] }
 */
export function splitBanks(outer: readonly Loop[], index: CentrelineIndex): BankPieces {
  const L = index.length;
  const c0 = index.pointAt(0);
  const cN = index.pointAt(L);
  const t0 = index.endDirection(false);
  const tN = index.endDirection(true);
  const pr: Projection = { s: 0, offset: 0, dist: 0 };
  const out: BankPieces = { left: [], right: [] };
  for (const loop of outer) {
    const ring = loop.slice(0, -1);
    const s = ring.map((p) => {
      index.project(p[0] as number, p[1] as number, pr);
      return pr.s;
    });
    const inside = s.map((v) => v >= 0 && v <= L);
    const startAt = inside.indexOf(false);
    if (startAt < 0) continue;
    const n = ring.length;
    let piece: Position[] | null = null;
    for (let k = 1; k <= n; k++) {
      const i = (startAt + k) % n;
      const j = (startAt + k - 1) % n;
      const p = ring[j] as Position;
      const q = ring[i] as Position;
      if (inside[i] && !piece) {
        piece = [cut(p, q, (s[j] as number) < 0 ? c0 : cN, (s[j] as number) < 0 ? t0 : tN), q];
      } else if (inside[i] && piece) piece.push(q);
      else if (!inside[i] && piece) {
        piece.push(cut(p, q, (s[i] as number) < 0 ? c0 : cN, (s[i] as number) < 0 ? t0 : tN));
        addPiece(out, piece, index, pr);
        piece = null;
      }
    }
  }
  return out;
}

/** where segment p→q crosses the line through c perpendicular to t */
function cut(p: Position, q: Position, c: [number, number], t: [number, number]): Position {
  const px = p[0] as number;
  const py = p[1] as number;
  const dx = (q[0] as number) - px;
  const dy = (q[1] as number) - py;
  const den = dx * t[0] + dy * t[1];
  const u =
    den === 0 ? 0 : Math.min(1, Math.max(0, ((c[0] - px) * t[0] + (c[1] - py) * t[1]) / den));
  return [px + u * dx, py + u * dy];
}

function addPiece(
  out: BankPieces,
  piece: Position[],
  index: CentrelineIndex,
  pr: Projection,
): void {
  const mid = piece[Math.floor(piece.length / 2)] as Position;
  index.project(mid[0] as number, mid[1] as number, pr);
  const left = pr.offset > 0;
  const first = piece[0] as Position;
  const last = piece[piece.length - 1] as Position;
  index.project(first[0] as number, first[1] as number, pr);
  const s0 = pr.s;
  index.project(last[0] as number, last[1] as number, pr);
  if (s0 > pr.s) piece.reverse();
  (left ? out.left : out.right).push(piece);
}
