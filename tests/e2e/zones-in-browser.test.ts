import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';

let server: Server;
let browser: Browser;
let url: string;

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

describe('zone engine in the browser', () => {
  it('computes the straight reach in a module Web Worker (GEOS in WebAssembly)', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { zoneResult?: unknown }).zoneResult !== undefined,
      null,
      {
        timeout: 30_000,
      },
    );
    const result = await page.evaluate(
      () => (window as unknown as { zoneResult: unknown }).zoneResult,
    );
    expect(result).toEqual([
      ['management', 140000],
      ['protection', 80000],
    ]);
    await page.close();
  });
});
