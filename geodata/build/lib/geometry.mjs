// Small, dependency-free geometry helpers for lon/lat (WGS84 ≈ CGCS2000) data.

const A = 6378137; // GRS80/WGS84 semi-major axis (m)
const F = 1 / 298.257222101; // GRS80 flattening (WGS84 differs in the 12th digit)
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const RAD = Math.PI / 180;

/** Round to 6 decimals (≈ 0.1 m). */
export const round6 = (x) => Math.round(x * 1e6) / 1e6;

export const roundPosition = (p) => [round6(p[0]), round6(p[1])];

export const samePosition = (a, b) => a[0] === b[0] && a[1] === b[1];

/** Drops consecutive duplicate positions (keeps the first of a run). */
export function dedupe(positions) {
  const out = [];
  for (const p of positions)
    if (out.length === 0 || !samePosition(out[out.length - 1], p)) out.push(p);
  return out;
}

/** Planar signed area (shoelace) of a closed ring; > 0 is counter-clockwise. */
export function signedArea(ring) {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return s / 2;
}

// Authalic "q" function of the ellipsoid: y = A * q / 2 is the northing of the
// Lambert cylindrical equal-area projection, so a planar shoelace on (A·λ, A·q/2)
// gives the ellipsoidal area (edges straight in that projection; differences to
// geodesic edges are far below a square metre for the short edges used here).
function qOfLat(lat) {
  const s = Math.sin(lat * RAD);
  return (1 - E2) * (s / (1 - E2 * s * s) - (1 / (2 * E)) * Math.log((1 - E * s) / (1 + E * s)));
}

/** Ellipsoidal (GRS80) signed area of a closed lon/lat ring in m²; > 0 is counter-clockwise. */
export function ringAreaM2(ring) {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const x1 = A * ring[i][0] * RAD;
    const x2 = A * ring[i + 1][0] * RAD;
    const y1 = (A * qOfLat(ring[i][1])) / 2;
    const y2 = (A * qOfLat(ring[i + 1][1])) / 2;
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}

/** Ellipsoidal area of a Polygon or MultiPolygon geometry in km² (holes subtracted). */
export function areaKm2(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let m2 = 0;
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      const a = Math.abs(ringAreaM2(ring));
      m2 += i === 0 ? a : -a;
    });
  }
  return m2 / 1e6;
}

/** Metres per degree of longitude and latitude at a latitude (ellipsoidal radii of curvature). */
export function metresPerDegree(lat) {
  const s = Math.sin(lat * RAD);
  const w = Math.sqrt(1 - E2 * s * s);
  const n = A / w;
  const m = (A * (1 - E2)) / (w * w * w);
  return [n * Math.cos(lat * RAD) * RAD, m * RAD];
}

/** Distance in metres from point p to segment ab, in a local plane at p's latitude. */
export function pointSegmentDistanceM(p, a, b) {
  const [kx, ky] = metresPerDegree(p[1]);
  const ax = (a[0] - p[0]) * kx;
  const ay = (a[1] - p[1]) * ky;
  const bx = (b[0] - p[0]) * kx;
  const by = (b[1] - p[1]) * ky;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Distance in metres from a point to a polyline (array of positions). */
export function pointLineDistanceM(p, line) {
  if (line.length === 1) return pointSegmentDistanceM(p, line[0], line[0]);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i + 1 < line.length; i++) {
    const d = pointSegmentDistanceM(p, line[i], line[i + 1]);
    if (d < best) best = d;
  }
  return best;
}

/** Length of a polyline in metres (local-plane segments; fine for segments of a few km). */
export function lineLengthM(line) {
  let s = 0;
  for (let i = 0; i + 1 < line.length; i++)
    s += pointSegmentDistanceM(line[i], line[i + 1], line[i + 1]);
  return s;
}

/** Even-odd point-in-ring test (ring closed). Points exactly on an edge may go either way. */
export function pointInRing(p, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

/** Point-in-polygon (Polygon coordinates: outer ring then holes). */
export function pointInPolygon(p, rings) {
  if (!pointInRing(p, rings[0])) return false;
  for (let i = 1; i < rings.length; i++) if (pointInRing(p, rings[i])) return false;
  return true;
}

/** Polygon coordinate arrays of a Polygon or MultiPolygon geometry. */
export const polygonsOf = (geometry) =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

/** Line coordinate arrays of a LineString or MultiLineString geometry. */
export const linesOf = (geometry) =>
  geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;

/** Distance in metres from a point to the boundary of a Polygon/MultiPolygon, 0 if inside. */
export function pointAreaDistanceM(p, geometry) {
  let best = Number.POSITIVE_INFINITY;
  for (const rings of polygonsOf(geometry)) {
    if (pointInPolygon(p, rings)) return 0;
    for (const ring of rings) best = Math.min(best, pointLineDistanceM(p, ring));
  }
  return best;
}

/** [minLon, minLat, maxLon, maxLat] of any nested coordinate array. */
export function bboxOf(coordinates) {
  const b = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      if (c[0] < b[0]) b[0] = c[0];
      if (c[1] < b[1]) b[1] = c[1];
      if (c[0] > b[2]) b[2] = c[0];
      if (c[1] > b[3]) b[3] = c[1];
    } else c.forEach(walk);
  };
  walk(coordinates);
  return b;
}

