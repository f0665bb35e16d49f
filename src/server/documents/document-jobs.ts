// One document built from plain data: what the document pool's worker runs per message (and the
// request thread itself with a pool of size 0, the bench's baseline). The writers (pdfkit, docx,
// sharp, qrcode) load here, never on the request thread of a server.
import type { NoticeTier } from '../../domain/documents/build-notice-document';
import type { Message } from '../../domain/message';
import { makeSheetsFile, type SheetSource } from '../sheets/make-sheets';
import { buildArchive } from './build-archive';
import type { CjkFonts } from './cjk-fonts';
import { writerOf } from './document-writers';
import {
  type ArchiveRecords,
  boardsModel,
  noticeModel,
  type PublicationContext,
} from './publication-documents';

/**
 * A document to build: the 公告 in a tier and format, the boards (all, or one), the archive (with
 * the map sheets of `geodataDir`'s base), or the map sheets / coordinate-table book of any version.
 */
export type DocumentJob =
  | ({ ctx: PublicationContext; fonts: CjkFonts } & (
      | { kind: 'notice'; tier: NoticeTier; format: 'pdf' | 'docx' }
      | { kind: 'boards'; origin: string; number?: string }
      | { kind: 'archive'; records: ArchiveRecords; geodataDir: string }
    ))
  | { kind: 'sheets'; source: SheetSource; fonts: CjkFonts };

/** A job's bytes; null for boards that do not exist; the reasons sheets cannot be drawn. */
export type DocumentResult = Uint8Array | null | { errors: Message[] };

/**
 * The bytes of a job's document; null for boards that do not exist.
 * @example await runDocumentJob({ kind: 'notice', tier: 'public', format: 'pdf', ctx, fonts })
 */
export async function runDocumentJob(job: DocumentJob): Promise<DocumentResult> {
  if (job.kind === 'sheets') {
    const file = await makeSheetsFile(job.source, job.fonts);
    return file.ok ? file.pdf : { errors: file.errors };
  }
  const { ctx, fonts } = job;
  const date = new Date(ctx.publication.publishedAt);
  switch (job.kind) {
    case 'notice':
      return writerOf(job.format).write(noticeModel(ctx, job.tier), fonts, date);
    case 'boards': {
      const model = boardsModel(ctx, job.origin, job.number);
      return model ? writerOf('pdf').write(model, fonts, date) : null;
    }
    case 'archive':
      return buildArchive(ctx, job.records, fonts, job.geodataDir);
  }
}
