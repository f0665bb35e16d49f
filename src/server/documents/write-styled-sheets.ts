// The XLSX writer of a tabular document model the way Chinese government tables look: one sheet per
// table, the document's title merged across the table in 14 pt, the paragraph before the table merged
// under it, the header rows bold on a grey fill with their merged cells (colSpan/rowSpan), numbers as
// numbers. Through the app's one XLSX writer (formula-neutralised text cells).
import type {
  DocBlock,
  DocCell,
  DocTable,
  DocumentModel,
} from '../../domain/documents/document-model';
import type { Cell } from '../../domain/formats/tables/coordinate-table';
import type { Sheet } from '../../domain/formats/xlsx/write-xlsx';
import { writeXlsx } from '../../domain/formats/xlsx/write-xlsx';

const column = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : column(Math.floor(i / 26) - 1) + column(i % 26);
const ref = (r: number, c: number) => `${column(c)}${r + 1}`;

function cellOf(text: string): Cell {
  if (/^-?\d+$/.test(text)) return { kind: 'number', text, value: Number(text), format: 'integer' };
  if (/^-?\d+\.\d+$/.test(text))
    return { kind: 'number', text, value: Number(text), format: 'metres' };
  return { kind: 'text', text };
}

/** Lays rows of spanning cells on a grid; returns the grid rows and the merged ranges. */
function layRows(rows: DocCell[][], top: number, width: number) {
  const grid: (Cell | null)[][] = rows.map(() => new Array<Cell | null>(width).fill(null));
  const covered = new Set<string>();
  const merges: string[] = [];
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (covered.has(`${r}|${col}`)) col++;
      const [cs, rs] = [cell.colSpan ?? 1, cell.rowSpan ?? 1];
      (grid[r] as (Cell | null)[])[col] = cellOf(cell.text);
      for (let dr = 0; dr < rs; dr++)
        for (let dc = 0; dc < cs; dc++) covered.add(`${r + dr}|${col + dc}`);
      if (cs > 1 || rs > 1)
        merges.push(`${ref(top + r, col)}:${ref(top + r + rs - 1, col + cs - 1)}`);
      col += cs;
    }
  });
  return { grid, merges };
}

function tableSheet(title: string, before: string[], table: DocTable): Sheet {
  const width = table.widths.length;
  const lead = [title, ...before];
  const header = layRows(table.header, lead.length, width);
  const body = layRows(table.rows, lead.length + table.header.length, width);
  const text = (s: string): Cell => ({ kind: 'text', text: s });
  return {
    name: table.name.slice(0, 31),
    rows: [...lead.map((s) => [text(s)]), ...header.grid, ...body.grid],
    titleRows: [0],
    boldRows: before.map((_, i) => i + 1),
    headerRows: table.header.map((_, i) => lead.length + i),
    merges: [
      ...lead.map((_, i) => `${ref(i, 0)}:${ref(i, width - 1)}`),
      ...header.merges,
      ...body.merges,
    ],
  };
}

/**
 * A workbook of a document's tables, each headed by the title and the paragraphs before it.
 * @example writeStyledSheets(buildProgressSummary(input), new Date()) // Uint8Array (PK…)
 */
export function writeStyledSheets(model: DocumentModel, date: Date): Uint8Array {
  const sheets: Sheet[] = [];
  let before: string[] = [];
  for (const b of model.blocks as DocBlock[]) {
    if (b.kind === 'paragraph' || b.kind === 'heading') before.push(b.text);
    if (b.kind !== 'table') continue;
    sheets.push(tableSheet(model.title, before, b));
    before = [];
  }
  return writeXlsx(sheets, date);
}
