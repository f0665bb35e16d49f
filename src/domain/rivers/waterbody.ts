import type { County } from '../plans/counties';
import { countyByCode } from '../plans/counties';
import type { PlanRecord } from '../plans/plan';
import type { StageId } from '../workflow/stages';
import type { CourseSummary } from './course';
import { type MapStatus, mapStatus } from './map-status';

/** A river, canal or reservoir the plan names. */
export interface Waterbody {
  id: string;
  name: string;
  kind: 'river' | 'canal' | 'reservoir';
  /** Short code used in marker numbers, e.g. "QJ". */
  code: string;
  /** Other names that mean the same water, e.g. 武思江 for 武惠江. */
  aliases: string[];
  /** Reservoirs on this river that its plan covers (ids). */
  reservoirs: string[];
  /** For a reservoir: the river it lies on. */
  riverId?: string;
  aliasNote?: string;
}

/** What the map data holds for a waterbody. */
export interface GeometryInfo {
  /** adcodes of the counties the geometry passes through */
  counties: string[];
  source: string;
  /** Drawn from a sketch, not a survey or a map source (shown dashed, "示意"). */
  schematic: boolean;
  /** [minLon, minLat, maxLon, maxLat] of the geometry, for zooming to it. */
  bbox: [number, number, number, number];
  note?: string;
}

/** A waterbody with its plans, counties and map status, as the river panel shows it. */
export interface RiverView extends Waterbody {
  planIds: string[];
  basinAreas: { planId: string; km2: number }[];
  /** Counties from the plans' responsible units, the geometry and the published zones. */
  counties: (County & { from: CountySource[] })[];
  reservoirNames: string[];
  /** The course on the map; null: none (the river may still be on the map by its published zone). */
  geometry: GeometryInfo | null;
  /** the newest version of the bureau's course the caller sees (河道底图), null: none */
  course: CourseSummary | null;
  /** 未上图 / 已上图（开放数据）/ 已上图（局数据）/ 已上图（已公告范围）: `mapStatus` */
  mapStatus: MapStatus;
}

/** Where a county of a river comes from: a plan's unit, the map's course, a published zone. */
export type CountySource = 'plan' | 'map' | 'zone';

/** The plans' stages and the counties their published zones lie in (adcodes), by plan id. */
export interface PlanStatus {
  stages: ReadonlyMap<string, StageId>;
  zoneCounties: ReadonlyMap<string, readonly string[]>;
  /** the newest course version the caller sees, by waterbody id (course-access `latestVisible`) */
  courses?: ReadonlyMap<string, CourseSummary>;
}

/**
 * Joins waterbodies with their plans, map geometry and (with `status`) the plans' stages and the
 * counties of their published zones. A reservoir shares its river's plans.
 * @example viewRivers(waterbodies, plans, { nanliujiang: info }).find((r) => r.id === 'qinjiang')?.geometry // null
 */
export function viewRivers(
  waterbodies: readonly Waterbody[],
  plans: readonly PlanRecord[],
  geometry: Readonly<Record<string, GeometryInfo>>,
  countyOf: (plan: PlanRecord) => County | null,
  status: PlanStatus = { stages: new Map(), zoneCounties: new Map() },
): RiverView[] {
  const byId = new Map(waterbodies.map((w) => [w.id, w]));
  return waterbodies.map((w) => {
    const planRiver = w.kind === 'reservoir' && w.riverId ? w.riverId : w.id;
    const own = plans.filter((p) => p.riverId === planRiver);
    const geo = geometry[w.id] ?? null;
    const counties = new Map<string, County & { from: CountySource[] }>();
    const add = (county: County | null, from: CountySource) => {
      if (!county || county.adcode === '450700') return;
      const entry = counties.get(county.adcode) ?? { ...county, from: [] };
      if (!entry.from.includes(from)) entry.from.push(from);
      counties.set(county.adcode, entry);
    };
    if (w.kind !== 'reservoir') for (const p of own) add(countyOf(p), 'plan');
    for (const code of geo?.counties ?? []) add(countyByCode(code), 'map');
    for (const code of status.courses?.get(w.id)?.counties ?? []) add(countyByCode(code), 'map');
    for (const p of own)
      for (const code of status.zoneCounties.get(p.id) ?? []) add(countyByCode(code), 'zone');
    const stages = own.flatMap((p) => {
      const stage = status.stages.get(p.id);
      return stage ? [stage] : [];
    });
    return {
      ...w,
      planIds: own.map((p) => p.id),
      basinAreas: own.flatMap((p) =>
        p.basinAreaKm2 === null ? [] : [{ planId: p.id, km2: p.basinAreaKm2 }],
      ),
      counties: [...counties.values()].sort((a, b) => a.adcode.localeCompare(b.adcode)),
      reservoirNames: w.reservoirs.map((id) => byId.get(id)?.name ?? id),
      geometry: geo,
      course: status.courses?.get(w.id) ?? null,
      mapStatus: mapStatus(geo, stages, status.courses?.has(w.id) ?? false),
    };
  });
}
