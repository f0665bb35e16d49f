// The DOCX writer of a document model (the `docx` package), made deterministic: the package's zip is
// rewritten with fflate, entries sorted and timed at the document's date, and docProps/core.xml's
// dates set to it.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type {
  DocBlock,
  DocCell,
  DocTable,
  DocumentModel,
} from '../../domain/documents/document-model';
import { figurePng } from './figure-svg';

const SERIF = 'SimSun'; // 宋体: what a Chinese 公文 is set in; LibreOffice substitutes a CJK serif
const SANS = 'SimHei'; // 黑体 for titles and headings
const halfPoints = (mm: number): number => Math.round((mm * 72 * 2) / 25.4);
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

function run(text: string, font: string, sizeMm: number, bold = false): TextRun {
  return new TextRun({
    text,
    color: '000000',
    bold,
    size: halfPoints(sizeMm),
    font: { ascii: font, eastAsia: font, hAnsi: font },
  });
}

function cellOf(c: DocCell, model: DocumentModel, header: boolean): TableCell {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new TableCell({
    children: [
      new Paragraph({
        alignment: ALIGN[c.align ?? 'left'],
        children: [run(c.text, header ? SANS : SERIF, model.textMm * 0.8, header)],
      }),
    ],
    columnSpan: c.colSpan,
    rowSpan: c.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    borders: { top: border, bottom: border, left: border, right: border },
  });
}

function tableOf(t: DocTable, model: DocumentModel): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: t.widths.map((w) => Math.round((w / total) * 9000)),
    rows: [
      ...t.header.map(
        (r) => new TableRow({ tableHeader: true, children: r.map((c) => cellOf(c, model, true)) }),
      ),
      ...t.rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.map((c) => cellOf(c, model, false)) }),
      ),
    ],
  });
}

async function blockOf(b: DocBlock, model: DocumentModel): Promise<(Paragraph | Table)[]> {
  const size = model.textMm;
  switch (b.kind) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 300 },
          children: [run(b.text, SANS, size * 1.45, true)],
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          spacing: { before: 160, after: 80 },
          children: [run(b.text, SANS, size * 1.05, true)],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[b.align ?? 'left'],
          indent: b.indent ? { firstLine: Math.round((size * 2 * 1440) / 25.4) } : undefined,
          children: [run(b.text, SERIF, size * (b.scale ?? 1))],
        }),
      ];
    case 'table':
      return [tableOf(b, model), new Paragraph({ children: [] })];
    case 'figure': {
      const { png, width, height } = await figurePng(b, 200);
      const px = (b.widthMm / 25.4) * 96; // docx sizes images in 96-dpi pixels
      const image = new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: px, height: (px * height) / width },
      });
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [image] }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [run(b.caption, SANS, size * 0.9)],
        }),
      ];
    }
    case 'signature':
      return [
        new Paragraph({ children: [] }),
        ...b.lines.map(
          (l) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(l, SERIF, size)] }),
        ),
      ];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'qr':
      return [new Paragraph({ children: [run(`${b.caption}：${b.text}`, SERIF, size)] })];
  }
}

/** The package rewritten: sorted entries ([Content_Types].xml first), fixed times, core.xml dated. */
function normalise(bytes: Uint8Array, date: Date): Uint8Array {
  const files = unzipSync(bytes);
  const stamp = `${date.toISOString().slice(0, 19)}Z`;
  const core = files['docProps/core.xml'];
  if (core)
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${stamp}`),
    );
  const names = Object.keys(files).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const sorted: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const n of names) sorted[n] = [files[n] as Uint8Array, { mtime: date }];
  return zipSync(sorted, { level: 6 });
}

/**
 * A DOCX of a document model, dated `date`; the same model and date give the same bytes.
 * @example await writeDocx(buildNoticeDocument(input), new Date(publication.publishedAt)) // Uint8Array (PK…)
 */
export async function writeDocx(model: DocumentModel, date: Date): Promise<Uint8Array> {
  const children = (await Promise.all(model.blocks.map((b) => blockOf(b, model)))).flat();
  const mm = (v: number) => Math.round((v * 1440) / 25.4); // twips
  const doc = new Document({
    title: model.title,
    creator: 'Hejie',
    lastModifiedBy: 'Hejie',
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(model.page.widthMm), height: mm(model.page.heightMm) },
            margin: {
              top: mm(model.page.marginMm),
              bottom: mm(model.page.marginMm),
              left: mm(model.page.marginMm),
              right: mm(model.page.marginMm),
            },
          },
        },
        children,
      },
    ],
  });
  return normalise(new Uint8Array(await Packer.toBuffer(doc)), date);
}
