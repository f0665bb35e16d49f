// `hejie export`: CGCS2000 deliverables (GIS/CAD files, coordinate tables) from lon/lat GeoJSON.
import { existsSync, statSync } from 'node:fs';
import { basename, extname, join, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { deliverableNaming } from '../contract/messages/deliverable-naming';
import type { Lang } from '../contract/messages/lang';
import { renderMessage } from '../contract/messages/render';
import { CRS, type CrsCode } from '../domain/crs/crs';
import {
  defaultEncoding,
  EXPORT_SCHEMAS,
  type ExportSchema,
} from '../domain/formats/export/deliverable-schema';
import { exportFeatures } from '../domain/formats/export/export-features';
import { EXPORT_FORMATS } from '../domain/formats/export/export-formats';
import type { ExportFormat, TextEncoding } from '../domain/formats/types';
import { type Message, msg } from '../domain/message';
import { deliverableStem } from '../domain/text/file-stem';
import { errorText, readJson } from './read-json';
import { writeFiles } from './write-output';

const SYNTAX = `export <in.geojson> --format ${EXPORT_FORMATS.map((f) => f.id).join('|')} [--crs auto|${Object.keys(CRS).join('|')}] [--encoding utf-8|gbk] [--schema zh|en] [--river <name>] [--version <n>] [--content <what>] -o <path or folder/>`;

interface Options {
  input: string;
  format: ExportFormat;
  crs: 'auto' | CrsCode;
  encoding: TextEncoding;
  schema: ExportSchema;
  river: string | null;
  version: number | null;
  content: string;
  output: string;
}

type Parsed = Options | { usage: Message | string };

const OPTIONS = {
  format: { type: 'string' },
  crs: { type: 'string' },
  encoding: { type: 'string' },
  schema: { type: 'string' },
  river: { type: 'string' },
  version: { type: 'string' },
  content: { type: 'string' },
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
  const schema = values.schema ?? 'zh';
  const format = EXPORT_FORMATS.find((f) => f.id === values.format);
  const encoding = values.encoding ?? defaultEncoding(format?.id ?? '', schema as ExportSchema);
  const version = values.version === undefined ? null : Number(values.version);
  if (!input || extra.length > 0) return { usage: msg('cli.export.oneInput') };
  if (!format)
    return {
      usage: msg('cli.export.formatOneOf', { list: EXPORT_FORMATS.map((f) => f.id).join(', ') }),
    };
  if (crs !== 'auto' && !(crs in CRS))
    return { usage: msg('cli.export.crsOneOf', { list: Object.keys(CRS).join(', ') }) };
  if (encoding !== 'utf-8' && encoding !== 'gbk') return { usage: msg('cli.export.encodingOneOf') };
  if (!EXPORT_SCHEMAS.includes(schema as ExportSchema))
    return { usage: msg('handover.cli.schemaOneOf', { list: EXPORT_SCHEMAS.join(', ') }) };
  if (version !== null && !(Number.isInteger(version) && version > 0))
    return { usage: msg('handover.cli.versionNumber', { got: values.version ?? '' }) };
  if (!values.output) return { usage: msg('cli.export.outputRequired') };
  return {
    input,
    format,
    crs: crs as 'auto' | CrsCode,
    encoding,
    schema: schema as ExportSchema,
    river: values.river ?? null,
    version,
    content: values.content ?? '管理范围',
    output: values.output,
  };
}

/** `-o` names a folder (it ends in a separator or exists as one): the file inside is named for hand-over. */
const isFolder = (path: string) =>
  path.endsWith('/') || path.endsWith(sep) || (existsSync(path) && statSync(path).isDirectory());

/** The hand-over name of a file written into a folder (river, content, version, CRS, date). */
function handOverName(o: Options, crs: CrsCode, at: Date): string {
  return deliverableStem({
    river: o.river ?? '河流',
    content: o.content + o.format.nameTag,
    version: o.version,
    crs,
    at,
  });
}

/**
 * `export <in.geojson> --format f [--crs …] [--encoding …] [--schema zh|en] -o path`: 0 done, 1 bad
 * data (nothing written), 2 usage. What it says is in `lang`.
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
  const at = new Date();
  const options = {
    format: opts.format.id,
    crs: opts.crs,
    encoding: opts.encoding,
    schema: opts.schema,
    naming: deliverableNaming(opts.river),
    now: at,
  };
  const folder = isFolder(opts.output);
  const stem = basename(opts.output, extname(opts.output)) || 'hejie-export';
  let result = exportFeatures(input, { ...options, baseName: stem });
  let output = opts.output;
  if (result.ok && folder) {
    // the name carries the CRS that 'auto' resolved to: known after the first pass
    const named = handOverName(opts, result.crs, at);
    // several files (coordinate tables) go into one zip
    output = join(opts.output, named + (result.files.length > 1 ? '.zip' : opts.format.extension));
    result = exportFeatures(input, { ...options, baseName: named });
  }
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
  const written = await writeFiles(result.files, output);
  for (const path of written)
    out(say(msg('cli.export.wrote', { path, format: opts.format.id, crs: result.crs })));
  return 0;
}
