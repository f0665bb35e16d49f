#!/usr/bin/python3
"""Independent GEOS reference for the Hejie zone construction (management / protection).

Reads one JSON object on stdin, writes one JSON object on stdout.  Errors: prints
{"error": "..."} on stdout and exits 1.  Debian: apt-get install -y python3-shapely
(shapely 1.8.x on GEOS 3.11; no pip).  All coordinates are metres in a projected plane.

mode "zones":
  in  {"mode": "zones", "left": [[x, y], ...], "right": [[x, y], ...],
       "toes": [{"coords": [[x, y], ...], "widthM": 30, "protectionM": 40 | null}],
       "banks": [{"coords": [[x, y], ...], "widthM": 0}],
       "water": [[ring, hole, ...], ...], "quadSegs": 64, "repeat": 1}
  out {"management": GeoJSON, "protection": GeoJSON | null, "managementArea": m2,
       "protectionArea": m2, "valid": [bool, bool], "ms": median ms over repeat runs}

  corridor   = Polygon(left + reversed(right))
  management = union(corridor, water, buffer(toe, widthM), buffer(bank, widthM) if widthM > 0)
  protection = union(corridor, buffer(toe, widthM + protectionM) for toes with protectionM)
               minus management; null when no toe has protectionM.
  Buffers: flat caps, round joins, quadSegs segments per quarter circle.

mode "compare":
  in  {"mode": "compare", "a": GeoJSON, "b": GeoJSON, "densifyM": 0.5, "method": "grid"}
  out {"hausdorffM", "areaA", "areaB", "areaRatio" (areaA / areaB), "symDiffArea",
       "validA", "validB", "densifyM", "method", "points": [nA, nB], "ms"}

  Hausdorff distance between the boundaries (all rings) of a and b.  Every ring is first
  densified so no segment is longer than densifyM (default 0.5 m); then, for every vertex of
  one densified boundary, the exact distance to the nearest *segment* of the other is taken,
  and the maximum over both directions is returned.  method "grid" (default) does this with a
  numpy uniform-grid index (fast for 10^6 vertices); method "geos" hands the same densified
  geometries to GEOS's hausdorff_distance (O(n*m), a cross-check for small inputs).
"""

import json
import math
import statistics
import sys
import time

INSTALL_HINT = "apt-get install -y python3-shapely"


def fail(message, code=1):
    sys.stdout.write(json.dumps({"error": message}) + "\n")
    sys.stdout.flush()
    sys.exit(code)


try:
    import numpy as np
    import shapely
    from shapely.geometry import LineString, MultiPolygon, Polygon, mapping, shape
    from shapely.geometry.polygon import orient
    from shapely.ops import unary_union
except ImportError as exc:  # pragma: no cover - depends on the machine
    fail(
        "GEOS reference needs Debian's shapely (and numpy) for /usr/bin/python3: "
        f"{exc}. Install with: {INSTALL_HINT}"
    )

FLAT = 2  # shapely 1.8 CAP_STYLE.flat
ROUND = 1  # shapely 1.8 JOIN_STYLE.round
MITRE = 2  # shapely 1.8 JOIN_STYLE.mitre


# ---------------------------------------------------------------- input checking


def coords_of(value, what, min_len):
    if not isinstance(value, list) or len(value) < min_len:
        raise ValueError(f"{what} must be a list of at least {min_len} [x, y] positions")
    out = []
    for i, p in enumerate(value):
        if (
            not isinstance(p, list)
            or len(p) < 2
            or not all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in p[:2])
            or not all(math.isfinite(c) for c in p[:2])
        ):
            raise ValueError(f"{what}[{i}] is not a finite [x, y] position: {json.dumps(p)}")
        out.append((float(p[0]), float(p[1])))
    return out


def number_of(value, what, allow_none=False):
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, got {json.dumps(value)}")
    return float(value)


# ---------------------------------------------------------------- zones


