// Works inside the river in the zone engine: each work's range (where its type's range is set) in
// the plane of the reach it belongs to, or in its own GK zone when it belongs to none.
import type { MultiPolygon, Position } from 'geojson';
import type { CrsCode } from '../crs/crs';
import { lonExtent, projector, zoneOfExtent } from '../crs/crs';
import { type Message, msg } from '../message';
import type { Geometry, Planar, XY } from '../zones/planar';
import type { Work } from './read-works';
import { type WorkShape, workRange } from './work-range';
import { type WorkRanges, workTypeName } from './work-types';

/** A work as the engine lists it: its range (lon/lat) where set, else 尚未设置. */
export interface WorkListing {
  name: string;
  type: Work['type'];
  reach: string | null;
  status: 'computed' | 'unset';
  crs: CrsCode;
  /** the range, lon/lat; null while its type's range is unset */
  range: MultiPolygon | null;
  areaM2: number | null;
  feature: number;
}

/** Works' ranges in one plane: the ranges to union, the listings, and what went wrong. */
export interface WorksInPlane {
  ranges: Geometry[];
  listings: (inverse: (p: readonly number[]) => [number, number]) => WorkListing[];
  warnings: Message[];
  errors: Message[];
}

const positionsOf = (w: Work): Position[] =>
  w.geometry.type === 'Point'
    ? [w.geometry.coordinates]
    : w.geometry.type === 'LineString'
      ? w.geometry.coordinates
      : w.geometry.coordinates.flat();

function shapeOf(w: Work, toXY: (cs: Position[]) => XY[]): WorkShape {
  const g = w.geometry;
  if (g.type === 'Point') return { type: 'Point', xy: toXY([g.coordinates])[0] as XY };
  if (g.type === 'LineString') return { type: 'LineString', xy: toXY(g.coordinates) };
  return { type: 'Polygon', xy: g.coordinates.map(toXY) };
}

/**
 * The ranges of `works` in a plane (`toXY` takes lon/lat there) under the table's work ranges.
 * A work whose type has no range set is listed 尚未设置 with a warning and adds nothing.
 * @example worksInPlane(pl, works, table.works, toXY, 'EPSG:4545').ranges.length // 1
 */
export function worksInPlane(
  pl: Planar,
  works: readonly Work[],
  ranges: WorkRanges | undefined,
  toXY: (cs: Position[]) => XY[],
  crs: CrsCode,
): WorksInPlane {
  const out: { work: Work; g: Geometry | null }[] = [];
  const warnings: Message[] = [];
  const errors: Message[] = [];
  for (const w of works) {
    const r = workRange(pl, shapeOf(w, toXY), w.type, ranges?.[w.type], w.rangeSource);
    const at = { name: w.name, type: workTypeName(w.type), n: w.feature };
    if (r.ok) {
      const why = pl.invalidReason(r.range);
      if (why) errors.push(msg('works.range.invalid', { ...at, why }));
      else out.push({ work: w, g: r.range });
    } else if (r.unset) {
      warnings.push(msg('works.unset', at));
      out.push({ work: w, g: null });
    } else errors.push(msg('works.range.refused', { ...at, why: r.reason }));
  }
  return {
    ranges: out.flatMap((o) => (o.g === null ? [] : [o.g])),
    warnings,
    errors,
    listings: (inverse) =>
      out.map(({ work, g }) => ({
        name: work.name,
        type: work.type,
        reach: work.reach,
        status: g === null ? 'unset' : 'computed',
        crs,
        range:
          g === null
            ? null
            : {
                type: 'MultiPolygon',
                coordinates: pl
                  .multiPolygonCoordinates(g)
                  .map((poly) => poly.map((ring) => ring.map((p) => inverse(p)))),
              },
        areaM2: g === null ? null : Math.round(pl.area(g) * 100) / 100,
        feature: work.feature,
      })),
  };
}

/**
 * Works that belong to no computed reach (a reservoir's plan): each in the GK zone of its own
 * extent, listed with its range; nothing is unioned.
 * @example ownWorks(arena, works, table.works).listings[0]?.status // 'unset'
 */
export function ownWorks(
  arena: () => Planar,
  works: readonly Work[],
  ranges: WorkRanges | undefined,
): { listings: WorkListing[]; warnings: Message[]; errors: Message[] } {
  const listings: WorkListing[] = [];
  const warnings: Message[] = [];
  const errors: Message[] = [];
  for (const w of works) {
    const ext = lonExtent(positionsOf(w)) as { min: number; max: number };
    const crs = zoneOfExtent(ext.min, ext.max).code;
    const proj = projector(crs);
    const pl = arena();
    try {
      const one = worksInPlane(pl, [w], ranges, (cs) => cs.map((c) => proj.forward(c)), crs);
      for (const l of one.listings((p) => proj.inverse(p))) listings.push(l);
      for (const m of one.warnings) warnings.push(m);
      for (const m of one.errors) errors.push(m);
    } finally {
      pl.dispose();
    }
  }
  return { listings, warnings, errors };
}
