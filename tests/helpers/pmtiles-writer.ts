// A minimal PMTiles v3 writer for tests: one root directory, nothing compressed.
import { writeFileSync } from 'node:fs';
import { zxyToTileId } from '../../src/domain/imagery/pmtiles';

function varint(n: number, out: number[]) {
  let v = n;
  while (v >= 0x80) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

/** Writes tiles (XYZ) as a PMTiles v3 file with the given bounds and tile type (2 png, 3 jpeg). */
export function writePmtiles(
  path: string,
  tiles: { z: number; x: number; y: number; data: Buffer }[],
  bounds: [number, number, number, number],
  tileType = 3,
) {
  const sorted = tiles
    .map((t) => ({ ...t, id: zxyToTileId(t.z, t.x, t.y) }))
    .sort((a, b) => a.id - b.id);
  const dir: number[] = [];
  varint(sorted.length, dir);
  let last = 0;
  for (const t of sorted) {
    varint(t.id - last, dir);
    last = t.id;
  }
  for (const _ of sorted) varint(1, dir);
  for (const t of sorted) varint(t.data.length, dir);
  let offset = 0;
  for (const t of sorted) {
    varint(offset + 1, dir);
    offset += t.data.length;
  }
  const root = Buffer.from(dir);
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'latin1');
  header[7] = 3;
  const u64 = (v: number, at: number) => header.writeBigUInt64LE(BigInt(v), at);
  u64(127, 8);
  u64(root.length, 16);
  u64(127 + root.length, 24);
  u64(0, 32);
  u64(127 + root.length, 40);
  u64(0, 48);
  u64(127 + root.length, 56);
  u64(offset, 64);
  u64(sorted.length, 72);
  u64(sorted.length, 80);
  u64(sorted.length, 88);
  header[96] = 0;
  header[97] = 1;
  header[98] = 1;
  header[99] = tileType;
  header[100] = Math.min(...sorted.map((t) => t.z));
  header[101] = Math.max(...sorted.map((t) => t.z));
  for (const [i, v] of bounds.entries()) header.writeInt32LE(Math.round(v * 1e7), 102 + i * 4);
  writeFileSync(path, Buffer.concat([header, root, ...sorted.map((t) => t.data)]));
}
