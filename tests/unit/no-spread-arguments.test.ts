// Issue 17: `Math.min(...lons)` on a 250,000-vertex line threw "Maximum call stack size exceeded"
// (a spread passes every element as an argument). Data-sized arrays are reduced with loops; this
// scan keeps it so. `push(...x)` is allowed only where x is a few DXF tags (dxf.format.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/register';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

const SPREAD = /\b(Math\.(min|max)|String\.fromCharCode|\.push|\.unshift)\(\s*\.\.\./;
const SMALL_TAGS = /dxf\.format\.ts$/;

describe('no spread of arrays into function arguments in src/', () => {
  it('finds no Math.min(...), Math.max(...), fromCharCode(...) and no push(...) outside the DXF tags', () => {
    const found = sources(join(ROOT, 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line }))
        .filter(({ text }) => SPREAD.test(text))
        .filter(({ file: f, text }) => !(SMALL_TAGS.test(f) && /\.push\(/.test(text)))
        .map(({ file: f, line, text }) => `${f.slice(ROOT.length + 1)}:${line}: ${text.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
