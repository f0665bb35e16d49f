// `hejie reservoir` (issue 16, works): a reservoir's range below its 校核洪水位 from a GDAL-written
// synthetic basin is the exact contour circle, written as a reservoir work the editor's import takes;
// bad input writes nothing.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { runReservoirCli } from '../../src/cli/reservoir';
import { projector } from '../../src/domain/crs/crs';
import { toImportedFeatures } from '../../src/ui/workspace/files/imported-features';
import { ascToTiff, writeAsc } from '../helpers/floodline-dem';

const dir = mkdtempSync(join(tmpdir(), 'hejie-reservoir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const X0 = 562_000;
const Y0 = 2_434_000;
const gk = projector('EPSG:4545');
// a synthetic cone basin (not a real reservoir): z = 10 + 0.05 r around (X0, Y0); below the level 12
// the water is the disc r < 40 m
const basin = ascToTiff(
  writeAsc(dir, 'basin', {
    originX: X0 - 200,
    originY: Y0 + 200,
    cell: 2,
    width: 200,
    height: 200,
    z: (x, y) => 10 + 0.05 * Math.hypot(x - X0, y - Y0),
  }),
  'EPSG:4545',
  true,
);

async function run(args: string[]) {
  const file = join(dir, `out-${Math.random().toString(36).slice(2)}.geojson`);
  const err: string[] = [];
  const out: string[] = [];
  const code = await runReservoirCli(
    [...args, '-o', file],
    (s) => out.push(s),
    (s) => err.push(s),
    'zh',
  );
  return { code, file, err: err.join('\n'), out: out.join('\n') };
}

const seedAt = (x: number, y: number) => gk.inverse([x, y]).join(',');

describe('hejie reservoir', () => {
  it('writes the area below the check flood level: the exact circle, as a reservoir work', async () => {
    const r = await run([
      '--dem',
      basin,
      '--level',
      '12',
      '--seed',
      seedAt(X0 + 3, Y0 - 5),
      '--name',
      '合成测试水库',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const fc = JSON.parse(readFileSync(r.file, 'utf8')) as FeatureCollection<Polygon>;
    expect(fc.features).toHaveLength(1);
    const f = fc.features[0];
    expect(f?.properties).toMatchObject({
      role: 'work',
      workType: 'reservoir',
      name: '合成测试水库',
      rangeSource: 'check-flood-level',
      checkFloodLevelM: 12,
      heightDatum: '1985',
    });
    // every vertex within half a cell (1 m) of the analytic contour r = 40 m
    let dev = 0;
    for (const p of f?.geometry.coordinates[0] ?? []) {
      const [x, y] = gk.forward(p) as [number, number];
      dev = Math.max(dev, Math.abs(Math.hypot(x - X0, y - Y0) - 40));
    }
    expect(dev).toBeLessThan(1);
    // π·40² m² = 0.50 ha, as the message says
    expect(r.out).toContain('0.50 公顷');
    // the editor's import takes it as the reservoir work, type and name kept
    const [work] = toImportedFeatures([fc], new Set(), 'imp');
    expect(work?.properties).toMatchObject({
      role: 'work',
      workType: 'reservoir',
      name: '合成测试水库',
    });
  });

  it('refuses bad input and writes nothing', async () => {
    const cases: [string[], number, RegExp][] = [
      [['--dem', basin, '--level', 'abc', '--seed', seedAt(X0, Y0), '--name', 'x'], 2, /--level/],
      [['--dem', basin, '--level', '12', '--seed', '562000,2434000', '--name', 'x'], 2, /--seed/],
      [['--dem', basin, '--level', '12', '--seed', seedAt(X0, Y0)], 2, /--name/],
      // a seed on dry ground (r = 150 m: z = 17.5 > 12), and a level the basin does not hold
      [['--dem', basin, '--level', '12', '--seed', seedAt(X0 + 150, Y0), '--name', 'x'], 1, /./],
      [['--dem', basin, '--level', '30', '--seed', seedAt(X0, Y0), '--name', 'x'], 1, /./],
      [
        ['--dem', join(dir, 'none.tif'), '--level', '12', '--seed', seedAt(X0, Y0), '--name', 'x'],
        1,
        /无法读取 none\.tif：文件不存在/,
      ],
    ];
    for (const [args, code, text] of cases) {
      const r = await run(args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), code]);
      expect(r.err).toMatch(text);
      expect(existsSync(r.file)).toBe(false);
    }
  });
});
