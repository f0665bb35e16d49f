// One flood-line run in its own process (bench/floodline.ts spawns it): prints JSON figures.
// Args: dem.tif centreline.geojson levels.csv maxWidth
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { runFloodline } from '../src/server/floodline/run-floodline';

const [dem = '', centre = '', levels = '', maxWidth = '500'] = process.argv.slice(2);
const centreline = JSON.parse(readFileSync(centre, 'utf8')).coordinates;
const rssBefore = process.memoryUsage.rss();
const t0 = performance.now();
const res = await runFloodline({
  demPath: dem,
  demName: basename(dem),
  centreline,
  levelsBytes: readFileSync(levels),
  levelsName: basename(levels),
  maxWidth: Number(maxWidth),
});
const seconds = (performance.now() - t0) / 1000;
if (!res.ok) {
  console.log(JSON.stringify({ error: res.errors }));
  process.exit(1);
}
console.log(
  JSON.stringify({
    seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    startRssMb: rssBefore / 1024 / 1024,
    stats: res.answer.stats,
  }),
);
