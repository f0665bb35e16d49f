// The XLSX writer of a document model: one sheet per table, headed by the document's title and the
// paragraph before the table, through the app's one XLSX writer (formula-neutralised text cells).
import type { DocBlock, DocumentModel } from '../../domain/documents/document-model';
import type { Sheet } from '../../domain/formats/xlsx/write-xlsx';
import { writeXlsx } from '../../domain/formats/xlsx/write-xlsx';

const text = (s: string) => ({ kind: 'text' as const, text: s });

/**
 * A workbook of a document's tables (a document without tables gives one sheet of its paragraphs).
 * @example writeSheets(buildAcceptanceRecord(input, records), date) // Uint8Array (PK…)
 */
export function writeSheets(model: DocumentModel, date: Date): Uint8Array {
  const sheets: Sheet[] = [];
  let before: string[] = [];
  for (const b of model.blocks as DocBlock[]) {
    if (b.kind === 'paragraph' || b.kind === 'heading') before.push(b.text);
    if (b.kind !== 'table') continue;
    const rows = [
      [text(model.title)],
      ...before.map((p) => [text(p)]),
      ...[...b.header, ...b.rows].map((r) => r.map((c) => text(c.text))),
    ];
    sheets.push({ name: b.name.slice(0, 31), rows, boldRows: [0, before.length + 1] });
    before = [];
  }
  if (sheets.length === 0)
    sheets.push({
      name: '记录',
      rows: [[text(model.title)], ...before.map((p) => [text(p)])],
      boldRows: [0],
    });
  return writeXlsx(sheets, date);
}
