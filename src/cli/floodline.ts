// `hejie floodline`: bank lines where the design flood level meets the ground, from a DEM GeoTIFF, a
// centreline and a levels table (issue 16). Warnings need --yes; errors write nothing.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Position } from 'geojson';
import type { Lang } from '../contract/messages/lang';
import { projector } from '../domain/crs/crs';
import { singleLine } from '../domain/floodline/single-line';
import { msg } from '../domain/message';
import { runFloodline } from '../server/floodline/run-floodline';
import { commandVoice } from './command-voice';
import { errorText, readJson } from './read-json';
import { writeAtomically } from './write-output';

const SPEC = {
  dem: { type: 'string' },
  centerline: { type: 'string' },
  levels: { type: 'string' },
  'max-width': { type: 'string' },
  yes: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
} as const;

/** Runs `floodline …`; returns the exit code (2: usage, 1: refused or unconfirmed, 0: written). */
export async function runFloodlineCli(
  args: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  lang: Lang,
): Promise<number> {
  const { say, fail, usage } = commandVoice('floodline', msg('floodline.cli.usage'), err, lang);
  let v: {
    [K in keyof typeof SPEC]?: (typeof SPEC)[K]['type'] extends 'boolean' ? boolean : string;
  };
  try {
    v = parseArgs({ args, strict: true, allowPositionals: false, options: SPEC }).values;
  } catch (e) {
    return usage((e as Error).message);
  }
  if (!v.dem || !v.centerline || !v.levels || !v.output) return usage(msg('floodline.cli.args'));
  const maxWidth = v['max-width'] === undefined ? 2000 : Number(v['max-width']);
  if (!(maxWidth > 0)) return usage(msg('floodline.cli.maxWidth'));
  let centreline: Position[] | null;
  let levelsBytes: Uint8Array;
  try {
    centreline = singleLine(await readJson(v.centerline));
    levelsBytes = await readFile(v.levels);
  } catch (e) {
    fail(errorText(e, lang));
    return 1;
  }
  if (!centreline || centreline.length < 2) {
    fail(msg('floodline.cli.centreline', { file: v.centerline }));
    return 1;
  }
  const res = await runFloodline({
    demPath: v.dem,
    demName: basename(v.dem),
    centreline,
    levelsBytes,
    levelsName: basename(v.levels),
    maxWidth,
  });
  for (const w of res.ok ? res.answer.warnings : res.warnings)
    err(say(msg('floodline.cli.warning', { text: w })));
  if (!res.ok) {
    for (const e of res.errors) fail(e);
    return 1;
  }
  const a = res.answer;
  if (a.warnings.length > 0 && !v.yes) {
    fail(msg('floodline.cli.confirm'));
    return 1;
  }
  await writeAtomically(v.output, `${JSON.stringify(a.banks)}\n`);
  const proj = projector(a.crs === 'EPSG:4490' ? 'EPSG:4545' : a.crs);
  const length = (i: number) => {
    const ps = (a.banks.features[i]?.geometry.coordinates ?? []).map((p) => proj.forward(p));
    let s = 0;
    for (let k = 1; k < ps.length; k++) {
      const p = ps[k - 1] as number[];
      const q = ps[k] as number[];
      s += Math.hypot((q[0] as number) - (p[0] as number), (q[1] as number) - (p[1] as number));
    }
    return Math.round(s);
  };
  out(
    say(
      msg('floodline.cli.written', {
        file: v.output,
        left: length(0),
        right: length(1),
        crs: a.crs,
        cell: a.banks.features[0]?.properties.demCellSize.toFixed(2) ?? '',
        cells: a.stats.cellsRead,
      }),
    ),
  );
  return 0;
}
