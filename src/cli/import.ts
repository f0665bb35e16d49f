import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CRS, type CrsCode } from '../domain/crs/crs';
import { importFile, MAX_IMPORT_BYTES } from '../domain/formats/import/import-file';
import type { TextEncoding } from '../domain/formats/types';
import { writeAtomically } from './write-output';

const USAGE =
  'Usage: npm run -s hejie -- import <file> [--crs EPSG:4490|4545|4546|4524|4525] [--encoding gbk|utf-8] -o out.geojson';

const HOW = {
  prj: 'declared by the file',
  option: 'given with --crs',
  detected: 'detected from the coordinates',
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

/** `hejie import`: one file of surveyed data → lon/lat CGCS2000 GeoJSON; nothing is written on error. */
export async function runImport(
  args: string[],
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const usage = (msg: string) => {
    err(`import: ${msg}\n${USAGE}`);
    return 2;
  };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0)
    return usage(file ? `one file at a time (got ${positionals.length})` : 'no input file');
  if (!values.output) return usage('-o out.geojson is required');
  const crs = values.crs?.toUpperCase().replace(/^(\d+)$/, 'EPSG:$1');
  if (crs !== undefined && !(crs in CRS))
    return usage(`--crs must be one of ${Object.keys(CRS).join(', ')}`);
  const enc = values.encoding?.toLowerCase();
  if (enc !== undefined && enc !== 'gbk' && enc !== 'utf-8')
    return usage('--encoding must be gbk or utf-8');
  let bytes: Uint8Array;
  try {
    const size = (await stat(file)).size;
    if (size > MAX_IMPORT_BYTES) {
      err(`import: ${file} is ${Math.round(size / 1024 ** 2)} MB; the limit is 200 MB`);
      return 1;
    }
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    err(`import: cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  const result = importFile(
    { name: basename(file), bytes },
    { crs: crs as CrsCode | undefined, encoding: enc as TextEncoding | undefined },
  );
  if (!result.ok) {
    for (const e of result.errors) err(`import: ${e}`);
    if (result.needs === 'crs') err('import: run again with --crs');
    return 1;
  }
  const target = resolve(values.output);
  try {
    await writeAtomically(target, `${JSON.stringify(result.features)}\n`);
  } catch (e) {
    err(`import: cannot write ${target}: ${(e as Error).message}`);
    return 1;
  }
  out(`CRS: ${result.crs} (${CRS[result.crs].name}), ${HOW[result.crsSource]}`);
  out(`encoding: ${result.encoding ?? 'not applicable'}`);
  for (const w of result.warnings) out(`warning: ${w}`);
  out(`${result.features.features.length} features written to ${target}`);
  return 0;
}
