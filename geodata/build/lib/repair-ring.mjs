// Exact repair of polygon rings on an integer grid: zero-area folds, self-touching rings
// (pinches), edges run both ways. Used for the AMap county rings (GCJ-02 degrees on a 1/1024°
// grid, ≈ 100 m, cleaned before any conversion) and for the odd figure-eight OSM water polygon.

const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const same = (a, b) => a[0] === b[0] && a[1] === b[1];
const key = (p) => `${p[0]},${p[1]}`;

/** Twice the signed area of an open ring (no repeated closing vertex) in grid units. */
export function area2(ring) {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s;
}

const dot = (o, a, b) => (a[0] - o[0]) * (b[0] - a[0]) + (a[1] - o[1]) * (b[1] - a[1]);

// Whether the middle vertex b of (a, b, c) is redundant: a duplicate, the tip of a spike or
// backtrack (zero-area fold), or, if `straight(b)` says so, a vertex on the straight line a–c.
const redundant = (a, b, c, straight) =>
  same(a, b) || (cross(a, b, c) === 0 && (straight(b) || same(a, c) || dot(a, b, c) < 0));

/**
 * Removes consecutive duplicates and zero-area folds (spikes a, b, a and backtracks), and also
 * vertices on the straight line between their neighbours for which `straight(vertex)` is true
 * (none by default);
 * cyclically, until nothing changes. Exact in integers, so no area is lost or gained.
 */
export function dropRedundantVertices(openRing, straight = () => false) {
  let ring = openRing;
  for (;;) {
    const out = [];
    for (const p of ring) {
      out.push(p);
      while (out.length >= 2 && same(out[out.length - 2], out[out.length - 1])) out.pop();
      while (
        out.length >= 3 &&
        redundant(out[out.length - 3], out[out.length - 2], out[out.length - 1], straight)
      ) {
        out.splice(out.length - 2, 1);
        while (out.length >= 2 && same(out[out.length - 2], out[out.length - 1])) out.pop();
      }
    }
    // The seam between the last and first vertices.
    while (
      out.length >= 3 &&
      (same(out[0], out[out.length - 1]) ||
        redundant(out[out.length - 2], out[out.length - 1], out[0], straight))
    ) {
      out.pop();
    }
    while (out.length >= 3 && redundant(out[out.length - 1], out[0], out[1], straight)) out.shift();
    if (out.length < 3) return [];
    if (out.length === ring.length) return out;
    ring = out;
  }
}

/**
 * Adds a vertex wherever a vertex of the ring lies inside one of its edges (a T-touch), so that
 * every self-touch becomes a repeated vertex that splitAtPinches can see.
 */
export function insertTouchingVertices(openRing) {
  const n = openRing.length;
  const out = [];
  for (let i = 0; i < n; i++) {
    const a = openRing[i];
    const b = openRing[(i + 1) % n];
    out.push(a);
    const [minX, maxX] = a[0] < b[0] ? [a[0], b[0]] : [b[0], a[0]];
    const [minY, maxY] = a[1] < b[1] ? [a[1], b[1]] : [b[1], a[1]];
    const inner = openRing.filter(
      (p) =>
        p[0] >= minX &&
        p[0] <= maxX &&
        p[1] >= minY &&
        p[1] <= maxY &&
        !same(p, a) &&
        !same(p, b) &&
        cross(a, b, p) === 0,
    );
    const len2 = (b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2;
    const t = (p) => ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / len2;
    const unique = [...new Map(inner.map((p) => [key(p), p])).values()].sort((p, q) => t(p) - t(q));
    out.push(...unique);
  }
  return out;
}

/**
 * Cancels edges that the ring runs along in both directions (zero-width cuts and bridges, what
 * is left of a collapsed neck) and re-links the remaining edges into closed walks, following the
 * ring's own order. Walks may still touch themselves at vertices: see splitAtPinches.
 */
export function cancelOppositeEdges(openRing) {
  const n = openRing.length;
  const edges = openRing.map((a, i) => ({ a, b: openRing[(i + 1) % n], alive: true }));
  const open = new Map();
  for (const e of edges) {
    const reverse = open.get(`${key(e.b)}>${key(e.a)}`);
    if (reverse?.length) {
      reverse.pop().alive = false;
      e.alive = false;
    } else {
      const k = `${key(e.a)}>${key(e.b)}`;
      if (!open.has(k)) open.set(k, []);
      open.get(k).push(e);
    }
  }
  const alive = edges.map((e, i) => ({ ...e, i })).filter((e) => e.alive);
  const outgoing = new Map();
  for (const e of alive) {
    if (!outgoing.has(key(e.a))) outgoing.set(key(e.a), []);
    outgoing.get(key(e.a)).push(e);
  }
  const used = new Set();
  const walks = [];
  for (const first of alive) {
    if (used.has(first.i)) continue;
    const walk = [];
    let e = first;
    while (e && !used.has(e.i)) {
      used.add(e.i);
      walk.push(e.a);
      const from = e.i;
      // The next unused edge out of e.b, nearest after e in ring order.
      e = outgoing
        .get(key(e.b))
        ?.filter((c) => !used.has(c.i))
        .sort((p, q) => ((p.i - from + n) % n) - ((q.i - from + n) % n))[0];
    }
    walks.push(walk);
  }
  return walks;
}

/**
 * Splits a ring that touches itself at a vertex (a "pinch") into simple loops, recursively.
 * Every loop is returned with its own orientation.
 */
export function splitAtPinches(openRing) {
  const seen = new Map();
  for (let j = 0; j < openRing.length; j++) {
    const k = key(openRing[j]);
    if (seen.has(k)) {
      const i = seen.get(k);
      const inner = openRing.slice(i, j);
      const outer = [...openRing.slice(j), ...openRing.slice(0, i)];
      return [
        ...splitAtPinches(dropRedundantVertices(inner)),
        ...splitAtPinches(dropRedundantVertices(outer)),
      ];
    }
    seen.set(k, j);
  }
  return openRing.length >= 3 ? [openRing] : [];
}

/** Whether any two non-adjacent edges of the ring cross or touch (after pinch splitting). */
export function hasSelfIntersection(ring) {
  const n = ring.length;
  const seg = (i) => [ring[i], ring[(i + 1) % n]];
  for (let i = 0; i < n; i++) {
    const [a, b] = seg(i);
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      const [c, d] = seg(j);
      if (
        Math.max(a[0], b[0]) < Math.min(c[0], d[0]) ||
        Math.max(c[0], d[0]) < Math.min(a[0], b[0])
      )
        continue;
      if (
        Math.max(a[1], b[1]) < Math.min(c[1], d[1]) ||
        Math.max(c[1], d[1]) < Math.min(a[1], b[1])
      )
        continue;
      if (segmentsIntersect(a, b, c, d)) return true;
    }
  }
  return false;
}

