import type { ExportFormat } from './types';

/** Placeholder while the coordinate-table writers are written (issue 4). */
export const csvFormat: ExportFormat = {
  id: 'csv',
  label: 'csv',
  extension: '.csv',
  lonLatOnly: false,
  write: () => ({ ok: false, errors: ['csv export is not available yet'] }),
};
