// `hejie export`: CGCS2000 deliverables (GIS/CAD files, coordinate tables) from lon/lat GeoJSON.
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang } from '../contract/messages/lang';
import { renderMessage } from '../contract/messages/render';
import { CRS, type CrsCode } from '../domain/crs/crs';
import { exportFeatures } from '../domain/formats/export/export-features';
import { EXPORT_FORMATS } from '../domain/formats/export/export-formats';
import type { TextEncoding } from '../domain/formats/types';
import { type Message, msg } from '../domain/message';
import { errorText, readJson } from './read-json';
import { writeFiles } from './write-output';

const SYNTAX = `export <in.geojson> --format ${EXPORT_FORMATS.map((f) => f.id).join('|')} [--crs auto|${Object.keys(CRS).join('|')}] [--encoding utf-8|gbk] -o <path>`;

type Parsed =
  | { input: string; format: string; crs: 'auto' | CrsCode; encoding: TextEncoding; output: string }
  | { usage: Message | string };

const OPTIONS = {
  format: { type: 'string' },
  crs: { type: 'string' },
  encoding: { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;

const readArgs = (args: string[]) =>
  parseArgs({ args, strict: true, allowPositionals: true, options: OPTIONS });

function parse(args: string[]): Parsed {
  let parsed: ReturnType<typeof readArgs>;
  try {
    parsed = readArgs(args);
  } catch (e) {
    return { usage: (e as Error).message };
  }
  const { values, positionals } = parsed;
  const [input, ...extra] = positionals;
  const crs = values.crs ?? 'auto';
  const encoding = values.encoding ?? 'utf-8';
  if (!input || extra.length > 0) return { usage: msg('cli.export.oneInput') };
  if (!values.format || !EXPORT_FORMATS.some((f) => f.id === values.format))
    return {
      usage: msg('cli.export.formatOneOf', { list: EXPORT_FORMATS.map((f) => f.id).join(', ') }),
    };
  if (crs !== 'auto' && !(crs in CRS))
    return { usage: msg('cli.export.crsOneOf', { list: Object.keys(CRS).join(', ') }) };
  if (encoding !== 'utf-8' && encoding !== 'gbk') return { usage: msg('cli.export.encodingOneOf') };
  if (!values.output) return { usage: msg('cli.export.outputRequired') };
  return {
    input,
    format: values.format,
    crs: crs as 'auto' | CrsCode,
    encoding,
    output: values.output,
  };
}

/**
 * `export <in.geojson> --format f [--crs …] [--encoding …] -o path`: 0 done, 1 bad data (nothing
 * written), 2 usage. What it says is in `lang`.
 */
export async function runExport(
  args: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  lang: Lang,
): Promise<number> {
  const say = (m: Message) => renderMessage(m, lang);
  const opts = parse(args);
  if ('usage' in opts) {
    err(
      `${say(msg('cli.prefixed', { command: 'export', text: opts.usage }))}\n${say(msg('cli.usage', { syntax: SYNTAX }))}`,
    );
    return 2;
  }
  let input: unknown;
  try {
    input = await readJson(opts.input);
  } catch (e) {
    err(say(msg('cli.prefixed', { command: 'export', text: errorText(e, lang) })));
    return 1;
  }
  const stem = basename(opts.output, extname(opts.output)) || 'hejie-export';
  const result = exportFeatures(input, { ...opts, baseName: stem });
  if (!result.ok) {
    for (const e of result.errors)
      err(
        say(
          msg('cli.prefixed', {
            command: 'export',
            text: msg('formats.inFile', { file: opts.input, what: e }),
          }),
        ),
      );
    err(say(msg('cli.export.nothingWritten')));
    return 1;
  }
  for (const w of result.warnings) err(say(msg('cli.warning', { text: w })));
  const written = await writeFiles(result.files, opts.output);
  for (const path of written)
    out(say(msg('cli.export.wrote', { path, format: opts.format, crs: result.crs })));
  return 0;
}
