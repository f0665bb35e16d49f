// A chart's table to Excel: the numbers the table shows, with a title row, through the app's own
// xlsx writer (loaded on the first export, as the register's 导出 Excel).
import { deliverableStem } from '../../domain/text/file-stem';
import { useProgressT } from './messages-progress';

/** A table as it is exported: sheet name, title, column names and rows. */
export interface ExportTable {
  sheet: string;
  title: string;
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
}

function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(
    new Blob([bytes as Uint8Array<ArrayBuffer>], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The 导出 Excel button of a chart's table; `now` is the server's today (the file's date). */
export function TableExport(props: { table: ExportTable; now: string }) {
  const t = useProgressT();
  const run = async () => {
    const { tableWorkbook } = await import('../../domain/formats/xlsx/table-workbook');
    const at = new Date(props.now);
    const bytes = tableWorkbook(props.table, at);
    download(`${deliverableStem({ river: '钦州市', content: props.table.sheet, at })}.xlsx`, bytes);
  };
  return (
    <button
      type="button"
      className="secondary table-export"
      data-sheet={props.table.sheet}
      title={t('exportTitle', { n: props.table.rows.length })}
      onClick={() => void run()}
    >
      {t('exportTable')}
    </button>
  );
}
