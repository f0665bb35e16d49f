// What the production build ships: no source maps unless HEJIE_SOURCEMAP=1 asked for them (`npm
// test` and `npm start` build before this runs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/register';

const assets = join(ROOT, 'dist/assets');

describe.runIf(existsSync(assets) && process.env.HEJIE_SOURCEMAP !== '1')('the build', () => {
  it('ships no source maps and no sourceMappingURL', () => {
    const files = readdirSync(assets);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const linked = files.filter(
      (f) => f.endsWith('.js') && /sourceMappingURL=/.test(readFileSync(join(assets, f), 'utf8')),
    );
    expect(linked).toEqual([]);
  });
});
