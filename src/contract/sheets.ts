// The wire of the map-sheet routes (GET /api/plans/:id/sheets.pdf, /sheets-table.pdf).
import { z } from 'zod';
import { SHEET_ORIENTATIONS, SHEET_PAPERS, SHEET_SCALES } from '../domain/sheets/sheet-options';

/**
 * Query of sheets.pdf: `public=1` for the public set, `version=draft` for the newest saved version;
 * scale, paper and orientation as the CLI's.
 */
export const sheetsQuery = z
  .object({
    public: z.enum(['1']).optional(),
    version: z.enum(['draft']).optional(),
    scale: z.enum(SHEET_SCALES.map(String) as [string, ...string[]]).optional(),
    paper: z.enum(SHEET_PAPERS).optional(),
    orientation: z.enum(SHEET_ORIENTATIONS).optional(),
    /** an imagery layer's id (GET /api/imagery): its orthophoto under the map */
    imagery: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/)
      .optional(),
  })
  .strict();
