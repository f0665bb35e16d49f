import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The deployment's region for imagery: geodata/bounds.json `clip` (west, south, east, north). */
export function deploymentRegion(geodataDir: string): [number, number, number, number] {
  const { clip } = JSON.parse(readFileSync(join(geodataDir, 'bounds.json'), 'utf8')) as {
    clip: [number, number, number, number];
  };
  return clip;
}
