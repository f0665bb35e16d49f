// 验收 (issue 13), in process: the acceptance record with its signed PDF, checked by its magic bytes
// and size, stored outside the database by SHA-256 and downloaded by staff. Each refusal answers
// its status and code and writes nothing: no audit entry, no record, no file.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryFileStore } from '../../src/server/files/file-store';
import type { Store } from '../../src/server/store/store';
import {
  acceptanceForm,
  carryTo,
  type InProcessApp,
  logInProcess,
  startInProcess,
  tinyPdf,
} from '../helpers/display-accept';
import { englishSentences } from '../helpers/english-sentences';

const PLAN = 'city-01';
const files = memoryFileStore();

let store: Store;
let app: InProcessApp['app'];
const sessions = new Map<string, Record<string, string>>();
const PASSWORDS: Record<string, string> = {
  planner: 'demo-planner',
  gaopu: 'demo-gaopu',
  'planner-lingshan': 'demo-planner-lingshan',
};

async function headersOf(who: string, lang = 'en'): Promise<Record<string, string>> {
  const base = { 'accept-language': lang };
  if (who === 'public') return base;
  let kept = sessions.get(who);
  if (!kept) {
    kept = (await logInProcess(app, who, PASSWORDS[who] ?? '')).headers;
    sessions.set(who, kept);
  }
  return { ...base, ...kept };
}

async function upload(who: string, form: FormData | string, lang = 'en', type?: string) {
  return app.request(`/api/plans/${PLAN}/acceptance`, {
    method: 'POST',
    headers: { ...(await headersOf(who, lang)), ...(type ? { 'content-type': type } : {}) },
    body: form,
  });
}

const written = async () => ({
  audit: (await store.listAudit()).filter((e) => !e.action.startsWith('user.')).length,
  records: (await store.listAcceptances(PLAN)).length,
});

/** Expects a refusal with its status and code, and nothing written (no record, audit entry, file). */
async function refused(
  res: () => Promise<Response>,
  status: number,
  code: string,
  bytes?: Uint8Array,
) {
  await headersOf('planner');
  await headersOf('gaopu');
  const before = await written();
  const answer = await res();
  const body = (await answer.json()) as { code: string; error: string; field?: string };
  expect(answer.status, JSON.stringify(body)).toBe(status);
  expect(body.code).toBe(code);
  expect(await written()).toEqual(before);
  if (bytes) expect(await files.get(createHash('sha256').update(bytes).digest('hex'))).toBeNull();
  return body;
}

beforeAll(async () => {
  ({ app, store } = await startInProcess({ files }));
  await carryTo(store, PLAN, 'review');
});

const named = (bytes: Uint8Array, name: string) => acceptanceForm(1, {}, { bytes, name });
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const DOCX = new TextEncoder().encode('PK\u0003\u0004\u0014\u0000\u0006\u0000word/document.xml');

