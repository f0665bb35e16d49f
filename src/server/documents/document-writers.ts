// The document writers, one entry per format (a registry, not a switch): what a route or the archive
// asks for by id.
import type { DocumentModel } from '../../domain/documents/document-model';
import type { CjkFonts } from './cjk-fonts';
import { writeDocx } from './write-docx';
import { writePdf } from './write-pdf';
import { writeSheets } from './write-sheets';

/** One writer of document models. */
export interface DocumentWriter {
  id: 'pdf' | 'docx' | 'xlsx';
  extension: string;
  mediaType: string;
  write(model: DocumentModel, fonts: CjkFonts, date: Date): Promise<Uint8Array>;
}

/** Every writer. */
const DOCUMENT_WRITERS: readonly DocumentWriter[] = [
  { id: 'pdf', extension: 'pdf', mediaType: 'application/pdf', write: writePdf },
  {
    id: 'docx',
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    write: (model, _fonts, date) => writeDocx(model, date),
  },
  {
    id: 'xlsx',
    extension: 'xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: async (model, _fonts, date) => writeSheets(model, date),
  },
];

/** The writer of a format id (they are all in the list). */
export function writerOf(id: DocumentWriter['id']): DocumentWriter {
  return DOCUMENT_WRITERS.find((w) => w.id === id) as DocumentWriter;
}
