import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main';
import { projector } from '../../src/domain/crs/crs';
import { DEFAULT_MARKER_OPTIONS } from '../../src/domain/markers/marker-options';
import { loadZoneEngine } from '../../src/domain/zones/compute-zones';
import {
  boundaryOf,
  checkAll,
  cumulative,
  expectRules,
  fmt,
  place,
  plane,
} from '../fixtures/markers/check-markers';
import { randomLines } from '../fixtures/markers/make-lines';
import { fc, readJson, straight, TIGHT } from '../helpers/markers';
import { englishLines } from '../helpers/messages';
import { zoneFixtures } from '../helpers/zones-fixtures';

describe('marker rules on a seeded fuzz set', () => {
  const lines = randomLines(20261128, 240);
  it.each([
    ['defaults', DEFAULT_MARKER_OPTIONS],
    ['tight', TIGHT],
    ['loose', { spacingM: 200, minGapM: 20, bendDeg: 45, boardKm: 20 }],
  ] as const)('%s: gaps within [min-gap, spacing], on the line, every bend covered', (_n, o) => {
    const usable = lines.filter((l) => (cumulative(plane(l)).at(-1) as number) >= o.minGapM);
    const fig = checkAll(usable, o);
    console.info(`fuzz ${_n}: ${fmt(fig)}`);
    expect(fig.lines).toBeGreaterThanOrEqual(200);
    expectRules(fig, o);
  });
});

// ---- demo reaches: the zone engine's own boundary lines ----------------------------------------

const engine = await loadZoneEngine();
const DEMOS = [
  ...zoneFixtures()
    .filter((f) => !f.input.expect)
    .map((f) => [f.name, f.input] as const),
  [
    'nanliujiang-sample-reach',
    readJson('geodata/samples/nanliujiang-sample-reach.geojson'),
  ] as const,
];

function zonesOf(input: unknown): FeatureCollection {
  const r = engine.computeZones(input);
  if (!r.ok) throw new Error(englishLines(r.errors));
  return r.zones as FeatureCollection;
}

function engineLines(zones: FeatureCollection): Feature<LineString>[] {
  return zones.features.filter(
    (f): f is Feature<LineString> =>
      f.geometry.type === 'LineString' && String(f.properties?.kind).endsWith('-line'),
  );
}

describe('marker rules on every demo reach (zone engine output)', () => {
  it.each(DEMOS)('%s', (name, input) => {
    const zones = zonesOf(input);
    const lines = engineLines(zones);
    expect(lines.length, 'the engine returns boundary lines').toBeGreaterThanOrEqual(2);
    for (const o of [DEFAULT_MARKER_OPTIONS, TIGHT]) {
      const fig = checkAll(lines, o);
      console.info(`${name} (${o.spacingM}/${o.minGapM}/${o.bendDeg}°): ${fmt(fig)}`);
      expect(fig.lines).toBe(lines.length);
      expectRules(fig, o);
    }
  });

  it('GEOS (shapely) agrees: every marker within 1 mm of its line, chainage to 1 mm', () => {
    const zones = zonesOf(DEMOS.find(([n]) => n === 'nanliujiang-sample-reach')?.[1]);
    const markers = place(zones.features);
    const dir = mkdtempSync(join(tmpdir(), 'hejie-markers-'));
    try {
      const cases = engineLines(zones).map((l) => {
        const p = l.properties ?? {};
        const ms = boundaryOf(markers, p.reach, p.kind.replace('-line', ''), p.bank);
        const proj = projector(p.crs);
        return {
          line: plane(l),
          points: ms.map((m) => proj.forward([m.lon, m.lat])),
          chainage: ms.map((m) => m.chainageM),
        };
      });
      writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
      const script = `
import json, sys
from shapely.geometry import LineString, Point
dist = ch = 0.0; n = 0
for c in json.load(open(sys.argv[1])):
    line = LineString(c['line'])
    for p, s in zip(c['points'], c['chainage']):
        dist = max(dist, line.distance(Point(p))); ch = max(ch, abs(line.project(Point(p)) - s)); n += 1
print(json.dumps({'n': n, 'dist': dist, 'chainage': ch}))`;
      const got = JSON.parse(
        execFileSync('/usr/bin/python3', ['-c', script, join(dir, 'cases.json')], {
          encoding: 'utf8',
        }),
      ) as { n: number; dist: number; chainage: number };
      console.info(
        `shapely: ${got.n} markers, max distance ${(got.dist * 1000).toFixed(3)} mm, max |Δchainage| ${(got.chainage * 1000).toFixed(3)} mm`,
      );
      expect(got.n).toBeGreaterThan(500);
      expect(got.dist).toBeLessThan(0.001);
      expect(got.chainage).toBeLessThan(0.001);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hejie markers', () => {
  beforeEach(() => vi.stubEnv('LC_ALL', 'en_US.UTF-8'));
  afterEach(() => vi.unstubAllEnvs());
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      ['markers', ...args],
      (s) => out.push(s),
      (s) => err.push(s),
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('writes markers with river codes from waterbodies.json, prints counts per line; re-run is byte-identical', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hejie-markers-'));
    try {
      const zones = join(dir, 'zones.geojson');
      writeFileSync(
        zones,
        JSON.stringify(zonesOf(readJson('geodata/samples/nanliujiang-sample-reach.geojson'))),
      );
      const a = await run([zones, '-o', join(dir, 'a.geojson')]);
      const b = await run([zones, '--spacing', '150', '-o', join(dir, 'b.geojson')]);
      expect(a.code, a.err).toBe(0);
      expect(b.code).toBe(0);
      expect(a.out).toMatch(
        /^NLJ01-GL-L\treach NLJ-S01 management left\t20\.591 km\t\d+ markers \(2 end, \d+ bend, \d+ main\), 6 notice boards$/m,
      );
      expect(a.out.split('\n')).toHaveLength(5);
      const text = readFileSync(join(dir, 'a.geojson'), 'utf8');
      expect(readFileSync(join(dir, 'b.geojson'), 'utf8')).toBe(text);
      const fcOut = JSON.parse(text) as FeatureCollection;
      expect(fcOut.features[0]?.properties?.id).toBe('NLJ01-GL-L-001');
      const stdout = await run([zones]);
      expect(`${stdout.out}\n`).toBe(text);
      expect(stdout.err).toContain('NLJ01-BH-R');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('usage errors exit 2; bad input exits 1 and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hejie-markers-'));
    try {
      expect((await run([])).code).toBe(2);
      const range = await run(['x.geojson', '--spacing', '300']);
      expect(range).toMatchObject({
        code: 2,
        err: '--spacing (spacingM) must be between 100 and 200 m, got 300',
      });
      expect((await run(['x.geojson', '--bend', 'sharp'])).err).toBe(
        '--bend must be a number, got "sharp"',
      );
      expect((await run(['x.geojson', '--width', '3'])).code).toBe(2);
      const input = join(dir, 'in.geojson');
      writeFileSync(input, JSON.stringify(fc([straight(10)])));
      const target = join(dir, 'out.geojson');
      const bad = await run([input, '-o', target]);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('shorter than the 20 m minimum gap');
      expect(existsSync(target)).toBe(false);
      expect((await run([join(dir, 'missing.geojson')])).err).toContain('no such file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
