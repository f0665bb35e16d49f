// The 进度看板's first render for `npm run bench`: runs bench/dashboard-run.ts for the register's 36
// plans and a synthetic 5,000-plan province, each in a child process (a fresh server and chromium),
// and returns their rows and the ratio of the two dashboard times.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../tests/helpers/register';
import type { ZoneBenchRow } from './zones';

/** Navigation → every chart drawn, 36 then 5,000 synthetic plans (median of `runs` each). */
export function benchDashboard(runs: number): ZoneBenchRow[] {
  const rows = ['36', '5000'].flatMap((plans) => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench/dashboard-run.ts'), plans, String(runs)],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 },
    );
    const last = r.stdout.trim().split('\n').at(-1) ?? '';
    if (r.status !== 0 || !last.startsWith('['))
      return [
        {
          what: `dashboard ${plans} plans: FAILED ${r.stderr.trim().split('\n').at(-1) ?? ''}`,
          value: Number.NaN,
          unit: '',
        },
      ];
    return JSON.parse(last) as ZoneBenchRow[];
  });
  const drawn = rows.filter((r) => r.what.includes('every chart drawn'));
  if (drawn.length === 2 && drawn[0] && drawn[1])
    rows.push({
      what: '  dashboard 5,000 synthetic ÷ 36 plans',
      value: drawn[1].value / drawn[0].value,
      unit: '×',
    });
  return rows;
}
