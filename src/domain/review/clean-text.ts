// Text typed by the public (an opinion, a name, a contact) as it is stored: what the person typed,
// without what no one types on purpose.

/**
 * C0 and C1 controls but the line feed, and the bidirectional overrides and isolates (they can make
 * a stored text read differently from what it holds).
 */
function invisible(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * A typed text in Unicode NFC with its line breaks as `\n`, tabs as spaces, and no control or
 * bidirectional-override characters (line breaks are kept).
 * @example cleanText('第一行\r\n第二行\u0000') // '第一行\n第二行'
 */
export function cleanText(text: string): string {
  const lines = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  return [...lines].filter((ch) => !invisible(ch.charCodeAt(0))).join('');
}
