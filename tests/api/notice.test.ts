import type { FeatureCollection, Point } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StageId } from '../../src/domain/workflow/stages';
import { DEFAULT_RULES } from '../../src/domain/zones/rules';
import { type AccountServer, startWithAccounts, testAccount } from '../helpers/accounts';
import { consultOn, TEST_DEPARTMENT } from '../helpers/consult';
import { displayAndAcceptOnServer, straightToes } from '../helpers/display-accept';

const ACCOUNTS = {
  admin: testAccount('nt-admin', { role: 'admin' }),
  publisher: testAccount('nt-publisher', { role: 'planner', canPublish: true }),
  gaopu: testAccount('nt-gaopu', { role: 'chief', person: '高朴' }), // chief of city-01 钦江
  dept: TEST_DEPARTMENT,
};

let app: AccountServer<keyof typeof ACCOUNTS>;
const call: AccountServer<keyof typeof ACCOUNTS>['call'] = (...args) => app.call(...args);
const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

async function expectStatus(res: Promise<Response>, status: number) {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(status);
  return r;
}

/** Walks city-01 forward, each step by the role that owns it. */
async function advance(stages: StageId[]) {
  for (const to of stages) {
    const who = to === 'review' || to === 'deliverables' ? 'gaopu' : 'publisher';
    // 意见征求 → 现场复核 needs a round in which every department replied (issue 13)
    if (to === 'field-check')
      await consultOn(
        app,
        { planner: 'publisher', department: 'dept' },
        'city-01',
        TEST_DEPARTMENT.username,
      );
    await expectStatus(call(who, 'POST', '/api/plans/city-01/stage', { to }), 200);
  }
}

const isRounded = (v: number) => Math.abs(v * 1e5 - Math.round(v * 1e5)) < 1e-6;

