// A titled table as an xlsx workbook (the register, 计划表): a title row across the table, a styled
// column header row, then the rows as they are given (numbers stay numbers).
import type { Cell } from '../tables/coordinate-table';
import { writeXlsx } from './write-xlsx';

/** A table to hand over: its sheet name, title line, column names and rows of text or numbers. */
export interface TitledTable {
  /** ≤ 31 characters, none of `[]:*?/\` */
  sheet: string;
  title: string;
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
}

function cellOf(v: string | number | null): Cell | null {
  if (v === null) return null;
  if (typeof v === 'string') return { kind: 'text', text: v };
  const whole = Number.isInteger(v);
  return { kind: 'number', text: String(v), value: v, format: whole ? 'integer' : 'metres' };
}

/** `A1:J1` for a title over `n` columns. */
function titleRange(n: number): string {
  let col = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    col = String.fromCharCode(65 + ((k - 1) % 26)) + col;
  return `A1:${col || 'A'}1`;
}

/**
 * The table as one xlsx workbook: row 1 the title (bold, 14 pt, merged across the columns), row 2
 * the column names (bold on a fill, bordered), then a row per entry; whole numbers as integers,
 * others with two decimals; text never evaluated as a formula.
 * @example tableWorkbook({ sheet: '计划表', title: '钦州市…计划表，导出日期 2026-12-02', columns: ['序号'], rows: [[1]] }, new Date())
 */
export function tableWorkbook(t: TitledTable, at: Date): Uint8Array {
  if (t.columns.length === 0) throw new Error('a table needs at least one column');
  const rows = [
    [{ kind: 'text', text: t.title } as Cell],
    t.columns.map((c): Cell => ({ kind: 'text', text: c })),
    ...t.rows.map((r) => r.map(cellOf)),
  ];
  return writeXlsx(
    [
      {
        name: t.sheet,
        rows,
        titleRows: [0],
        headerRows: [1],
        merges: [titleRange(t.columns.length)],
      },
    ],
    at,
  );
}
