import { readFile } from 'node:fs/promises';

/** Reads and parses a JSON file; throws with a plain message naming `what` and the path. */
export async function readJson(path: string, what?: string): Promise<unknown> {
  const name = what ? `${what} ${path}` : path;
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${name}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`${name} is not valid JSON: ${(e as Error).message}`);
  }
}
