/**
 * The GEOS reference (tests/reference/zones_geos.py) checked against hand-computed numbers, so it
 * can be trusted as the yardstick for the JSTS zone engine.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { compareGeometries, type GeosZonesInput, geosZones, runGeos } from '../helpers/geos';

const TIMEOUT = 30_000;

function bounds(g: Polygon | MultiPolygon): [number, number, number, number] {
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  const pts = rings.flat();
  const xs = pts.map((p) => p[0] ?? Number.NaN);
  const ys = pts.map((p) => p[1] ?? Number.NaN);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function rect(x0: number, y0: number, x1: number, y1: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  };
}

function circle(r: number, n: number, phase = 0): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = phase + (2 * Math.PI * i) / n;
    ring.push([r * Math.cos(a), r * Math.sin(a)]);
  }
  ring.push([...(ring[0] ?? [r, 0])]);
  return { type: 'Polygon', coordinates: [ring] };
}

/** Straight 1000 m reach along x: toes (= corridor edges) at y = ±40. */
function straightReach(): GeosZonesInput {
  const left: Position[] = [
    [0, 40],
    [1000, 40],
  ];
  const right: Position[] = [
    [0, -40],
    [1000, -40],
  ];
  return {
    left,
    right,
    toes: [
      { coords: left, widthM: 30, protectionM: 40 },
      { coords: right, widthM: 30, protectionM: 40 },
    ],
    banks: [],
    water: [],
    quadSegs: 64,
  };
}

/** Sine-wave centre line of the given arc length, offset ±offset m along vertex normals. */
function meander(
  n: number,
  lengthM: number,
  amplitude: number,
  wavelength: number,
  offset: number,
) {
  const centre = (extent: number): Position[] =>
    Array.from({ length: n }, (_, i) => {
      const x = (extent * i) / (n - 1);
      return [x, amplitude * Math.sin((2 * Math.PI * x) / wavelength)];
    });
  const length = (line: Position[]) =>
    line.slice(1).reduce((s, p, i) => {
      const q = line[i] ?? p;
      return s + Math.hypot((p[0] ?? 0) - (q[0] ?? 0), (p[1] ?? 0) - (q[1] ?? 0));
    }, 0);
  let extent = lengthM;
  for (let k = 0; k < 20; k++) extent *= lengthM / length(centre(extent));
  const c = centre(extent);
  const shifted = (d: number): Position[] =>
    c.map((p, i) => {
      const a = c[Math.max(i - 1, 0)] ?? p;
      const b = c[Math.min(i + 1, n - 1)] ?? p;
      const dx = (b[0] ?? 0) - (a[0] ?? 0);
      const dy = (b[1] ?? 0) - (a[1] ?? 0);
      const l = Math.hypot(dx, dy);
      return [(p[0] ?? 0) - (dy / l) * d, (p[1] ?? 0) + (dx / l) * d];
    });
  return { centre: c, left: shifted(offset), right: shifted(-offset), arcM: length(c) };
}

