// `hejie imagery add`: a synthetic GeoTIFF into a fresh data directory (its SQLite store and
// <data>/imagery), the layer's id, bounds and zoom range printed; a refusal exits 1 and keeps nothing.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import { writeSyntheticGeotiff } from '../helpers/synthetic-imagery';

const work = mkdtempSync(join(tmpdir(), 'hejie-imagery-cli-'));
const data = join(work, 'data');
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
    {
      HEJIE_DATA: data,
      LANG: 'zh_CN.UTF-8',
    },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('hejie imagery add', { timeout: 60_000 }, () => {
  it('converts a GeoTIFF and prints the layer’s id, bounds and zoom range', async () => {
    const tif = writeSyntheticGeotiff(join(work, 'grid.tif'), {
      cells: 2,
      cellPx: 256,
      resolution: 1,
    });
    const r = await cli('imagery', 'add', tif.path, '--name', '合成网格', '--date', '2024-05');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^已添加影像底图 img-[0-9a-f]{8}「合成网格」：范围 108\.58\d+,22\.59\d+,108\.58\d+,22\.59\d+，级别 16–17，仅工作人员可见$/,
    );
    const store = openSqliteStore(join(data, 'hejie.sqlite'));
    expect(await store.listImagery()).toEqual([
      expect.objectContaining({
        name: '合成网格',
        date: '2024-05',
        public: false,
        synthetic: true,
      }),
    ]);
    await store.close();
  });
  it('refuses a file that is not what its name says, and bad usage', async () => {
    writeFileSync(join(work, 'fake.mbtiles'), 'text');
    const before = readdirSync(join(data, 'imagery')).length;
    const r = await cli('imagery', 'add', join(work, 'fake.mbtiles'), '--name', 'x');
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining('与扩展名不符') });
    expect(readdirSync(join(data, 'imagery'))).toHaveLength(before);
    expect((await cli('imagery', 'add', join(work, 'grid.tif'))).code).toBe(2);
    expect((await cli('imagery', 'remove')).code).toBe(2);
  });
});
