// The flood-line engine's own refusals and warnings on in-memory fake terrain (the accuracy is
// asserted against GDAL in floodline-accuracy.test.ts): nodata in the flood's path, a dry stretch of
// centreline, a suspect height datum, a polygon seed; inputs are not mutated.
import { describe, expect, it } from 'vitest';
import { computeFloodline, floodAreaAtLevel, type RasterSource } from '../../src/domain/floodline';

const CELL = 2;
/** a fake 1.4 × 0.8 km grid whose heights come from z(u, v), local metres, centreline at v = 0 */
function raster(z: (u: number, v: number) => number): RasterSource {
  const originX = -200;
  const originY = 400;
  return {
    width: 700,
    height: 400,
    originX,
    originY,
    cellWidth: CELL,
    cellHeight: CELL,
    nodata: -9999,
    async readWindow(col, row, cols, rows) {
      const a = new Float32Array(cols * rows);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++)
          a[r * cols + c] = z(originX + (col + c + 0.5) * CELL, originY - (row + r + 0.5) * CELL);
      return a;
    },
  };
}
const V = (_u: number, v: number) => 10 + 0.05 * Math.abs(v);
const input = (z: (u: number, v: number) => number, level = 15) => ({
  raster: raster(z),
  centreline: [
    [0, 0],
    [1000, 0],
  ],
  levels: [
    { chainage: 0, level },
    { chainage: 1000, level },
  ],
  maxWidth: 350,
  levelsSource: 'test',
  dem: { name: 'fake', sha256: '0' },
});

describe('computeFloodline refusals and warnings', () => {
  it('nodata in the flooded area names the chainages', async () => {
    const hole = (u: number, v: number) =>
      u > 400 && u < 460 && v > 50 && v < 80 ? -9999 : V(u, v);
    const res = await computeFloodline(input(hole));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('floodline.nodata');
    const [a, b] = String(res.error.params?.ranges).split('–').map(Number);
    expect(a).toBeGreaterThanOrEqual(390);
    expect(b).toBeLessThanOrEqual(470);
  });

  it('a stretch of centreline above the water names its chainages', async () => {
    const weir = (u: number, v: number) => (u > 600 && u < 640 ? 16 + 0.05 * Math.abs(v) : V(u, v));
    const res = await computeFloodline(input(weir));
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('floodline.dryCentreline');
      expect(res.error.params?.ranges).toMatch(/^60\d–6[34]\d$/);
    }
  });

  it('a median depth over 25 m warns of another datum', async () => {
    const steep = (_u: number, v: number) => 10 + Math.abs(v);
    const res = await computeFloodline(input(steep, 40));
    expect(res.ok).toBe(true);
    expect(res.warnings.map((w) => w.code)).toContain('floodline.datum.deep');
  });

  it('does not mutate its inputs', async () => {
    const i = input(V);
    const before = JSON.stringify({ c: i.centreline, l: i.levels });
    const res = await computeFloodline(i);
    expect(res.ok).toBe(true);
    expect(JSON.stringify({ c: i.centreline, l: i.levels })).toBe(before);
  });
});

describe('floodAreaAtLevel', () => {
  it('floods from a polygon seed; a dry seed and an open basin are refused', async () => {
    const basin = raster((u, v) => 10 + 0.05 * Math.hypot(u - 300, v));
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [290, -10],
          [310, -10],
          [310, 10],
          [290, 10],
          [290, -10],
        ],
      ],
    };
    const ok = await floodAreaAtLevel(basin, 12, square);
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.value.stats.floodedArea).toBeGreaterThan(Math.PI * 38 * 38);
    const dry = await floodAreaAtLevel(basin, 9, square);
    expect(dry.ok ? null : dry.error.code).toBe('floodline.area.seedDry');
    const open = await floodAreaAtLevel(basin, 30, square);
    expect(open.ok ? null : open.error.code).toBe('floodline.area.noMeeting');
  });
});
