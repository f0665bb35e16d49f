// Issue 17, "input that is accepted and then fails": PUT /api/plans/:id/geometry refuses at save time,
// with 400 naming the feature and the reason, what the zone engine could not compute later
// (before: 201, then 500 on draft zones and publish): positions outside the deployment's region
// (lon −30, lat 89.99), lines of more than 60,000 vertices (250,000), properties nested deeper than 8
// (1,000). And a plan at 公告实施 takes no new version (409) until it is sent back.
import type { Feature } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../../src/domain/workflow/stages';
import { createApp } from '../../src/server/app';
import { seedDemoAccounts } from '../../src/server/auth/demo-accounts';
import { createMemoryStore } from '../../src/server/store/memory-store';
import type { Store } from '../../src/server/store/store';
import { bundledRegister } from '../helpers/register';
import { syntheticPlan } from '../helpers/synthetic-plan';

const { geodata } = bundledRegister();
const JSON_TYPE = { 'content-type': 'application/json' };

const toe = (coordinates: number[][], properties: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  properties: { reach: 'A', role: 'toe-left', embankmentClass: 3, ...properties },
  geometry: { type: 'LineString', coordinates },
});
const good = toe([
  [108.6, 21.95],
  [108.61, 21.95],
]);
const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { v };
  return v;
};

let store: Store;
let app: ReturnType<typeof createApp>;
let auth: Record<string, string>;
beforeAll(async () => {
  store = createMemoryStore(() => new Date('2026-12-03T08:00:00Z'));
  await store.seedIfEmpty(
    { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'test' },
    'test',
  );
  await seedDemoAccounts(store, 'test');
  app = createApp({ store, geodata, distDir: null, demo: true, tiandituKey: null });
  const res = await app.request('/api/login', {
    method: 'POST',
    headers: JSON_TYPE,
    body: JSON.stringify({ username: 'planner', password: 'demo-planner' }),
  });
  const cookie = /hejie_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrf } = (await res.json()) as { csrf: string };
  auth = { ...JSON_TYPE, cookie, 'x-csrf-token': csrf, 'accept-language': 'en' };
});

const save = (plan: string, features: Feature[], baseVersion = 0) =>
  app.request(`/api/plans/${plan}/geometry`, {
    method: 'PUT',
    headers: auth,
    body: JSON.stringify({ features, baseVersion }),
  });

describe('save-time refusals', () => {
  const cases: [string, Feature[], RegExp][] = [
    [
      'lon −30',
      [
        good,
        toe([
          [-30, 21.95],
          [108.6, 21.95],
        ]),
      ],
      /feature 2 .*-30°E 21\.95°N is outside/,
    ],
    [
      'lat 89.99',
      [
        toe([
          [108.6, 89.99],
          [108.61, 89.99],
        ]),
      ],
      /feature 1 .*89\.99°N is outside/,
    ],
    [
      '250,000-vertex lines',
      syntheticPlan(250_000),
      /feature 1 \(reach SYN01\): a line has 250000 vertices, more than the limit of 60000/,
    ],
    [
      'properties 1,000 deep',
      [
        toe(good.geometry.type === 'LineString' ? good.geometry.coordinates : [], {
          survey: nested(1000),
        }),
      ],
      /feature 1 .*nest .* more than the limit of 8/,
    ],
  ];
  it.each(cases)(
    '%s: 400 naming the feature and the reason, nothing saved',
    async (_, features, error) => {
      const res = await save('city-02', features);
      const body = (await res.json()) as { error: string; field: string; reasons: string[] };
      expect(res.status, body.error).toBe(400);
      expect(body.error).toMatch(error);
      expect(body.field).toBe('features');
      expect(body.reasons[0]).toBe(body.error);
      expect(await store.latestGeometry('city-02')).toBeNull();
    },
    60_000,
  );

  it('a plan of two 60,000-vertex lines is saved (the limit is inclusive)', async () => {
    const res = await save('city-03', syntheticPlan(60_000));
    expect(res.status).toBe(201);
  }, 60_000);

  it('the region is one setting: a wider HEJIE_REGION takes what the default refuses', async () => {
    const wide = createApp({
      store,
      geodata,
      distDir: null,
      demo: true,
      tiandituKey: null,
      region: { west: 106.5, south: 20.5, east: 112.5, north: 26 },
    });
    const res = await wide.request('/api/plans/city-04/geometry', {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({
        features: [
          toe([
            [107, 25],
            [107.01, 25],
          ]),
        ],
        baseVersion: 0,
      }),
    });
    expect(res.status).toBe(201);
    expect(
      (
        await save('city-05', [
          toe([
            [107, 25],
            [107.01, 25],
          ]),
        ])
      ).status,
    ).toBe(400);
  });
});

describe('a work (涉水工程) without a type or a name', () => {
  const work = (properties: Record<string, unknown>): Feature => ({
    type: 'Feature',
    properties: { reach: 'A', role: 'work', ...properties },
    geometry: { type: 'Point', coordinates: [108.605, 21.951] },
  });
  const saveZh = (plan: string, features: Feature[]) =>
    app.request(`/api/plans/${plan}/geometry`, {
      method: 'PUT',
      headers: { ...auth, 'accept-language': 'zh-CN' },
      body: JSON.stringify({ features, baseVersion: 0 }),
    });
  const refused = async (features: Feature[]) => {
    const res = await saveZh('city-07', features);
    const body = (await res.json()) as { error: string; field: string; reasons: string[] };
    expect(res.status, body.error).toBe(400);
    expect(body.field).toBe('features');
    expect(await store.latestGeometry('city-07')).toBeNull();
    return body;
  };

  it('is refused with 400 in Chinese, naming the feature and what is missing', async () => {
    const noType = await refused([good, work({ workType: null, name: '合成泵站（测试）' })]);
    expect(noType.error).toBe(
      '第 2 个要素：涉水工程尚未选择类型，请在工程表单中选择（水库、水闸、拦河坝、泵站、水文站、桥梁或码头）',
    );
    const noName = await refused([good, work({ workType: 'pumping-station', name: '  ' })]);
    expect(noName.error).toBe('第 2 个要素：涉水工程须有名称，请在工程表单中填写名称');
    const neither = await refused([work({ workType: null, name: '' })]);
    expect(neither.reasons).toEqual([
      '第 1 个要素：涉水工程须有名称，请在工程表单中填写名称',
      '第 1 个要素：涉水工程尚未选择类型，请在工程表单中选择（水库、水闸、拦河坝、泵站、水文站、桥梁或码头）',
    ]);
    expect(noType.error).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('with its type and name, a point work is saved', async () => {
    const res = await saveZh('city-07', [
      good,
      work({ workType: 'hydrological-station', name: '合成水文站（测试）' }),
    ]);
    expect(res.status).toBe(201);
  });
});

describe('saving at 公告实施', () => {
  it('is refused with 409 naming the stage until the plan is sent back', async () => {
    expect((await save('city-06', [good])).status).toBe(201);
    const ids = STAGES.map((s) => s.id);
    for (let i = 1; i < ids.length; i++)
      await store.moveStage('city-06', ids[i - 1] as never, ids[i] as never, 'test', '');
    const refused = await save('city-06', [good], 1);
    const body = (await refused.json()) as { error: string };
    expect(refused.status).toBe(409);
    expect(body.error).toMatch(/Published.*send the plan back to Field check first/);
    expect((await store.latestGeometry('city-06'))?.version).toBe(1);
    await store.moveStage('city-06', 'published', 'field-check', 'test', 'change');
    expect((await save('city-06', [good], 1)).status).toBe(201);
  });
});
