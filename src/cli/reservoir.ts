// `hejie reservoir`: a reservoir's range below its 校核洪水位 (check flood level), from a DEM GeoTIFF
// and a point on its water, written as the reservoir work's polygon (GeoJSON, CGCS2000 lon/lat) for
// the planner to import in the editor (issue 16: the register's four reservoirs are computable once
// the bureau supplies a DEM and the level). Errors write nothing.
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang } from '../contract/messages/lang';
import { msg } from '../domain/message';
import { runReservoir } from '../server/floodline/run-reservoir';
import { commandVoice } from './command-voice';
import { errorText } from './read-json';
import { writeAtomically } from './write-output';

const SPEC = {
  dem: { type: 'string' },
  level: { type: 'string' },
  seed: { type: 'string' },
  name: { type: 'string' },
  'max-distance': { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;

/** `lon,lat` as a position in the range a CGCS2000 point in China can have, else null. */
function readSeed(text: string): [number, number] | null {
  const parts = text.split(/[,，]/).map((s) => Number(s.trim()));
  const [lon, lat] = parts;
  if (parts.length !== 2 || lon === undefined || lat === undefined) return null;
  if (!(lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54)) return null;
  return [lon, lat];
}

/** Runs `reservoir …`; returns the exit code (2: usage, 1: refused, 0: written). */
export async function runReservoirCli(
  args: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  lang: Lang,
): Promise<number> {
  const { say, fail, usage } = commandVoice('reservoir', msg('reservoir.cli.usage'), err, lang);
  let v: { [K in keyof typeof SPEC]?: string };
  try {
    v = parseArgs({ args, strict: true, allowPositionals: false, options: SPEC }).values;
  } catch (e) {
    return usage((e as Error).message);
  }
  if (!v.dem || !v.level || !v.seed || !v.name?.trim() || !v.output)
    return usage(msg('reservoir.cli.args'));
  const level = Number(v.level);
  if (v.level.trim() === '' || !Number.isFinite(level) || level < -100 || level > 9000)
    return usage(msg('reservoir.cli.level', { value: v.level }));
  const seed = readSeed(v.seed);
  if (!seed) return usage(msg('reservoir.cli.seed', { value: v.seed }));
  const maxDistance = v['max-distance'] === undefined ? 5000 : Number(v['max-distance']);
  if (!(maxDistance > 0)) return usage(msg('reservoir.cli.maxDistance'));
  let res: Awaited<ReturnType<typeof runReservoir>>;
  try {
    res = await runReservoir({
      demPath: v.dem,
      demName: basename(v.dem),
      level,
      seed,
      name: v.name.trim(),
      maxDistance,
    });
  } catch (e) {
    // a file that cannot be read (missing, unreadable): the system's reason, in the user's language
    fail(errorText(e, lang));
    return 1;
  }
  if (!res.ok) {
    for (const e of res.errors) fail(e);
    return 1;
  }
  const a = res.answer;
  for (const w of a.warnings) err(say(msg('floodline.cli.warning', { text: w })));
  await writeAtomically(
    v.output,
    `${JSON.stringify({ type: 'FeatureCollection', features: [a.feature] })}\n`,
  );
  out(
    say(
      msg('reservoir.cli.written', {
        file: v.output,
        name: v.name.trim(),
        level: String(level),
        area: (a.areaM2 / 10_000).toFixed(2),
        crs: a.crs,
        cells: a.cellsRead,
      }),
    ),
  );
  return 0;
}
