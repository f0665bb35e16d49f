// The browser's API client: it says the UI's language on every request and parses every answer
// with the contract, so a wrong answer is a clear error rather than a crash later.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, fetchMe, requestJson } from '../../src/ui/api';
import { loadComments } from '../../src/ui/workspace/panel/plan-api';

function answer(status: number, body: unknown) {
  const calls: RequestInit[] = [];
  vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
    calls.push(init);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return calls;
}

function uiLanguage(lang: 'zh' | 'en' | null) {
  vi.stubGlobal('localStorage', { getItem: (k: string) => (k === 'hejie.lang' ? lang : null) });
}

/** The Accept-Language a request sent. */
const language = (init: RequestInit | undefined) =>
  (init?.headers as Record<string, string> | undefined)?.['accept-language'];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('requestJson', () => {
  it("sends the UI's language as Accept-Language", async () => {
    uiLanguage('en');
    const calls = answer(200, { actor: { kind: 'public' }, csrf: null });
    expect(await fetchMe()).toBeNull();
    expect(language(calls[0])).toBe('en');
    uiLanguage(null);
    await fetchMe();
    expect(language(calls[1])).toBe('zh-CN');
  });

  it('parses answers with the contract: a wrong form is an ApiError naming the field', async () => {
    uiLanguage('en');
    answer(200, [
      {
        id: 1,
        planId: 'city-01',
        author: 'x',
        authorName: 'X',
        text: 'hi',
        lon: null,
        lat: null,
        version: 1,
        objection: false,
        resolution: null,
      },
    ]);
    const error = await loadComments('city-01').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(
      'the server answered /api/plans/city-01/comments in an unexpected form (0.at); reload the page or ask an admin',
    );
    uiLanguage('zh');
    const zh = await loadComments('city-01').catch((e: unknown) => e);
    expect((zh as ApiError).message).toContain('应答格式不符');
  });

  it("throws the server's refusal with its body", async () => {
    answer(400, { error: '退回需填写原因', code: 'workflow.back.needsComment', field: 'comment' });
    const error = await requestJson('/api/x', (await import('zod')).z.unknown()).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 400, message: '退回需填写原因' });
    expect((error as ApiError).body).toMatchObject({ field: 'comment' });
  });
});
