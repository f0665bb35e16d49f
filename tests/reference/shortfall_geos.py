#!/usr/bin/python3
"""Independent GEOS reference (Debian python3-shapely) for the approved-boundary shortfall check.

Reads one JSON object on stdin, writes one on stdout. Metres in a projected plane (GK).
  in  {"left": [[x, y], ...], "right": [[x, y], ...], "widthM": 8, "quadSegs": 16,
       "approved": [[x, y], ...] (outer ring), "densifyM": 0.05}
  out {"managementArea": m2, "parts": [{"area": m2, "maxDistance": m}, ...]}  (largest distance first)

  management = union(Polygon(left + reversed(right)), buffer(left, w), buffer(right, w)), flat caps,
               round joins (the 2019 plan's first standard, as the zone engine builds it)
  parts      = components of management - approved with area >= 1 m2 and max distance >= 0.05 m
  maxDistance: every ring of the part densified to segments <= densifyM, max over its vertices of
               the distance to the approved polygon (error <= densifyM / 2; exact at the vertices)
"""
import json
import math
import sys

from shapely.geometry import LineString, Point, Polygon
from shapely.ops import unary_union


def densify(coords, step):
    out = []
    for (x1, y1), (x2, y2) in zip(coords[:-1], coords[1:]):
        n = max(1, math.ceil(math.hypot(x2 - x1, y2 - y1) / step))
        for k in range(n):
            out.append((x1 + (x2 - x1) * k / n, y1 + (y2 - y1) * k / n))
    out.append(coords[-1])
    return out


def main():
    req = json.load(sys.stdin)
    left, right, w, q = req["left"], req["right"], req["widthM"], req["quadSegs"]
    corridor = Polygon(left + list(reversed(right)))
    management = unary_union(
        [corridor]
        + [LineString(l).buffer(w, resolution=q, cap_style=2, join_style=1) for l in (left, right)]
    )
    approved = Polygon(req["approved"])
    diff = management.difference(approved)
    polys = list(getattr(diff, "geoms", [diff])) if not diff.is_empty else []
    parts = []
    for p in polys:
        if p.area < 1:
            continue
        rings = [p.exterior] + list(p.interiors)
        d = max(
            approved.distance(Point(xy))
            for r in rings
            for xy in densify(list(r.coords), req.get("densifyM", 0.05))
        )
        if p.area >= 1 and d >= 0.05:
            parts.append({"area": p.area, "maxDistance": d})
    parts.sort(key=lambda x: -x["maxDistance"])
    json.dump({"managementArea": management.area, "parts": parts}, sys.stdout)


main()
