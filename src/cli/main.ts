// `npm run -s hejie -- <command>`: command-line tools over domain/ and server/.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Feature, FeatureCollection } from 'geojson';
import { type Lang, langOfEnv } from '../contract/messages/lang';
import { renderMessage } from '../contract/messages/render';
import { type Message, msg } from '../domain/message';
import { CITY, COUNTIES } from '../domain/plans/counties';
import type { PlanFilter } from '../domain/plans/filter-plans';
import { filterPlans } from '../domain/plans/filter-plans';
import { viewRegister } from '../domain/plans/view-register';
import { latestVisible } from '../domain/rivers/course-access';
import { mapStatusMessage } from '../domain/rivers/map-status';
import { stageLabel } from '../domain/workflow/stages';
import { DEFAULT_RULES } from '../domain/zones/rules';
import { readEnv } from '../server/config';
import { errorText, readJson } from './read-json';

// Static imports are pure modules without packages. What pulls in a package (SQLite, GEOS, proj4,
// zod, pinyin, fflate) is imported by the command that needs it, when it runs: `help` loads none,
// `zones` no SQLite, `plans` no GEOS (in the built CLI each is a chunk of its own).

const ROOT = resolve(import.meta.dirname, '../..');

/** `--lang zh|en` (or `--lang=en`) anywhere in the command line, and the rest without it. */
function takeLang(argv: string[]): { flag: string | undefined; rest: string[] } {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return { flag: undefined, rest: argv };
  const arg = argv[i] as string;
  const flag = arg === '--lang' ? (argv[i + 1] ?? '') : arg.slice('--lang='.length);
  return { flag, rest: argv.filter((_, j) => j !== i && (arg !== '--lang' || j !== i + 1)) };
}

/** Runs one command; returns the exit code. Output goes to the given writers. */
export async function runCli(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(`${s}\n`),
  err: (s: string) => void = (s) => process.stderr.write(`${s}\n`),
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const { flag, rest: args } = takeLang(argv);
  const lang = langOfEnv(flag, env);
  if (lang === null) {
    err(renderMessage(msg('cli.badLang', { got: flag ?? '' }), langOfEnv(undefined, env) ?? 'zh'));
    return 2;
  }
  const say = (m: Message) => renderMessage(m, lang);
  const [command, ...rest] = args;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out(say(msg('cli.help')));
    return command ? 0 : 2;
  }
  if (command === 'zones') return runZones(rest, out, err, lang);
  if (command === 'sample-reach') return writeSampleReach(out);
  if (command === 'markers') return (await import('./markers')).runMarkers(rest, out, err, lang);
  if (command === 'export') return (await import('./export')).runExport(rest, out, err, lang);
  if (command === 'sheets') return (await import('./sheets')).runSheets(rest, out, err, lang, env);
  if (command === 'import') return (await import('./import')).runImport(rest, out, err, lang);
  if (command === 'course')
    return (await import('./course')).runCourse(rest, { out, err, env, lang });
  if (command === 'floodline')
    return (await import('./floodline')).runFloodlineCli(rest, out, err, lang);
  if (command === 'reservoir')
    return (await import('./reservoir')).runReservoirCli(rest, out, err, lang);
  if (command === 'user') return (await import('./user')).runUser(rest, { out, err, env, lang });
  if (command === 'imagery')
    return (await import('./imagery')).runImagery(rest, { out, err, env, lang });
  if (command === 'store') return (await import('./store-copy')).runStore(rest, { out, err, lang });
  if (command === 'synth') return (await import('./synth')).runSynth(rest, { out, err, lang });
  if (command === 'backup')
    return (await import('./backup')).runBackup(rest, { out, err, env, lang });
  if (command === 'restore')
    return (await import('./backup')).runRestore(rest, { out, err, env, lang });
  return runRegister(command, rest, out, err, env, lang);
}

