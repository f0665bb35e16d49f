// `npx tsx bench/floodline-run.ts`: the flood-line figures alone (bench/floodline.ts).
import { benchFloodline } from './floodline';

for (const r of await benchFloodline()) {
  const ratio = r.target
    ? `  target < ${r.target} ${r.unit}, ratio ${(r.value / r.target).toFixed(2)}${r.value <= r.target ? ' ✓' : ' ✗'}`
    : '';
  console.log(`${r.what.padEnd(150)} ${r.value.toFixed(2).padStart(8)} ${r.unit}${ratio}`);
}
