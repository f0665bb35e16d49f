// Adopting an approved boundary over the API (issue 16): the check, the refusal without a reason
// (400, in Chinese), the override audited with the shortfall figures, the adoption without a
// shortfall, and the 公告 that says which boundary was adopted (read back with poppler).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delineatePlan } from '../../src/domain/plans/delineate-plan';
import { loadZoneEngine } from '../../src/domain/zones/compute-zones';
import { DEFAULT_RULES } from '../../src/domain/zones/rules';
import { createComputePool } from '../../src/server/compute/compute-pool';
import type { Store } from '../../src/server/store/store';
import { type InProcessApp, logInProcess, startInProcess } from '../helpers/display-accept';
import { syntheticApproved, syntheticToes } from '../helpers/synthetic-approved';

const compute = createComputePool({ size: 1 });
const JSON_TYPE = { 'content-type': 'application/json' };
let app: InProcessApp['app'];
let store: Store;
let planner: Record<string, string>;

const post = (path: string, body: unknown, lang = 'zh-CN') =>
  app.request(path, {
    method: 'POST',
    headers: { ...planner, ...JSON_TYPE, 'accept-language': lang },
    body: JSON.stringify(body),
  });

async function saveVersion(plan: string, features: Feature[]): Promise<number> {
  const latest = await store.latestGeometry(plan);
  const saved = await store.saveGeometry(plan, latest?.version ?? 0, features, 'planner', 'test');
  if (!saved.ok) throw new Error('not saved');
  return saved.version.version;
}

beforeAll(async () => {
  ({ app, store } = await startInProcess({ compute }));
  planner = (await logInProcess(app, 'planner', 'demo-planner')).headers;
}, 60_000);

afterAll(() => compute.close());

