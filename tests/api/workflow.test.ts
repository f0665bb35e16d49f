import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StageId } from '../../src/domain/workflow/stages';
import { type AccountServer, startWithAccounts, testAccount } from '../helpers/accounts';
import { consultOn, TEST_DEPARTMENT } from '../helpers/consult';
import { displayAndAcceptOnServer } from '../helpers/display-accept';
import type { RunningServer } from '../helpers/server';
import { openTestStore } from '../helpers/test-store';

const ACCOUNTS = {
  admin: testAccount('wf-admin', { role: 'admin' }),
  planner: testAccount('wf-planner', { role: 'planner' }),
  publisher: testAccount('wf-publisher', { role: 'planner', canPublish: true }),
  city: testAccount('wf-city', { role: 'planner', scope: { level: 'city', counties: [] } }),
  lingshan: testAccount('wf-lingshan', {
    role: 'planner',
    canPublish: true,
    scope: { level: 'county', counties: ['450721'] },
  }),
  gaopu: testAccount('wf-gaopu', { role: 'chief', person: '高朴' }), // chief of city-01 钦江
  chen: testAccount('wf-chen', { role: 'chief', person: '陈建军' }), // chief of county-01 (灵山县)
  dept: TEST_DEPARTMENT,
};
type Who = keyof typeof ACCOUNTS | 'public';

/** Two toe lines ±40 m around a 1 km west → east reach near Qinzhou, class 2 embankments. */
function reach(shift = 0, embankmentClass: number | null = 2): Feature[] {
  const lat = 21.95 + shift;
  const toe = (role: string, dLat: number): Feature => ({
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [0, 1, 2, 3, 4].map((i) => [108.6 + i * 0.0025, lat + dLat]),
    },
    properties: {
      reach: 'QJ-A',
      river: 'qinjiang',
      role,
      ...(embankmentClass === null ? {} : { embankmentClass }),
      widthM: 30,
      protectionM: 30,
    },
  });
  return [toe('toe-left', 0.00036), toe('toe-right', -0.00036)];
}

let app: AccountServer<keyof typeof ACCOUNTS>;
let server: RunningServer;
let dataDir: string;
const call: AccountServer<keyof typeof ACCOUNTS>['call'] = (...args) => app.call(...args);
const json = async (res: Response) => (await res.json()) as Record<string, unknown>;
const status = async (who: Who, method: string, path: string, body?: unknown) =>
  (await call(who, method, path, body)).status;
const move = (who: Who, plan: string, to: StageId, comment?: string) =>
  call(who, 'POST', `/api/plans/${plan}/stage`, comment === undefined ? { to } : { to, comment });

/** Walks a plan forward to a stage, each step by the role that owns it. */
async function advance(plan: string, chief: Who, planner: Who, stages: StageId[]) {
  for (const to of stages) {
    const who = to === 'review' || to === 'deliverables' ? chief : planner;
    // 意见征求 → 现场复核 needs a round in which every department replied (issue 13)
    if (to === 'field-check')
      await consultOn(
        app,
        { planner: planner as Exclude<Who, 'public'>, department: 'dept' },
        plan,
        TEST_DEPARTMENT.username,
      );
    const res = await move(who, plan, to);
    expect(res.status, `${plan} → ${to} by ${who}: ${await res.clone().text()}`).toBe(200);
  }
}

