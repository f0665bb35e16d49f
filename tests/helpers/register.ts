import { join } from 'node:path';
import { viewRegister } from '../../src/domain/plans/view-register';
import { loadGeodata } from '../../src/server/geodata';
import { toPinyin } from '../../src/server/pinyin';

export const ROOT = join(import.meta.dirname, '../..');

/** The bundled register, viewed at `now` with every plan at its initial stage. */
export function bundledRegister(now = new Date('2019-11-15T12:00:00+08:00')) {
  const geodata = loadGeodata(join(ROOT, 'geodata'));
  const rows = geodata.plans.map((record) => ({
    record,
    stage: 'not-started' as const,
    updatedAt: '2019-07-01T00:00:00Z',
  }));
  const { plans, rivers } = viewRegister(
    rows,
    geodata.waterbodies,
    geodata.geometry,
    now,
    toPinyin,
  );
  return { geodata, rivers, plans };
}