function segmentsIntersect(a, b, c, d) {
  const d1 = Math.sign(cross(c, d, a));
  const d2 = Math.sign(cross(c, d, b));
  const d3 = Math.sign(cross(a, b, c));
  const d4 = Math.sign(cross(a, b, d));
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  const on = (p, q, r) =>
    Math.min(p[0], q[0]) <= r[0] &&
    r[0] <= Math.max(p[0], q[0]) &&
    Math.min(p[1], q[1]) <= r[1] &&
    r[1] <= Math.max(p[1], q[1]);
  return (
    (d1 === 0 && on(c, d, a)) ||
    (d2 === 0 && on(c, d, b)) ||
    (d3 === 0 && on(a, b, c)) ||
    (d4 === 0 && on(a, b, d))
  );
}

// Even-odd test of a strictly interior-or-exterior point (grid coordinates are integers, we test
// half-integer offsets of a vertex so no point lies on an edge).
function inside(p, ring) {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

// A point strictly inside a simple loop: centre of a quarter-cell next to one of its vertices.
function probe(loop) {
  const s = Math.sign(area2(loop));
  for (const [x, y] of loop) {
    for (const [dx, dy] of [
      [0.25, 0.25],
      [-0.25, 0.25],
      [0.25, -0.25],
      [-0.25, -0.25],
    ]) {
      const p = [x + dx, y + dy];
      if (inside(p, loop)) return p;
    }
  }
  throw new Error(`no interior probe for a loop of sign ${s}`);
}

/**
 * Turns one source ring (grid coordinates, closed) into simple loops (open rings, each with its
 * own orientation) and the sign of the ring's overall orientation.
 */
export function ringToLoops(closedRing) {
  const open = closedRing.slice(
    0,
    same(closedRing[0], closedRing[closedRing.length - 1]) ? -1 : undefined,
  );
  const base = insertTouchingVertices(dropRedundantVertices(open));
  if (base.length < 3) return { sign: 0, loops: [] };
  const loops = cancelOppositeEdges(base)
    .flatMap((walk) => splitAtPinches(dropRedundantVertices(walk)))
    .filter((l) => l.length >= 3 && area2(l) !== 0);
  return { sign: Math.sign(area2(base)), loops };
}

/** Keys of the vertices that are corners (not on a straight line) in at least one loop. */
export function cornerKeys(loops) {
  const corners = new Set();
  for (const l of loops) {
    l.forEach((b, i) => {
      if (cross(l[(i + l.length - 1) % l.length], b, l[(i + 1) % l.length]) !== 0)
        corners.add(key(b));
    });
  }
  return corners;
}

/**
 * Drops straight-through vertices that are no corner anywhere (so no loop keeps a vertex that
 * lies inside another loop's edge), then groups the loops into polygons [[outer, ...holes]]:
 * loops of the ring's orientation are shells; a loop of the opposite orientation is a hole of the
 * smallest shell holding it or, a twisted lobe outside every shell, a shell of its own.
 */
export function loopsToPolygons({ sign, loops }, corners) {
  const straight = (p) => !corners.has(key(p));
  const simple = loops
    .map((l) => dropRedundantVertices(l, straight))
    .filter((l) => l.length >= 3 && area2(l) !== 0);
  for (const l of simple)
    if (hasSelfIntersection(l))
      throw new Error(`ring still self-intersects near grid point ${l[0]}`);
  const polygons = simple.filter((l) => Math.sign(area2(l)) === sign).map((s) => [s]);
  for (const r of simple.filter((l) => Math.sign(area2(l)) !== sign)) {
    const p = probe(r);
    const holder = polygons
      .filter((poly) => inside(p, poly[0]))
      .sort((a, b) => Math.abs(area2(a[0])) - Math.abs(area2(b[0])))[0];
    if (holder) holder.push(r);
    else polygons.push([r]);
  }
  return polygons;
}
