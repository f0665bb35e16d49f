// Map-sheet figures for `npm run bench`: runs bench/sheets-run.ts once per configuration in a child
// process (its own peak RSS) and returns the rows.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../tests/helpers/register';
import type { ZoneBenchRow } from './zones';

const RUNS: ReadonlyArray<[string, string, string]> = [
  ['2000', 'A3', '1'],
  ['5000', 'A1', '1'],
  ['2000', 'A3', '2'],
  ['2000', 'A3', '4'],
];

/** The sheet rows of the benchmark: the whole course at 1:2000 A3 and 1:5000 A1, then 2× and 4×. */
export function benchSheets(): ZoneBenchRow[] {
  return RUNS.flatMap((args) => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench/sheets-run.ts'), ...args],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 16 * 2 ** 20,
      },
    );
    const last = r.stdout.trim().split('\n').at(-1) ?? '';
    if (r.status !== 0 || !last.startsWith('['))
      return [
        {
          what: `sheets ${args.join(' ')}: FAILED ${r.stderr.trim().split('\n').at(-1) ?? ''}`,
          value: Number.NaN,
          unit: '',
        },
      ];
    return JSON.parse(last) as ZoneBenchRow[];
  });
}
