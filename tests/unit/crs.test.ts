import { execFileSync } from 'node:child_process';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import {
  CRS,
  type CrsCode,
  lonExtent,
  projector,
  zoneOfExtent,
  zoneOfPositions,
} from '../../src/domain/crs/crs';

type Projected = Exclude<CrsCode, 'EPSG:4490'>;
const PROJECTED: Projected[] = ['EPSG:4545', 'EPSG:4546', 'EPSG:4524', 'EPSG:4525'];

/** Runs PROJ's cs2cs once over many lines; its CRSs use EPSG axis order (lat lon, N E). */
function cs2cs(from: string, to: string, lines: string[]): number[][] {
  let out: string;
  try {
    out = execFileSync('cs2cs', ['-f', '%.12f', from, to], { input: `${lines.join('\n')}\n` })
      .toString()
      .trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('PROJ cs2cs not found: install it with `apt-get install -y proj-bin`');
    }
    throw e;
  }
  const rows = out.split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  expect(rows).toHaveLength(lines.length);
  for (const r of rows) expect(r.every(Number.isFinite), `cs2cs output ${r}`).toBe(true);
  return rows;
}

/** Control points [lon, lat]: 0.2° grid over Qinzhou and around (109.5 on it), the zone line, far points. */
const POINTS: [number, number][] = [];
for (let i = 0; i <= 11; i++) {
  for (let j = 0; j <= 8; j++) POINTS.push([(1079 + 2 * i) / 10, (213 + 2 * j) / 10]);
}
POINTS.push([109.4999, 22], [109.5001, 22], [106.6, 21.3], [106.6, 22.9], [112.4, 21.3]);
POINTS.push([112.4, 22.9]);
/** Inside Qinzhou (~108.2–109.9°E, 21.5–22.7°N) */
const QINZHOU = POINTS.filter(
  ([lon, lat]) => lon >= 108.1 && lon <= 110 && lat >= 21.5 && lat <= 22.7,
);

const geoLines = POINTS.map(([lon, lat]) => `${lat} ${lon}`);
const maxAbs = (xs: number[]) => Math.max(...xs.map(Math.abs));

describe('CRS table pinned against PROJ cs2cs', () => {
  it('has a control grid on both sides of the zone line', () => {
    expect(POINTS.some(([lon]) => lon === 109.5)).toBe(true);
    expect(POINTS.filter(([lon]) => lon < 109.5).length).toBeGreaterThan(40);
    expect(POINTS.filter(([lon]) => lon > 109.5).length).toBeGreaterThan(25);
    expect(QINZHOU.length).toBeGreaterThan(40);
  });

  it('EPSG:4490 is GRS80 (geocentric XYZ as EPSG:4479)', () => {
    const ref = cs2cs(
      'EPSG:4490',
      'EPSG:4479',
      POINTS.map(([lon, lat]) => `${lat} ${lon} 0`),
    );
    const conv = proj4(CRS['EPSG:4490'].proj4, '+proj=geocent +ellps=GRS80 +units=m +no_defs');
    POINTS.forEach((p, k) => {
      const xyz = conv.forward([p[0], p[1], 0]) as number[];
      const r = ref[k] as number[];
      expect(maxAbs([0, 1, 2].map((a) => (xyz[a] as number) - (r[a] as number)))).toBeLessThan(
        1e-6,
      );
    });
  });

  for (const code of PROJECTED) {
    it(`${code}: forward < 1e-6 m and inverse < 1e-9° of cs2cs (${POINTS.length} points)`, () => {
      const pj = projector(code);
      const fwd = cs2cs('EPSG:4490', code, geoLines);
      const inv = cs2cs(
        code,
        'EPSG:4490',
        fwd.map((r) => `${(r[0] as number).toFixed(9)} ${(r[1] as number).toFixed(9)}`),
      );
      POINTS.forEach((p, k) => {
        const [n, e] = fwd[k] as number[];
        const [E, N] = pj.forward(p);
        expect(maxAbs([E - (e as number), N - (n as number)]), `${code} ${p}`).toBeLessThan(1e-6);
        const en = [Number((e as number).toFixed(9)), Number((n as number).toFixed(9))];
        const [lon, lat] = pj.inverse(en);
        const [rLat, rLon] = inv[k] as number[];
        const d = [lon - (rLon as number), lat - (rLat as number)];
        expect(maxAbs(d), `${code} inverse ${p}`).toBeLessThan(1e-9);
        expect(maxAbs([lon - p[0], lat - p[1]]), `${code} PROJ round trip ${p}`).toBeLessThan(1e-9);
      });
    });
  }
});

