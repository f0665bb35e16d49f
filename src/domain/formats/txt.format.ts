import type { ExportFormat } from './types';

/** Placeholder while the coordinate-table writers are written (issue 4). */
export const txtFormat: ExportFormat = {
  id: 'txt',
  label: 'txt',
  extension: '.txt',
  lonLatOnly: false,
  write: () => ({ ok: false, errors: ['txt export is not available yet'] }),
};
