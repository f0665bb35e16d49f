// The zone engine's refusals reach the API as codes rendered in the request's language.
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccountServer, startWithAccounts, testAccount } from '../helpers/accounts';

const ACCOUNTS = { planner: testAccount('zm-planner', { role: 'planner' }) };

/** A 1 km reach near Qinzhou: class 2 toe lines ±40 m, the left one 60 m wide (20–50 m allowed). */
function tooWide(): Feature[] {
  const toe = (role: string, dLat: number, widthM: number): Feature => ({
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [0, 1, 2, 3, 4].map((i) => [108.6 + i * 0.0025, 21.95 + dLat]),
    },
    properties: { reach: 'NLJ-1', role, embankmentClass: 2, widthM, protectionM: 30 },
  });
  return [toe('toe-left', 0.00036, 60), toe('toe-right', -0.00036, 30)];
}

let app: AccountServer<keyof typeof ACCOUNTS>;

beforeAll(async () => {
  app = await startWithAccounts('hejie-zone-messages-', ACCOUNTS);
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('GET /api/zones?version=draft refuses a width outside the rule in the asked language', () => {
  const draft = (lang: string) =>
    app.call('planner', 'GET', '/api/zones?plan=city-05&version=draft', undefined, {
      'accept-language': lang,
    });

  beforeAll(async () => {
    const saved = await app.call('planner', 'PUT', '/api/plans/city-05/geometry', {
      features: tooWide(),
      baseVersion: 0,
    });
    expect(saved.status, await saved.clone().text()).toBe(201);
  });

  it('in Chinese (zh-CN)', async () => {
    const res = await draft('zh-CN,zh;q=0.9');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; code: string; reasons: string[] };
    expect(body.code).toBe('zones.cannotCompute');
    expect(body.reasons).toEqual([
      '河段 NLJ-1 左岸堤脚线：2 级堤防护堤地宽度应为 20–50 m，实为 60 m（GB50286-2013 2019-06-20）',
    ]);
    expect(body.error).toMatch(/^版本 1 无法计算：河段 NLJ-1 左岸堤脚线/);
  });

  it('in English', async () => {
    const res = await draft('en');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; code: string; reasons: string[] };
    expect(body.reasons).toEqual([
      'reach NLJ-1, toe-left: width 60 m is outside 20–50 m allowed for class 2 embankments (GB50286-2013 2019-06-20)',
    ]);
    expect(body.error).toMatch(/^version 1 does not compute: reach NLJ-1, toe-left/);
  });
});
