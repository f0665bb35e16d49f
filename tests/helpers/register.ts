import { join } from 'node:path';
import { countyOfUnit } from '../../src/domain/plans/counties';
import type { SearchablePlan } from '../../src/domain/plans/filter-plans';
import type { PlanView } from '../../src/domain/plans/plan';
import { viewPlan } from '../../src/domain/plans/plan';
import { viewRivers } from '../../src/domain/rivers/waterbody';
import { searchKeys } from '../../src/domain/text/search-keys';
import { loadGeodata } from '../../src/server/geodata';
import { toPinyin } from '../../src/server/pinyin';

export const ROOT = join(import.meta.dirname, '../..');

/** The bundled register, viewed at `now` with every plan at its initial stage. */
export function bundledRegister(now = new Date('2019-11-15T12:00:00+08:00')) {
  const geodata = loadGeodata(join(ROOT, 'geodata'));
  const rivers = viewRivers(geodata.waterbodies, geodata.plans, geodata.geometry, (p) =>
    countyOfUnit(p.unit),
  );
  const byId = new Map(rivers.map((r) => [r.id, r]));
  const plans: (PlanView & SearchablePlan)[] = geodata.plans.map((r) => {
    const river = byId.get(r.riverId);
    return {
      ...viewPlan(r, 'not-started', '2019-07-01T00:00:00Z', now),
      searchKeys: searchKeys(
        [r.name, r.chief, r.unit, ...(river?.aliases ?? []), ...(river?.reservoirNames ?? [])],
        toPinyin,
      ),
    };
  });
  return { geodata, rivers, plans };
}
