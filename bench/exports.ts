// Markers and exports for `npm run bench`: runs bench/exports-run.ts in a child process (its own peak
// RSS) and returns its rows.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../tests/helpers/register';
import type { ZoneBenchRow } from './zones';

/** The marker and export rows of the benchmark. */
export function benchExports(): ZoneBenchRow[] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/exports-run.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !last.startsWith('[')) {
    return [
      {
        what: `markers/exports: FAILED ${r.stderr.trim().split('\n').at(-1) ?? ''}`,
        value: Number.NaN,
        unit: '',
      },
    ];
  }
  return JSON.parse(last) as ZoneBenchRow[];
}
