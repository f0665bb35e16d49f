// Supervision figures for `npm run bench`: runs bench/progress-run.ts for the register's 36 plans and
// a synthetic 5,000-plan province, each in a child process, and returns the rows.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../tests/helpers/register';
import type { ZoneBenchRow } from './zones';

/** GET /api/progress over 90 months: 36 plans, then 5,000 synthetic plans (target p99 < 100 ms). */
export function benchProgress(): ZoneBenchRow[] {
  return ['36', '5000'].flatMap((plans) => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench/progress-run.ts'), plans],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 },
    );
    const last = r.stdout.trim().split('\n').at(-1) ?? '';
    if (r.status !== 0 || !last.startsWith('['))
      return [
        {
          what: `progress ${plans} plans: FAILED ${r.stderr.trim().split('\n').at(-1) ?? ''}`,
          value: Number.NaN,
          unit: '',
        },
      ];
    return JSON.parse(last) as ZoneBenchRow[];
  });
}
