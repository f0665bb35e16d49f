import { type Message, msg } from '../../message';
import { decodeGbk, guessEncoding } from '../../text/gbk';
import type { ImportOptions, TextEncoding } from '../types';

const CODEPAGES: Record<string, TextEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  '65001': 'utf-8',
  cp936: 'gbk',
  '936': 'gbk',
  gbk: 'gbk',
  gb2312: 'gbk',
  gb18030: 'gbk',
  'ansi 936': 'gbk',
};

/**
 * The encoding of a DBF's text: --encoding, else the .cpg, else the language driver byte or the bytes
 * (with a warning saying which).
 * @example chooseEncoding(dbf, cpg, {}, '河道', warnings) // 'gbk'
 */
export function chooseEncoding(
  dbf: Uint8Array,
  cpg: Uint8Array | undefined,
  options: ImportOptions,
  layer: string,
  warnings: Message[],
): TextEncoding | 'ascii' {
  if (options.encoding) return options.encoding;
  if (cpg) {
    const name = new TextDecoder().decode(cpg).trim().toLowerCase();
    const enc = CODEPAGES[name];
    if (enc) return enc;
    warnings.push(msg('formats.dbf.unknownCpg', { layer, name }));
  }
  const guess = guessEncoding(dbf.subarray(32));
  if (guess === 'ascii') return 'ascii';
  const hint = dbf[29] === 0x4d;
  const enc: TextEncoding = hint ? 'gbk' : guess;
  const how = hint ? msg('formats.dbf.fromDriverByte') : msg('formats.dbf.fromBytes');
  warnings.push(msg('formats.dbf.noCpg', { layer, encoding: enc.toUpperCase(), how }));
  return enc;
}

type Table = { ok: true; rows: Record<string, unknown>[] } | { ok: false; errors: Message[] };

/**
 * Reads a DBF table: one record of field values per row (deleted rows skipped), text decoded as `enc`.
 * @example readDbf(bytes, '河道.dbf', 'gbk') // { ok: true, rows: [{ 名称: '钦江', … }] }
 */
export function readDbf(b: Uint8Array, name: string, enc: TextEncoding | 'ascii'): Table {
  if (b.length < 33)
    return { ok: false, errors: [msg('formats.dbf.short', { file: name, bytes: b.length })] };
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const count = v.getUint32(4, true);
  const headerLen = v.getUint16(8, true);
  const recLen = v.getUint16(10, true);
  if (b.length < headerLen + count * recLen) {
    return {
      ok: false,
      errors: [
        msg('formats.dbf.truncated', {
          file: name,
          records: count,
          need: headerLen + count * recLen,
          bytes: b.length,
        }),
      ],
    };
  }
  const text = (bytes: Uint8Array) =>
    enc === 'gbk' ? decodeGbk(bytes) : new TextDecoder().decode(bytes);
  const fields: { name: string; type: string; len: number; at: number }[] = [];
  let at = 1;
  for (let o = 32; o + 32 <= headerLen && b[o] !== 0x0d; o += 32) {
    const raw = b.subarray(o, o + 11);
    const end = raw.indexOf(0);
    const len = b[o + 16] as number;
    fields.push({
      name: text(raw.subarray(0, end < 0 ? 11 : end)),
      type: String.fromCharCode(b[o + 11] as number),
      len,
      at,
    });
    at += len;
  }
  const rows: Record<string, unknown>[] = [];
  for (let r = 0; r < count; r++) {
    const base = headerLen + r * recLen;
    if (b[base] === 0x2a) continue;
    const row: Record<string, unknown> = {};
    for (const f of fields)
      row[f.name] = dbfValue(f.type, text(b.subarray(base + f.at, base + f.at + f.len)).trim());
    rows.push(row);
  }
  return { ok: true, rows };
}

function dbfValue(type: string, s: string): unknown {
  if (type === 'N' || type === 'F') return s === '' || /^\*+$/.test(s) ? null : Number(s);
  if (type === 'L') return /^[YyTt]$/.test(s) ? true : /^[NnFf]$/.test(s) ? false : null;
  if (type === 'D')
    return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}` : s || null;
  return s;
}
