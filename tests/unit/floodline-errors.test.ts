// Bad input to `hejie floodline` gets a clear error and writes nothing (issue 16); the constant-level
// contract floodAreaAtLevel on a GDAL-written basin.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runFloodlineCli } from '../../src/cli/floodline';
import { projector } from '../../src/domain/crs/crs';
import { floodAreaAtLevel } from '../../src/domain/floodline';
import { DEM_MAX_BYTES, openDem } from '../../src/server/floodline/open-dem';
import { ascToTiff, writeAsc } from '../helpers/floodline-dem';

const dir = mkdtempSync(join(tmpdir(), 'hejie-floodline-err-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const X0 = 562_000;
const Y0 = 2_434_000;
const gk = projector('EPSG:4545');
const grid = {
  originX: X0 - 200,
  originY: Y0 + 300,
  cell: 2,
  width: 700,
  height: 300,
  z: (_x: number, y: number) => 10 + 0.05 * Math.abs(y - Y0),
};
const asc = writeAsc(dir, 'v', grid);
const good = ascToTiff(asc, 'EPSG:4545', true);
const centre = join(dir, 'c.geojson');
writeFileSync(
  centre,
  JSON.stringify({
    type: 'LineString',
    coordinates: [gk.inverse([X0, Y0]), gk.inverse([X0 + 1000, Y0])],
  }),
);
const levels = (l: number) => {
  const p = join(dir, `levels-${l}.csv`);
  writeFileSync(p, `\uFEFF里程,水位\n0,${l}\n1000,${l}\n`);
  return p;
};

const base = (dem: string, lv = levels(15)) => [
  '--dem',
  dem,
  '--centerline',
  centre,
  '--levels',
  lv,
];

async function run(args: string[]) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.geojson`);
  const err: string[] = [];
  const code = await runFloodlineCli(
    [...args, '-o', out],
    () => {},
    (s) => err.push(s),
    'zh',
  );
  return { code, err: err.join('\n'), written: existsSync(out) };
}

describe('floodline CLI refuses bad input and writes nothing', () => {
  it('writes the banks for good input', async () => {
    const r = await run(base(good));
    expect(r.code).toBe(0);
    expect(r.written).toBe(true);
  });
  it('no CRS', async () => {
    const r = await run(base(ascToTiff(writeAsc(dir, 'nocrs', grid), null, false)));
    expect([r.code, r.written]).toEqual([1, false]);
    expect(r.err).toContain('没有声明坐标系');
  });
  it('Xian 1980', async () => {
    const r = await run(base(ascToTiff(writeAsc(dir, 'xian', grid), 'EPSG:2381', true)));
    expect([r.code, r.written]).toEqual([1, false]);
    expect(r.err).toContain('Xian 1980');
  });
  it('not a GeoTIFF', async () => {
    const p = join(dir, 'fake.tif');
    writeFileSync(p, 'ncols 2\n');
    const r = await run(base(p));
    expect([r.code, r.written]).toEqual([1, false]);
    expect(r.err).toContain('不是 GeoTIFF');
  });
  it('a 4 GB file is refused before reading', async () => {
    const p = join(dir, 'big.tif');
    execFileSync('truncate', ['-s', '4G', p]);
    expect(4 * 1024 ** 3).toBeGreaterThan(DEM_MAX_BYTES);
    const r = await run(base(p));
    expect([r.code, r.written]).toEqual([1, false]);
    expect(r.err).toContain('4.0 GB');
  });
  it('centreline outside the DEM names the chainages', async () => {
    const far = join(dir, 'far.geojson');
    writeFileSync(
      far,
      JSON.stringify({
        type: 'LineString',
        coordinates: [gk.inverse([X0, Y0]), gk.inverse([X0 + 3000, Y0])],
      }),
    );
    const r = await run(['--dem', good, '--centerline', far, '--levels', levels(15)]);
    expect([r.code, r.written]).toEqual([1, false]);
    expect(r.err).toContain('里程 1200–3000 米处超出了地形数据');
  });
  it('water that does not meet the ground within the DEM names the chainages', async () => {
    const r = await run(base(good, levels(30)));
    expect([r.code, r.written]).toEqual([1, false]);
    expect(r.err).toMatch(/里程 [0-2]–99[89] 米处水面与地面/);
  });
  it('levels rising downstream are a warning that needs --yes', async () => {
    const p = join(dir, 'rising.csv');
    writeFileSync(p, 'chainage,level\n0,15\n1000,15.5\n');
    const r = await run(base(good, p));
    expect([r.code, r.written]).toEqual([1, false]);
    expect(r.err).toContain('水位沿程向下游升高');
    const ok = await run([...base(good, p), '--yes']);
    expect([ok.code, ok.written]).toEqual([0, true]);
  });
  it('a bad levels row is named by its line', async () => {
    const p = join(dir, 'bad.csv');
    writeFileSync(p, 'chainage,level\n0,15\n500,abc\n');
    const r = await run(base(good, p));
    expect([r.code, r.written]).toEqual([1, false]);
    expect(r.err).toContain('第 3 行');
  });
});

describe('highest historic flood marks as levels', () => {
  const marks = (points: [number, number, number][]) => {
    const p = join(dir, `marks-${points.length}-${points[0]?.[1]}.geojson`);
    writeFileSync(
      p,
      JSON.stringify({
        type: 'FeatureCollection',
        features: points.map(([u, v, level]) => ({
          type: 'Feature',
          properties: { 水位: level, synthetic: true },
          geometry: { type: 'Point', coordinates: gk.inverse([X0 + u, Y0 + v]) },
        })),
      }),
    );
    return p;
  };
  it('are snapped to the centreline; the held ends need --yes', async () => {
    const p = marks([
      [200, 60, 15],
      [800, -40, 15],
    ]);
    const r = await run(base(good, p));
    expect([r.code, r.written]).toEqual([1, false]);
    expect(r.err).toContain('里程 0–200 米没有水位');
    expect(r.err).toContain('里程 800–1000 米没有水位');
    const ok = await run([...base(good, p), '--yes']);
    expect([ok.code, ok.written]).toEqual([0, true]);
  });
  it('a mark far from the centreline is named', async () => {
    const r = await run([...base(good, marks([[500, 2600, 15]])), '--max-width', '500']);
    expect([r.code, r.written]).toEqual([1, false]);
    expect(r.err).toContain('第 1 个历史洪水位点距河道中心线 2600 米');
  });
});

describe('floodAreaAtLevel (constant level, for a reservoir contour)', () => {
  it('floods a closed basin to the exact circle', async () => {
    // a cone basin: z = 10 + 0.05 r around (X0, Y0); at level 12 the contour is r = 40
    const basin = ascToTiff(
      writeAsc(dir, 'basin', {
        ...grid,
        z: (x, y) => 10 + 0.05 * Math.hypot(x - X0 - 100, y - Y0),
      }),
      'EPSG:4545',
      true,
    );
    const opened = await openDem(basin);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const res = await floodAreaAtLevel(opened.dem.raster, 12, {
      type: 'Point',
      coordinates: [X0 + 100, Y0],
    });
    await opened.dem.close();
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    let dev = 0;
    for (const p of res.value.area.coordinates[0]?.[0] ?? []) {
      dev = Math.max(
        dev,
        Math.abs(Math.hypot((p[0] as number) - X0 - 100, (p[1] as number) - Y0) - 40),
      );
    }
    expect(dev).toBeLessThan(1);
    expect(res.value.area.coordinates).toHaveLength(1);
  });
});
