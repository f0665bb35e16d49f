import { type Message, msg } from '../../message';
import { encodeGbk } from '../../text/gbk';
import type { TextEncoding } from '../types';

/** One DBF column: its field name and the row key its values come from. */
export interface DbfColumn {
  name: string;
  key: string;
}

/** What the table writer needs: columns, rows, the encoding, and how to name a row in messages. */
export interface DbfInput {
  columns: readonly DbfColumn[];
  rows: readonly Record<string, unknown>[];
  encoding: TextEncoding;
  describeRow: (index: number) => Message;
}

interface Field {
  name: string;
  type: 'C' | 'N' | 'L';
  width: number;
  decimals: number;
  cells: Uint8Array[];
}

const MAX_CHAR = 254;
const MAX_NUMERIC = 20;
/** DBF language driver ids: none (UTF-8 is declared by the .cpg alone), 0x4D = code page 936 (GBK). */
const LDID: Record<TextEncoding, number> = { 'utf-8': 0x00, gbk: 0x4d };
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** A field name's bytes in the table's encoding (names come from mapFieldNames: ≤ 10 bytes). */
function nameBytes(name: string, encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(name).slice(0, 10);
  const r = encodeGbk(name);
  return r.ok ? r.bytes.slice(0, 10) : ascii(name);
}

function decimalsOf(v: number): number {
  for (let d = 0; d < 10; d++) if (Number(v.toFixed(d)) === v) return d;
  return 10;
}

function numericField(name: string, values: readonly unknown[]): Field {
  const nums = values.filter((v): v is number => typeof v === 'number');
  let decimals = Math.max(0, ...nums.map(decimalsOf));
  const intWidth = Math.max(1, ...nums.map((v) => v.toFixed(0).length));
  decimals = Math.max(0, Math.min(decimals, MAX_NUMERIC - intWidth - 1));
  const width = Math.min(MAX_NUMERIC, intWidth + (decimals > 0 ? decimals + 1 : 0));
  const cells = values.map((v) =>
    ascii(typeof v === 'number' ? v.toFixed(decimals).padStart(width) : ' '.repeat(width)),
  );
  return { name, type: 'N', width, decimals, cells };
}

/** Bytes of text in the encoding, cut to `max` bytes at a character boundary. */
function encodeCut(
  text: string,
  encoding: TextEncoding,
  max: number,
): { error: Message } | { bytes: Uint8Array; cut: boolean } {
  let out = text;
  let bytes: Uint8Array;
  for (;;) {
    if (encoding === 'utf-8') bytes = new TextEncoder().encode(out);
    else {
      const r = encodeGbk(out);
      if (!r.ok) return { error: r.reason };
      bytes = r.bytes;
    }
    if (bytes.length <= max) return { bytes, cut: out.length < text.length };
    // drop whole characters (surrogate pairs together) until the bytes fit
    const chars = Array.from(out);
    out = chars.slice(0, Math.max(0, chars.length - Math.ceil((bytes.length - max) / 4))).join('');
  }
}

function textOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function charField(col: DbfColumn, input: DbfInput, errors: Message[], warnings: Message[]): Field {
  const cells = input.rows.map((row, i) => {
    const text = textOf(row[col.key]);
    if (text === null) return new Uint8Array(0);
    const r = encodeCut(text, input.encoding, MAX_CHAR);
    if ('error' in r) {
      errors.push(
        msg('formats.dbf.property', { row: input.describeRow(i), key: col.key, why: r.error }),
      );
      return new Uint8Array(0);
    }
    if (r.cut)
      warnings.push(
        msg('formats.dbf.property', {
          row: input.describeRow(i),
          key: col.key,
          why: msg('formats.dbf.cut', { bytes: r.bytes.length, max: MAX_CHAR }),
        }),
      );
    return r.bytes;
  });
  const width = Math.max(1, ...cells.map((c) => c.length));
  return { name: col.name, type: 'C', width, decimals: 0, cells };
}

function fieldOf(col: DbfColumn, input: DbfInput, errors: Message[], warnings: Message[]): Field {
  const values = input.rows.map((r) => r[col.key]);
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length > 0 && present.every((v) => typeof v === 'number' && Number.isFinite(v)))
    return numericField(col.name, values);
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) {
    const cells = values.map((v) => ascii(v === true ? 'T' : v === false ? 'F' : '?'));
    return { name: col.name, type: 'L', width: 1, decimals: 0, cells };
  }
  return charField(col, input, errors, warnings);
}

function assemble(fields: Field[], rowCount: number, encoding: TextEncoding): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((s, f) => s + f.width, 0);
  const bytes = new Uint8Array(headerLength + recordLength * rowCount + 1).fill(0x20, headerLength);
  const view = new DataView(bytes.buffer);
  const now = new Date();
  bytes.set([0x03, now.getUTCFullYear() - 1900, now.getUTCMonth() + 1, now.getUTCDate()]);
  view.setUint32(4, rowCount, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  bytes[29] = LDID[encoding];
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    bytes.set(nameBytes(f.name, encoding), at);
    bytes[at + 11] = f.type.charCodeAt(0);
    bytes[at + 16] = f.width;
    bytes[at + 17] = f.decimals;
  });
  bytes[headerLength - 1] = 0x0d;
  for (let r = 0; r < rowCount; r++) {
    let at = headerLength + r * recordLength + 1;
    for (const f of fields) {
      bytes.set(f.cells[r] as Uint8Array, at);
      at += f.width;
    }
  }
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

/**
 * A dBase III table: numbers as N fields (decimals from the values), booleans as L, everything else
 * as C with widths in encoded bytes (text over 254 bytes is cut at a character boundary, with a
 * warning); a character the encoding cannot hold is an error naming the row and property.
 * @example writeDbf({ columns: [{ name: 'NAME', key: 'name' }], rows: [{ name: '钦江' }], encoding: 'gbk', describeRow: (i) => `feature ${i}` })
 */
export function writeDbf(
  input: DbfInput,
): { ok: true; bytes: Uint8Array; warnings: Message[] } | { ok: false; errors: Message[] } {
  const errors: Message[] = [];
  const warnings: Message[] = [];
  const fields = input.columns.map((c) => fieldOf(c, input, errors, warnings));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, bytes: assemble(fields, input.rows.length, input.encoding), warnings };
}
