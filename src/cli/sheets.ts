// `hejie sheets`: the map sheets (成果图) of zones, lines and markers as one vector PDF, or with
// `--table` the coordinate-table book (界桩坐标成果表).
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Feature } from 'geojson';
import type { Lang } from '../contract/messages/lang';
import { renderMessage } from '../contract/messages/render';
import { type Message, msg } from '../domain/message';
import { chinaDate } from '../domain/plans/deadline';
import { buildSheets } from '../domain/sheets/build-sheets';
import { buildCoordinateBook } from '../domain/sheets/coordinate-book';
import { resolveSheetOptions } from '../domain/sheets/sheet-options';
import { findCjkFonts } from '../server/documents/cjk-fonts';
import { loadSheetBase } from '../server/sheets/sheet-base';
import { writeSheetsPdf } from '../server/sheets/write-sheets-pdf';
import { errorText, readJson } from './read-json';
import { writeAtomically } from './write-output';

const ROOT = resolve(import.meta.dirname, '../..');
const SYNTAX =
  'sheets <file.geojson>… [--scale 2000|5000|10000] [--paper A3|A1|A0|50x50] [--orientation auto|landscape|portrait] [--title 文本] [--unit 制图单位] [--table] -o atlas.pdf';

const OPTIONS = {
  scale: { type: 'string' },
  paper: { type: 'string' },
  orientation: { type: 'string' },
  title: { type: 'string' },
  unit: { type: 'string' },
  table: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
} as const;

/** Every file's features in one list (each file must be a FeatureCollection), and a hash of the bytes. */
async function readInputs(
  files: string[],
): Promise<{ features: Feature[]; hash: string } | Message> {
  const features: Feature[] = [];
  const hash = createHash('sha256');
  for (const file of files) {
    const fc = (await readJson(file)) as { type?: unknown; features?: unknown };
    if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features))
      return msg('formats.inFile', { file, what: msg('sheets.input.notCollection') });
    hash.update(JSON.stringify(fc));
    for (const f of fc.features as Feature[]) features.push(f);
  }
  return { features, hash: hash.digest('hex').slice(0, 8) };
}

/** `hejie sheets`: 0 written, 1 bad input or no font (nothing written), 2 usage. */
export async function runSheets(
  args: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  lang: Lang,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const say = (m: Message | string) =>
    renderMessage(msg('cli.prefixed', { command: 'sheets', text: m }), lang);
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    err(
      `${say((e as Error).message)}\n${renderMessage(msg('cli.usage', { syntax: SYNTAX }), lang)}`,
    );
    return 2;
  }
  const { values, positionals } = parsed;
  const now = new Date();
  const opts = resolveSheetOptions(values, { date: chinaDate(now), version: '' });
  if (positionals.length === 0 || !values.output || !opts.ok) {
    for (const e of opts.ok ? [] : opts.errors) err(say(e));
    err(renderMessage(msg('cli.usage', { syntax: SYNTAX }), lang));
    return 2;
  }
  const fonts = findCjkFonts(env.HEJIE_FONT);
  if (!fonts) {
    err(say(msg('sheets.noFont')));
    return 1;
  }
  let input: Awaited<ReturnType<typeof readInputs>>;
  try {
    input = await readInputs(positionals);
  } catch (e) {
    err(say(errorText(e, lang)));
    return 1;
  }
  if ('code' in input) {
    err(say(input));
    return 1;
  }
  const { base, riverNames } = loadSheetBase(resolve(ROOT, 'geodata'));
  const options = { ...opts.options, version: `输入 ${input.hash}` };
  if (values.table) {
    const rivers = [
      ...new Set(
        input.features.map((f) => f.properties?.river).filter((r) => typeof r === 'string'),
      ),
    ];
    const book = buildCoordinateBook(input.features, {
      river: options.title ?? (rivers.map((r) => riverNames[r] ?? r).join('、') || ''),
      unit: options.unit ?? '尚未设置',
      date: options.date,
      version: options.version,
    });
    if (!book.ok) {
      for (const e of book.errors) err(say(e));
      return 1;
    }
    await writeAtomically(values.output, await writeSheetsPdf(book.atlas, fonts, now));
    out(
      renderMessage(
        msg('sheets.wroteTable', {
          path: values.output,
          pages: book.atlas.pages.length,
          rows: book.rows,
          crs: book.crs,
        }),
        lang,
      ),
    );
    return 0;
  }
  const built = buildSheets(input.features, base, options, riverNames);
  if (!built.ok) {
    for (const e of built.errors) err(say(e));
    return 1;
  }
  await writeAtomically(values.output, await writeSheetsPdf(built.atlas, fonts, now));
  const sheets = built.frames.length;
  out(
    renderMessage(
      msg('sheets.wrote', {
        path: values.output,
        pages: sheets + 1,
        sheets,
        scale: options.scale,
        paper: options.paper,
        crs: built.crs,
      }),
      lang,
    ),
  );
  if (built.crowded > 0) err(renderMessage(msg('sheets.crowded', { count: built.crowded }), lang));
  return 0;
}
