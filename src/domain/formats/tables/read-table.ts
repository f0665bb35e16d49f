import { decodeGbk, guessEncoding } from '../../text/gbk';
import type { RawResult } from '../common/raw-data';
import { readBlocks } from '../txt/read-txt-blocks';
import type { ImportOptions, ImportSource, TextEncoding } from '../types';
import { type Cell, tableToRaw } from './table-rows';

function decodeText(
  bytes: Uint8Array,
  options: ImportOptions,
): { text: string; encoding: TextEncoding | 'ascii' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder().decode(bytes.subarray(3)), encoding: 'utf-8' };
  const enc = options.encoding ?? guessEncoding(bytes);
  return {
    text: enc === 'gbk' ? decodeGbk(bytes) : new TextDecoder().decode(bytes),
    encoding: enc,
  };
}

/** RFC 4180 rows; the delimiter is the first of `,` tab `;` found in the first line, else runs of spaces. */
function splitRows(text: string): Cell[][] {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const delim = [',', '\t', ';', '，'].find((d) => firstLine.includes(d));
  if (!delim) return text.split(/\r?\n/).map((l) => l.trim().split(/\s+/));
  const rows: Cell[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted) {
      if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch !== delim && ch !== '\n' && ch !== '\r') cell += ch;
    else {
      row.push(cell);
      cell = '';
      if (ch === delim) continue;
      if (ch === '\r' && text[i + 1] === '\n') i++;
      rows.push(row);
      row = [];
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const finish = (r: ReturnType<typeof tableToRaw>, encoding: TextEncoding | 'ascii'): RawResult =>
  r.ok ? { ok: true, raw: { ...r.raw, encoding } } : r;

/**
 * Reads a CSV coordinate table (UTF-8 with or without BOM, or GBK).
 * @example readCsv({ name: 'a.csv', bytes }, {}) // { ok: true, raw: { order: 'north-east', … } }
 */
export function readCsv(source: ImportSource, options: ImportOptions): RawResult {
  const { text, encoding } = decodeText(source.bytes, options);
  return finish(tableToRaw(splitRows(text), source.name, null), encoding);
}

/**
 * Reads a TXT coordinate file: the exchange format (`[属性描述]`/`[地块坐标]` blocks) or a plain table.
 * @example readTxt({ name: 'a.txt', bytes }, {}) // { ok: true, raw: { zone: 36, … } }
 */
export function readTxt(source: ImportSource, options: ImportOptions): RawResult {
  const { text, encoding } = decodeText(source.bytes, options);
  if (!text.includes('[地块坐标]'))
    return finish(tableToRaw(splitRows(text), source.name, null), encoding);
  const zone = /^\s*带号\s*[=＝]\s*(\d+)\s*$/m.exec(text)?.[1];
  const body = text.slice(text.indexOf('[地块坐标]') + '[地块坐标]'.length);
  const blocks = readBlocks(body.split(/\r?\n/), source.name);
  if (!blocks.ok) return blocks;
  return {
    ok: true,
    raw: {
      features: blocks.features,
      order: 'north-east',
      declared: null,
      zone: zone ? Number(zone) : null,
      encoding,
      warnings: [],
    },
  };
}
