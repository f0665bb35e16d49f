// PMTiles v3 (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): the header and the
// directories, decoded from bytes. The server reads the bytes; this module never touches a file.
import { gunzipSync } from 'fflate';

/** The header fields Hejie uses. */
export interface PmtilesHeader {
  rootOffset: number;
  rootLength: number;
  leafOffset: number;
  tileDataOffset: number;
  internalCompression: number;
  tileCompression: number;
  tileType: number;
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number];
}

/** A directory entry: a run of `runLength` tiles from `tileId` (0: a leaf directory). */
export interface PmtilesEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const u64 = (v: DataView, at: number) => Number(v.getBigUint64(at, true));

/**
 * The 127-byte header, or null when the bytes are not PMTiles v3.
 * @example readPmtilesHeader(bytes.subarray(0, 127))?.maxZoom
 */
export function readPmtilesHeader(b: Uint8Array): PmtilesHeader | null {
  if (
    b.length < 127 ||
    Array.from(b.subarray(0, 7), (c) => String.fromCharCode(c)).join('') !== 'PMTiles' ||
    b[7] !== 3
  )
    return null;
  const v = new DataView(b.buffer, b.byteOffset, 127);
  const e7 = (at: number) => v.getInt32(at, true) / 1e7;
  return {
    rootOffset: u64(v, 8),
    rootLength: u64(v, 16),
    leafOffset: u64(v, 40),
    tileDataOffset: u64(v, 56),
    internalCompression: v.getUint8(97),
    tileCompression: v.getUint8(98),
    tileType: v.getUint8(99),
    minZoom: v.getUint8(100),
    maxZoom: v.getUint8(101),
    bounds: [e7(102), e7(106), e7(110), e7(114)],
  };
}

/** Bytes as stored with `compression` (1 none, 2 gzip); other codecs are refused. */
export function decompress(b: Uint8Array, compression: number): Uint8Array {
  if (compression === 1 || compression === 0) return b;
  if (compression === 2) return gunzipSync(b);
  throw new Error(`PMTiles compression ${compression} is not supported (only none and gzip)`);
}

function varints(b: Uint8Array): () => number {
  let pos = 0;
  return () => {
    let value = 0;
    let shift = 1;
    for (;;) {
      const byte = b[pos++];
      if (byte === undefined) throw new Error('PMTiles directory ends early');
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
      shift *= 128;
    }
  };
}

/**
 * A directory's entries from its (decompressed) bytes.
 * @example readPmtilesDirectory(decompress(root, header.internalCompression))
 */
export function readPmtilesDirectory(b: Uint8Array): PmtilesEntry[] {
  const next = varints(b);
  const n = next();
  const entries: PmtilesEntry[] = Array.from({ length: n }, () => ({
    tileId: 0,
    offset: 0,
    length: 0,
    runLength: 0,
  }));
  let last = 0;
  for (const e of entries) {
    last += next();
    e.tileId = last;
  }
  for (const e of entries) e.runLength = next();
  for (const e of entries) e.length = next();
  entries.forEach((e, i) => {
    const o = next();
    const prev = entries[i - 1];
    e.offset = o === 0 && prev ? prev.offset + prev.length : o - 1;
  });
  return entries;
}

/**
 * The Hilbert tile id of z/x/y (PMTiles' ordering).
 * @example zxyToTileId(1, 0, 0) // → 1
 */
export function zxyToTileId(z: number, x: number, y: number): number {
  let acc = 0;
  for (let t = 0; t < z; t++) acc += 4 ** t;
  const n = 2 ** z;
  let d = 0;
  let [tx, ty] = [x, y];
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (tx & s) > 0 ? 1 : 0;
    const ry = (ty & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        tx = s - 1 - tx;
        ty = s - 1 - ty;
      }
      [tx, ty] = [ty, tx];
    }
  }
  return acc + d;
}

/**
 * The entry holding `tileId` (a tile run or a leaf directory), or null.
 * @example findPmtilesEntry(entries, zxyToTileId(12, 3270, 1780))
 */
export function findPmtilesEntry(
  entries: readonly PmtilesEntry[],
  tileId: number,
): PmtilesEntry | null {
  let [lo, hi] = [0, entries.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = entries[mid] as PmtilesEntry;
    if (tileId < e.tileId) hi = mid - 1;
    else if (tileId > e.tileId) lo = mid + 1;
    else return e;
  }
  const e = entries[hi];
  if (!e) return null;
  if (e.runLength === 0) return e;
  return tileId - e.tileId < e.runLength ? e : null;
}
