import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, LineString, MultiPolygon, Position } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main';
import { renderMessage } from '../../src/contract/messages/render';
import { projector } from '../../src/domain/crs/crs';
import type { Message } from '../../src/domain/message';
import type {
  ZoneLineProperties,
  ZoneOutput,
  ZoneProperties,
} from '../../src/domain/zones/compute-zones';
import { isZoneFeature, loadZoneEngine } from '../../src/domain/zones/compute-zones';
import { readReaches } from '../../src/domain/zones/read-reaches';
import { DEFAULT_RULES } from '../../src/domain/zones/rules';
import { parseRuleTable } from '../../src/domain/zones/rules-schema';
import { compareGeometries, geosZones } from '../helpers/geos';
import { FIXTURES, geosInputFor, toPlane, zoneFixtures } from '../helpers/zones-fixtures';

/** Reasons as the English catalog words them. */
const inEnglish = (ms: readonly Message[]) => ms.map((m) => renderMessage(m, 'en')).join('\n');

const { computeZones } = await loadZoneEngine();
const fixtures = zoneFixtures();
const valid = fixtures.filter((f) => !f.input.expect);
const invalid = fixtures.filter((f) => f.input.expect);

type Zones = FeatureCollection<MultiPolygon, ZoneProperties>;
type Output = { type: 'FeatureCollection'; features: ZoneOutput[] };

function computeAll(input: unknown): Output {
  const r = computeZones(input);
  if (!r.ok) throw new Error(inEnglish(r.errors));
  return r.zones;
}

/** The zone polygons only (the engine also returns their boundary lines). */
function compute(input: unknown): Zones {
  const features = computeAll(input).features;
  return { type: 'FeatureCollection', features: features.filter(isZoneFeature) };
}

