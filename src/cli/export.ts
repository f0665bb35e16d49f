// `hejie export`: CGCS2000 deliverables (GIS/CAD files, coordinate tables) from lon/lat GeoJSON.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { CRS, type CrsCode } from '../domain/crs/crs';
import { exportFeatures } from '../domain/formats/export/export-features';
import { EXPORT_FORMATS } from '../domain/formats/export/export-formats';
import type { TextEncoding } from '../domain/formats/types';
import { writeFiles } from './write-output';

const USAGE = `usage: export <in.geojson> --format ${EXPORT_FORMATS.map((f) => f.id).join('|')} [--crs auto|${Object.keys(CRS).join('|')}] [--encoding utf-8|gbk] -o <path>`;

type Parsed =
  | { input: string; format: string; crs: 'auto' | CrsCode; encoding: TextEncoding; output: string }
  | { usage: string };

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
  if (!input || extra.length > 0) return { usage: 'give exactly one input file' };
  if (!values.format || !EXPORT_FORMATS.some((f) => f.id === values.format))
    return { usage: `--format must be one of ${EXPORT_FORMATS.map((f) => f.id).join(', ')}` };
  if (crs !== 'auto' && !(crs in CRS))
    return { usage: `--crs must be auto or one of ${Object.keys(CRS).join(', ')}` };
  if (encoding !== 'utf-8' && encoding !== 'gbk')
    return { usage: '--encoding must be utf-8 or gbk' };
  if (!values.output) return { usage: '-o <path> is required' };
  return {
    input,
    format: values.format,
    crs: crs as 'auto' | CrsCode,
    encoding,
    output: values.output,
  };
}

/** `export <in.geojson> --format f [--crs …] [--encoding …] -o path`: 0 done, 1 bad data (nothing written), 2 usage. */
export async function runExport(
  args: string[],
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const opts = parse(args);
  if ('usage' in opts) {
    err(`export: ${opts.usage}\n${USAGE}`);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(await readFile(opts.input, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err(
      `export: cannot read ${opts.input}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
    return 1;
  }
  const stem = basename(opts.output, extname(opts.output)) || 'hejie-export';
  const result = exportFeatures(input, { ...opts, baseName: stem });
  if (!result.ok) {
    for (const e of result.errors) err(`export: ${opts.input}: ${e}`);
    err('nothing written');
    return 1;
  }
  for (const w of result.warnings) err(`warning: ${w}`);
  const written = await writeFiles(result.files, opts.output);
  for (const path of written) out(`wrote ${path} (${opts.format}, ${result.crs})`);
  return 0;
}
