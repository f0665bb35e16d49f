// Flood lines against analytic terrain (issue 16): DEMs written with GDAL from formulas, the computed
// bank lines compared with the exact contour (closed form) and with gdal_contour's zero line of
// (W − z). Prints the case → max deviation table quoted in docs/floodline.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { projector } from '../../src/domain/crs/crs';
import { runFloodline } from '../../src/server/floodline/run-floodline';
import { ascToTiff, type GridSpec, writeAsc } from '../helpers/floodline-dem';

const dir = mkdtempSync(join(tmpdir(), 'hejie-floodline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// a fake reach in zone 36 (EPSG:4545): straight, 1 km, west → east, at local v = 0
const X0 = 562_000;
const Y0 = 2_434_000;
const CELL = 2;
const gk = projector('EPSG:4545');
const spec = (z: (u: number, v: number) => number): GridSpec => ({
  originX: X0 - 200,
  originY: Y0 + 400,
  cell: CELL,
  width: 700,
  height: 400,
  z: (x, y) => z(x - X0, y - Y0),
});
const line = (u0: number, u1: number) => [gk.inverse([X0 + u0, Y0]), gk.inverse([X0 + u1, Y0])];
const csv = (rows: [number, number][]) =>
  new TextEncoder().encode(`chainage,level\n${rows.map((r) => r.join(',')).join('\n')}\n`);

interface Case {
  name: string;
  z: (u: number, v: number) => number;
  levels: [number, number][];
  /** the exact |v| of the contour at u (chainage s = u) */
  exact: (u: number) => number;
  /** W at local (u, v), for the gdal_contour cross-check */
  water: (u: number) => number;
}

const V = (_u: number, v: number) => 10 + 0.05 * Math.abs(v);
const CASES: Case[] = [
  {
    name: 'V-valley',
    z: V,
    levels: [
      [0, 15],
      [1000, 15],
    ],
    exact: () => 100,
    water: () => 15,
  },
  {
    name: 'U-valley',
    z: (_u, v) => 10 + (v * v) / 2000,
    levels: [
      [0, 15],
      [1000, 15],
    ],
    exact: () => 100,
    water: () => 15,
  },
  {
    name: 'sloping thalweg',
    z: (u, v) => 10 - 0.001 * u + 0.05 * Math.abs(v),
    levels: [
      [0, 15],
      [1000, 13.5],
    ],
    exact: (u) => (15 - 0.0015 * u - (10 - 0.001 * u)) / 0.05,
    water: (u) => 15 - 0.0015 * Math.min(1000, Math.max(0, u)),
  },
  {
    name: 'terrace',
    z: (_u, v) => {
      const a = Math.abs(v);
      if (a < 80) return 10 + 0.05 * a;
      if (a < 200) return 14 + 0.002 * (a - 80);
      return 14.24 + 0.05 * (a - 200);
    },
    levels: [
      [0, 14.1],
      [1000, 14.1],
    ],
    exact: () => 130,
    water: () => 14.1,
  },
  {
    name: 'island',
    z: (u, v) => Math.max(V(u, v), 20 - 0.2 * Math.hypot(u - 500, v - 60)),
    levels: [
      [0, 15],
      [1000, 15],
    ],
    exact: () => 100,
    water: () => 15,
  },
  {
    name: 'side depression',
    z: (u, v) => Math.min(V(u, v), 12.5 + 0.05 * Math.hypot(u - 500, v + 200)),
    levels: [
      [0, 15],
      [1000, 15],
    ],
    exact: () => 100,
    water: () => 15,
  },
];

const table: string[] = [];

/** distance from p to the nearest segment of any of the lines */
function toLines(p: Position, lines: Position[][]): number {
  let best = Infinity;
  for (const l of lines) {
    for (let i = 1; i < l.length; i++) {
      const a = l[i - 1] as number[];
      const b = l[i] as number[];
      const dx = (b[0] as number) - (a[0] as number);
      const dy = (b[1] as number) - (a[1] as number);
      const len2 = dx * dx + dy * dy;
      const t =
        len2 > 0
          ? Math.max(
              0,
              Math.min(
                1,
                (((p[0] as number) - (a[0] as number)) * dx +
                  ((p[1] as number) - (a[1] as number)) * dy) /
                  len2,
              ),
            )
          : 0;
      const d = Math.hypot(
        (p[0] as number) - ((a[0] as number) + t * dx),
        (p[1] as number) - ((a[1] as number) + t * dy),
      );
      if (d < best) best = d;
    }
  }
  return best;
}

function gdalZeroContour(c: Case, name: string): Position[][] {
  const asc = writeAsc(dir, `${name}-depth`, {
    ...spec(c.z),
    z: (x, y) => c.water(x - X0) - c.z(x - X0, y - Y0),
  });
  const tif = ascToTiff(asc, 'EPSG:4545', true);
  const out = join(dir, `${name}-contour.geojson`);
  execFileSync('gdal_contour', ['-q', '-fl', '0', '-f', 'GeoJSON', tif, out]);
  const fc = JSON.parse(readFileSync(out, 'utf8')) as {
    features: { geometry: { type: string; coordinates: Position[] | Position[][] } }[];
  };
  return fc.features.flatMap((f) =>
    f.geometry.type === 'LineString'
      ? [f.geometry.coordinates as Position[]]
      : (f.geometry.coordinates as Position[][]),
  );
}

describe('flood lines on analytic terrain (GDAL-written DEMs)', () => {
  for (const c of CASES) {
    for (const tiled of c.name === 'V-valley' ? [true, false] : [true]) {
      const label = `${c.name}${tiled ? '' : ' (striped)'}`;
      it(`${label}: within half a cell of the exact contour, one cell of gdal_contour`, async () => {
        const name = label.replace(/\W+/g, '-');
        const tif = ascToTiff(writeAsc(dir, name, spec(c.z)), 'EPSG:4545', tiled);
        const res = await runFloodline({
          demPath: tif,
          demName: `${name}.tif`,
          centreline: line(0, 1000),
          levelsBytes: csv(c.levels),
          levelsName: 'levels.csv',
          maxWidth: 500,
        });
        if (!res.ok) throw new Error(JSON.stringify(res.errors));
        const [left, right] = res.answer.banks.features;
        expect(left?.properties.role).toBe('bank-left');
        expect(left?.properties.source).toBe('floodline');
        let exactDev = 0;
        const gkBanks: Position[][] = [];
        for (const [f, sign] of [
          [left, 1],
          [right, -1],
        ] as const) {
          const pts = (f?.geometry.coordinates ?? []).map((p) => gk.forward(p));
          gkBanks.push(pts);
          expect(pts.length).toBeGreaterThan(100);
          // upstream → downstream, cut at the ends' perpendiculars
          expect((pts[0]?.[0] as number) - X0).toBeCloseTo(0, 6);
          expect((pts[pts.length - 1]?.[0] as number) - X0).toBeCloseTo(1000, 6);
          for (const p of pts) {
            const u = (p[0] as number) - X0;
            const v = (p[1] as number) - Y0;
            exactDev = Math.max(exactDev, Math.abs(sign * v - c.exact(u)));
          }
        }
        const contour = gdalZeroContour(c, name);
        let gdalDev = 0;
        for (const pts of gkBanks)
          for (const p of pts) gdalDev = Math.max(gdalDev, toLines(p, contour));
        if (c.name === 'island') {
          const holes = res.answer.flooded.coordinates.flatMap((poly) => poly.slice(1));
          const island = holes.map((h) => h.map((p) => gk.forward(p)));
          expect(island.length).toBeGreaterThanOrEqual(1);
          for (const h of island) {
            for (const p of h) {
              const r = Math.hypot((p[0] as number) - X0 - 500, (p[1] as number) - Y0 - 60);
              exactDev = Math.max(exactDev, Math.abs(r - 25));
            }
          }
        }
        if (c.name === 'side depression') {
          // the pit's centre (u 500, v −200) is wet (12.5 < 15) but not connected: not in the flood
          const p = gk.inverse([X0 + 500, Y0 - 200]);
          const inRing = (ring: Position[]) => {
            let inside = false;
            for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
              const [ax = 0, ay = 0] = ring[i] as number[];
              const [bx = 0, by = 0] = ring[j] as number[];
              if (ay > p[1] !== by > p[1] && p[0] < ax + ((p[1] - ay) / (by - ay)) * (bx - ax))
                inside = !inside;
            }
            return inside;
          };
          const flooded = res.answer.flooded.coordinates.some(
            (poly) => inRing(poly[0] as Position[]) && !poly.slice(1).some(inRing),
          );
          expect(flooded).toBe(false);
        }
        table.push(
          `| ${label} | ${(exactDev / CELL).toFixed(3)} | ${exactDev.toFixed(3)} | ${(gdalDev / CELL).toFixed(3)} | ${gdalDev.toFixed(3)} |`,
        );
        expect(exactDev).toBeLessThanOrEqual(CELL / 2);
        expect(gdalDev).toBeLessThanOrEqual(CELL);
      });
    }
  }

  it('a reach crossing 109.5°E on a geographic (EPSG:4490) DEM', async () => {
    const gk37 = projector('EPSG:4546');
    // the centreline is straight in zone 37 (the zone of its centre) and runs across 109.5°E
    const a = gk37.forward([109.4965, 21.9]);
    const b: [number, number] = [a[0] + 1000, a[1]];
    const c = { lon0: 109.49, lat0: 21.905, d: 0.00002 };
    const n = { w: Math.round(0.025 / c.d), h: Math.round(0.01 / c.d) };
    const asc = writeAsc(dir, 'zone-line', {
      originX: c.lon0,
      originY: c.lat0,
      cell: c.d,
      width: n.w,
      height: n.h,
      z: (lon, lat) => {
        const [, y] = gk37.forward([lon, lat]);
        return 10 + 0.05 * Math.abs(y - a[1]);
      },
    });
    const tif = ascToTiff(asc, 'EPSG:4490', true);
    const res = await runFloodline({
      demPath: tif,
      demName: 'zone-line.tif',
      centreline: [gk37.inverse(a), gk37.inverse(b)],
      levelsBytes: csv([
        [0, 15],
        [1000, 15],
      ]),
      levelsName: 'levels.csv',
      maxWidth: 400,
    });
    if (!res.ok) throw new Error(JSON.stringify(res.errors));
    expect(res.answer.crs).toBe('EPSG:4546');
    const cell = res.answer.banks.features[0]?.properties.demCellSize as number;
    let dev = 0;
    const lons: number[] = [];
    for (const [f, sign] of res.answer.banks.features.map(
      (f, i) => [f, i === 0 ? 1 : -1] as const,
    )) {
      for (const p of f.geometry.coordinates) {
        lons.push(p[0] as number);
        const q = gk37.forward(p);
        dev = Math.max(dev, Math.abs(sign * ((q[1] as number) - a[1]) - 100));
      }
    }
    expect(lons.some((l) => l < 109.5)).toBe(true);
    expect(lons.some((l) => l > 109.5)).toBe(true);
    table.push(
      `| reach across 109.5°E (EPSG:4490 DEM, ${cell.toFixed(2)} m) | ${(dev / cell).toFixed(3)} | ${dev.toFixed(3)} | — | — |`,
    );
    expect(dev).toBeLessThanOrEqual(cell / 2);
  });

  afterAll(() => {
    console.log(
      [
        '| case | max deviation from exact contour (cells) | (m) | max distance to gdal_contour (cells) | (m) |',
        '|---|---|---|---|---|',
        ...table,
      ].join('\n'),
    );
  });
});