describe('approved boundaries over the API', () => {
  it('checks: one part, ≈ 600 m², 3 m', async () => {
    await saveVersion('city-01', [...syntheticToes(), syntheticApproved(3, 200)]);
    const res = await post('/api/plans/city-01/approved/check', {});
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as {
      checks: { parts: { properties: { areaM2: number } }[]; maxShortfallM: number }[];
    };
    expect(body.checks[0]?.parts).toHaveLength(1);
    expect(body.checks[0]?.parts[0]?.properties.areaM2).toBeCloseTo(600, 1);
    expect(body.checks[0]?.maxShortfallM).toBeCloseTo(3, 3);
  });

  it('refuses to adopt a boundary that falls short without a reason (400, Chinese)', async () => {
    const base = (await store.latestGeometry('city-01'))?.version ?? 0;
    const res = await post('/api/plans/city-01/approved/adopt', {
      reach: 'SYN-A',
      baseVersion: base,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; code: string; field: string };
    expect(body.code).toBe('adopted.adopt.needsReason');
    expect(body.field).toBe('reason');
    expect(body.error).toMatch(
      /^已批复边界比标准划定的管理范围少 1 处、共 600(\.\d+)? m²，最大不足 3 m：须填写采用理由$/,
    );
    const blank = await post('/api/plans/city-01/approved/adopt', {
      reach: 'SYN-A',
      baseVersion: base,
      reason: '   ',
    });
    expect(blank.status).toBe(400);
    expect((await store.latestGeometry('city-01'))?.version).toBe(base);
  });

  it('adopts with a reason: a new version, audited with the shortfall figures', async () => {
    const base = (await store.latestGeometry('city-01'))?.version ?? 0;
    const reason = '测试理由：合成数据';
    const res = await post('/api/plans/city-01/approved/adopt', {
      reach: 'SYN-A',
      baseVersion: base,
      reason,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const latest = await store.latestGeometry('city-01');
    expect(latest?.version).toBe(base + 1);
    const adopted = latest?.features.find((f) => f.properties?.role === 'approved-boundary');
    expect(adopted?.properties).toMatchObject({
      adopted: true,
      adoptedReason: reason,
      adoptedBy: 'planner',
    });
    const entry = (await store.listAudit('city-01')).find(
      (e) => e.action === 'plan.adopt-boundary',
    );
    expect(entry?.actor).toBe('planner');
    expect(entry?.detail).toMatchObject({
      reach: 'SYN-A',
      override: true,
      reason,
      approval: { category: 'urban-blueline', approvedOn: '2020-01-02' },
      shortfall: { parts: 1, maxShortfallM: 3 },
    });
  });

  it('adopts a boundary that meets the standard without a reason; a stale base is refused', async () => {
    await saveVersion('city-02', [...syntheticToes(), syntheticApproved(0.01, 200)]);
    const base = (await store.latestGeometry('city-02'))?.version ?? 0;
    const stale = await post('/api/plans/city-02/approved/adopt', {
      reach: 'SYN-A',
      baseVersion: base + 1,
    });
    expect(stale.status).toBe(409);
    const res = await post('/api/plans/city-02/approved/adopt', {
      reach: 'SYN-A',
      baseVersion: base,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const entry = (await store.listAudit('city-02')).find(
      (e) => e.action === 'plan.adopt-boundary',
    );
    expect(entry?.detail).toMatchObject({ override: false, reason: null, shortfall: { parts: 0 } });
  });

  it('refuses an approval dated in the future and a reach without one, in the caller’s language', async () => {
    await saveVersion('city-03', [
      ...syntheticToes(),
      syntheticApproved(0.01, 200, { approvedOn: '2999-01-01' }),
    ]);
    const base = (await store.latestGeometry('city-03'))?.version ?? 0;
    const future = await post('/api/plans/city-03/approved/adopt', {
      reach: 'SYN-A',
      baseVersion: base,
    });
    expect(future.status).toBe(400);
    expect(((await future.json()) as { error: string }).error).toMatch(
      /^批复日期 2999-01-01 晚于今天/,
    );
    const none = await post(
      '/api/plans/city-03/approved/adopt',
      { reach: 'X', baseVersion: base },
      'en',
    );
    expect(((await none.json()) as { error: string }).error).toBe(
      'the newest version of city-03 has no approved boundary in reach X',
    );
  });

  it('the published 公告 says which boundary was adopted and on what approval', async () => {
    const version = await store.latestGeometry('city-01');
    if (!version) throw new Error('no version');
    const engine = await loadZoneEngine();
    const done = delineatePlan(engine, version.features, {
      river: 'qinjiang',
      rules: DEFAULT_RULES,
    });
    if (!done.ok || !done.markers?.ok) throw new Error('not delineated');
    const plan = await store.getPlan('city-01');
    const published = await store.publish(
      {
        planId: 'city-01',
        version: version.version,
        zones: done.zones,
        markers: done.markers.markers,
        rules: DEFAULT_RULES,
        etag: '"adopted-test"',
        publishedAt: '2026-01-01T02:00:00.000Z',
        publishedBy: 'planner',
      },
      plan?.stage ?? 'not-started',
      'planner',
    );
    expect(published).toBe(true);
    const notice = (await (await app.request('/api/plans/city-01/notice')).json()) as {
      standardWords: unknown[];
    };
    expect(JSON.stringify(notice.standardWords)).toContain('adopted.notice.sentence');
    const pdf = await app.request('/api/plans/city-01/notice.pdf');
    expect(pdf.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'hejie-adopted-'));
    const path = join(dir, 'notice.pdf');
    writeFileSync(path, new Uint8Array(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(
      '采用已批复的城市蓝线（测试〔2099〕0号（合成数据），2020-01-02）作为管理范围',
    );
  }, 60_000);
});

describe('per-type ranges of works in the rule table over the API', () => {
  const put = async (table: unknown) => {
    const admin = (await logInProcess(app, 'admin', 'demo-admin')).headers;
    const current = await app.request('/api/rules', { headers: admin });
    const etag = current.headers.get('etag');
    return app.request('/api/rules', {
      method: 'PUT',
      headers: {
        ...admin,
        ...JSON_TYPE,
        'accept-language': 'zh-CN',
        ...(etag ? { 'if-match': etag } : {}),
      },
      body: JSON.stringify(table),
    });
  };

  it('refuses a range of 0 or over 1,000 m, in Chinese, naming the field', async () => {
    const res = await put({
      id: 'works-test',
      version: '1',
      works: { sluice: { upstreamM: 1500 } },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; field: string };
    expect(body.field).toBe('works.sluice.upstreamM');
    expect(body.error).toMatch(/^规则表：水闸的管理范围须大于 0 m、不超过 1000 m/);
  });

  it('stores a valid range, audited; unset types stay unset', async () => {
    const res = await put({
      id: 'works-test',
      version: '1',
      works: { sluice: { upstreamM: 50, downstreamM: 100, sidesM: 20 } },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const stored = (await res.json()) as { works: Record<string, unknown> };
    expect(stored.works).toEqual({ sluice: { upstreamM: 50, downstreamM: 100, sidesM: 20 } });
    expect((await store.listAudit()).some((e) => e.action.startsWith('settings'))).toBe(true);
  });
});
