// Uploaded documents (the signed acceptance PDF) kept outside the database, each named by the
// SHA-256 of its bytes: written once (a second upload of the same bytes is the same file), read by
// that name. A folder on disk for a server, a map in memory for tests.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where uploaded files live. */
export interface FileStore {
  /** Stores the bytes (once per content) and answers their SHA-256 (hex) and size. */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  /** The bytes of a stored file, or null when there is none by that name. */
  get(sha256: string): Promise<Uint8Array | null>;
}

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const isSha256 = (name: string): boolean => /^[0-9a-f]{64}$/.test(name);

/** Files in `dir` (created when needed), written through a temporary name and renamed. */
export function folderFileStore(dir: string): FileStore {
  return {
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      mkdirSync(dir, { recursive: true });
      const path = join(dir, sha256);
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, bytes, { flag: 'w' });
      renameSync(temp, path);
      return { sha256, size: bytes.length };
    },
    async get(sha256) {
      if (!isSha256(sha256)) return null;
      try {
        return new Uint8Array(await readFile(join(dir, sha256)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
  };
}

/** Files in memory (tests). */
export function memoryFileStore(): FileStore {
  const files = new Map<string, Uint8Array>();
  return {
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      files.set(sha256, new Uint8Array(bytes));
      return { sha256, size: bytes.length };
    },
    async get(sha256) {
      const bytes = files.get(sha256);
      return bytes ? new Uint8Array(bytes) : null;
    },
  };
}
