// The checks behind the public display and the acceptance upload (issue 13): what a citizen's text
// becomes, what a file is by its first bytes, the opinion limits on a moving clock, and the address
// they count (behind a trusted proxy, the address the proxy saw).
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/domain/review/clean-text';
import { fileKind } from '../../src/domain/review/file-kind';
import { clientAddress } from '../../src/server/auth/request-info';
import { createOpinionLimits, type OpinionLimits } from '../../src/server/routes/opinion-limits';
import { createMemoryStore } from '../../src/server/store/memory-store';
import { tinyPdf } from '../helpers/display-accept';

describe('cleanText', () => {
  it('keeps what was typed: NFC, line breaks as \\n, no controls or bidi overrides', () => {
    const typed = 'e\u0301\t第一行\r\n第二行\r第三行\u0000\u0007\u009b\u202e\u2066<b>&amp;</b>';
    expect(cleanText(typed)).toBe('\u00e9 第一行\n第二行\n第三行<b>&amp;</b>');
  });

  it('does not change its input and leaves ordinary text alone', () => {
    const text = '堤防管理范围宽 30 米，建议核实。\n谢谢！😀';
    const copy = `${text}`;
    expect(cleanText(text)).toBe(text);
    expect(text).toBe(copy);
  });
});

describe('fileKind', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  const ascii = (s: string) => new TextEncoder().encode(s);

  it('tells a PDF from what is often sent instead', () => {
    expect(fileKind(tinyPdf())).toBe('pdf');
    expect(fileKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a))).toBe('png');
    expect(fileKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(fileKind(ascii('GIF89a'))).toBe('gif');
    expect(fileKind(ascii('PK\u0003\u0004…word/document.xml'))).toBe('docx');
    expect(fileKind(ascii('PK\u0003\u0004…data.csv'))).toBe('zip');
    expect(fileKind(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1))).toBe('doc');
    expect(fileKind(ascii('验收合格\n'))).toBe('text');
    expect(fileKind(bytes(0x00, 0x01, 0x02, 0xfe))).toBe('unknown');
    expect(fileKind(new Uint8Array())).toBe('unknown');
    // the magic must come first: a PDF header later in the file does not count
    expect(fileKind(ascii(' %PDF-1.4'))).toBe('text');
  });
});

describe('opinion limits', () => {
  it('5 a minute per address, 20 a day per address and plan, with the wait until the next', async () => {
    let now = Date.parse('2026-12-03T02:00:00Z');
    const limits = createOpinionLimits(createMemoryStore(), () => new Date(now));
    for (let i = 0; i < 5; i++) expect(await limits.take('a', 'city-01')).toEqual({ ok: true });
    expect(await limits.take('a', 'city-02')).toEqual({
      ok: false,
      retryAfter: 60,
      per: 'minute',
      max: 5,
    });
    expect(await limits.take('b', 'city-01')).toEqual({ ok: true });
    for (let minute = 1; minute < 4; minute++) {
      now += 60_000;
      for (let i = 0; i < 5; i++) expect((await limits.take('a', 'city-01')).ok).toBe(true);
    }
    now += 60_000;
    expect(await limits.take('a', 'city-01')).toEqual({
      ok: false,
      retryAfter: 86_400 - 4 * 60,
      per: 'day',
      max: 20,
    });
    expect(await limits.take('a', 'city-02')).toEqual({ ok: true }); // another plan
    now += 86_400_000;
    expect(await limits.take('a', 'city-01')).toEqual({ ok: true });
  });

  it('two server processes on one store share the counts (issue 15)', async () => {
    const now = Date.parse('2026-12-03T02:00:00Z');
    const store = createMemoryStore();
    const [a, b] = [0, 1].map(() => createOpinionLimits(store, () => new Date(now)));
    for (let i = 0; i < 5; i++)
      expect(
        await (i % 2 ? (b as OpinionLimits) : (a as OpinionLimits)).take('x', 'city-01'),
      ).toEqual({ ok: true });
    expect((await (b as OpinionLimits).take('x', 'city-01')).ok).toBe(false);
  });
});

describe('clientAddress', () => {
  const addressOf = async (peer: string, trusted: string[], forwardedFor?: string) => {
    const app = new Hono();
    app.use(async (c, next) => {
      c.set('trustedProxies' as never, trusted as never);
      await next();
    });
    app.get('/', (c) => c.text(clientAddress(c)));
    const headers: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
    const res = await app.request(
      '/',
      { headers },
      { incoming: { socket: { remoteAddress: peer } } },
    );
    return res.text();
  };

  it('is the TCP peer unless the peer is a trusted proxy', async () => {
    expect(await addressOf('::ffff:203.0.113.9', [])).toBe('203.0.113.9');
    expect(await addressOf('203.0.113.9', [], '198.51.100.1')).toBe('203.0.113.9');
    expect(await addressOf('10.0.0.2', ['10.0.0.2'], '198.51.100.1')).toBe('198.51.100.1');
    // a client's own X-Forwarded-For entries on the left do not count
    expect(await addressOf('10.0.0.2', ['10.0.0.2'], '1.2.3.4, 198.51.100.1')).toBe('198.51.100.1');
    // two trusted proxies in a row: the address the first one saw
    expect(
      await addressOf('10.0.0.2', ['10.0.0.2', '10.0.0.3'], '1.2.3.4, 198.51.100.1, 10.0.0.3'),
    ).toBe('198.51.100.1');
    expect(await addressOf('10.0.0.2', ['10.0.0.2'])).toBe('10.0.0.2');
  });
});
