// `hejie markers`: boundary markers (界桩) and notice boards (公告牌) on the zone engine's lines.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Lang, langOfEnv } from '../contract/messages/lang';
import { renderMessage } from '../contract/messages/render';
import type { MarkerOptions } from '../domain/markers/marker-options';
import { resolveMarkerOptions } from '../domain/markers/marker-options';
import type { WaterbodyCode } from '../domain/markers/number-markers';
import type { LineSummary } from '../domain/markers/place-markers';
import { markZones } from '../domain/plans/delineate-plan';
import { readJson } from './read-json';
import { writeAtomically } from './write-output';

const ROOT = resolve(import.meta.dirname, '../..');

const USAGE =
  'usage: markers <zones.geojson> [--spacing 150] [--min-gap 20] [--bend 20] [--board-km 5] [-o markers.geojson]';

const FLAGS: Record<string, keyof MarkerOptions> = {
  spacing: 'spacingM',
  'min-gap': 'minGapM',
  bend: 'bendDeg',
  'board-km': 'boardKm',
};

const SPEC = {
  output: { type: 'string', short: 'o' },
  spacing: { type: 'string' },
  'min-gap': { type: 'string' },
  bend: { type: 'string' },
  'board-km': { type: 'string' },
} as const;

type Parsed = { input: string; output: string | undefined; options: MarkerOptions } | string;

function parse(args: string[], lang: Lang): Parsed {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof SPEC; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: SPEC });
  } catch (e) {
    return `${(e as Error).message}\n${USAGE}`;
  }
  const [input, ...extra] = parsed.positionals;
  if (!input || extra.length > 0) return USAGE;
  const given: Partial<MarkerOptions> = {};
  for (const [flag, key] of Object.entries(FLAGS)) {
    const text = parsed.values[flag as keyof typeof SPEC];
    if (text === undefined) continue;
    if (text.trim() === '' || !Number.isFinite(Number(text)))
      return `--${flag} must be a number, got "${text}"`;
    given[key] = Number(text);
  }
  const { options, errors } = resolveMarkerOptions(given);
  if (errors.length > 0) return errors.map((e) => renderMessage(e, lang)).join('\n');
  return { input, output: parsed.values.output, options };
}

/** One line per boundary line: its number series, length and what was placed. */
function describe(s: LineSummary): string {
  const series = `${s.code}-${s.line === 'management' ? 'GL' : 'BH'}-${s.bank === 'left' ? 'L' : 'R'}`;
  const total = s.counts.end + s.counts.bend + s.counts.main;
  const boards = s.line === 'management' ? `, ${s.boards} notice boards` : '';
  return `${series}\treach ${s.reach} ${s.line} ${s.bank}\t${(s.lengthM / 1000).toFixed(3)} km\t${total} markers (${s.counts.end} end, ${s.counts.bend} bend, ${s.counts.main} main)${boards}`;
}

/** `hejie markers`: 0 done, 1 bad input (every reason printed, nothing written), 2 usage. */
export async function runMarkers(
  args: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  lang: Lang = langOfEnv(undefined, process.env) ?? 'zh',
): Promise<number> {
  const parsed = parse(args, lang);
  if (typeof parsed === 'string') {
    err(parsed);
    return 2;
  }
  try {
    const input = await readJson(parsed.input);
    const { waterbodies } = (await readJson(resolve(ROOT, 'geodata/waterbodies.json'))) as {
      waterbodies: WaterbodyCode[];
    };
    const result = markZones(input, { waterbodies, markers: parsed.options });
    if (!result.ok) {
      err(result.errors.map((e) => renderMessage(e, lang)).join('\n'));
      return 1;
    }
    const features = result.markers.features.map((f) => JSON.stringify(f));
    const text = `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
    const report = parsed.output ? out : err;
    if (parsed.output) await writeAtomically(parsed.output, text);
    else out(text.trimEnd());
    for (const s of result.lines) report(describe(s));
    const boards = result.markers.features.filter(
      (f) => f.properties.markerType === 'notice-board',
    );
    report(
      `${result.markers.features.length - boards.length} markers and ${boards.length} notice boards on ${result.lines.length} line${result.lines.length === 1 ? '' : 's'}${parsed.output ? ` → ${parsed.output}` : ''}`,
    );
    return 0;
  } catch (e) {
    err((e as Error).message);
    return 1;
  }
}
