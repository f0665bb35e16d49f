#!/usr/bin/python3
"""Independent GEOS reference (Debian python3-shapely) for the ranges of works inside the river.

Reads a JSON list of cases on stdin, writes a JSON list of results. Metres in a plane.
  axis:   {"kind": "axis", "xy": [[x, y], ...], "up": m, "down": m, "sides": m, "q": n,
           "got": GeoJSON polygon rings (the engine's)}
          the axis, drawn left bank -> right bank, extended by `sides` along its end segments;
          range = single-sided buffer of `down` on its left  U  of `up` on its right
          (flat ends, round joins, q segments per quarter circle)
  around: {"kind": "around", "geom": "Point" | "Polygon", "xy": ..., "around": m, "q": n, "got": ...}
          range = buffer(geom, around), round caps and joins
  out     [{"area": reference m2, "gotArea": m2, "symDiff": m2, "hausdorff": m}, ...]
"""
import json
import math
import sys

from shapely.geometry import LineString, MultiPolygon, Point, Polygon, shape


def extend(xy, d):
    out = [list(p) for p in xy]
    for i, j in ((0, 1), (len(out) - 1, len(out) - 2)):
        (x, y), (ox, oy) = out[i], out[j]
        n = math.hypot(x - ox, y - oy)
        out[i] = [x + (x - ox) / n * d, y + (y - oy) / n * d]
    return out


def reference(c):
    if c["kind"] == "axis":
        line = LineString(extend(c["xy"], c["sides"]))
        opts = dict(resolution=c["q"], cap_style=2, join_style=1, single_sided=True)
        return line.buffer(c["down"], **opts).union(line.buffer(-c["up"], **opts))
    g = Point(c["xy"]) if c["geom"] == "Point" else Polygon(c["xy"][0], c["xy"][1:])
    return g.buffer(c["around"], resolution=c["q"], cap_style=1, join_style=1)


out = []
for c in json.load(sys.stdin):
    ref = reference(c)
    got = shape(c["got"])
    out.append(
        {
            "area": ref.area,
            "gotArea": got.area,
            "symDiff": ref.symmetric_difference(got).area,
            "hausdorff": ref.boundary.hausdorff_distance(got.boundary),
        }
    )
json.dump(out, sys.stdout)