describe('zone engine golden files (tests/fixtures/zones)', () => {
  it.each(valid.map((f) => [f.name, f.input] as const))(
    '%s matches its golden output',
    (name, input) => {
      const zones = computeAll(input);
      const path = join(FIXTURES, 'out', `${name}.geojson`);
      if (process.env.UPDATE_GOLDEN || !existsSync(path))
        writeFileSync(path, `${JSON.stringify(zones)}\n`);
      const golden = JSON.parse(readFileSync(path, 'utf8')) as Output;
      expect(zones.features.map((f) => f.properties)).toEqual(
        golden.features.map((f) => f.properties),
      );
      const round = (g: MultiPolygon | LineString) =>
        JSON.stringify(g.coordinates, (_k, v) =>
          typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v,
        );
      for (const [i, f] of zones.features.entries()) {
        const g = golden.features[i];
        expect(g, `golden feature ${i}`).toBeDefined();
        if (g) expect(round(f.geometry)).toBe(round(g.geometry));
      }
    },
  );

  it.each(invalid.map((f) => [f.name, f.input] as const))(
    '%s is refused with a clear reason',
    (_name, input) => {
      const r = computeZones(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(inEnglish(r.errors)).toContain(input.expect?.error);
    },
  );

  it('covers every case the issue names', () => {
    const names = fixtures.map((f) => f.name);
    for (const n of [
      'straight',
      'meandering',
      'hairpin',
      'two-classes',
      'one-bank-embanked',
      'water-polygon',
      'crosses-109.5E',
    ]) {
      expect(names).toContain(n);
    }
    expect(invalid.length).toBeGreaterThanOrEqual(8);
  });
});

describe('zone boundary lines per bank (管理范围线 / 保护范围线)', () => {
  const planeOf = (crs: ZoneProperties['crs'], cs: Position[]) => {
    const p = projector(crs);
    return cs.map((c) => p.forward(c));
  };
  const length = (l: number[][]) =>
    l.slice(1).reduce((sum, b, i) => {
      const a = l[i] as number[];
      return (
        sum + Math.hypot((b[0] as number) - (a[0] as number), (b[1] as number) - (a[1] as number))
      );
    }, 0);

  it.each(valid.map((f) => [f.name, f.input] as const))(
    '%s: each line lies on its zone boundary, at its width from its bank, upstream → downstream',
    (_name, input) => {
      const out = computeAll(input).features;
      const zones = out.filter(isZoneFeature);
      const lines = out.filter((f) => !isZoneFeature(f)) as Extract<
        ZoneOutput,
        { properties: ZoneLineProperties }
      >[];
      const { reaches } = readReaches(input);
      const management = zones.find((z) => z.properties.kind === 'management');
      if (!management) throw new Error('no management zone');
      const banksWithProtection = ['left', 'right'].filter(
        (b) =>
          management.properties[b === 'left' ? 'leftProtectionM' : 'rightProtectionM'] !== null,
      );
      expect(
        lines.filter((l) => l.properties.kind === 'management-line').map((l) => l.properties.bank),
      ).toEqual(['left', 'right']);
      expect(
        lines.filter((l) => l.properties.kind === 'protection-line').map((l) => l.properties.bank),
      ).toEqual(banksWithProtection);
      for (const line of lines) {
        const { crs, bank, kind, offsetM } = line.properties;
        const reach = reaches.find((r) => r.id === line.properties.reach);
        if (!reach) throw new Error('no reach');
        const own = planeOf(crs, reach[bank].coords);
        const xy = planeOf(crs, line.geometry.coordinates);
        // on the boundary of the zone it bounds (management line: the management zone; protection
        // line: the outer edge of the protection zone)
        const zone = zones.find((z) => z.properties.kind === kind.replace('-line', ''));
        if (!zone) throw new Error(`no zone for ${kind}`);
        const rings = zone.geometry.coordinates.flat().map((r) => planeOf(crs, r));
        const managementRings = management.geometry.coordinates.map((poly) =>
          poly.map((r) => planeOf(crs, r)),
        );
        for (const v of xy) {
          const d = Math.min(...rings.map((r) => distanceToLine(v, r)));
          // a protection line may run inside another part's management zone (hairpin)
          const covered =
            kind === 'protection-line' &&
            managementRings.some(
              (poly) => inPolygon(v, poly) || poly.some((r) => distanceToLine(v, r) < 1e-3),
            );
          // the protection band is snap-rounded to 1 mm; its outer line is the unrounded edge
          const onIt = kind === 'protection-line' ? 1e-3 : 1e-6;
          if (!covered) expect(d, `${kind} ${bank} vertex on its zone`).toBeLessThan(onIt);
          // never inside the width measured from its own bank line, except on an end cap (in the
          // hairpin the inner protection strips meet, and that side is only the cap across the mouth)
          const onCap = [own[0], own.at(-1)].some(
            (o) =>
              Math.hypot(
                (v[0] as number) - (o?.[0] as number),
                (v[1] as number) - (o?.[1] as number),
              ) <=
              offsetM + 0.01,
          );
          if (!onCap) expect(distanceToLine(v, own)).toBeGreaterThan(offsetM - 0.005);
        }
        // upstream → downstream: starts beside the bank line's first point
        const [s, e] = [xy[0] as number[], xy.at(-1) as number[]];
        const [o0, on] = [own[0] as number[], own.at(-1) as number[]];
        expect(
          Math.hypot((s[0] as number) - (o0[0] as number), (s[1] as number) - (o0[1] as number)),
        ).toBeLessThan(offsetM + 0.01);
        expect(
          Math.hypot((e[0] as number) - (on[0] as number), (e[1] as number) - (on[1] as number)),
        ).toBeLessThan(offsetM + 0.01);
        expect(line.properties.lengthM).toBeCloseTo(length(xy), 2);
      }
    },
  );

  it('the two management lines and the two reach ends make up the whole outline (straight)', () => {
    const input = valid.find((f) => f.name === 'straight')?.input;
    const out = computeAll(input).features;
    const zone = out.filter(isZoneFeature).find((z) => z.properties.kind === 'management');
    const lines = out.filter((f) => f.properties.kind === 'management-line');
    if (!zone) throw new Error('no zone');
    const crs = zone.properties.crs;
    const ring = planeOf(crs, zone.geometry.coordinates[0]?.[0] ?? []);
    const [l, r] = lines.map((f) => planeOf(crs, (f.geometry as LineString).coordinates));
    const gap = (a: number[], b: number[]) =>
      Math.hypot((a[0] as number) - (b[0] as number), (a[1] as number) - (b[1] as number));
    const ends = gap(l?.[0] ?? [], r?.[0] ?? []) + gap(l?.at(-1) ?? [], r?.at(-1) ?? []);
    expect(length(l ?? []) + length(r ?? []) + ends).toBeCloseTo(length(ring), 2);
  });
});

describe('zone engine against GEOS (python3-shapely, the same construction)', () => {
  it.each(valid.map((f) => [f.name, f.input] as const))(
    '%s: Hausdorff ≤ 2 cm and area ratio within 1e-5',
    async (_name, input) => {
      const zones = compute(input);
      const management = zones.features.find((f) => f.properties.kind === 'management');
      if (!management) throw new Error('no management zone');
      const crs = management.properties.crs;
      const ref = await geosZones(geosInputFor(input, management.properties));
      for (const f of zones.features) {
        const theirs = f.properties.kind === 'management' ? ref.management : ref.protection;
        if (!theirs) throw new Error(`GEOS has no ${f.properties.kind} zone`);
        const c = await compareGeometries(toPlane(crs, f.geometry), theirs);
        expect(c.hausdorffM, `${f.properties.kind} Hausdorff`).toBeLessThanOrEqual(0.02);
        expect(
          Math.abs((c.areaRatio ?? Number.NaN) - 1),
          `${f.properties.kind} area ratio`,
        ).toBeLessThanOrEqual(1e-5);
      }
    },
    60_000,
  );
});

describe('zones stay valid outside the engine (GEOS is_valid)', () => {
  it.each(valid.map((f) => [f.name, f.input] as const))(
    '%s: every zone is valid in lon/lat and in its GK zone, with no zero-area part',
    async (_name, input) => {
      for (const f of compute(input).features) {
        const lonLat = await compareGeometries(f.geometry, f.geometry, { densifyM: 1 });
        expect(lonLat.validA, `${f.properties.kind} in lon/lat`).toBe(true);
        const plane = toPlane(f.properties.crs, f.geometry);
        const gk = await compareGeometries(plane, plane, { densifyM: 1000 });
        expect(gk.validA, `${f.properties.kind} in ${f.properties.crs}`).toBe(true);
        for (const poly of plane.coordinates) {
          const ring = poly[0] as Position[];
          let twice = 0;
          for (let i = 1; i < ring.length; i++) {
            const [x0, y0] = ring[i - 1] as [number, number];
            const [x1, y1] = ring[i] as [number, number];
            twice += x0 * y1 - x1 * y0;
          }
          expect(Math.abs(twice / 2), 'part area, m²').toBeGreaterThan(0.01);
        }
      }
    },
    60_000,
  );
});

/** Seeded PRNG (mulberry32) so that failures reproduce. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function inPolygon(p: number[], rings: number[][][]): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      const [x, y] = p as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

function distanceToLine(p: number[], line: number[][]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1] as [number, number];
    const [bx, by] = line[i] as [number, number];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(
      0,
      Math.min(
        1,
        (((p[0] as number) - ax) * dx + ((p[1] as number) - ay) * dy) / (dx * dx + dy * dy || 1),
      ),
    );
    best = Math.min(
      best,
      Math.hypot((p[0] as number) - ax - t * dx, (p[1] as number) - ay - t * dy),
    );
  }
  return best;
}

describe('zone engine properties (seeded fuzz)', () => {
  it('every management-boundary vertex beyond the banks lies within ±1 cm of its toe offset', () => {
    const next = rng(20191020);
    const p = projector('EPSG:4545');
    for (let run = 0; run < 25; run++) {
      const amp = 20 + next() * 300;
      const wave = 600 + next() * 2000;
      const half = 25 + next() * 60;
      const cls = [1, 2, 3, 4, 5][Math.floor(next() * 5)] as 1 | 2 | 3 | 4 | 5;
      const range = DEFAULT_RULES.toe[cls];
      const w = [
        range.min + next() * (range.max - range.min),
        range.min + next() * (range.max - range.min),
      ];
      // smooth enough that an offset of `half` stays simple: curvature radius ≥ 1.5 × half
      const k = (2 * Math.PI) / wave;
      const a = Math.min(amp, 1 / (1.5 * half * k * k));
      const centre = (t: number) => [a * Math.sin(k * t), t];
      const tangent = (t: number) => [a * k * Math.cos(k * t), 1];
      const bankLine = (off: number) =>
        Array.from({ length: 301 }, (_, i) => {
          const t = (i / 300) * 4000;
          const [cx, cy] = centre(t) as [number, number];
          const [dx, dy] = tangent(t) as [number, number];
          const n = Math.hypot(dx, dy);
          return [cx - (off * dy) / n, cy + (off * dx) / n];
        });
      const lines = [bankLine(half), bankLine(-half)];
      const toLonLat = (l: number[][]) =>
        l.map(([x, y]) => p.inverse([560000 + (x as number), 2430000 + (y as number)]));
      const input = {
        type: 'FeatureCollection',
        features: ['toe-left', 'toe-right'].map((role, i) => ({
          type: 'Feature',
          properties: { reach: `fuzz-${run}`, role, embankmentClass: cls, widthM: w[i] },
          geometry: { type: 'LineString', coordinates: toLonLat(lines[i] as number[][]) },
        })),
      };
      const zones = compute(input);
      const m = zones.features[0] as (typeof zones.features)[0];
      const rings = toPlane(m.properties.crs, m.geometry).coordinates.flat();
      const planeLines = lines.map((l) =>
        l.map(([x, y]) => [560000 + (x as number), 2430000 + (y as number)]),
      );
      let checked = 0;
      for (const v of rings.flat() as Position[]) {
        const d = planeLines.map((l) => distanceToLine(v, l));
        const nearest = (d[0] as number) <= (d[1] as number) ? 0 : 1;
        const other = 1 - nearest;
        // a vertex beyond its bank: farther from the other bank than the river is wide
        if ((d[other] as number) <= 2 * half + 1e-3) continue;
        checked++;
        expect(
          Math.abs((d[nearest] as number) - (w[nearest] as number)),
          `run ${run} vertex ${v}`,
        ).toBeLessThanOrEqual(0.01);
      }
      expect(checked).toBeGreaterThan(100);
    }
  });

  it('does not mutate its input', () => {
    const input = (valid.find((f) => f.name === 'hairpin') as (typeof valid)[0]).input;
    const before = JSON.stringify(input);
    compute(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('rule tables', () => {
  const straight = (valid.find((f) => f.name === 'straight') as (typeof valid)[0]).input;

  it('records the rule table, widths and legal basis on every zone', () => {
    const [m] = compute(straight).features;
    expect(m?.properties).toMatchObject({
      ruleId: 'GB50286-2013',
      ruleVersion: '2019-06-20',
      leftKind: 'toe',
      leftClass: 2,
      leftWidthM: 30,
      leftProtectionM: 40,
      areaM2: 140000,
      perimeterM: 2280,
    });
    expect(m?.properties.legalBasis).toContain('GB 50286');
  });

  it('uses the lower bound when no width is given', () => {
    const fc = structuredClone(straight);
    for (const f of fc.features) delete (f.properties as Record<string, unknown>).widthM;
    expect(compute(fc).features[0]?.properties.leftWidthM).toBe(20);
  });

  it('applies a bureau override for a river and refuses a bad table', () => {
    const parsed = parseRuleTable({
      id: 'qinzhou-local',
      version: '2020-01',
      overrides: [
        {
          river: 'demo-river',
          widths: { toe: { 2: { min: 10, max: 60 } } },
          legalBasis: '地方规定',
        },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const fc = structuredClone(straight);
    for (const f of fc.features)
      Object.assign(f.properties as object, { river: 'demo-river', widthM: 60 });
    const r = computeZones(fc, parsed.rules);
    expect(r.ok && r.zones.features[0]?.properties).toMatchObject({
      kind: 'management',
      ruleId: 'qinzhou-local',
      leftWidthM: 60,
      legalBasis: '地方规定',
    });
    expect(computeZones(fc).ok).toBe(false);
    const bad = parseRuleTable({ id: 'x', version: '1', toe: { 2: { min: 50, max: 20 } } });
    expect(bad.ok).toBe(false);
    expect(parseRuleTable({ version: '1' }).ok).toBe(false);
  });
});

describe('hejie zones (command line)', () => {
  it('writes the zones with -o, and on bad input writes nothing and exits 1 with the reason', async () => {
    vi.stubEnv('LC_ALL', 'en_US.UTF-8');
    const dir = mkdtempSync(join(tmpdir(), 'hejie-zones-'));
    const err: string[] = [];
    const ok = await runCli(
      ['zones', join(FIXTURES, 'in/straight.geojson'), '-o', join(dir, 'z.geojson')],
      () => {},
      (s) => err.push(s),
    );
    expect(ok).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'z.geojson'), 'utf8')).features).toHaveLength(6);
    const code = await runCli(
      ['zones', join(FIXTURES, 'in/invalid-swapped.geojson'), '-o', join(dir, 'bad.geojson')],
      () => {},
      (s) => err.push(s),
    );
    expect(code).toBe(1);
    expect(existsSync(join(dir, 'bad.geojson'))).toBe(false);
    expect(err.join('\n')).toContain('left line lies right of the right line');
    expect(
      await runCli(
        ['zones', join(dir, 'missing.geojson')],
        () => {},
        (s) => err.push(s),
      ),
    ).toBe(1);
    expect(err.at(-1)).toContain('no such file');
    vi.unstubAllEnvs();
  });

  it('says why in the language of the environment (Chinese by default)', async () => {
    vi.stubEnv('LC_ALL', 'zh_CN.UTF-8');
    const err: string[] = [];
    const code = await runCli(
      ['zones', join(FIXTURES, 'in/invalid-width-out-of-range.geojson')],
      () => {},
      (s) => err.push(s),
    );
    vi.unstubAllEnvs();
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/级堤防护堤地宽度应为 \d+–\d+ m，实为/);
  });
});
