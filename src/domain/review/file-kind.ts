// What an uploaded file is, by its first bytes (its magic number), never by its name or the type
// the browser claims.

/** The kinds told apart: PDF is the one accepted; the others name what was sent instead. */
export type FileKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'zip' | 'docx' | 'doc' | 'text' | 'unknown';

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((b, i) => bytes[i] === b);

const ascii = (s: string): number[] => [...s].map((ch) => ch.charCodeAt(0));

/** Whether the bytes contain `needle` (ASCII), e.g. a name in a ZIP's headers. */
function contains(bytes: Uint8Array, needle: string): boolean {
  const n = ascii(needle);
  for (let i = bytes.indexOf(n[0] as number); i >= 0; i = bytes.indexOf(n[0] as number, i + 1))
    if (n.every((b, k) => bytes[i + k] === b)) return true;
  return false;
}

/** Whether the first kilobyte reads as UTF-8 text without control characters but line breaks. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  if (head.length === 0) return false;
  try {
    // streamed: a character cut at the kilobyte's end is not an error
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return ![...text].some((ch) => {
      const code = ch.charCodeAt(0);
      return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d;
    });
  } catch {
    return false;
  }
}

/**
 * The kind of a file by its magic bytes (a PDF starts with `%PDF-`; a DOCX is a ZIP with `word/`).
 * @example fileKind(new TextEncoder().encode('%PDF-1.7\n…')) // 'pdf'
 */
export function fileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF8'))) return 'gif';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return contains(bytes, 'word/') ? 'docx' : 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'doc';
  return looksLikeText(bytes) ? 'text' : 'unknown';
}
