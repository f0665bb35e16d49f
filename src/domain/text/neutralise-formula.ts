// Spreadsheet formula injection (CSV/XLSX/TXT cells that Excel or WPS would evaluate): OWASP's rule.

/** Characters that make Excel, WPS or LibreOffice read a cell as a formula or a command. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that no spreadsheet evaluates: one starting with `=`, `+`, `-`, `@`, tab or CR gets a
 * leading `'` (OWASP, CSV injection); any other text is returned as it is. Only for text cells:
 * numbers are written as numbers and never pass through here.
 * @example neutraliseFormula('=HYPERLINK("http://x","click")') // "'=HYPERLINK(\"http://x\",\"click\")"
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
