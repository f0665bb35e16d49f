// Imagery figures for `npm run bench` (issue 18): a synthetic orthophoto GeoTIFF (a grid of coloured
// cells, uncompressed RGB, 0.5 m, EPSG:4545) of each size in BENCH_IMAGERY_MB (default 200,2000),
// generated in /tmp and deleted after, converted by the built CLI (`hejie imagery add`): MB/s and the
// peak RSS of the whole process tree (node and its gdalwarp children, sampled from /proc every 50 ms).
// Then the built server serves the smaller archive: tile p99 at 50 connections (autocannon), and
// the map in chromium: imagery layer chosen → map idle at the imagery's finest zoom.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { lonLatToTile } from '../src/domain/imagery/tile-math';
import { launchBrowser } from '../tests/helpers/browser';
import { ROOT } from '../tests/helpers/register';
import { startServer } from '../tests/helpers/server';
import { writeSyntheticGeotiff } from '../tests/helpers/synthetic-imagery';

interface Row {
  what: string;
  value: number;
  unit: string;
  target?: number;
}

const SIZES = (process.env.BENCH_IMAGERY_MB ?? '200,2000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_IMAGERY_RUNS ?? 5);

/** RSS in bytes of a process and all its descendants now. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      rss.set(Number(name), Number(fields[21]) * 4096);
    } catch {
      // the process ended while it was read
    }
  }
  let sum = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    sum += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

/** Runs `hejie imagery add` on `file` into `dataDir`: seconds, peak tree RSS, and its output. */
function convert(file: string, dataDir: string) {
  return new Promise<{ seconds: number; peak: number; out: string }>((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'dist-node/bin/hejie.mjs'),
        'imagery',
        'add',
        file,
        '--name',
        'bench',
        '--public',
        '--lang',
        'en',
      ],
      { env: { ...process.env, HEJIE_DATA: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      out += b.toString();
    });
    let peak = 0;
    const timer = setInterval(() => {
      peak = Math.max(peak, treeRss(child.pid as number));
    }, 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`hejie imagery add exited ${code}:\n${out}`));
      else resolve({ seconds: (performance.now() - t0) / 1000, peak, out });
    });
  });
}

/** A synthetic image of about `mb` MB uncompressed RGB at 0.5 m. */
function image(dir: string, mb: number) {
  const side = Math.sqrt((mb * 1e6) / 3);
  const cellPx = Math.max(16, Math.round(side / 16));
  return writeSyntheticGeotiff(join(dir, `grid-${mb}mb.tif`), {
    cells: 16,
    cellPx,
    resolution: 0.5,
    compress: 'NONE',
  });
}

interface Layer {
  id: string;
  bounds: [number, number, number, number];
  minzoom: number;
  maxzoom: number;
}

async function tiles(url: string, layer: Layer, rows: Row[]) {
  const z = layer.maxzoom;
  const [x0, y0] = lonLatToTile(layer.bounds[0], layer.bounds[3], z);
  const [x1, y1] = lonLatToTile(layer.bounds[2], layer.bounds[1], z);
  const requests = Array.from({ length: 2000 }, (_, i) => {
    const x = x0 + ((i * 7919) % (x1 - x0 + 1));
    const y = y0 + ((i * 104729) % (y1 - y0 + 1));
    return { method: 'GET' as const, path: `/tiles/imagery/${layer.id}/${z}/${x}/${y}` };
  });
  await autocannon({ url, connections: 50, duration: 2, requests });
  const r = await autocannon({ url, connections: 50, duration: 10, requests });
  const label = `imagery tiles z${z}, 50 connections, 10 s (${r['2xx']} 2xx${r.non2xx ? `, ${r.non2xx} other` : ''})`;
  rows.push({ what: `${label}: requests/s`, value: r.requests.average, unit: 'req/s' });
  rows.push({ what: `${label}: p99 latency`, value: r.latency.p99, unit: 'ms', target: 20 });
}

async function mapIdle(url: string, layer: Layer, rows: Row[]) {
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 820 } });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForSelector('[data-testid="map"][data-idle="1"]', { timeout: 30_000 });
      const ms = await page.evaluate(async (l) => {
        const map = document.querySelector('[data-testid="map"]') as HTMLElement;
        const t0 = performance.now();
        const idle = new Promise<void>((r) =>
          map.addEventListener('hejie:idle', () => r(), { once: true }),
        );
        (document.querySelector(`input[value="imagery:${l.id}"]`) as HTMLInputElement).click();
        window.hejieMap?.fitTo(l.bounds, {}, l.maxzoom);
        await idle;
        await window.hejieMap?.settled();
        return performance.now() - t0;
      }, layer);
      if (i > 0) times.push(ms);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const sorted = times.sort((a, b) => a - b);
  rows.push({
    what: `imagery layer on → map idle over the imagery (fit to its bounds, median of ${RUNS})`,
    value: sorted[Math.floor(sorted.length / 2)] as number,
    unit: 'ms',
    target: 1500,
  });
}

/** The imagery figures (needs the built CLI and server: bench/run.ts builds them first). */
export async function benchImagery(): Promise<Row[]> {
  const rows: Row[] = [];
  let served: { dataDir: string; layer: Layer } | null = null;
  const dirs: string[] = [];
  try {
    for (const mb of SIZES) {
      const work = mkdtempSync(join(tmpdir(), 'hejie-bench-imagery-'));
      dirs.push(work);
      const img = image(work, mb);
      const size = statSync(img.path).size / 1e6;
      const dataDir = join(work, 'data');
      const r = await convert(img.path, dataDir);
      rmSync(img.path, { force: true });
      const label = `imagery conversion, ${size.toFixed(0)} MB GeoTIFF (RGB, 0.5 m)`;
      rows.push({ what: `${label}: time`, value: r.seconds, unit: 's' });
      rows.push({ what: `${label}: speed`, value: size / r.seconds, unit: 'MB/s' });
      rows.push({
        what: `${label}: peak RSS, node + GDAL`,
        value: r.peak / 2 ** 20,
        unit: 'MiB',
        target: 1024,
      });
      const archive = readdirSync(join(dataDir, 'imagery')).find((f) => f.endsWith('.mbtiles'));
      if (archive)
        rows.push({
          what: `${label}: MBTiles size`,
          value: statSync(join(dataDir, 'imagery', archive)).size / 1e6,
          unit: 'MB',
        });
      if (!served) {
        const id = /(img-[0-9a-f]+)/.exec(r.out)?.[1] ?? '';
        served = { dataDir, layer: { id, bounds: [0, 0, 0, 0], minzoom: 0, maxzoom: 0 } };
      } else rmSync(work, { recursive: true, force: true });
    }
    if (served) {
      const server = await startServer({}, served.dataDir);
      try {
        const list = (await (await fetch(`${server.url}/api/imagery`)).json()) as {
          layers: Layer[];
        };
        const layer = list.layers.find((l) => l.id === served?.layer.id) as Layer;
        await tiles(server.url, layer, rows);
        await mapIdle(server.url, layer, rows);
      } finally {
        await server.stop(true);
      }
    }
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  return rows;
}