describe('CRS helpers', () => {
  it('picks the 3° zone by the centre of an extent', () => {
    const code = (lon: number) => zoneOfExtent(lon, lon).code;
    expect(code(108.0)).toBe('EPSG:4545');
    expect(code(109.4999)).toBe('EPSG:4545');
    expect(code(109.5)).toBe('EPSG:4546');
    expect(code(109.5001)).toBe('EPSG:4546');
    expect(zoneOfExtent(109, 110)).toEqual({ code: 'EPSG:4546', centre: 109.5, crosses: true });
    expect(() => code(105)).toThrow(/longitude 105 is outside zones 36–37/);
    expect(() => code(Number.NaN)).toThrow(/longitude NaN is outside zones 36–37/);
  });

  it('crosses 109.5°E only when the extent reaches strictly across it', () => {
    // touching the zone line from either side is not crossing it
    expect(zoneOfExtent(109.4, 109.5)).toMatchObject({ code: 'EPSG:4545', crosses: false });
    expect(zoneOfExtent(109.5, 109.6)).toMatchObject({ code: 'EPSG:4546', crosses: false });
    expect(zoneOfExtent(109.5, 109.5)).toMatchObject({ code: 'EPSG:4546', crosses: false });
    // just either side: a hair over the line is crossing
    expect(zoneOfExtent(109.4999999, 109.5000001)).toMatchObject({
      code: 'EPSG:4546',
      crosses: true,
    });
    expect(zoneOfExtent(109.4999999, 109.5)).toMatchObject({ code: 'EPSG:4545', crosses: false });
    expect(zoneOfExtent(109.4, 109.5000001)).toMatchObject({ code: 'EPSG:4545', crosses: true });
    expect(zoneOfExtent(109.4999999, 109.6)).toMatchObject({ code: 'EPSG:4546', crosses: true });
  });

  it('measures the longitude extent in a loop (250,000 vertices, no stack overflow)', () => {
    const many = Array.from({ length: 250_000 }, (_, i) => [108 + (i % 1000) / 1000, 22]);
    expect(lonExtent(many)).toEqual({ min: 108, max: 108.999 });
    expect(lonExtent([])).toBeNull();
    expect(zoneOfPositions(many).code).toBe('EPSG:4545');
    expect(() => zoneOfPositions([])).toThrow(/no positions/);
  });

  it('caches projectors', () => {
    expect(projector('EPSG:4545')).toBe(projector('EPSG:4545'));
    expect(projector('EPSG:4524')).not.toBe(projector('EPSG:4545'));
  });

  it('prefixed zones add exactly the zone number × 1 000 000 to the easting', () => {
    for (const [plain, prefixed, zone] of [
      ['EPSG:4545', 'EPSG:4524', 36],
      ['EPSG:4546', 'EPSG:4525', 37],
    ] as const) {
      expect(CRS[prefixed].zone).toBe(zone);
      for (const p of POINTS) {
        const [e, n] = projector(plain).forward(p);
        const [E, N] = projector(prefixed).forward(p);
        expect(Math.abs(E - e - zone * 1_000_000)).toBeLessThan(1e-6);
        expect(Math.abs(N - n)).toBeLessThan(1e-6);
      }
    }
  });

  it('forward → inverse returns the input within 1e-10°', () => {
    for (const code of PROJECTED) {
      for (const p of POINTS) {
        const [lon, lat] = projector(code).inverse(projector(code).forward(p));
        expect(maxAbs([lon - p[0], lat - p[1]]), `${code} ${p}`).toBeLessThan(1e-10);
      }
    }
  });

  it('Qinzhou X (north) has 7 integer digits, prefixed Y (east) 8', () => {
    for (const code of PROJECTED) {
      for (const p of QINZHOU) {
        const [y, x] = projector(code).forward(p);
        expect(String(Math.trunc(x))).toHaveLength(7);
        expect(String(Math.trunc(y))).toHaveLength(CRS[code].zonePrefix ? 8 : 6);
      }
    }
  });
});
