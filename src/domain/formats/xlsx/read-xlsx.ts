import { XMLParser } from 'fast-xml-parser';
import { type Message, msg } from '../../message';
import type { RawData, RawFeature, RawResult } from '../common/raw-data';
import { unzipChecked } from '../common/unzip-checked';
import { type Cell, tableToRaw } from '../tables/table-rows';
import type { ImportOptions, ImportSource } from '../types';

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (n) => ['sheet', 'Relationship', 'si', 'r', 'row', 'c'].includes(n),
});
type X = Record<string, unknown>;
const arr = (x: unknown): X[] => (Array.isArray(x) ? (x as X[]) : x ? [x as X] : []);
const txt = (x: unknown): string =>
  typeof x === 'string' ? x : x && typeof x === 'object' ? String((x as X)['#text'] ?? '') : '';
const richText = (si: X) =>
  si.t !== undefined
    ? txt(si.t)
    : arr(si.r)
        .map((r) => txt(r.t))
        .join('');
const colIndex = (ref: string) =>
  [...(/^[A-Z]+/.exec(ref)?.[0] ?? 'A')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

function sheetRows(doc: X, shared: string[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const row of arr(
    (doc.worksheet as X | undefined)?.sheetData && ((doc.worksheet as X).sheetData as X).row,
  )) {
    const r: Cell[] = [];
    for (const c of arr(row.c)) {
      const t = c['@t'];
      const v = txt(c.v);
      r[colIndex(String(c['@r'] ?? ''))] =
        t === 's'
          ? (shared[Number(v)] ?? '')
          : t === 'inlineStr'
            ? richText((c.is as X) ?? {})
            : t === 'str' || t === 'b' || t === 'e'
              ? v
              : v === ''
                ? ''
                : Number(v);
    }
    rows[Number(row['@r'] ?? rows.length + 1) - 1] = Array.from(r, (c) => c ?? '');
  }
  return Array.from(rows, (r) => r ?? []);
}

/**
 * Reads an XLSX workbook: every sheet is a coordinate table (shared strings, inline strings, numbers);
 * with several sheets each point carries its sheet as `layer`.
 * @example readXlsx({ name: 'a.xlsx', bytes }, {}) // { ok: true, raw: { features: […] } }
 */
export function readXlsx(source: ImportSource, _options: ImportOptions): RawResult {
  const z = unzipChecked(source.bytes, source.name);
  if (!z.ok) return z;
  const read = (p: string) =>
    z.files[p] ? (xml.parse(new TextDecoder().decode(z.files[p])) as X) : null;
  const wb = read('xl/workbook.xml');
  if (!wb)
    return {
      ok: false,
      errors: [msg('formats.xlsx.notWorkbook', { file: source.name })],
    };
  const rels = new Map(
    arr((read('xl/_rels/workbook.xml.rels')?.Relationships as X | undefined)?.Relationship).map(
      (r) => [String(r['@Id']), String(r['@Target'])],
    ),
  );
  const shared = arr((read('xl/sharedStrings.xml')?.sst as X | undefined)?.si).map(richText);
  const sheets = arr(((wb.workbook as X | undefined)?.sheets as X | undefined)?.sheet);
  const features: RawFeature[] = [];
  const errors: Message[] = [];
  let first: RawData | null = null;
  for (const s of sheets) {
    const target = (rels.get(String(s['@id'])) ?? '').replace(/^\/?(xl\/)?/, 'xl/');
    const doc = read(target);
    if (!doc) continue;
    const r = tableToRaw(
      sheetRows(doc, shared),
      source.name,
      sheets.length > 1 ? String(s['@name']) : null,
    );
    if (!r.ok) for (const e of r.errors) errors.push(e);
    else if (first && (first.zone !== r.raw.zone || first.declared?.crs !== r.raw.declared?.crs))
      errors.push(
        msg('formats.xlsx.sheetCrsDiffers', { file: source.name, sheet: String(s['@name']) }),
      );
    else {
      first ??= r.raw;
      for (const f of r.raw.features) features.push(f);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (!first) return { ok: false, errors: [msg('formats.xlsx.noSheet', { file: source.name })] };
  return { ok: true, raw: { ...first, features, encoding: 'utf-8' } };
}
