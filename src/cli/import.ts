import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang } from '../contract/messages/lang';
import { CRS, type CrsCode } from '../domain/crs/crs';
import { importFile, MAX_IMPORT_BYTES } from '../domain/formats/import/import-file';
import type { TextEncoding } from '../domain/formats/types';
import { type MessageParam, msg } from '../domain/message';
import { commandVoice } from './command-voice';
import { writeAtomically } from './write-output';

const SYNTAX =
  'npm run -s hejie -- import <file> [--crs EPSG:4490|4545|4546|4524|4525] [--encoding gbk|utf-8] -o out.geojson';

const HOW = {
  prj: msg('cli.import.how.prj'),
  option: msg('cli.import.how.option'),
  detected: msg('cli.import.how.detected'),
};

const parse = (args: string[]) =>
  parseArgs({
    args,
    allowPositionals: true,
    options: {
      crs: { type: 'string' },
      encoding: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
  });

/**
 * `hejie import`: one file of surveyed data → lon/lat CGCS2000 GeoJSON; nothing is written on
 * error. What it says is in `lang`.
 */
export async function runImport(
  args: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  lang: Lang,
): Promise<number> {
  const { say, fail, usage } = commandVoice('import', SYNTAX, err, lang);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0)
    return usage(
      file ? msg('cli.import.oneFile', { n: positionals.length }) : msg('cli.import.noInput'),
    );
  if (!values.output) return usage(msg('cli.import.outputRequired'));
  const crs = values.crs?.toUpperCase().replace(/^(\d+)$/, 'EPSG:$1');
  if (crs !== undefined && !(crs in CRS))
    return usage(msg('cli.import.crsOneOf', { list: Object.keys(CRS).join(', ') }));
  const enc = values.encoding?.toLowerCase();
  if (enc !== undefined && enc !== 'gbk' && enc !== 'utf-8')
    return usage(msg('cli.import.encodingOneOf'));
  const bytes = await readImportFile(file, fail);
  if (!bytes) return 1;
  const result = importFile(
    { name: basename(file), bytes },
    { crs: crs as CrsCode | undefined, encoding: enc as TextEncoding | undefined },
  );
  if (!result.ok) {
    for (const e of result.errors) fail(e);
    if (result.needs === 'crs') fail(msg('cli.import.runWithCrs'));
    return 1;
  }
  const target = resolve(values.output);
  try {
    await writeAtomically(target, `${JSON.stringify(result.features)}\n`);
  } catch (e) {
    fail(msg('cli.cannotWrite', { path: target, why: (e as Error).message }));
    return 1;
  }
  const name = CRS[result.crs].name;
  out(say(msg('cli.import.crs', { crs: result.crs, name, how: HOW[result.crsSource] })));
  const encoding = result.encoding ?? msg('cli.import.noEncoding');
  out(say(msg('cli.import.encoding', { encoding })));
  for (const w of result.warnings) out(say(msg('cli.warning', { text: w })));
  out(say(msg('cli.import.written', { n: result.features.features.length, path: target })));
  return 0;
}

/**
 * A file to import, read whole once its size is within the import limit; null (said through `fail`)
 * when it is too big or cannot be read.
 */
export async function readImportFile(
  file: string,
  fail: (text: MessageParam) => void,
): Promise<Uint8Array | null> {
  try {
    const size = (await stat(file)).size;
    if (size > MAX_IMPORT_BYTES) {
      fail(msg('formats.import.tooBig', { file, mb: Math.round(size / 1024 ** 2) }));
      return null;
    }
    return new Uint8Array(await readFile(file));
  } catch (e) {
    fail(msg('cli.cannotRead', { what: file, why: (e as Error).message }));
    return null;
  }
}