export const bboxesOverlap = (a, b) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Forces RFC 7946 winding: outer rings counter-clockwise, holes clockwise. Returns new arrays. */
export function rewindPolygon(rings) {
  return rings.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    return (i === 0) === ccw ? ring : [...ring].reverse();
  });
}

/**
 * Clips a polyline to an axis-aligned box; returns the pieces inside (Liang–Barsky per segment,
 * consecutive inside segments joined).
 */
export function clipLine(line, [x0, y0, x1, y1]) {
  const pieces = [];
  let current = null;
  for (let i = 0; i + 1 < line.length; i++) {
    const seg = clipSegment(line[i], line[i + 1], x0, y0, x1, y1);
    if (!seg) {
      current = null;
      continue;
    }
    if (current && samePosition(current[current.length - 1], seg[0])) {
      current.push(seg[1]);
    } else {
      current = [seg[0], seg[1]];
      pieces.push(current);
    }
    // A segment that leaves the box ends the piece.
    if (!samePosition(seg[1], line[i + 1])) current = null;
  }
  return pieces;
}

function clipSegment(a, b, x0, y0, x1, y1) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const edges = [
    [-dx, a[0] - x0],
    [dx, x1 - a[0]],
    [-dy, a[1] - y0],
    [dy, y1 - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) {
        if (r > t1) return null;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return null;
        if (r < t1) t1 = r;
      }
    }
  }
  const at = (t) => {
    if (t === 0) return a;
    if (t === 1) return b;
    // Snap the computed crossing onto the box edge it lies on, exactly.
    const x = a[0] + t * dx;
    const y = a[1] + t * dy;
    return [snap(x, x0, x1), snap(y, y0, y1)];
  };
  const p0 = at(t0);
  const p1 = at(t1);
  if (samePosition(p0, p1)) return null;
  return [p0, p1];
}

const snap = (v, lo, hi) => (Math.abs(v - lo) < 1e-9 ? lo : Math.abs(v - hi) < 1e-9 ? hi : v);

function segmentsCross(a, b, c, d) {
  const o = (p, q, r) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) * o(a, b, d) <= 0 && o(c, d, a) * o(c, d, b) <= 0;
}

const segmentDistanceM = (a, b, c, d) =>
  segmentsCross(a, b, c, d)
    ? 0
    : Math.min(
        pointSegmentDistanceM(a, c, d),
        pointSegmentDistanceM(b, c, d),
        pointSegmentDistanceM(c, a, b),
        pointSegmentDistanceM(d, a, b),
      );

/**
 * Shortest distance in metres between polylines (e.g. a river, or the rings of a water polygon)
 * and a Polygon/MultiPolygon area: 0 when they touch or a line vertex is inside the area.
 * Returns Infinity when the bounding boxes are more than `limitM` apart.
 */
export function linesToAreaDistanceM(lines, area, limitM = 5000) {
  const [kx, ky] = metresPerDegree(22);
  const pad = [limitM / kx, limitM / ky];
  const lb = bboxOf(lines);
  const ab = bboxOf(area.coordinates);
  if (!bboxesOverlap([lb[0] - pad[0], lb[1] - pad[1], lb[2] + pad[0], lb[3] + pad[1]], ab))
    return Number.POSITIVE_INFINITY;
  const polygons = polygonsOf(area);
  for (const line of lines)
    for (const p of line) if (polygons.some((rings) => pointInPolygon(p, rings))) return 0;
  let best = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    for (let i = 0; i + 1 < line.length; i++) {
      for (const rings of polygons) {
        for (const ring of rings) {
          for (let j = 0; j + 1 < ring.length; j++) {
            const d = segmentDistanceM(line[i], line[i + 1], ring[j], ring[j + 1]);
            if (d < best) best = d;
            if (best === 0) return 0;
          }
        }
      }
    }
  }
  return best;
}

/** Shortest distance in metres between two Polygon/MultiPolygon areas, 0 if they overlap. */
export function areasDistanceM(a, b, limitM = 5000) {
  const ringsOf = (g) => polygonsOf(g).flat();
  return Math.min(
    linesToAreaDistanceM(ringsOf(a), b, limitM),
    linesToAreaDistanceM(ringsOf(b), a, limitM),
  );
}
