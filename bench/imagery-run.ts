// `npx tsx bench/imagery-run.ts`: the imagery figures alone (bench/imagery.ts), after a build.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../tests/helpers/register';
import { benchImagery } from './imagery';

for (const [cmd, args] of [
  [join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn']],
  [process.execPath, [join(ROOT, 'scripts/build-node.mjs')]],
] as const) {
  if (spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
}
for (const r of await benchImagery()) {
  const ratio = r.target
    ? `  target < ${r.target} ${r.unit}, ratio ${(r.value / r.target).toFixed(2)}${r.value <= r.target ? ' ✓' : ' ✗'}`
    : '';
  console.log(`${r.what.padEnd(96)} ${r.value.toFixed(1).padStart(8)} ${r.unit}${ratio}`);
}
