// Writing command output so that an error never leaves a partial file behind.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import type { ExportFile } from '../domain/formats/types';

/** Writes `data` to a temporary file beside `path`, then renames it over `path`; on error removes it and rethrows. */
export async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const target = resolve(path);
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Writes export files to `output`: one file (or a `.zip` of several) as that file, else several files
 * into that folder; each is written under a temporary name first, so nothing partial is left.
 */
export async function writeFiles(files: ExportFile[], output: string): Promise<string[]> {
  const target = resolve(output);
  await mkdir(dirname(target), { recursive: true });
  if (files.length === 1 || extname(target).toLowerCase() === '.zip') {
    const bytes =
      files.length === 1
        ? (files[0] as ExportFile).bytes
        : zipSync(Object.fromEntries(files.map((f) => [f.name, f.bytes])));
    await writeAtomically(target, bytes);
    return [target];
  }
  const temp = await mkdtemp(join(dirname(target), `.${basename(target)}.tmp-`));
  try {
    for (const f of files) await writeFile(join(temp, f.name), f.bytes);
    await mkdir(target, { recursive: true });
    for (const f of files) await rename(join(temp, f.name), join(target, f.name));
    return files.map((f) => join(target, f.name));
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
