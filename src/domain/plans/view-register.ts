import type { CourseSummary } from '../rivers/course';
import type { GeometryInfo, RiverView, Waterbody } from '../rivers/waterbody';
import { viewRivers } from '../rivers/waterbody';
import type { Pinyin } from '../text/search-keys';
import { searchKeys } from '../text/search-keys';
import type { StageId } from '../workflow/stages';
import { stageLabel } from '../workflow/stages';
import { countyOfUnit } from './counties';
import type { PlanRecord, PlanView } from './plan';
import { viewPlan } from './plan';

/** A plan as the register lists it: its view, stage label and the text it is searched by. */
export type RegisterPlan = PlanView & { stageLabel: string; searchKeys: string };

/** The register at a moment: plans and rivers. */
export interface RegisterView {
  plans: RegisterPlan[];
  rivers: RiverView[];
}

/**
 * The register at a moment: every plan with its deadline status and search text, every waterbody
 * with its plans, counties and map status (`zoneCounties`: the adcodes of published plans' zones;
 * `courses`: the newest course version the caller sees per waterbody). One definition for the API,
 * the command line and tests.
 * @example viewRegister(rows, waterbodies, geometry, new Date(), toPinyin).plans[0].overdue
 */
export function viewRegister(
  rows: readonly { record: PlanRecord; stage: StageId; updatedAt: string }[],
  waterbodies: readonly Waterbody[],
  geometry: Readonly<Record<string, GeometryInfo>>,
  now: Date,
  pinyin?: (text: string) => Pinyin,
  zoneCounties: ReadonlyMap<string, readonly string[]> = new Map(),
  courses: ReadonlyMap<string, CourseSummary> = new Map(),
): RegisterView {
  const records = rows.map((r) => r.record);
  const stages = new Map(rows.map((r) => [r.record.id, r.stage]));
  const rivers = viewRivers(waterbodies, records, geometry, (p) => countyOfUnit(p.unit), {
    stages,
    zoneCounties,
    courses,
  });
  const byId = new Map(rivers.map((r) => [r.id, r]));
  const plans = rows.map(({ record: r, stage, updatedAt }) => {
    const river = byId.get(r.riverId);
    const parts = [
      r.name,
      r.section ?? '',
      r.chief,
      r.unit,
      r.leader,
      r.note,
      countyOfUnit(r.unit)?.name ?? '',
      ...(river?.aliases ?? []),
      ...(river?.reservoirNames ?? []),
    ];
    return {
      ...viewPlan(r, stage, updatedAt, now),
      stageLabel: stageLabel(stage, 'zh'),
      searchKeys: searchKeys(parts, pinyin),
    };
  });
  return { plans, rivers };
}
