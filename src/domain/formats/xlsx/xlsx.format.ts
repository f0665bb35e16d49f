import type { FeatureCollection } from 'geojson';
import type { Cell, CoordinateTable } from '../tables/coordinate-table';
import { buildCoordinateTables } from '../tables/coordinate-table';
import type { ExportContext, ExportFormat } from '../types';
import type { Sheet } from './write-xlsx';
import { writeXlsx } from './write-xlsx';

function sheetOf(t: CoordinateTable): Sheet {
  const header: Array<Array<Cell | null>> = t.header.map(([k, v]) => [
    { kind: 'text', text: k },
    v,
  ]);
  const columns: Cell[] = t.columns.map((c) => ({ kind: 'text', text: c }));
  return {
    name: t.name,
    rows: [...header, [], columns, ...t.rows],
    boldRows: [0, header.length + 1],
  };
}

function writeXlsxTables(fc: FeatureCollection, ctx: ExportContext) {
  const built = buildCoordinateTables(fc, ctx.crs);
  if (!built.ok) return built;
  const bytes = writeXlsx(built.tables.map(sheetOf), ctx.now ?? new Date());
  return {
    ok: true as const,
    files: [{ name: `${ctx.baseName}.xlsx`, bytes }],
    warnings: built.warnings,
  };
}

/**
 * The coordinate tables (坐标成果表) as one xlsx workbook, a sheet per table
 * (docs/coordinate-tables.md); X/Y/里程 numeric with format 0.00, 点号 and B/L text.
 * @example xlsxFormat.write(markers, { crs: CRS['EPSG:4545'], encoding: 'utf-8', baseName: 'qj' }) // files [qj.xlsx]
 */
export const xlsxFormat: ExportFormat = {
  id: 'xlsx',
  label: 'Excel 坐标成果表',
  extension: '.xlsx',
  lonLatOnly: false,
  textEncoding: false,
  nameTag: '坐标表',
  write: writeXlsxTables,
};