describe('POST /api/plans/:id/acceptance', () => {
  it('is refused before 成果文件制作与验收 (409)', async () => {
    const pdf = tinyPdf('early');
    await refused(
      () => upload('planner', named(pdf, 'a.pdf')),
      409,
      'display.acceptance.wrongStage',
      pdf,
    );
    await store.moveStage(PLAN, 'review', 'deliverables', 'gaopu', 'signed');
  });

  it('only for a planner of the plan: the public 401, a chief 403, a planner out of scope 403', async () => {
    const pdf = tinyPdf('who');
    await refused(() => upload('public', named(pdf, 'a.pdf')), 401, 'common.logInTo', pdf);
    await refused(() => upload('gaopu', named(pdf, 'a.pdf')), 403, 'common.mayNot', pdf);
    await refused(() => upload('planner-lingshan', named(pdf, 'a.pdf')), 403, 'common.mayNot', pdf);
  });

  it('refuses a file that is not a PDF (415), naming what it looks like', async () => {
    const png = await refused(
      () => upload('planner', named(PNG, 'scan.pdf')),
      415,
      'display.acceptance.notPdf',
      PNG,
    );
    expect(png).toMatchObject({
      field: 'file',
      error: 'the acceptance document must be a PDF; the file looks like a PNG image',
    });
    const docx = await refused(
      () => upload('planner', named(DOCX, '验收.docx'), 'zh-CN'),
      415,
      'display.acceptance.notPdf',
      DOCX,
    );
    expect(docx.error).toBe('验收文件必须是 PDF，上传的文件看起来是Word 文档（DOCX）');
    expect(englishSentences(docx.error)).toEqual([]);
    const text = new TextEncoder().encode('合格\n');
    const plain = await refused(
      () => upload('planner', named(text, 'a.pdf')),
      415,
      'display.acceptance.notPdf',
      text,
    );
    expect(plain.error).toMatch(/looks like text$/);
  });

  it('refuses a 21 MB PDF (413) and a 20.5 MB one (413), both with the 20 MB limit named', async () => {
    for (const mb of [21, 20.5]) {
      const big = new Uint8Array(Math.round(mb * 1024 * 1024));
      big.set(tinyPdf());
      const body = await refused(
        () => upload('planner', named(big, 'big.pdf')),
        413,
        'display.acceptance.tooLarge',
      );
      expect(body.error).toBe('the acceptance document is larger than 20 MB');
    }
  });

  it('refuses missing or invalid fields with the field named (400), and a JSON body (415)', async () => {
    const noFile = acceptanceForm(1);
    noFile.delete('file');
    expect(
      await refused(() => upload('planner', noFile), 400, 'display.acceptance.noFile'),
    ).toMatchObject({ field: 'file' });
    const cases: [Record<string, string>, string][] = [
      [{ conclusion: 'ok' }, 'conclusion'],
      [{ date: '2026-02-30' }, 'date'],
      [{ body: ' ' }, 'body'],
      [{ members: '' }, 'members'],
    ];
    for (const [over, field] of cases)
      expect(
        await refused(() => upload('planner', acceptanceForm(1, over)), 400, 'common.invalidField'),
      ).toMatchObject({ field });
    const v9 = acceptanceForm(9);
    expect(await refused(() => upload('planner', v9), 400, 'display.noVersion')).toMatchObject({
      field: 'version',
    });
    await refused(
      () => upload('planner', '{"version":1}', 'en', 'application/json'),
      415,
      'display.acceptance.notMultipart',
    );
  });

  it('records a PDF by its SHA-256 with the base name only; staff list it and download it', async () => {
    const pdf = tinyPdf('signed');
    const res = await upload('planner', named(pdf, 'C:\\scans\\..\\钦江 验收意见(签章).pdf'));
    expect(res.status, await res.clone().text()).toBe(201);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const record = (await res.json()) as { id: number; file: Record<string, unknown> };
    expect(record).toMatchObject({
      planId: PLAN,
      version: 1,
      date: '2026-12-01',
      body: '钦州市水利局',
      conclusion: 'pass',
      recordedBy: 'planner',
      file: {
        sha256,
        size: pdf.length,
        name: '钦江 验收意见(签章).pdf',
        mediaType: 'application/pdf',
      },
    });
    expect(await files.get(sha256)).toEqual(pdf);
    expect((await store.listAudit(PLAN)).at(-1)).toMatchObject({ action: 'acceptance.add' });

    const list = await app.request(`/api/plans/${PLAN}/acceptance`, {
      headers: await headersOf('gaopu'),
    });
    expect(list.status).toBe(200);
    expect(await list.json()).toHaveLength(1);
    expect((await app.request(`/api/plans/${PLAN}/acceptance`)).status).toBe(401);

    const file = await app.request(`/api/acceptance/${record.id}/file`, {
      headers: await headersOf('gaopu'),
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="__ ____(__).pdf"; filename*=UTF-8''${encodeURIComponent('钦江 验收意见')}%28${encodeURIComponent('签章')}%29.pdf`,
    );
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
    expect((await app.request(`/api/acceptance/${record.id}/file`)).status).toBe(401);
    const other = await app.request(`/api/acceptance/${record.id}/file`, {
      headers: await headersOf('planner-lingshan'),
    });
    expect(other.status).toBe(403);
    expect(
      (await app.request('/api/acceptance/99/file', { headers: await headersOf('gaopu') })).status,
    ).toBe(404);
  });
});
