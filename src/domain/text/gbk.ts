/**
 * GBK text for files read and written by Chinese GIS/CAD software (shapefile DBF, CSV for Excel).
 * Browsers and Node decode GBK (WHATWG `TextDecoder('gbk')`) but only encode UTF-8, so the encoder
 * table is built once from the decoder: every two-byte code 0x8140–0xFEFE, reversed.
 */

import { type Message, msg } from '../message';

let table: Map<number, number> | null = null;

function encoderTable(): Map<number, number> {
  if (table) return table;
  const dec = new TextDecoder('gbk', { fatal: false });
  const t = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const s = dec.decode(pair);
      const cp = s.codePointAt(0);
      if (s.length === 1 && cp !== undefined && cp !== 0xfffd && !t.has(cp)) {
        t.set(cp, (lead << 8) | trail);
      }
    }
  }
  table = t;
  return t;
}

/** The outcome of encoding: bytes, or the first character GBK cannot hold. */
export type GbkResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: Message };

/**
 * Encodes text as GBK; refuses (with the character and its position) what GBK cannot hold.
 * @example encodeGbk('钦州') // { ok: true, bytes: Uint8Array [0xc7, 0xd5, 0xd6, 0xdd] }
 */
export function encodeGbk(text: string): GbkResult {
  const t = encoderTable();
  const out: number[] = [];
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else {
      const code = t.get(cp);
      if (code === undefined) {
        return {
          ok: false,
          reason: msg('formats.gbk.cannotEncode', {
            char: ch,
            codepoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`,
            index: i + 1,
            text,
          }),
        };
      }
      out.push(code >> 8, code & 0xff);
    }
    i++;
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/**
 * Decodes GBK bytes.
 * @example decodeGbk(Uint8Array.of(0xc7, 0xd5)) // '钦'
 */
export function decodeGbk(bytes: Uint8Array): string {
  return new TextDecoder('gbk').decode(bytes);
}

/**
 * Guesses the encoding of text bytes with no declaration: valid UTF-8 with any non-ASCII byte is
 * UTF-8 (GBK Chinese text is almost never valid UTF-8); otherwise GBK; pure ASCII is 'ascii'.
 * @example guessEncoding(new TextEncoder().encode('钦州')) // 'utf-8'
 */
export function guessEncoding(bytes: Uint8Array): 'utf-8' | 'gbk' | 'ascii' {
  if (bytes.every((b) => b < 0x80)) return 'ascii';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}
