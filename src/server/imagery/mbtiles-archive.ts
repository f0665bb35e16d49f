// MBTiles 1.3 (SQLite, TMS rows: y counted from the south) written by the converter and read by the
// tile route. Reads keep the database open with prepared statements.
import Database from 'better-sqlite3';

/** Reads one tile (XYZ address) or null. */
export type ArchiveReader = {
  tile(z: number, x: number, y: number): Buffer | null;
  close(): void;
};

/** Opens an MBTiles file read-only. */
export function openMbtiles(path: string): ArchiveReader {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const get = db.prepare(
    'SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?',
  );
  get.pluck();
  return {
    tile(z, x, y) {
      return (get.get(z, x, 2 ** z - 1 - y) as Buffer | undefined) ?? null;
    },
    close() {
      db.close();
    },
  };
}

/** The `metadata` table of an MBTiles file (name → value), read-only; throws when it is not one. */
export function readMbtilesMetadata(path: string): Record<string, string> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT name, value FROM metadata').all() as {
      name: string;
      value: string;
    }[];
    db.prepare('SELECT 1 FROM tiles LIMIT 1').get();
    return Object.fromEntries(rows.map((r) => [r.name, r.value]));
  } finally {
    db.close();
  }
}

/** The zoom range actually present in an MBTiles file's tiles. */
export function mbtilesZooms(path: string): { minzoom: number; maxzoom: number } | null {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const r = db
      .prepare('SELECT min(zoom_level) AS lo, max(zoom_level) AS hi FROM tiles')
      .get() as {
      lo: number | null;
      hi: number | null;
    };
    return r.lo === null || r.hi === null ? null : { minzoom: r.lo, maxzoom: r.hi };
  } finally {
    db.close();
  }
}

/**
 * An MBTiles file being built: tiles go in one transaction per chunk together with the chunk's
 * name, so that a restarted conversion skips the chunks already there.
 */
export interface MbtilesWriter {
  isDone(chunk: string): boolean;
  /** Writes a chunk's tiles (XYZ addresses) and marks it done, atomically. */
  putChunk(
    chunk: string,
    tiles: readonly { z: number; x: number; y: number; data: Buffer }[],
  ): void;
  tile(z: number, x: number, y: number): Buffer | null;
  /** Sets the metadata and drops the bookkeeping: the file is a plain MBTiles afterwards. */
  finish(metadata: Record<string, string>): void;
  close(): void;
}

/** Opens (or creates) an MBTiles file to build. */
export function buildMbtiles(path: string): MbtilesWriter {
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,
      tile_data BLOB, PRIMARY KEY (zoom_level, tile_column, tile_row)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS hejie_chunks (chunk TEXT PRIMARY KEY);`);
  const done = db.prepare('SELECT 1 FROM hejie_chunks WHERE chunk = ?').pluck();
  const mark = db.prepare('INSERT OR IGNORE INTO hejie_chunks (chunk) VALUES (?)');
  const put = db.prepare(
    'INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)',
  );
  const get = db
    .prepare(
      'SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?',
    )
    .pluck();
  const putChunk = db.transaction(
    (chunk: string, tiles: readonly { z: number; x: number; y: number; data: Buffer }[]) => {
      for (const t of tiles) put.run(t.z, t.x, 2 ** t.z - 1 - t.y, t.data);
      mark.run(chunk);
    },
  );
  return {
    isDone: (chunk) => done.get(chunk) !== undefined,
    putChunk: (chunk, tiles) => putChunk(chunk, tiles),
    tile: (z, x, y) => (get.get(z, x, 2 ** z - 1 - y) as Buffer | undefined) ?? null,
    finish(metadata) {
      db.transaction(() => {
        db.exec('DELETE FROM metadata; DROP TABLE hejie_chunks;');
        const meta = db.prepare('INSERT INTO metadata (name, value) VALUES (?, ?)');
        for (const [k, v] of Object.entries(metadata)) meta.run(k, v);
      })();
    },
    close: () => db.close(),
  };
}