describe('GEOS reference: zones', () => {
  it(
    'straight 1000 m reach: management 1000 × 140 (flat caps), protection two 1000 × 40 bands',
    async () => {
      const z = await geosZones(straightReach());
      expect(z.managementArea).toBeCloseTo(140_000, 6);
      expect(bounds(z.management)).toEqual([0, -70, 1000, 70]);
      expect(z.protection).not.toBeNull();
      const protection = z.protection as Polygon | MultiPolygon;
      expect(protection.type).toBe('MultiPolygon');
      expect((protection as MultiPolygon).coordinates).toHaveLength(2);
      expect(z.protectionArea).toBeCloseTo(80_000, 6);
      expect(bounds(protection)).toEqual([0, -110, 1000, 110]);
      expect(z.valid).toEqual([true, true]);
      expect(z.ms).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    'a water polygon sticking out is part of management and cut out of protection',
    async () => {
      // 100 × 40 pond from y = 60 to 100: 30 m of it lies beyond the 70 m management line
      const input = { ...straightReach(), water: [rect(400, 60, 500, 100).coordinates] };
      const z = await geosZones(input);
      expect(z.managementArea).toBeCloseTo(140_000 + 100 * 30, 6);
      expect(bounds(z.management)).toEqual([0, -70, 1000, 100]);
      expect(z.protectionArea).toBeCloseTo(80_000 - 100 * 30, 6);
      expect(z.valid).toEqual([true, true]);
    },
    TIMEOUT,
  );

  it(
    'a bank line with widthM 0 adds nothing; one with widthM 5 adds a flat-capped 200 × 10 strip',
    async () => {
      const far: Position[] = [
        [100, 300],
        [300, 300],
      ];
      const zero = await geosZones({ ...straightReach(), banks: [{ coords: far, widthM: 0 }] });
      expect(zero.managementArea).toBeCloseTo(140_000, 6);
      expect(bounds(zero.management)).toEqual([0, -70, 1000, 70]);
      const five = await geosZones({ ...straightReach(), banks: [{ coords: far, widthM: 5 }] });
      expect(five.managementArea).toBeCloseTo(140_000 + 200 * 10, 6);
      expect(five.management.type).toBe('MultiPolygon');
      expect(bounds(five.management)).toEqual([0, -70, 1000, 305]);
    },
    TIMEOUT,
  );

  it(
    'no toe with protectionM: protection is null',
    async () => {
      const input = straightReach();
      const z = await geosZones({
        ...input,
        toes: input.toes.map((t) => ({ coords: t.coords, widthM: t.widthM, protectionM: null })),
      });
      expect(z.protection).toBeNull();
      expect(z.protectionArea).toBe(0);
      expect(z.managementArea).toBeCloseTo(140_000, 6);
      expect(z.valid).toEqual([true, true]);
    },
    TIMEOUT,
  );

  it(
    'round joins with quadSegs segments per quarter circle',
    async () => {
      // 1 m² corridor plus an L-shaped toe far away: two 100 × 20 strips overlapping 10 × 10,
      // and a 90° round join of radius 10 drawn with 64 chords (area 64 · ½ r² sin(π/128)).
      const z = await geosZones({
        left: [
          [0, 1],
          [1, 1],
        ],
        right: [
          [0, 0],
          [1, 0],
        ],
        toes: [
          {
            coords: [
              [1000, 0],
              [1100, 0],
              [1100, 100],
            ],
            widthM: 10,
          },
        ],
        quadSegs: 64,
      });
      const join = 64 * 0.5 * 100 * Math.sin(Math.PI / 128);
      expect(z.managementArea).toBeCloseTo(1 + 2000 + 2000 - 100 + join, 6);
      expect(bounds(z.management)).toEqual([0, -10, 1110, 100]);
      expect(z.protection).toBeNull();
    },
    TIMEOUT,
  );

  it(
    'reports input errors with the script text',
    async () => {
      await expect(geosZones({ ...straightReach(), left: [[0, 40]] })).rejects.toThrow(
        /left must be a list of at least 2/,
      );
      // left and right lines running opposite ways: a bow-tie corridor
      const input = straightReach();
      await expect(geosZones({ ...input, right: [...input.right].reverse() })).rejects.toThrow(
        /corridor .* is invalid: Self-intersection/,
      );
      await expect(runGeos({ mode: 'nope' })).rejects.toThrow(/mode must be "zones" or "compare"/);
    },
    TIMEOUT,
  );

  it(
    'times a 220 km meandering reach (logged, not asserted)',
    async () => {
      const r = meander(500, 220_000, 2000, 8000, 40);
      const z = await geosZones({
        left: r.left,
        right: r.right,
        toes: [
          { coords: r.left, widthM: 30, protectionM: 40 },
          { coords: r.right, widthM: 30, protectionM: 40 },
        ],
        quadSegs: 64,
        repeat: 3,
      });
      expect(r.arcM).toBeCloseTo(220_000, 3);
      expect(z.valid).toEqual([true, true]);
      // the corridor + toe buffers are a 140 m wide band; curvature costs a little on the inside
      expect(z.managementArea / (220_000 * 140)).toBeGreaterThan(0.99);
      expect(z.managementArea / (220_000 * 140)).toBeLessThan(1.01);
      const vertices = (g: Polygon | MultiPolygon) =>
        (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()).flat().length;
      console.log(
        `GEOS 220 km reach (500 vertices, quadSegs 64): ${z.ms.toFixed(1)} ms median of 3; ` +
          `management ${vertices(z.management)} vertices, ${(z.managementArea / 1e6).toFixed(3)} km²; ` +
          `protection ${(z.protectionArea / 1e6).toFixed(3)} km²`,
      );
    },
    TIMEOUT,
  );
});

describe('GEOS reference: compare', () => {
  it(
    'a geometry against itself: Hausdorff 0, area ratio 1, no symmetric difference',
    async () => {
      const a = rect(0, -70, 1000, 70);
      const c = await compareGeometries(a, a);
      expect(c.hausdorffM).toBe(0);
      expect(c.areaRatio).toBe(1);
      expect(c.symDiffArea).toBe(0);
      expect(c.areaA).toBe(140_000);
      expect(c.densifyM).toBe(0.5);
      // 2 × (1000 + 140) m of boundary in ≤ 0.5 m steps
      expect(c.points).toEqual([4560, 4560]);
    },
    TIMEOUT,
  );

  it(
    'a 1000 × 140 rectangle against one shifted 0.01 m: Hausdorff 0.01',
    async () => {
      const c = await compareGeometries(rect(0, -70, 1000, 70), rect(0.01, -70, 1000.01, 70));
      expect(c.hausdorffM).toBeCloseTo(0.01, 9);
      expect(c.areaRatio).toBeCloseTo(1, 12);
      expect(c.symDiffArea).toBeCloseTo(2 * 0.01 * 140, 6);
      const geos = await compareGeometries(rect(0, -70, 1000, 70), rect(0.01, -70, 1000.01, 70), {
        method: 'geos',
      });
      expect(geos.hausdorffM).toBeCloseTo(0.01, 9);
    },
    TIMEOUT,
  );

  it(
    'catches 1 cm on a 50 m arc, and the grid index agrees with GEOS hausdorff_distance',
    async () => {
      const a = circle(50, 256);
      const b = circle(50.01, 256);
      const grid = await compareGeometries(a, b);
      expect(grid.hausdorffM).toBeCloseTo(0.01, 9);
      // half a step out of phase: outer vertices sit 0.01 + 50 (1 - cos(π/256)) off the inner chords
      const c = circle(50.01, 256, Math.PI / 256);
      const expected = 50.01 - 50 * Math.cos(Math.PI / 256);
      const [g2, geos] = await Promise.all([
        compareGeometries(a, c),
        compareGeometries(a, c, { method: 'geos' }),
      ]);
      expect(g2.hausdorffM).toBeCloseTo(expected, 9);
      expect(geos.hausdorffM).toBeCloseTo(expected, 9);
      // far apart: the grid widens its search until it finds the other boundary
      const far = await compareGeometries(a, circle(10, 64));
      // (outer vertices face the inner 64-gon's chord midpoints)
      expect(far.hausdorffM).toBeCloseTo(50 - 10 * Math.cos(Math.PI / 64), 9);
    },
    TIMEOUT,
  );
});
