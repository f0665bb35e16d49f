import { samePosition } from './geometry.mjs';

const key = (p) => `${p[0]},${p[1]}`;

/**
 * Joins polylines that meet end to end at nodes where exactly two line ends meet (GSHHG's
 * per-bin pieces). Junctions of three or more ends are left as they are. Deterministic: chains
 * are seeded in input order and keep the direction of their seed piece.
 */
export function mergeLines(input) {
  const isClosed = (l) => samePosition(l[0], l[l.length - 1]);
  const lines = input.filter((l) => (l.length >= 2 && !isClosed(l)) || l.length >= 4);
  const ends = new Map();
  lines.forEach((l, i) => {
    for (const atStart of [true, false]) {
      const k = key(atStart ? l[0] : l[l.length - 1]);
      if (!ends.has(k)) ends.set(k, []);
      ends.get(k).push({ i, atStart });
    }
  });
  const used = new Array(lines.length).fill(false);
  // The other line end at the node of (line i, end), if the node joins exactly two ends.
  const partner = (i, atStart) => {
    const l = lines[i];
    const list = ends.get(key(atStart ? l[0] : l[l.length - 1]));
    if (list.length !== 2) return null;
    const other = list.find((e) => !(e.i === i && e.atStart === atStart));
    return other && !used[other.i] ? other : null;
  };
  const chains = [];
  for (let seed = 0; seed < lines.length; seed++) {
    if (used[seed]) continue;
    used[seed] = true;
    let chain = [...lines[seed]];
    let tail = { i: seed, atStart: false };
    for (let next = partner(tail.i, tail.atStart); next; next = partner(tail.i, tail.atStart)) {
      used[next.i] = true;
      const piece = next.atStart ? lines[next.i] : [...lines[next.i]].reverse();
      chain = chain.concat(piece.slice(1));
      tail = { i: next.i, atStart: !next.atStart };
    }
    let head = { i: seed, atStart: true };
    for (let prev = partner(head.i, head.atStart); prev; prev = partner(head.i, head.atStart)) {
      used[prev.i] = true;
      const piece = prev.atStart ? [...lines[prev.i]].reverse() : lines[prev.i];
      chain = piece.slice(0, -1).concat(chain);
      head = { i: prev.i, atStart: !prev.atStart };
    }
    chains.push(chain);
  }
  return chains;
}