beforeAll(async () => {
  app = await startWithAccounts('hejie-notice-', ACCOUNTS);
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('notice and public markers', () => {
  let firstEtag = '';

  it('has no notice and no markers before publication', async () => {
    await expectStatus(call('public', 'GET', '/api/plans/city-01/notice'), 404);
    await expectStatus(call('admin', 'GET', '/api/plans/city-01/notice'), 404);
    await expectStatus(call('public', 'GET', '/api/plans/city-99/notice'), 404);
    const markers = await expectStatus(call('public', 'GET', '/api/markers'), 200);
    expect(await json(markers)).toEqual({ type: 'FeatureCollection', features: [] });
    const bad = await expectStatus(call('public', 'GET', '/api/markers?plan=city-01'), 400);
    expect((await json(bad)).field).toBe('plan');
  });

  it('publishes city-01 with the bureau table in force and freezes it', async () => {
    const table = { id: 'qinzhou-2020', version: '1', legalBasis: '钦州市河道管理规定（2020）' };
    await expectStatus(call('admin', 'PUT', '/api/rules', table), 200);
    await expectStatus(
      call('publisher', 'PUT', '/api/plans/city-01/geometry', {
        features: straightToes(),
        baseVersion: 0,
      }),
      201,
    );
    await advance(['base-map', 'draft', 'consultation', 'field-check', 'review', 'deliverables']);
    // a finished 公示 and a 合格 acceptance (issue 13); the server restarts after the display
    await displayAndAcceptOnServer(app, 'publisher', 'city-01', 1);
    await expectStatus(call('publisher', 'POST', '/api/plans/city-01/publish', {}), 201);
    // publishing needed the authority and the phone (issue 19); cleared after, the notice says null
    const cleared = { noticeAuthority: null, supervisionPhone: null };
    await expectStatus(call('admin', 'PUT', '/api/settings', cleared), 200);
  }, 20_000); // the whole review path on a shared 2-core machine

  it('the public reads the notice: reaches, lengths, standard, counts; authority and phone null', async () => {
    const res = await expectStatus(call('public', 'GET', '/api/plans/city-01/notice'), 200);
    const notice = await json(res);
    expect(notice).toMatchObject({
      planId: 'city-01',
      river: '钦江',
      plan: '钦江',
      version: 1,
      standard: { id: 'qinzhou-2020', version: '1' },
      legalBasis: ['钦州市河道管理规定（2020）'],
      landStatement: '土地权属和使用性质不变',
      authority: null,
      supervisionPhone: null,
    });
    expect(notice.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // the public reads the ends by place only (coordinates are not public); staff get them too
    const pub = notice.reaches as { banks: { from: { county: string }; start?: unknown }[] }[];
    expect(pub[0]?.banks.every((b) => b.start === undefined && b.from.county === '钦南区')).toBe(
      true,
    );
    expect(notice.counties).toEqual([{ adcode: '450702', name: '钦南区' }]);
    const staff = await json(
      await expectStatus(call('publisher', 'GET', '/api/plans/city-01/notice'), 200),
    );
    const reaches = staff.reaches as {
      reach: string;
      banks: { bank: string; start: number[]; end: number[]; lengthM: number }[];
    }[];
    expect(reaches.map((r) => [r.reach, r.banks.map((b) => b.bank)])).toEqual([
      ['QJ-A', ['left', 'right']],
    ]);
    for (const b of reaches[0]?.banks ?? []) {
      // management lines 30 m beyond toes 40 m off a 1 km reach: they run from ≈108.6°E to ≈108.61°E
      expect(b.start[0]).toBeCloseTo(108.6, 3);
      expect(b.end[0]).toBeCloseTo(108.61, 3);
      expect([...b.start, ...b.end].every(isRounded)).toBe(true);
      expect(b.lengthM).toBeGreaterThan(1000);
      expect(b.lengthM).toBeLessThan(1100);
    }
    const [left, right] = reaches[0]?.banks ?? [];
    expect(left?.start[1]).toBeGreaterThan(21.95 + 0.00036); // north of the left toe
    expect(right?.start[1]).toBeLessThan(21.95 - 0.00036);
    expect(notice.delineatedLengthM).toBeCloseTo((left?.lengthM ?? 0) + (right?.lengthM ?? 0), 2);

    // the counts agree with the published markers the map gets
    const fc = (await json(
      await call('public', 'GET', '/api/markers'),
    )) as unknown as FeatureCollection;
    const types = fc.features.map((f) => f.properties?.markerType);
    const counts = notice.markerCounts as { boundary: number; noticeBoard: number };
    expect(counts.boundary).toBe(types.filter((t) => t === 'boundary').length);
    expect(counts.noticeBoard).toBe(types.filter((t) => t === 'notice-board').length);
    expect(counts.boundary).toBeGreaterThan(8);
  });

  it('prints the authority and phone once an admin sets them; the rule table stays frozen', async () => {
    await expectStatus(
      call('admin', 'PUT', '/api/settings', {
        noticeAuthority: '钦州市人民政府',
        supervisionPhone: '0777-2822222',
      }),
      200,
    );
    await expectStatus(call('admin', 'PUT', '/api/rules', DEFAULT_RULES), 200);
    const notice = await json(await call('public', 'GET', '/api/plans/city-01/notice'));
    expect(notice).toMatchObject({
      authority: '钦州市人民政府',
      supervisionPhone: '0777-2822222',
      standard: { id: 'qinzhou-2020', version: '1' },
    });
  });

  it('public markers: six properties, 1e-5° positions, no survey data; ETag → 304', async () => {
    const res = await expectStatus(call('public', 'GET', '/api/markers'), 200);
    firstEtag = res.headers.get('etag') ?? '';
    expect(firstEtag).toMatch(/^"[A-Za-z0-9_-]{43}(-gz)?"$/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const text = await res.text();
    const fc = JSON.parse(text) as FeatureCollection<Point>;
    expect(fc.features.length).toBeGreaterThan(8);
    for (const f of fc.features) {
      expect(Object.keys(f.properties ?? {}).sort()).toEqual([
        'bank',
        'id',
        'kind',
        'line',
        'markerType',
        'plan',
      ]);
      expect(f.properties?.plan).toBe('city-01');
      expect(f.geometry.coordinates.every(isRounded)).toBe(true);
    }
    expect(text).not.toMatch(/"(x|y|chainageM|lon|lat)":/);
    // the survey-grade table stays behind its permission
    await expectStatus(call('public', 'GET', '/api/plans/city-01/markers.csv'), 403);
    // one marker's X/Y for the map's card: the same permission; the values are the table's
    const one = fc.features[0]?.properties?.id as string;
    await expectStatus(call('public', 'GET', `/api/plans/city-01/markers/${one}`), 403);
    const csv = await (
      await expectStatus(call('admin', 'GET', '/api/plans/city-01/markers.csv'), 200)
    ).text();
    const card = await json(
      await expectStatus(call('admin', 'GET', `/api/plans/city-01/markers/${one}`), 200),
    );
    expect(card).toMatchObject({ number: one, crs: expect.stringMatching(/^EPSG:45(45|46)$/) });
    const line = csv.split('\n').find((l) => l.includes(one)) ?? '';
    expect(line).toContain((card.x as number).toFixed(2));
    expect(line).toContain((card.y as number).toFixed(2));
    const missing = await expectStatus(
      call('admin', 'GET', '/api/plans/city-01/markers/QJ99-GL-L-999'),
      404,
    );
    expect(JSON.stringify(await missing.json())).toContain('QJ99-GL-L-999');
    await expectStatus(call('admin', 'GET', `/api/plans/city-01/markers/${one}?x=1`), 400);

    const again = await call('public', 'GET', '/api/markers', undefined, {
      'if-none-match': firstEtag,
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // an unrelated write moves the store's revision, not the markers' ETag
    await expectStatus(
      call('gaopu', 'POST', '/api/plans/city-01/comments', { text: '界桩位置已核对' }),
      201,
    );
    const still = await call('public', 'GET', '/api/markers', undefined, {
      'if-none-match': firstEtag,
    });
    expect(still.status).toBe(304);
  });

  it('a new publication changes the markers and the notice, with the table in force then', async () => {
    await expectStatus(
      // a published plan goes back through review (issue 17): to 现场复核, then the chief signs v2
      call('publisher', 'POST', '/api/plans/city-01/stage', {
        to: 'field-check',
        comment: '河岸线修正',
      }),
      200,
    );
    await expectStatus(
      call('publisher', 'PUT', '/api/plans/city-01/geometry', {
        features: straightToes(0.001),
        baseVersion: 1,
      }),
      201,
    );
    // while the new draft waits, the public keeps the first publication
    const waiting = await call('public', 'GET', '/api/markers', undefined, {
      'if-none-match': firstEtag,
    });
    expect(waiting.status).toBe(304);
    await advance(['review', 'deliverables']);
    await displayAndAcceptOnServer(app, 'publisher', 'city-01', 2);
    await expectStatus(call('publisher', 'POST', '/api/plans/city-01/publish', {}), 201);
    const res = await call('public', 'GET', '/api/markers', undefined, {
      'if-none-match': firstEtag,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(firstEtag);
    const notice = await json(await call('public', 'GET', '/api/plans/city-01/notice'));
    expect(notice).toMatchObject({
      version: 2,
      standard: { id: DEFAULT_RULES.id, version: DEFAULT_RULES.version },
      legalBasis: [DEFAULT_RULES.legalBasis],
    });
  }, 20_000); // the whole review path on a shared 2-core machine
});
