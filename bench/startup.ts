// Start-up figures for `npm run bench`: whole-process wall time (spawn → exit, or → first API
// response), median of N, each with its ratio to bare `node -e 0` and to its target:
//   node -e 0 | hejie --help | hejie zones on the whole 南流江 course (node scripts/hejie.mjs, what
//   `npm run -s hejie` runs, and through npm itself) | the server (`npm start`'s script) from process
//   start to the first GET /api/plans response, on a fresh data dir (first start: seeds the register
//   and the demo accounts) and on an existing one.
// The commands run round-robin so that the machine's drift during the run weighs on each alike.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../tests/helpers/register';
import { startServer } from '../tests/helpers/server';
import { nanliujiangCourse, wholeCourseReach } from './course';

interface Row {
  what: string;
  value: number;
  unit: string;
  target?: number;
}

/** Targets (issue 11): `hejie zones` on the whole course ≤ 0.5 s; the server's cold start half the
 *  tsx start's (median 0.74 s on this machine before the built server); `--help` ≈ node + 0.1 s. */
const TARGET = { help: 150, zones: 500, coldStart: 370 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function wallMs(cmd: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return ms;
}

async function firstResponseMs(dataDir?: string): Promise<number> {
  const t0 = performance.now();
  const server = await startServer({}, dataDir);
  for (;;) {
    const res = await fetch(`${server.url}/api/plans`).catch(() => null);
    if (res?.ok) {
      await res.json();
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - t0;
  await server.stop();
  return ms;
}

/** The start-up rows of the benchmark; `runs` of each after one unmeasured warm-up. */
export async function benchStartup(runs: number): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hejie-startup-'));
  const input = join(dir, 'nanliujiang-whole.geojson');
  const course = nanliujiangCourse();
  writeFileSync(input, JSON.stringify(wholeCourseReach(course)));
  const zones = ['zones', input, '-o', join(dir, 'zones.geojson')];
  const node = process.execPath;
  const hejie = join(ROOT, 'scripts/hejie.mjs');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const commands = {
    node: () => wallMs(node, ['-e', '0']),
    help: () => wallMs(node, [hejie, '--help']),
    zones: () => wallMs(node, [hejie, ...zones]),
    npmZones: () => wallMs(npm, ['run', '-s', 'hejie', '--', ...zones]),
  };
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, [] as number[]]));
  for (let i = 0; i <= runs; i++)
    for (const [k, run] of Object.entries(commands)) {
      const ms = run();
      if (i > 0) times[k]?.push(ms);
    }
  const existing = join(dir, 'data');
  const fresh: number[] = [];
  const restart: number[] = [];
  await firstResponseMs(existing); // warm-up; seeds `existing`
  for (let i = 0; i < runs; i++) {
    fresh.push(await firstResponseMs());
    restart.push(await firstResponseMs(existing));
  }
  rmSync(dir, { recursive: true, force: true });

  const bare = median(times.node ?? []);
  const row = (what: string, xs: number[], target?: number): Row => {
    const value = median(xs);
    return {
      what: `${what} (median of ${xs.length}) [${(value / bare).toFixed(1)}× node -e 0]`,
      value,
      unit: 'ms',
      ...(target ? { target } : {}),
    };
  };
  return [
    { what: `start-up: node -e 0 (median of ${runs})`, value: bare, unit: 'ms' },
    row('start-up: hejie --help (node scripts/hejie.mjs)', times.help ?? [], TARGET.help),
    row(
      `start-up: hejie zones, 南流江 whole course (${course.coords.length} vertices; node scripts/hejie.mjs)`,
      times.zones ?? [],
      TARGET.zones,
    ),
    row(
      'start-up: the same through npm run -s hejie (npm’s own start included)',
      times.npmZones ?? [],
      TARGET.zones,
    ),
    row('start-up: server, fresh data dir → first /api/plans response', fresh, TARGET.coldStart),
    row('start-up: server, existing data dir → first /api/plans response', restart),
  ];
}
