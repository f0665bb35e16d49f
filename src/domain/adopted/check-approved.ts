// The check of the third standard: an approved boundary against the range standard 1 or 2 gives.
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import type { CrsCode } from '../crs/crs';
import { projector } from '../crs/crs';
import { type Message, msg } from '../message';
import type { ZoneFeature, ZonesResult } from '../zones/compute-zones';
import type { Planar, XY } from '../zones/planar';
import { readReaches } from '../zones/read-reaches';
import { APPROVED_ROLE, type Approval, readApproval } from './approval';
import { shortfallOf } from './shortfall';

/** A shortfall part on the map: lon/lat, with its area and largest shortfall. */
export type ShortfallFeature = Feature<
  Polygon,
  { reach: string; kind: 'shortfall'; areaM2: number; maxShortfallM: number; crs: CrsCode }
>;

/** The check of one approved polygon. */
export interface ApprovedCheck {
  reach: string;
  /** the approved polygon's feature number in the input, 1-based */
  feature: number;
  /** null when its properties do not (yet) name a valid approval */
  approval: Approval | null;
  crs: CrsCode;
  rangeAreaM2: number;
  approvedAreaM2: number;
  /** the parts that count, the largest shortfall first */
  parts: ShortfallFeature[];
  /** 0 when nothing falls short */
  maxShortfallM: number;
  shortfallAreaM2: number;
  /** parts left out as noise (SHORTFALL_TOLERANCE) */
  ignored: number;
}

/** Every approved polygon's check, or why the standard range could not be computed. */
export type ApprovedChecks =
  | { ok: true; checks: ApprovedCheck[] }
  | { ok: false; errors: Message[] };

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Checks each approved polygon of a plan's features against the management range the standard
 * gives its reach (computed with every approved polygon left out, adopted or not): the shortfall
 * parts (range minus approved polygon, in the reach's GK zone), their areas and largest distances.
 * `compute` is the zone engine's `computeZones`; `arena` gives a GEOS arena, disposed here.
 * @example checkApproved(fc, (x) => engine.computeZones(x, rules), arena).checks[0]?.maxShortfallM // 3
 */
export function checkApproved(
  input: FeatureCollection,
  compute: (standard: FeatureCollection) => ZonesResult,
  arena: () => Planar,
): ApprovedChecks {
  const approvedOnly = readReaches(input).reaches.flatMap((r) => r.approved);
  if (approvedOnly.length === 0) return { ok: false, errors: [msg('adopted.check.none')] };
  const standard = compute({
    ...input,
    features: input.features.filter((f) => f.properties?.role !== APPROVED_ROLE),
  });
  if (!standard.ok) return standard;
  const ranges = standard.zones.features.filter(
    (f): f is ZoneFeature =>
      f.geometry.type === 'MultiPolygon' && f.properties.kind === 'management',
  );
  const checks: ApprovedCheck[] = [];
  const errors: Message[] = [];
  for (const a of approvedOnly) {
    const reach = String(a.properties.reach);
    const range = ranges.find((z) => z.properties.reach === reach);
    if (!range) {
      errors.push(msg('adopted.check.noRange', { reach, n: a.feature }));
      continue;
    }
    const pl = arena();
    try {
      const out = checkOne(pl, range, a.rings);
      if ('code' in out)
        errors.push(msg('adopted.check.invalid', { reach, n: a.feature, why: out }));
      else {
        const approval = readApproval(a.properties, '9999-12-31');
        checks.push({
          reach,
          feature: a.feature,
          approval: approval.ok ? approval.approval : null,
          ...out,
        });
      }
    } finally {
      pl.dispose();
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, checks };
}

function checkOne(
  pl: Planar,
  range: ZoneFeature,
  rings: Position[][],
): Omit<ApprovedCheck, 'reach' | 'feature' | 'approval'> | Message {
  const crs = range.properties.crs;
  const proj = projector(crs);
  const first = proj.forward(rings[0]?.[0] ?? [0, 0]);
  const o: XY = [Math.round(first[0] / 1000) * 1000, Math.round(first[1] / 1000) * 1000];
  const toXY = (ring: Position[]) =>
    ring.map((c): XY => {
      const p = proj.forward(c);
      return [p[0] - o[0], p[1] - o[1]];
    });
  const toLonLat = (p: XY) => proj.inverse([p[0] + o[0], p[1] + o[1]]);
  const approved = pl.polygon(rings.map(toXY));
  const why = pl.invalidReason(approved);
  if (why) return msg('adopted.check.why', { why });
  const standard = pl.unionAll(
    range.geometry.coordinates.map((poly) => pl.polygon(poly.map(toXY))),
  );
  const found = shortfallOf(pl, standard, approved);
  const parts: ShortfallFeature[] = found.parts.map((p) => ({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: p.rings.map((r) => r.map(toLonLat)) },
    properties: {
      reach: range.properties.reach,
      kind: 'shortfall',
      areaM2: round(p.areaM2, 2),
      maxShortfallM: round(p.maxDistanceM, 3),
      crs,
    },
  }));
  return {
    crs,
    rangeAreaM2: round(pl.area(standard), 2),
    approvedAreaM2: round(pl.area(approved), 2),
    parts,
    maxShortfallM: round(found.parts[0]?.maxDistanceM ?? 0, 3),
    shortfallAreaM2: round(
      found.parts.reduce((s, p) => s + p.areaM2, 0),
      2,
    ),
    ignored: found.ignored,
  };
}
