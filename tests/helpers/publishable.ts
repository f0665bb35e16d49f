// A plan carried to the publishable point straight through the Store interface (no HTTP): saved
// version 1, every stage to 成果文件制作与验收 (the sign-offs record version 1), a 公示 that ended
// long ago and a 合格 acceptance record, the notice settings set. For tests that need to publish
// over HTTP without walking the review path (e.g. several server processes on one database).
// TEST DATA: two straight toe lines, no real river's course.
import type { Feature } from 'geojson';
import type { StageId } from '../../src/domain/workflow/stages';
import type { Store } from '../../src/server/store/store';
import { setPublishSettings } from './publish-settings';

const ACTOR = 'test:publishable';

/** Two parallel toe lines 80 m apart, 1 km long (synthetic, the workflow tests' reach). */
function testReach(): Feature[] {
  const toe = (role: string, dLat: number): Feature => ({
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [0, 1, 2, 3, 4].map((i) => [108.6 + i * 0.0025, 21.95 + dLat]),
    },
    properties: {
      reach: 'QJ-A',
      river: 'qinjiang',
      role,
      embankmentClass: 2,
      widthM: 30,
      protectionM: 30,
      testData: true,
    },
  });
  return [toe('toe-left', 0.00036), toe('toe-right', -0.00036)];
}

/** Puts `planId` (at 未开始, no version yet) where a publisher may publish it. */
export async function makePublishable(store: Store, planId: string): Promise<void> {
  const saved = await store.saveGeometry(planId, 0, testReach(), ACTOR, 'test');
  if (!saved.ok) throw new Error(`save of ${planId} refused`);
  const path: StageId[] = [
    'not-started',
    'base-map',
    'draft',
    'consultation',
    'field-check',
    'review',
    'deliverables',
  ];
  for (const [i, to] of path.slice(1).entries()) {
    const from = path[i] as StageId;
    const moved = await store.moveStage(planId, from, to, ACTOR, '同意');
    if (!moved.ok) throw new Error(`move of ${planId} from ${from} refused`);
  }
  const shown = await store.startDisplay(
    { planId, version: 1, start: '2020-01-01', end: '2020-01-07', days: 7, startedBy: ACTOR },
    ACTOR,
  );
  if (!shown.ok) throw new Error(`display of ${planId} refused`);
  await store.addAcceptance(
    {
      planId,
      version: 1,
      date: '2020-01-10',
      body: '测试验收单位',
      members: '测试甲、测试乙',
      conclusion: 'pass',
      remarks: '测试数据',
      file: { sha256: '0'.repeat(64), size: 1, name: 'test.pdf', mediaType: 'application/pdf' },
      recordedBy: ACTOR,
    },
    ACTOR,
  );
  await setPublishSettings(store);
}
