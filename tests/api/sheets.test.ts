// The sheet routes: 404 before publication, the public set for everyone (no grid values, no anchors),
// the full set and the table book only with the coordinate permission, the same bytes every time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StageId } from '../../src/domain/workflow/stages';
import { type AccountServer, startWithAccounts, testAccount } from '../helpers/accounts';
import { consultOn, TEST_DEPARTMENT } from '../helpers/consult';
import { displayAndAcceptOnServer } from '../helpers/display-accept';

const ACCOUNTS = {
  publisher: testAccount('sh-publisher', { role: 'planner', canPublish: true }),
  gaopu: testAccount('sh-gaopu', { role: 'chief', person: '高朴' }), // chief of city-01 钦江
  dept: TEST_DEPARTMENT,
};

let app: AccountServer<keyof typeof ACCOUNTS>;
const call: AccountServer<keyof typeof ACCOUNTS>['call'] = (...args) => app.call(...args);
let dir: string;

function reach(): Feature[] {
  const toe = (role: string, dLat: number): Feature => ({
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [0, 1, 2, 3, 4].map((i) => [108.6 + i * 0.0025, 21.95 + dLat + (i % 2) * 0.001]),
    },
    properties: { reach: 'QJ-A', river: 'qinjiang', role, embankmentClass: 2, widthM: 30 },
  });
  return [toe('toe-left', 0.00036), toe('toe-right', -0.00036)];
}

async function expectStatus(res: Promise<Response>, status: number) {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(status);
  return r;
}

/** The words of a PDF answer (pdftotext). */
async function words(res: Response): Promise<string> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hejie-sheet-routes-'));
  app = await startWithAccounts('hejie-sheets-', ACCOUNTS);
}, 120_000);

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('sheet routes', () => {
  it('has no sheets before publication', async () => {
    await expectStatus(call('public', 'GET', '/api/plans/city-01/sheets.pdf?public=1'), 404);
    await expectStatus(call('publisher', 'GET', '/api/plans/city-01/sheets.pdf'), 404);
    await expectStatus(call('public', 'GET', '/api/plans/city-99/sheets.pdf?public=1'), 404);
  });

  it('publishes city-01', async () => {
    await expectStatus(
      call('publisher', 'PUT', '/api/plans/city-01/geometry', {
        features: reach(),
        baseVersion: 0,
      }),
      201,
    );
    const stages: StageId[] = [
      'base-map',
      'draft',
      'consultation',
      'field-check',
      'review',
      'deliverables',
    ];
    for (const to of stages) {
      const who = to === 'review' || to === 'deliverables' ? 'gaopu' : 'publisher';
      // the gates of issue 13: a round before 现场复核, 公示 and a 合格 acceptance before publishing
      if (to === 'field-check')
        await consultOn(
          app,
          { planner: 'publisher', department: 'dept' },
          'city-01',
          TEST_DEPARTMENT.username,
        );
      await expectStatus(call(who, 'POST', '/api/plans/city-01/stage', { to }), 200);
    }
    await displayAndAcceptOnServer(app, 'publisher', 'city-01', 1);
    await expectStatus(call('publisher', 'POST', '/api/plans/city-01/publish', {}), 201);
  });

  it('gives everyone the public sheets: no grid values, no coordinate anchors', async () => {
    const res = await expectStatus(
      call('public', 'GET', '/api/plans/city-01/sheets.pdf?public=1'),
      200,
    );
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = await words(res);
    expect(text).toContain('钦江管理范围划定成果图');
    expect(text).toContain('QJ01-GL-L-001');
    expect(text).not.toMatch(/[EN]=\d/);
    expect(text).not.toMatch(/\b24\d\d\.\d\b/); // no northing in km on the frame
  });

  it('keeps the full sheets and the table book for who may see coordinates', async () => {
    await expectStatus(call('public', 'GET', '/api/plans/city-01/sheets.pdf'), 403);
    await expectStatus(call('public', 'GET', '/api/plans/city-01/sheets-table.pdf'), 403);
    const a = await expectStatus(
      call('publisher', 'GET', '/api/plans/city-01/sheets.pdf?scale=2000'),
      200,
    );
    const b = await expectStatus(
      call('publisher', 'GET', '/api/plans/city-01/sheets.pdf?scale=2000'),
      200,
    );
    const bytes = new Uint8Array(await a.clone().arrayBuffer());
    expect(Buffer.from(bytes).equals(Buffer.from(await b.arrayBuffer()))).toBe(true);
    expect(a.headers.get('content-disposition')).toMatch(/city-01-v1-sheets\.pdf/);
    const text = await words(a);
    expect(text).toMatch(/E=\d+/);
    expect(text).toContain('第 1 版');
    const book = await expectStatus(
      call('publisher', 'GET', '/api/plans/city-01/sheets-table.pdf'),
      200,
    );
    const bookText = await words(book);
    expect(bookText).toContain('界桩坐标成果表');
    expect(bookText).toContain('K0+000.00');
  });

  it('draws the newest saved version for who may see drafts (?version=draft)', async () => {
    await expectStatus(call('public', 'GET', '/api/plans/city-01/sheets.pdf?version=draft'), 401);
    const res = await expectStatus(
      call('publisher', 'GET', '/api/plans/city-01/sheets.pdf?version=draft&scale=5000'),
      200,
    );
    expect(res.headers.get('content-disposition')).toMatch(/city-01-draft-v1-sheets\.pdf/);
    const text = await words(res);
    expect(text).toContain('草稿 第 1 版');
    expect(text).toContain('1:5000');
  });

  it('refuses options it does not know', async () => {
    await expectStatus(call('publisher', 'GET', '/api/plans/city-01/sheets.pdf?scale=3000'), 400);
    await expectStatus(call('publisher', 'GET', '/api/plans/city-01/sheets-table.pdf?x=1'), 400);
  });
});