def polygons_of(geom):
    """Polygon parts of a GEOS result (drops lower-dimension debris, flattens collections)."""
    if geom.is_empty:
        return []
    if geom.geom_type == "Polygon":
        return [geom]
    if geom.geom_type in ("MultiPolygon", "GeometryCollection"):
        parts = []
        for g in geom.geoms:
            parts.extend(polygons_of(g))
        return parts
    return []


def to_geojson(geom):
    # zero-area slivers (coincident flat caps leave them in a difference) are dropped, as the
    # engine's 1 mm snap-rounding drops them
    parts = [orient(p, 1.0) for p in polygons_of(geom) if p.area >= 1e-3]  # RFC 7946: exterior CCW
    if len(parts) == 1:
        return mapping(parts[0])
    if not parts:
        return {"type": "MultiPolygon", "coordinates": []}
    return mapping(MultiPolygon(parts))


def zones(req):
    left = coords_of(req.get("left"), "left", 2)
    right = coords_of(req.get("right"), "right", 2)
    quad_segs = req.get("quadSegs", 64)
    if isinstance(quad_segs, bool) or not isinstance(quad_segs, int) or quad_segs < 1:
        raise ValueError(f"quadSegs must be a positive integer, got {json.dumps(quad_segs)}")
    repeat = req.get("repeat", 1)
    if isinstance(repeat, bool) or not isinstance(repeat, int) or repeat < 1:
        raise ValueError(f"repeat must be a positive integer, got {json.dumps(repeat)}")

    toes = []
    for i, t in enumerate(req.get("toes") or []):
        if not isinstance(t, dict):
            raise ValueError(f"toes[{i}] must be an object")
        toes.append(
            (
                coords_of(t.get("coords"), f"toes[{i}].coords", 2),
                number_of(t.get("widthM"), f"toes[{i}].widthM"),
                number_of(t.get("protectionM"), f"toes[{i}].protectionM", allow_none=True),
            )
        )
    banks = []
    for i, b in enumerate(req.get("banks") or []):
        if not isinstance(b, dict):
            raise ValueError(f"banks[{i}] must be an object")
        banks.append(
            (
                coords_of(b.get("coords"), f"banks[{i}].coords", 2),
                number_of(b.get("widthM"), f"banks[{i}].widthM"),
            )
        )
    water = []
    for i, w in enumerate(req.get("water") or []):
        if not isinstance(w, list) or not w:
            raise ValueError(f"water[{i}] must be polygon coordinates [ring, hole, ...]")
        rings = [coords_of(r, f"water[{i}][{j}]", 4) for j, r in enumerate(w)]
        water.append(Polygon(rings[0], rings[1:]))

    def build():
        corridor = Polygon(left + right[::-1])
        if not corridor.is_valid:
            from shapely.validation import explain_validity

            raise ValueError(
                "corridor Polygon(left + reversed(right)) is invalid: "
                + explain_validity(corridor)
            )
        buf = dict(resolution=quad_segs, cap_style=FLAT, join_style=ROUND)
        parts = [corridor] + water
        parts += [LineString(c).buffer(w, **buf) for c, w, _ in toes]
        parts += [LineString(c).buffer(w, **buf) for c, w in banks if w > 0]
        management = unary_union(parts)
        protected = [(c, w + p) for c, w, p in toes if p is not None]
        if not protected:
            return management, None
        outer = unary_union([corridor] + [LineString(c).buffer(d, **buf) for c, d in protected])
        # an opening by 0.1 mm drops the zero-width spikes and slivers that coincident flat caps
        # leave in the difference, as the engine's 1 mm snap-rounding does (mitred: corners stay)
        eps = 1e-4
        opened = outer.difference(management).buffer(-eps, join_style=MITRE).buffer(eps, join_style=MITRE)
        return management, opened

    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        management, protection = build()
        times.append((time.perf_counter() - t0) * 1000.0)

    return {
        "management": to_geojson(management),
        "protection": None if protection is None else to_geojson(protection),
        "managementArea": management.area,
        "protectionArea": 0.0 if protection is None else protection.area,
        "valid": [
            bool(management.is_valid),
            True if protection is None else bool(protection.is_valid),
        ],
        "ms": statistics.median(times),
    }


