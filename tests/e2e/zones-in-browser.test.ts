import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nanliujiangCourse, wholeCourseReach } from '../../bench/course';
import { launchBrowser } from '../helpers/browser';

let server: Server;
let browser: Browser;
let url: string;
/** Serve every file with a CSP that forbids WebAssembly (the engine cannot load). */
let strictCsp = false;

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'hejie-zones-browser-'));
  await build({
    root: join(import.meta.dirname, 'zones-browser'),
    logLevel: 'silent',
    configFile: false,
    build: { outDir, emptyOutDir: true },
  });
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  server = createServer(async (req, res) => {
    const path = normalize(req.url === '/' ? '/index.html' : (req.url ?? '/')).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const body = await readFile(join(outDir, path)).catch(() => null);
    res.writeHead(body ? 200 : 404, {
      'content-type': types[extname(path)] ?? 'application/octet-stream',
      // a CSP that forbids compiling WebAssembly, as the server's did before 'wasm-unsafe-eval'
      ...(strictCsp ? { 'content-security-policy': "default-src 'self'; script-src 'self'" } : {}),
    });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

type Computed = {
  summary: {
    ok: boolean;
    zones?: [string, string | null, number][];
    markers?: number;
    markerErrors?: unknown[];
    ms?: number;
    errors?: string[];
  };
  wallMs: number;
  frames: number;
  longestFrameGapMs: number;
};

describe('zones and markers in the browser (src/ui/compute: a module Web Worker)', () => {
  it('computes the straight reach: zones, bank lines and markers (GEOS in WebAssembly)', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { zoneResult?: unknown }).zoneResult !== undefined,
      null,
      { timeout: 30_000 },
    );
    const result = (await page.evaluate(
      () => (window as unknown as { zoneResult: unknown }).zoneResult,
    )) as Computed['summary'];
    expect(result.zones).toEqual([
      ['management', null, 140000],
      ['protection', null, 80000],
      ['management-line', 'left', 1000],
      ['management-line', 'right', 1000],
      ['protection-line', 'left', 1000],
      ['protection-line', 'right', 1000],
    ]);
    expect(result.markers).toBeGreaterThan(4 * 7);
    expect(result.markerErrors).toEqual([]);
    await page.close();
  });

  it('keeps the page responsive while the whole 南流江 course computes, and a newer request supersedes', async () => {
    const course = nanliujiangCourse();
    const input = wholeCourseReach(course);
    const page = await browser.newPage();
    await page.goto(url);
    const long = (await page.evaluate(
      (i) =>
        (window as unknown as { compute: (r: unknown) => Promise<unknown> }).compute({
          features: i.features,
        }),
      input,
    )) as Computed;
    expect(long.summary.ok).toBe(true);
    expect(long.summary.markers).toBeGreaterThan(1000);
    console.log(
      `南流江 ${course.coords.length} vertices in the worker: zones and markers ${long.summary.ms?.toFixed(0)} ms, wall ${long.wallMs.toFixed(0)} ms; main thread: ${long.frames} frames, longest gap ${long.longestFrameGapMs.toFixed(0)} ms`,
    );
    // the main thread keeps painting: frames keep coming while the worker computes. A compute on
    // the main thread would leave one gap as long as the whole run; a loaded 2-CPU runner with a
    // software GPU sometimes drops a frame or two (356 ms of a 1,013 ms run was seen in CI)
    expect(long.frames).toBeGreaterThan(long.wallMs / 100);
    expect(long.longestFrameGapMs).toBeLessThan(Math.max(250, long.wallMs / 2));
    const raced = await page.evaluate(async (i) => {
      const w = window as unknown as { compute: (r: unknown) => Promise<Computed> };
      const first = w
        .compute({ features: i.features })
        .then((r) => ('cancelled' in r ? `cancelled: ${String(r.cancelled)}` : 'finished'));
      const second = w.compute({ features: [] });
      return [await first, (await second).summary] as const;
    }, input);
    expect(raced[0]).toBe('cancelled: superseded by a newer computation');
    expect(raced[1]).toEqual({ ok: false, errors: ['the input has no reach'] });
    await page.close();
  }, 120_000);
  it('answers with a reason when the engine cannot load (CSP without wasm-unsafe-eval), every time', async () => {
    strictCsp = true;
    try {
      const page = await browser.newPage();
      await page.goto(url);
      const t0 = Date.now();
      await page.waitForFunction(
        () => (window as unknown as { zoneResult?: unknown }).zoneResult !== undefined,
        null,
        { timeout: 30_000 },
      );
      const first = (await page.evaluate(
        () => (window as unknown as { zoneResult: unknown }).zoneResult,
      )) as Computed['summary'];
      const waited = Date.now() - t0;
      expect(first.ok).toBe(false);
      expect(first.errors?.[0]).toMatch(/^the zone engine could not load: .*CompileError/);
      // a second request gets a fresh worker and the same answer, not a hang
      const again = (await page.evaluate(() =>
        (window as unknown as { compute: (r: unknown) => Promise<Computed> }).compute({
          features: [],
        }),
      )) as Computed;
      expect(again.summary.errors?.[0]).toMatch(/^the zone engine could not load/);
      console.log(
        `engine refused by CSP: answered in ${waited} ms, again in ${again.wallMs.toFixed(0)} ms`,
      );
      await page.close();
    } finally {
      strictCsp = false;
    }
  }, 60_000);
});
