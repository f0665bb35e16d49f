// 钦江 (city-01) published on a fresh database of an app under test, through the API: TEST DATA (the
// `straight` zone fixture moved onto 钦江 in 钦州 city), walked through every stage, a finished 公示 and
// a 合格 acceptance, then published after a restart past the display. For the browser tests of what the
// public sees (the a11y checks, the help screenshots).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { DEMO_PLANNER, login, type Session, type TestAccount } from './accounts';
import { consultOverHttp, DEMO_DEPARTMENT } from './consult';
import { displayAndAcceptOverHttp } from './display-accept';
import type { AppUnderTest } from './map-page';
import { send } from './plan-writes';
import { ROOT } from './register';

const GAOPU: TestAccount = { username: 'gaopu', password: 'demo-gaopu', role: 'chief' };
const ADMIN: TestAccount = { username: 'admin', password: 'demo-admin', role: 'admin' };
const PLAN = '/api/plans/city-01';

/** The two toe lines of the `straight` fixture, about 4.5 km east, where 钦江 runs. */
function testToeLines(): Feature<LineString>[] {
  const fc = JSON.parse(
    readFileSync(join(ROOT, 'tests/fixtures/zones/in/straight.geojson'), 'utf8'),
  ) as FeatureCollection<LineString>;
  return fc.features.map((f) => ({
    ...f,
    properties: { ...f.properties, testData: true, note: 'e2e 测试数据，非实测' },
    geometry: {
      type: 'LineString',
      coordinates: f.geometry.coordinates.map(([lon, lat]) => [(lon as number) + 0.045, lat]),
    } as LineString,
  }));
}

async function must(
  url: string,
  s: Session,
  method: string,
  path: string,
  body: unknown,
  status: number,
) {
  const reply = await send(url, s, method, path, body);
  if (reply?.status !== status)
    throw new Error(`${method} ${path}: ${reply?.status} ${JSON.stringify(reply?.body)}`);
}

/** The demo accounts of the walk, logged in on the app's server. */
const sessions = (url: string) =>
  Promise.all([login(url, DEMO_PLANNER), login(url, GAOPU), login(url, DEMO_DEPARTMENT)]);

/**
 * Saves the test lines as version 1 of city-01 (钦江), moves it to 意见征求 and runs a round in which
 * 市生态环境局 (dept-sthj) replied 无意见; sets the notice's authority and phone (test values).
 */
export async function consultQinjiang(app: AppUnderTest): Promise<void> {
  const url = app.server.url;
  const [[planner, , department], admin] = await Promise.all([sessions(url), login(url, ADMIN)]);
  // what every notice prints: test values, said to be
  const settings = { noticeAuthority: 'e2e 测试机关（非真实）', supervisionPhone: '0000-0000000' };
  await must(url, admin, 'PUT', '/api/settings', settings, 200);
  const geometry = { features: testToeLines(), baseVersion: 0, comment: 'e2e' };
  await must(url, planner, 'PUT', `${PLAN}/geometry`, geometry, 201);
  for (const to of ['base-map', 'draft', 'consultation'])
    await must(url, planner, 'POST', `${PLAN}/stage`, { to }, 200);
  await consultOverHttp(url, { planner, department }, 'city-01', DEMO_DEPARTMENT.username);
}

/**
 * Publishes city-01 (钦江) from where `consultQinjiang` left it: 现场复核, the chief's sign-offs, a
 * finished 公示 and a 合格 acceptance; restarts the app's server past the display (log in again).
 */
export async function publishQinjiang(app: AppUnderTest): Promise<void> {
  const url = app.server.url;
  const [planner, chief] = await sessions(url);
  await must(url, planner, 'POST', `${PLAN}/stage`, { to: 'field-check' }, 200);
  for (const to of ['review', 'deliverables'])
    await must(url, chief, 'POST', `${PLAN}/stage`, { to, comment: '同意' }, 200);
  const later = await displayAndAcceptOverHttp(url, planner, 'city-01', 1);
  await app.restart({ HEJIE_NOW: later });
  const publisher = await login(app.server.url, DEMO_PLANNER);
  await must(
    app.server.url,
    publisher,
    'POST',
    `${PLAN}/publish`,
    { comment: 'e2e 测试发布' },
    201,
  );
}
