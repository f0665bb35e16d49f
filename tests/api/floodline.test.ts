// The flood-line routes in process (memory store): the DEM streamed, the run answering the preview
// with its warnings; who may (those who may edit the plan's geometry); refusals naming the fault;
// every run audited.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projector } from '../../src/domain/crs/crs';
import { createApp } from '../../src/server/app';
import { seedDemoAccounts } from '../../src/server/auth/demo-accounts';
import { createMemoryStore } from '../../src/server/store/memory-store';
import { ascToTiff, writeAsc } from '../helpers/floodline-dem';
import { bundledRegister } from '../helpers/register';

const work = mkdtempSync(join(tmpdir(), 'hejie-floodline-api-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const store = createMemoryStore();
const { geodata } = bundledRegister();
const app = createApp({ store, geodata, distDir: null, demo: true, tiandituKey: null });
const sessions: Record<string, { cookie: string; csrf: string }> = {};
const X0 = 562_000;
const Y0 = 2_434_000;
const gk = projector('EPSG:4545');
const centreline = [gk.inverse([X0, Y0]), gk.inverse([X0 + 1000, Y0])];
const dem = ascToTiff(
  writeAsc(work, 'valley', {
    originX: X0 - 200,
    originY: Y0 + 400,
    cell: 2,
    width: 700,
    height: 400,
    z: (_x, y) => 10 + 0.05 * Math.abs(y - Y0),
  }),
  'EPSG:4545',
  true,
);

async function logIn(username: string, password: string) {
  const res = await app.request('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const token = /hejie_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  sessions[username] = {
    cookie: `hejie_session=${token}`,
    csrf: ((await res.json()) as { csrf: string }).csrf,
  };
}

const headers = (who: string, type: string) => {
  const s = sessions[who];
  return {
    'accept-language': 'zh-CN',
    'content-type': type,
    ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
  };
};
const upload = (who: string, plan: string) =>
  app.request(`/api/plans/${plan}/floodline/dem?file=valley.tif`, {
    method: 'POST',
    headers: headers(who, 'application/octet-stream'),
    body: readFileSync(dem),
  });
const run = (who: string, plan: string, body: unknown) =>
  app.request(`/api/plans/${plan}/floodline`, {
    method: 'POST',
    headers: headers(who, 'application/json'),
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  await store.seedIfEmpty(
    { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'test' },
    'test',
  );
  await seedDemoAccounts(store, 'test');
  await logIn('planner', 'demo-planner');
  await logIn('gaopu', 'demo-gaopu');
  await logIn('planner-lingshan', 'demo-planner-lingshan');
});

describe('POST /api/plans/:id/floodline', () => {
  it('answers the preview with its warnings and audits the run', async () => {
    const up = await upload('planner', 'city-01');
    expect(up.status).toBe(200);
    const { demId } = (await up.json()) as { demId: string };
    const res = await run('planner', 'city-01', {
      demId,
      levels: { name: 'levels.csv', text: '里程,水位\n0,15\n1000,15.2\n' },
      centreline,
      maxWidth: 500,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      banks: { features: { properties: Record<string, unknown> }[] };
      warnings: string[];
    };
    expect(body.banks.features.map((f) => f.properties.role)).toEqual(['bank-left', 'bank-right']);
    expect(body.banks.features[0]?.properties.source).toBe('floodline');
    expect(body.warnings[0]).toContain('水位沿程向下游升高');
    const audit = await store.searchAudit({ limit: 5 } as Parameters<typeof store.searchAudit>[0]);
    const entry = audit.find((a) => a.action === 'floodline.compute');
    expect(entry?.target).toBe('city-01');
    expect(entry?.actor).toBe('planner');
  });

  it('names the chainages where the water does not meet the ground, and audits the refusal', async () => {
    const { demId } = (await (await upload('planner', 'city-01')).json()) as { demId: string };
    const res = await run('planner', 'city-01', {
      demId,
      levels: { name: 'levels.csv', text: 'chainage,level\n0,40\n1000,40\n' },
      centreline,
      maxWidth: 500,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; error: string };
    expect(body.code).toBe('floodline.noMeeting');
    expect(body.error).toMatch(/里程 \d+–\d+ 米处水面与地面/);
    const audit = await store.searchAudit({ limit: 5 } as Parameters<typeof store.searchAudit>[0]);
    const entry = audit.find((a) => a.action === 'floodline.compute');
    expect(entry?.detail).toMatchObject({ ok: false, errors: ['floodline.noMeeting'] });
  });

  it('refuses those who may not edit the plan, and a DEM of another plan or none', async () => {
    expect((await upload('gaopu', 'city-01')).status).toBe(403);
    expect((await upload('planner-lingshan', 'city-01')).status).toBe(403);
    const { demId } = (await (await upload('planner', 'city-02')).json()) as { demId: string };
    const res = await run('planner', 'city-01', {
      demId,
      levels: { name: 'l.csv', text: 'chainage,level\n0,15\n' },
      centreline,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('floodline.api.noDem');
  });

  it('a DEM over the limit is refused on its declared length, before reading', async () => {
    const res = await app.request('/api/plans/city-01/floodline/dem?file=big.tif', {
      method: 'POST',
      headers: {
        ...headers('planner', 'application/octet-stream'),
        'content-length': String(4 * 1024 ** 3),
      },
      body: 'x',
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe('floodline.dem.tooBig');
  });
});