beforeAll(async () => {
  app = await startWithAccounts('hejie-workflow-', ACCOUNTS);
  ({ server, dataDir } = app);
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('plan routes: who may do what', () => {
  it('the public gets no draft, version, comment or audit (401) and no coordinates (403)', async () => {
    for (const [method, path] of [
      ['GET', '/api/plans/city-01/geometry'],
      ['GET', '/api/plans/city-01/versions'],
      ['GET', '/api/zones?plan=city-01&version=draft'],
      ['GET', '/api/plans/city-01/comments'],
      ['GET', '/api/audit?plan=city-01'],
      ['GET', '/api/audit'],
      ['PUT', '/api/plans/city-01/geometry'],
      ['POST', '/api/plans/city-01/stage'],
      ['POST', '/api/plans/city-01/publish'],
      ['POST', '/api/plans/city-01/comments'],
    ] as const) {
      const res = await call('public', method, path, method === 'GET' ? undefined : {});
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(await json(res)).toMatchObject({ error: expect.stringMatching(/^log in to /) });
    }
    expect(await status('public', 'GET', '/api/plans/city-01/markers.csv')).toBe(403);
    expect(await status('public', 'GET', '/api/plans/city-99/geometry')).toBe(404);
  });

  it('chiefs see their own river only; planners edit only in scope; chiefs never edit', async () => {
    const save = { features: reach(), baseVersion: 0 };
    expect(await status('gaopu', 'GET', '/api/plans/city-01/geometry')).toBe(200);
    expect(await status('gaopu', 'GET', '/api/plans/county-01/geometry')).toBe(403);
    expect(await status('chen', 'GET', '/api/plans/city-01/versions')).toBe(403);
    expect(await status('chen', 'GET', '/api/zones?plan=city-01&version=draft')).toBe(403);
    expect(await status('gaopu', 'PUT', '/api/plans/city-01/geometry', save)).toBe(403);
    expect(await status('lingshan', 'PUT', '/api/plans/city-01/geometry', save)).toBe(403);
    expect(await status('lingshan', 'GET', '/api/plans/county-11/geometry')).toBe(403); // 钦南区
    expect(await status('city', 'PUT', '/api/plans/county-01/geometry', save)).toBe(403);
    expect(await status('lingshan', 'GET', '/api/audit?plan=city-01')).toBe(403);
    expect(await status('planner', 'GET', '/api/audit')).toBe(403);
    expect(await status('admin', 'GET', '/api/audit')).toBe(200);
    // nothing above was written
    const empty = await json(await call('admin', 'GET', '/api/plans/city-01/geometry'));
    expect(empty).toMatchObject({ version: 0, features: [] });
  });

  it('invalid bodies and queries are 400 with the field named', async () => {
    const put = (body: unknown) => call('planner', 'PUT', '/api/plans/city-02/geometry', body);
    const field = async (res: Response) => [res.status, (await json(res)).field];
    expect(await field(await put({ baseVersion: 0 }))).toEqual([400, 'features']);
    expect(await field(await put({ features: reach(), baseVersion: -1 }))).toEqual([
      400,
      'baseVersion',
    ]);
    expect(await field(await put('{"features": ['))).toEqual([400, 'body']);
    // a projected easting/northing where lon/lat belongs
    const metres = reach().map((f, i) =>
      i === 0
        ? {
            ...f,
            geometry: {
              type: 'LineString',
              coordinates: [
                [108.6, 21.95],
                [36_512_345.6, 2_428_765.4],
              ],
            },
          }
        : f,
    );
    expect(await field(await put({ features: metres, baseVersion: 0 }))).toEqual([
      400,
      'features.0.geometry.coordinates.1.0',
    ]);
    const many = Array.from({ length: 5001 }, () => reach()[0]);
    expect(await field(await put({ features: many, baseVersion: 0 }))).toEqual([400, 'features']);
    expect(await field(await put({ features: [], baseVersion: 0, extra: 1 }))).toEqual([
      400,
      'extra',
    ]);
    expect(await field(await move('planner', 'city-02', 'nowhere' as StageId))).toEqual([
      400,
      'to',
    ]);
    const pin = { text: 'here', lon: 108.6 };
    expect(await field(await call('planner', 'POST', '/api/plans/city-02/comments', pin))).toEqual([
      400,
      'lat',
    ]);
    const blank = { text: '   ' };
    expect(
      await field(await call('planner', 'POST', '/api/plans/city-02/comments', blank)),
    ).toEqual([400, 'text']);
    expect(
      await field(await call('planner', 'GET', '/api/plans/city-02/geometry?version=x')),
    ).toEqual([400, 'version']);
    expect(await field(await call('public', 'GET', '/api/zones?plan=city-02'))).toEqual([
      400,
      'version',
    ]);
    expect(await field(await call('admin', 'GET', '/api/audit?plan=../x'))).toEqual([400, 'plan']);
    expect(await status('planner', 'GET', '/api/plans/city-02/geometry')).toBe(200);
  });

  it('a stale baseVersion is 409 with who saved the current version and when', async () => {
    const first = await call('planner', 'PUT', '/api/plans/city-03/geometry', {
      features: reach(),
      baseVersion: 0,
      comment: '初划',
    });
    expect(first.status).toBe(201);
    expect(await json(first)).toMatchObject({ version: 1, author: 'wf-planner', features: 2 });
    const stale = await call('city', 'PUT', '/api/plans/city-03/geometry', {
      features: reach(0.001),
      baseVersion: 0,
    });
    expect(stale.status).toBe(409);
    const body = await json(stale);
    expect(body).toMatchObject({
      field: 'baseVersion',
      current: { version: 1, author: 'wf-planner', comment: '初划' },
    });
    expect(body.error).toMatch(/^version 1 was saved by wf-planner at \d{4}-/);
    const ahead = await call('city', 'PUT', '/api/plans/city-04/geometry', {
      features: reach(),
      baseVersion: 3,
    });
    expect([ahead.status, (await json(ahead)).current]).toEqual([409, { version: 0 }]);
    // the losing edit wrote nothing
    const versions = await json(await call('gaopu', 'GET', '/api/plans/city-01/versions'));
    expect(versions).toEqual({ versions: [], published: null });
    const v3 = await json(await call('city', 'GET', '/api/plans/city-03/versions'));
    expect((v3.versions as unknown[]).length).toBe(1);
  });
});

describe('stages and publication', () => {
  it('moves one stage at a time, each step by its role; a send-back needs a comment', async () => {
    expect(await status('planner', 'POST', '/api/plans/city-01/stage', { to: 'draft' })).toBe(400);
    const skip = await json(await move('planner', 'city-01', 'draft'));
    expect(skip).toMatchObject({
      error: 'stages move one at a time: Not started → Draft delineation skips Base map collection',
      code: 'workflow.move.skips',
      field: 'to',
    });
    expect((await move('gaopu', 'city-01', 'base-map')).status).toBe(403); // a planner's step
    expect((await move('lingshan', 'city-01', 'base-map')).status).toBe(403); // outside scope
    // a round consults on a saved version: version 1 is saved before 意见征求 ends
    const v1 = { features: reach(), baseVersion: 0 };
    expect((await call('planner', 'PUT', '/api/plans/city-01/geometry', v1)).status).toBe(201);
    await advance('city-01', 'gaopu', 'planner', [
      'base-map',
      'draft',
      'consultation',
      'field-check',
    ]);
    expect((await move('planner', 'city-01', 'review')).status).toBe(403); // the chief signs off
    expect((await move('admin', 'city-01', 'review')).status).toBe(403);
    expect((await move('chen', 'city-01', 'review')).status).toBe(403); // another river's chief
    expect((await move('gaopu', 'city-01', 'review')).status).toBe(200);
    const back = await move('gaopu', 'city-01', 'consultation');
    expect([back.status, (await json(back)).field]).toEqual([400, 'comment']);
    const zh = await call(
      'gaopu',
      'POST',
      '/api/plans/city-01/stage',
      { to: 'consultation' },
      {
        'accept-language': 'zh-CN',
      },
    );
    expect(await json(zh)).toMatchObject({ error: '退回需填写原因', field: 'comment' });
    const sent = await move('gaopu', 'city-01', 'consultation', '左岸堤脚线与现场不符');
    expect(await json(sent)).toMatchObject({
      planId: 'city-01',
      from: 'review',
      to: 'consultation',
      actor: 'wf-gaopu',
      comment: '左岸堤脚线与现场不符',
    });
    const plan = await json(await call('public', 'GET', '/api/plans/city-01'));
    expect(plan.stage).toBe('consultation');
  });

  it('publishes only from 成果文件制作与验收, with the right, and freezes zones and markers', async () => {
    const early = await call('publisher', 'POST', '/api/plans/city-01/publish', {});
    expect(early.status).toBe(409);
    await advance('city-01', 'gaopu', 'planner', ['field-check', 'review', 'deliverables']);
    expect((await move('publisher', 'city-01', 'published')).status).toBe(400); // only by publish
    expect(await status('planner', 'POST', '/api/plans/city-01/publish', {})).toBe(403); // no right
    expect(await status('gaopu', 'POST', '/api/plans/city-01/publish', {})).toBe(403);
    expect(await status('lingshan', 'POST', '/api/plans/city-01/publish', {})).toBe(403); // scope
    // a finished 公示 and a 合格 acceptance (issue 13): the server restarts after the display's end
    await displayAndAcceptOnServer(app, 'publisher', 'city-01', 1);
    server = app.server;
    const res = await call('publisher', 'POST', '/api/plans/city-01/publish', { comment: '公告' });
    expect(res.status).toBe(201);
    const pub = await json(res);
    expect(pub).toMatchObject({
      planId: 'city-01',
      version: 1,
      publishedBy: 'wf-publisher',
      zones: 6,
    });
    expect(pub.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(pub.markers as number).toBeGreaterThan(8);
    // the kinds add up to the total, counted as the notice counts them
    const counts = pub.markerCounts as { boundary: number; noticeBoard: number; total: number };
    expect(counts.total).toBe(pub.markers);
    expect(counts.boundary + counts.noticeBoard).toBe(counts.total);
    expect((await json(await call('public', 'GET', '/api/plans/city-01'))).stage).toBe('published');
    expect(await status('publisher', 'POST', '/api/plans/city-01/publish', {})).toBe(409);
  });

  it('the public sees the published version, with ETag and 304, and keeps it while a new draft is saved', async () => {
    const res = await fetch(`${server.url}/api/zones`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const etag = res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}-gz"$/);
    const fc = (await res.json()) as { features: Feature[] };
    const published = fc.features.filter((f) => f.properties?.plan === 'city-01');
    expect(published.map((f) => [f.properties?.kind, f.properties?.version])).toEqual([
      ['management', 1],
      ['protection', 1],
      ['management-line', 1],
      ['management-line', 1],
      ['protection-line', 1],
      ['protection-line', 1],
    ]);
    expect(fc.features.filter((f) => f.properties?.sample === true).length).toBe(6); // demo sample
    const again = await fetch(`${server.url}/api/zones`, {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': etag },
    });
    expect([again.status, await again.text(), again.headers.get('etag')]).toEqual([304, '', etag]);

    // at 公告实施 no new version is taken (409); after a send-back a new draft (v2, moved 110 m
    // north) changes neither the public zones nor the markers
    const frozen = await call('planner', 'PUT', '/api/plans/city-01/geometry', {
      features: reach(0.001),
      baseVersion: 1,
    });
    expect(frozen.status).toBe(409);
    const back = await call('planner', 'POST', '/api/plans/city-01/stage', {
      to: 'field-check',
      comment: '复核后调整',
    });
    expect(back.status).toBe(200);
    const v2 = await call('planner', 'PUT', '/api/plans/city-01/geometry', {
      features: reach(0.001),
      baseVersion: 1,
      comment: '复核后调整',
    });
    expect(v2.status).toBe(201);
    const after = await fetch(`${server.url}/api/zones`, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(304);
    const draft = await json(await call('gaopu', 'GET', '/api/zones?plan=city-01&version=draft'));
    const draftFeatures = draft.features as Feature[];
    expect(draftFeatures.every((f) => f.properties?.version === 2 && f.properties?.draft)).toBe(
      true,
    );
    const plain = (await (await fetch(`${server.url}/api/zones`)).json()) as {
      features: Feature[];
    };
    expect(plain.features.filter((f) => f.properties?.plan === 'city-01')).toEqual(published);
    const versions = await json(await call('gaopu', 'GET', '/api/plans/city-01/versions'));
    expect(versions.published).toBe(1);
    expect((versions.versions as { version: number }[]).map((v) => v.version)).toEqual([2, 1]);
    const v1 = await json(await call('gaopu', 'GET', '/api/plans/city-01/geometry?version=1'));
    expect(v1.features).toEqual(reach());
  });

  it('markers.csv: the chief, planners in scope and admins; the public only when an admin opens it', async () => {
    const csv = await call('gaopu', 'GET', '/api/plans/city-01/markers.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // a hand-over name (river, content, version, CRS, China date), never the plan id
    const disposition = decodeURIComponent(csv.headers.get('content-disposition') ?? '');
    expect(disposition).toMatch(/filename\*=UTF-8''钦江_界桩坐标表CSV_v\d+_EPSG4545_\d{8}\.csv$/);
    const text = await csv.text();
    expect(text).toContain('QJ01-GL-L-001');
    expect(text).not.toMatch(/reach-\d/);
    expect(text).toContain('QJ01-BH-R-001');
    for (const who of ['public', 'chen', 'lingshan'] as const) {
      expect(await status(who, 'GET', '/api/plans/city-01/markers.csv'), who).toBe(403);
    }
    expect(await status('city', 'GET', '/api/plans/city-01/markers.csv')).toBe(200);
    expect(await status('admin', 'GET', '/api/plans/city-02/markers.csv')).toBe(404); // unpublished
    const store = await openTestStore(dataDir, app.databaseUrl);
    try {
      await store.setSettings({ publicCoordinates: true }, 'test');
      expect(await status('public', 'GET', '/api/plans/city-01/markers.csv')).toBe(200);
      expect(await status('public', 'GET', '/api/plans/city-02/markers.csv')).toBe(404);
    } finally {
      await store.setSettings({ publicCoordinates: false }, 'test');
      await store.close();
    }
  });

  it('publication errors are 400 listing the reasons, and nothing is frozen', async () => {
    const save = await call('lingshan', 'PUT', '/api/plans/county-01/geometry', {
      features: reach(0, null),
      baseVersion: 0,
    });
    expect(save.status).toBe(201);
    await advance('county-01', 'chen', 'lingshan', [
      'base-map',
      'draft',
      'consultation',
      'field-check',
      'review',
      'deliverables',
    ]);
    await displayAndAcceptOnServer(app, 'lingshan', 'county-01', 1);
    server = app.server;
    const res = await call('lingshan', 'POST', '/api/plans/county-01/publish', {});
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.error).toMatch(/^cannot publish: /);
    expect((body.reasons as string[]).length).toBeGreaterThan(0);
    expect((body.reasons as string[]).join('\n')).toContain('QJ-A');
    expect((await json(await call('public', 'GET', '/api/plans/county-01'))).stage).toBe(
      'deliverables',
    );
    const draft = await call('chen', 'GET', '/api/zones?plan=county-01&version=draft');
    expect(draft.status).toBe(400);
  });

  it('comments pinned to the map, and the audit log of every write of a plan', async () => {
    const pinned = await call('gaopu', 'POST', '/api/plans/city-01/comments', {
      text: '此处堤脚线需复测',
      lon: 108.605,
      lat: 21.9504,
    });
    expect(pinned.status).toBe(201);
    expect(await json(pinned)).toMatchObject({ author: 'wf-gaopu', lon: 108.605, lat: 21.9504 });
    expect(await status('chen', 'POST', '/api/plans/city-01/comments', { text: 'x' })).toBe(403);
    const list = (await (
      await call('city', 'GET', '/api/plans/city-01/comments')
    ).json()) as unknown[];
    expect(list).toHaveLength(1);
    const audit = (await (await call('gaopu', 'GET', '/api/audit?plan=city-01')).json()) as {
      action: string;
      actor: string;
    }[];
    const actions = audit.map((a) => a.action);
    expect(actions.filter((a) => a === 'geometry.save')).toHaveLength(2);
    // 4 planner steps, 审核确定, the send-back, then 现场复核 → 审核确定 → 成果文件制作与验收 again,
    // and the send-back from 公告实施 before v2
    expect(actions.filter((a) => a === 'stage.move')).toHaveLength(10);
    expect(actions).toContain('publish');
    expect(actions).toContain('publish.comment');
    // two rounds of 意见征求 (before each 现场复核 reached from it), each with its reply
    expect(actions.filter((a) => a === 'consultation.open')).toHaveLength(2);
    expect(actions.filter((a) => a === 'consultation.reply')).toHaveLength(2);
    expect(actions.at(-1)).toBe('comment.add');
    expect(new Set(audit.map((a) => a.actor))).toEqual(
      new Set(['wf-planner', 'wf-gaopu', 'wf-publisher', 'test-dept-sthj']),
    );
  });
});
