// Province-scale figures for `npm run bench`: runs bench/province-run.ts for a synthetic province of
// 500 and of 5,000 plans (SQLite and PostgreSQL side by side in each run), each in a child process,
// and adds how each figure grew from 500 to 5,000 plans.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../tests/helpers/register';
import type { ZoneBenchRow } from './zones';

function run(plans: string): ZoneBenchRow[] {
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=6144', '--import', 'tsx', join(ROOT, 'bench/province-run.ts'), plans],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 },
  );
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !last.startsWith('['))
    return [
      {
        what: `province ${plans} plans: FAILED ${r.stderr.trim().split('\n').at(-1) ?? ''}`,
        value: Number.NaN,
        unit: '',
      },
    ];
  return JSON.parse(last) as ZoneBenchRow[];
}

/** The province at 500 and 5,000 plans, then each figure's growth (5,000 ÷ 500). */
export function benchProvince(): ZoneBenchRow[] {
  const small = run('500');
  const large = run('5000');
  const growth = large.flatMap((row) => {
    const what = row.what.replace('province 5000 plans: ', '');
    const before = small.find((s) => s.what.replace('province 500 plans: ', '') === what);
    if (!before?.value || !Number.isFinite(row.value)) return [];
    return [
      { what: `province 500 → 5000 plans: ${what}`, value: row.value / before.value, unit: '×' },
    ];
  });
  return [...small, ...large, ...growth];
}