# ---------------------------------------------------------------- compare


def rings_of(geom):
    """Coordinate arrays (closed, n x 2) of every ring of every polygon part."""
    rings = []
    for p in polygons_of(geom):
        for ring in [p.exterior, *p.interiors]:
            xy = np.asarray(ring.coords, dtype=float)[:, :2]
            if len(xy) >= 2:
                rings.append(xy)
    return rings


def densify(xy, max_len):
    """Closed ring (n x 2, first == last) -> closed ring with every segment <= max_len."""
    d = np.diff(xy, axis=0)
    length = np.hypot(d[:, 0], d[:, 1])
    k = np.maximum(1, np.ceil(length / max_len).astype(np.int64))
    seg = np.repeat(np.arange(len(d)), k)
    starts = np.cumsum(k) - k
    t = (np.arange(int(k.sum())) - np.repeat(starts, k)) / np.repeat(k, k)
    pts = xy[seg] + d[seg] * t[:, None]
    return np.vstack([pts, xy[-1:]])


def densified_segments(geom, max_len):
    """(vertices N x 2, segments M x 2 x 2) of all densified rings."""
    verts, segs = [], []
    for xy in rings_of(geom):
        dense = densify(xy, max_len)
        verts.append(dense[:-1])
        segs.append(np.stack([dense[:-1], dense[1:]], axis=1))
    if not verts:
        return np.zeros((0, 2)), np.zeros((0, 2, 2))
    return np.vstack(verts), np.vstack(segs)


def point_segment_distance(p, a, b):
    ab = b - a
    ap = p - a
    den = np.einsum("ij,ij->i", ab, ab)
    t = np.where(den > 0, np.einsum("ij,ij->i", ap, ab) / np.where(den > 0, den, 1.0), 0.0)
    t = np.clip(t, 0.0, 1.0)
    q = a + ab * t[:, None]
    return np.hypot(p[:, 0] - q[:, 0], p[:, 1] - q[:, 1])


MAX_PAIRS = 4_000_000


def directed_max_distance(points, segs, max_seg):
    """max over points of (exact) distance to the nearest segment; segments <= max_seg long.

    Uniform grid on segment midpoints with cell size g >= radius + max_seg / 2: a point's 3x3
    block of cells then holds every segment that can lie within `radius` of it, so the nearest
    distance is exact for every point whose best candidate is <= radius.  Points that find
    nothing that close are retried with an 8x larger radius until the grid covers everything.
    """
    if len(points) == 0 or len(segs) == 0:
        return 0.0
    mids = segs.mean(axis=1)
    lo = np.minimum(points.min(axis=0), mids.min(axis=0))
    hi = np.maximum(points.max(axis=0), mids.max(axis=0))
    extent = float(np.hypot(*(hi - lo))) + max_seg
    radius = max(1.0, 2.0 * max_seg)
    remaining = np.arange(len(points))
    result = 0.0
    while len(remaining):
        g = radius + max_seg / 2.0
        final = g >= extent
        cell = np.floor((mids - lo) / g).astype(np.int64)
        ny = int(cell[:, 1].max()) + 3
        key = (cell[:, 0] + 1) * ny + (cell[:, 1] + 1)
        order = np.argsort(key, kind="stable")
        skey = key[order]
        ukey, ustart, ucount = np.unique(skey, return_index=True, return_counts=True)
        pts = points[remaining]
        pcell = np.floor((pts - lo) / g).astype(np.int64)
        best = np.full(len(pts), np.inf)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                k = (pcell[:, 0] + 1 + dx) * ny + (pcell[:, 1] + 1 + dy)
                pos = np.searchsorted(ukey, k)
                pos = np.minimum(pos, len(ukey) - 1)
                hit = ukey[pos] == k
                count = np.where(hit, ucount[pos], 0)
                start = np.where(hit, ustart[pos], 0)
                idx = np.nonzero(count)[0]
                # chunk the point list so the expanded (point, segment) pairs stay bounded
                cum = np.cumsum(count[idx])
                bounds = np.searchsorted(cum, np.arange(MAX_PAIRS, cum[-1] if len(cum) else 0, MAX_PAIRS))
                for chunk in np.split(idx, bounds + 1 if len(bounds) else []):
                    if len(chunk) == 0:
                        continue
                    c = count[chunk]
                    pi = np.repeat(chunk, c)
                    first = np.cumsum(c) - c
                    si = np.repeat(start[chunk], c) + (np.arange(int(c.sum())) - np.repeat(first, c))
                    s = segs[order[si]]
                    dist = point_segment_distance(pts[pi], s[:, 0], s[:, 1])
                    # pairs are grouped by point (chunk ascending, every count > 0)
                    best[chunk] = np.minimum(best[chunk], np.minimum.reduceat(dist, first))
        if final:
            result = max(result, float(best.max()))
            break
        done = best <= radius
        if done.any():
            result = max(result, float(best[done].max()))
        remaining = remaining[~done]
        radius *= 8.0
    return result


