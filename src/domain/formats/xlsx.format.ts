import type { ExportFormat } from './types';

/** Placeholder while the coordinate-table writers are written (issue 4). */
export const xlsxFormat: ExportFormat = {
  id: 'xlsx',
  label: 'xlsx',
  extension: '.xlsx',
  lonLatOnly: false,
  write: () => ({ ok: false, errors: ['xlsx export is not available yet'] }),
};
