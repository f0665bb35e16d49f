// A PMTiles v3 archive read from disk: the file stays open, the root and leaf directories are
// decoded once and cached; a tile is one positioned read.
import { closeSync, openSync, readSync } from 'node:fs';
import {
  decompress,
  findPmtilesEntry,
  type PmtilesEntry,
  type PmtilesHeader,
  readPmtilesDirectory,
  readPmtilesHeader,
  zxyToTileId,
} from '../../domain/imagery/pmtiles';
import type { ArchiveReader } from './mbtiles-archive';

function readAt(fd: number, offset: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, b, got, length - got, offset + got);
    if (n === 0) throw new Error('PMTiles file ends early');
    got += n;
  }
  return b;
}

/** The header of a PMTiles file, or null when it is not PMTiles v3. */
export function readPmtilesFileHeader(path: string): PmtilesHeader | null {
  const fd = openSync(path, 'r');
  try {
    return readPmtilesHeader(readAt(fd, 0, 127));
  } finally {
    closeSync(fd);
  }
}

/** Opens a PMTiles file for reading tiles (gzip-compressed tiles are returned unpacked). */
export function openPmtiles(path: string): ArchiveReader {
  const fd = openSync(path, 'r');
  const header = readPmtilesHeader(readAt(fd, 0, 127));
  if (!header) {
    closeSync(fd);
    throw new Error(`${path} is not a PMTiles v3 archive`);
  }
  const dirs = new Map<number, PmtilesEntry[]>();
  const directory = (offset: number, length: number): PmtilesEntry[] => {
    const hit = dirs.get(offset);
    if (hit) return hit;
    const entries = readPmtilesDirectory(
      decompress(readAt(fd, offset, length), header.internalCompression),
    );
    if (dirs.size < 4096) dirs.set(offset, entries);
    return entries;
  };
  return {
    tile(z, x, y) {
      const id = zxyToTileId(z, x, y);
      let [offset, length] = [header.rootOffset, header.rootLength];
      for (let depth = 0; depth < 4; depth++) {
        const e = findPmtilesEntry(directory(offset, length), id);
        if (!e) return null;
        if (e.runLength > 0) {
          const data = readAt(fd, header.tileDataOffset + e.offset, e.length);
          return Buffer.from(decompress(data, header.tileCompression));
        }
        [offset, length] = [header.leafOffset + e.offset, e.length];
      }
      return null;
    },
    close() {
      closeSync(fd);
    },
  };
}
