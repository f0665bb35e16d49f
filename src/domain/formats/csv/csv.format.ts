import type { FeatureCollection } from 'geojson';
import { type Message, msg } from '../../message';
import { encodeGbk } from '../../text/gbk';
import { neutraliseFormula } from '../../text/neutralise-formula';
import type { Cell, CoordinateTable } from '../tables/coordinate-table';
import { buildCoordinateTables } from '../tables/coordinate-table';
import type { ExportContext, ExportFile, ExportFormat } from '../types';

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double its quotes. */
function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** A cell as csv text: numbers as written, text neutralised so that no spreadsheet evaluates it. */
const cellText = (c: Cell) => (c.kind === 'number' ? c.text : neutraliseFormula(c.text));

function tableLines(t: CoordinateTable): string[][] {
  const cells = (row: Cell[]) => row.map(cellText);
  return [
    ...t.header.map(([k, v]) => [neutraliseFormula(k), cellText(v)]),
    [],
    t.columns.map(neutraliseFormula),
    ...t.rows.map(cells),
  ];
}

/** The csv text of a table: header block, an empty line, the column row and data rows; CRLF. */
function renderCsv(t: CoordinateTable): string {
  return tableLines(t)
    .map((line) => `${line.map(quote).join(',')}\r\n`)
    .join('');
}

/** Which cell GBK cannot hold, for an error the user can act on. */
function locateGbkProblem(t: CoordinateTable, file: string): Message {
  const lines = tableLines(t);
  for (const [r, line] of lines.entries()) {
    for (const [c, field] of line.entries()) {
      const enc = encodeGbk(field);
      if (!enc.ok) {
        const column =
          r > t.header.length + 1
            ? msg('formats.csv.namedColumn', { column: t.columns[c] ?? '' })
            : msg('formats.csv.column', { column: c + 1 });
        return msg('formats.csv.gbkAt', { file, line: r + 1, column, why: enc.reason });
      }
    }
  }
  return msg('formats.gbk.file', { file });
}

function encodeTable(t: CoordinateTable, ctx: ExportContext, name: string): ExportFile | Message {
  const csv = renderCsv(t);
  if (ctx.encoding === 'utf-8') return { name, bytes: new TextEncoder().encode(`\ufeff${csv}`) };
  const enc = encodeGbk(csv);
  return enc.ok ? { name, bytes: enc.bytes } : locateGbkProblem(t, name);
}

function writeCsv(fc: FeatureCollection, ctx: ExportContext) {
  const built = buildCoordinateTables(fc, ctx.crs);
  if (!built.ok) return built;
  const files: ExportFile[] = [];
  const errors: Message[] = [];
  for (const t of built.tables) {
    const out = encodeTable(t, ctx, `${ctx.baseName}-${t.name}.csv`);
    if ('code' in out) errors.push(out);
    else files.push(out);
  }
  if (errors.length > 0) return { ok: false as const, errors };
  return { ok: true as const, files, warnings: built.warnings };
}

/**
 * The coordinate tables (坐标成果表) as csv, one file per table (docs/coordinate-tables.md): UTF-8
 * with a BOM or GBK, RFC 4180 quoting, CRLF.
 * @example csvFormat.write(markers, { crs: CRS['EPSG:4524'], encoding: 'gbk', baseName: 'qj' }) // files qj-管理范围线界桩.csv …
 */
export const csvFormat: ExportFormat = {
  id: 'csv',
  label: 'CSV 坐标成果表',
  extension: '.csv',
  lonLatOnly: false,
  textEncoding: true,
  nameTag: '坐标表CSV',
  write: writeCsv,
};