def compare(req):
    try:
        a = shape(req["a"])
        b = shape(req["b"])
    except Exception as exc:  # noqa: BLE001 - report any GeoJSON parsing problem
        raise ValueError(f"compare needs GeoJSON geometries a and b: {exc}") from exc
    densify_m = number_of(req.get("densifyM", 0.5), "densifyM")
    if densify_m <= 0:
        raise ValueError("densifyM must be > 0")
    method = req.get("method", "grid")
    if method not in ("grid", "geos"):
        raise ValueError(f'method must be "grid" or "geos", got {json.dumps(method)}')

    t0 = time.perf_counter()
    va, sa = densified_segments(a, densify_m)
    vb, sb = densified_segments(b, densify_m)
    if len(va) == 0 or len(vb) == 0:
        hausdorff = 0.0 if len(va) == len(vb) else None
    elif method == "geos":
        da = MultiPolygon([Polygon(r) for r in [densify(x, densify_m) for x in rings_of(a)]])
        db = MultiPolygon([Polygon(r) for r in [densify(x, densify_m) for x in rings_of(b)]])
        hausdorff = da.boundary.hausdorff_distance(db.boundary)
    else:
        hausdorff = max(
            directed_max_distance(va, sb, densify_m), directed_max_distance(vb, sa, densify_m)
        )
    area_a, area_b = a.area, b.area
    try:
        sym = a.symmetric_difference(b).area
    except Exception:  # noqa: BLE001 - GEOS TopologyException on invalid input
        from shapely.validation import make_valid

        sym = make_valid(a).symmetric_difference(make_valid(b)).area
    return {
        "hausdorffM": hausdorff,
        "areaA": area_a,
        "areaB": area_b,
        "areaRatio": area_a / area_b if area_b > 0 else None,
        "symDiffArea": sym,
        "validA": bool(a.is_valid),
        "validB": bool(b.is_valid),
        "densifyM": densify_m,
        "method": method,
        "points": [int(len(va)), int(len(vb))],
        "ms": (time.perf_counter() - t0) * 1000.0,
    }


def main():
    try:
        req = json.loads(sys.stdin.read())
    except json.JSONDecodeError as exc:
        fail(f"stdin is not JSON: {exc}")
    if not isinstance(req, dict):
        fail("stdin must be one JSON object")
    mode = req.get("mode")
    try:
        if mode == "zones":
            out = zones(req)
        elif mode == "compare":
            out = compare(req)
        else:
            fail(f'mode must be "zones" or "compare", got {json.dumps(mode)}')
        text = json.dumps(out, allow_nan=False)
    except Exception as exc:  # noqa: BLE001 - every failure becomes {"error": ...}
        fail(f"{type(exc).__name__}: {exc} (shapely {shapely.__version__})")
    sys.stdout.write(text + "\n")


if __name__ == "__main__":
    main()