/** `plans` and `rivers` (and any unknown command, refused once its options are read). */
async function runRegister(
  command: string,
  rest: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  env: NodeJS.ProcessEnv,
  lang: Lang,
): Promise<number> {
  const say = (m: Message) => renderMessage(m, lang);
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      overdue: { type: 'boolean' },
      'on-time': { type: 'boolean' },
      county: { type: 'string' },
      q: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const [{ openRegister }, { toPinyin }] = await Promise.all([
    import('../server/open-register'),
    import('../server/pinyin'),
  ]);
  const cfg = readEnv(env);
  const { store, geodata } = await openRegister(ROOT, cfg, 'cli');
  try {
    const { plans, rivers } = viewRegister(
      await store.listPlans(),
      await store.listWaterbodies(),
      geodata.geometry,
      cfg.clock(),
      toPinyin,
      undefined,
      latestVisible(await store.listCourses(), true),
    );
    if (command === 'rivers') {
      if (values.json) out(JSON.stringify(rivers, null, 2));
      else
        for (const r of rivers) {
          const counties = r.counties.map((c) => c.name).join('、') || '—';
          out(
            `${r.name}\t${r.kind}\t${r.planIds.length} 项计划\t${counties}\t${renderMessage(mapStatusMessage(r.mapStatus), 'zh')}`,
          );
        }
      return 0;
    }
    if (command !== 'plans') {
      err(`${say(msg('cli.unknownCommand', { command }))}\n\n${say(msg('cli.help'))}`);
      return 2;
    }
    const county = values.county
      ? [CITY, ...COUNTIES].find((c) => c.adcode === values.county || c.name === values.county)
      : undefined;
    if (values.county && !county) {
      const list = [CITY, ...COUNTIES].map((c) => `${c.name}/${c.adcode}`).join(', ');
      err(say(msg('cli.countyOneOf', { list })));
      return 2;
    }
    const filter: PlanFilter = {
      ...(county ? { county: county.adcode } : {}),
      ...(values.q ? { q: values.q } : {}),
      ...(values.overdue ? { overdue: true } : values['on-time'] ? { overdue: false } : {}),
    };
    const shown = filterPlans(plans, filter);
    if (values.json)
      out(
        JSON.stringify(
          shown.map(({ searchKeys: _, stageLabel: __, ...p }) => p),
          null,
          2,
        ),
      );
    else {
      for (const p of shown) {
        const status = p.overdue
          ? `逾期 ${p.daysPastDue} 天`
          : p.stage === 'published'
            ? '已公告'
            : '按期';
        out(
          [
            p.level,
            p.seq,
            p.name,
            p.chief,
            p.unit,
            p.deadline,
            stageLabel(p.stage, 'zh'),
            status,
          ].join('\t'),
        );
      }
      out(`${shown.length} / ${plans.length} 项，逾期 ${shown.filter((p) => p.overdue).length} 项`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

/** The demonstration reach: vertices 250–310 of the WDB II 南流江 line, beside 浦北县 (~20 km). */
async function writeSampleReach(out: (s: string) => void): Promise<number> {
  const { sampleReach } = await import('../domain/zones/sample-reach');
  const rivers = JSON.parse(
    await readFile(resolve(ROOT, 'geodata/rivers.geojson'), 'utf8'),
  ) as FeatureCollection;
  const course = rivers.features.find((f) => f.properties?.riverId === 'nanliujiang');
  if (course?.geometry.type !== 'LineString')
    throw new Error('geodata/rivers.geojson has no 南流江 LineString');
  const fc = sampleReach(course.geometry.coordinates.slice(250, 311), {
    reach: 'NLJ-S01',
    river: 'nanliujiang',
    halfWidthM: 40,
    embankmentClass: 2,
    widthM: 30,
    protectionM: 30,
    source: 'geodata/rivers.geojson 南流江 (WDB II), vertices 250–310',
  });
  const path = resolve(ROOT, 'geodata/samples/nanliujiang-sample-reach.geojson');
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(fc, null, 1)}\n`);
  out(`wrote ${path}`);
  return 0;
}

async function runZones(
  args: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  lang: Lang,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, rules: { type: 'string' } },
  });
  const [inputPath, ...extra] = positionals;
  if (!inputPath || extra.length > 0) {
    err(renderMessage(msg('cli.usage.zones'), lang));
    return 2;
  }
  const [{ loadZoneEngine }, { delineatePlan }, { writeAtomically }] = await Promise.all([
    import('../domain/zones/compute-zones'),
    import('../domain/plans/delineate-plan'),
    import('./write-output'),
  ]);
  let rules = DEFAULT_RULES;
  try {
    if (values.rules) {
      const { parseRuleTable } = await import('../domain/zones/rules-schema');
      const parsed = parseRuleTable(await readJson(values.rules, 'rule table'));
      if (!parsed.ok) {
        err(parsed.errors.map((p) => `${p.field}: ${renderMessage(p.message, lang)}`).join('\n'));
        return 1;
      }
      rules = parsed.rules;
    }
    const input = (await readJson(inputPath, 'input')) as { features?: unknown };
    if (!Array.isArray(input?.features)) {
      err(renderMessage(msg('zones.input.notCollection'), lang));
      return 1;
    }
    const engine = await loadZoneEngine();
    const result = delineatePlan(engine, input.features as Feature[], { rules, markers: false });
    if (!result.ok) {
      err(result.errors.map((e) => renderMessage(e, lang)).join('\n'));
      return 1;
    }
    for (const w of result.warnings) err(renderMessage(msg('zones.warning', { text: w }), lang));
    const text = `${JSON.stringify(result.zones)}\n`;
    if (values.output) await writeAtomically(values.output, text);
    else out(text.trimEnd());
    return 0;
  } catch (e) {
    err((e as Error).message);
    return 1;
  }
}

/**
 * Runs this process's command line and exits with its code.
 * @public the entry of the built CLI, called by scripts/hejie.mjs
 */
export function main(): void {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      // a store that cannot be opened (an unreachable PostgreSQL, a newer schema) in LANG's language
      console.error(errorText(e, langOfEnv(undefined, process.env) ?? 'zh'));
      process.exit(2);
    },
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
