import { strToU8, zipSync } from 'fflate';
import { neutraliseFormula } from '../../text/neutralise-formula';
import type { Cell } from '../tables/coordinate-table';

/** One worksheet: a name (≤ 31 characters, none of `[]:*?/\`), rows of cells (null = empty), bold rows. */
export interface Sheet {
  name: string;
  rows: Array<Array<Cell | null>>;
  /** 0-based indexes of rows printed bold (titles, column headers) */
  boldRows?: number[];
  /** 0-based indexes of column header rows: bold on a grey fill with thin borders */
  headerRows?: number[];
  /** 0-based indexes of title rows: bold, 14 pt */
  titleRows?: number[];
  /** merged ranges, e.g. `A1:J1` (a title across the table) */
  merges?: string[];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indexes in styles.xml's cellXfs. */
const STYLE = { integer: 1, metres: 2, degrees: 3, text: 4, bold: 5, header: 6, title: 7 } as const;

/** How a row is printed. */
type RowStyle = 'plain' | 'bold' | 'header' | 'title';

const STYLES = `${XML_DECL}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000000000"/></numFmts><fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E2F3"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/><xf numFmtId="49" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"/><xf numFmtId="49" fontId="2" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function escapeXml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Shared strings: each distinct text once, referenced by index. */
class StringTable {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;
  ref(s: string): number {
    this.count++;
    const hit = this.index.get(s);
    if (hit !== undefined) return hit;
    this.index.set(s, this.list.length);
    this.list.push(s);
    return this.list.length - 1;
  }
  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`);
    return `${XML_DECL}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items.join('')}</sst>`;
  }
}

function cellXml(c: Cell, ref: string, style: RowStyle, strings: StringTable): string {
  if (c.kind === 'number') return `<c r="${ref}" s="${STYLE[c.format]}"><v>${c.value}</v></c>`;
  const s = style === 'plain' ? STYLE.text : STYLE[style];
  // a text cell is never a formula in a shared string, but a user who edits it (F2, Enter) or
  // saves the sheet as csv makes it one: neutralised like every text cell the app writes
  return `<c r="${ref}" s="${s}" t="s"><v>${strings.ref(neutraliseFormula(c.text))}</v></c>`;
}

/** Display width of text in Excel's character units: CJK counts double. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) as number) > 0x2e7f ? 2 : 1;
  return w;
}

function columnsXml(rows: Sheet['rows']): string {
  const widths: number[] = [];
  for (const row of rows) {
    if (row.length < 3) continue; // header-block rows (key, value) would widen the first columns
    row.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 8, c ? textWidth(c.text) + 2 : 0);
    });
  }
  const cols = widths.map(
    (w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(w, 40)}" customWidth="1"/>`,
  );
  return cols.length > 0 ? `<cols>${cols.join('')}</cols>` : '';
}

function rowStyle(sheet: Sheet, r: number): RowStyle {
  if (sheet.titleRows?.includes(r)) return 'title';
  if (sheet.headerRows?.includes(r)) return 'header';
  return sheet.boldRows?.includes(r) ? 'bold' : 'plain';
}

function sheetXml(sheet: Sheet, strings: StringTable): string {
  const rows: string[] = [];
  sheet.rows.forEach((row, r) => {
    const style = rowStyle(sheet, r);
    const cells = row
      .map((c, i) =>
        c && c.text !== '' ? cellXml(c, `${columnName(i)}${r + 1}`, style, strings) : '',
      )
      .join('');
    if (cells !== '') rows.push(`<row r="${r + 1}">${cells}</row>`);
  });
  const merges = sheet.merges ?? [];
  const merged =
    merges.length > 0
      ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
      : '';
  return `${XML_DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${columnsXml(sheet.rows)}<sheetData>${rows.join('')}</sheetData>${merged}</worksheet>`;
}

function checkNames(sheets: Sheet[]): void {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const seen = new Set<string>();
  for (const { name } of sheets) {
    if (name === '' || [...name].length > 31 || /[[\]:*?/\\]/.test(name)) {
      throw new Error(`sheet name "${name}" must be 1–31 characters without []:*?/\\`);
    }
    if (seen.has(name.toLowerCase())) throw new Error(`sheet name "${name}" is used twice`);
    seen.add(name.toLowerCase());
  }
}

/**
 * An xlsx workbook (OOXML, zipped with fflate) from sheets of cells; numbers stay numbers.
 * @example writeXlsx([{ name: '公告牌', rows: [[{ kind: 'text', text: '点号' }]] }], new Date()) // Uint8Array (PK…)
 */
export function writeXlsx(sheets: Sheet[], mtime: Date): Uint8Array {
  checkNames(sheets);
  const strings = new StringTable();
  const sheetFiles = sheets.map((s) => strToU8(sheetXml(s, strings)));
  const files: Record<string, Uint8Array> = {};
  const n = sheets.length;
  const sheetList = sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const sheetRels = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`,
    )
    .join('');
  files['[Content_Types].xml'] = strToU8(
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>${overrides}<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`,
  );
  files['_rels/.rels'] = strToU8(
    `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `${XML_DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetList}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${XML_DECL}<Relationships xmlns="${PKG_REL}">${sheetRels}<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  sheetFiles.forEach((bytes, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = bytes;
  });
  files['xl/styles.xml'] = strToU8(STYLES);
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  return zipSync(files, { level: 6, mtime });
}
