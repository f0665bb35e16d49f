import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { projector } from '../../src/domain/crs/crs';
import { deleteMarker, moveMarker, renumberMarkers } from '../../src/domain/markers/edit-markers';
import type { MarkerProperties } from '../../src/domain/markers/marker';
import { DEFAULT_MARKER_OPTIONS } from '../../src/domain/markers/marker-options';
import type { WaterbodyCode } from '../../src/domain/markers/number-markers';
import { reachCoder } from '../../src/domain/markers/number-markers';
import { placeMarkers } from '../../src/domain/markers/place-markers';
import { readBoundaryLines } from '../../src/domain/markers/read-lines';
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
import { boundaryLine, randomLines } from '../fixtures/markers/make-lines';
import { zoneFixtures } from '../helpers/zones-fixtures';

const TIGHT = { spacingM: 100, minGapM: 50, bendDeg: 10, boardKm: 1 };
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features }) as FeatureCollection;
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;

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
  if (!r.ok) throw new Error(r.errors.join('\n'));
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

// ---- single shapes, exact figures ----------------------------------------------------------

const gk = projector('EPSG:4545');
const lonlat = (pts: number[][]) => pts.map((p) => gk.inverse(p));
const O: [number, number] = [560000, 2430000];
const straight = (len: number, props: Record<string, unknown> = {}) =>
  boundaryLine(lonlat([O, [O[0] + len, O[1]]]), { reach: 'S', ...props });

describe('placement on simple lines', () => {
  it('a straight line: ends, and equal main gaps no longer than spacing', () => {
    const ms = boundaryOf(place([straight(1000)]), 'S');
    expect(ms.map((m) => m.kind)).toEqual(['end', ...Array(6).fill('main'), 'end']);
    expect(ms.map((m) => m.chainageM)).toEqual([
      0, 142.857, 285.714, 428.571, 571.429, 714.286, 857.143, 1000,
    ]);
    expect(ms.map((m) => m.id)).toEqual(
      ms.map((_, i) => `S-GL-L-${String(i + 1).padStart(3, '0')}`),
    );
  });

  it('a sharp corner gets one bend marker, on the corner', () => {
    const corner = boundaryLine(lonlat([O, [O[0] + 300, O[1]], [O[0] + 300, O[1] + 300]]), {
      reach: 'C',
    });
    const ms = boundaryOf(place([corner]), 'C');
    const bends = ms.filter((m) => m.kind === 'bend');
    expect(bends.map((m) => m.chainageM)).toEqual([300]);
  });

  it('a round-join arc of 30 short chords (r = 12 m, 90°) is one bend, at its middle', () => {
    const pts: number[][] = [O, [O[0] + 300, O[1]]];
    for (let k = 1; k <= 30; k++) {
      const a = -Math.PI / 2 + (k * Math.PI) / 60;
      pts.push([O[0] + 300 + 12 * Math.cos(a), O[1] + 12 + 12 * Math.sin(a)]);
    }
    pts.push([O[0] + 312, O[1] + 312]);
    const ms = boundaryOf(place([boundaryLine(lonlat(pts), { reach: 'A' })]), 'A');
    const bends = ms.filter((m) => m.kind === 'bend');
    expect(bends).toHaveLength(1);
    expect(Math.abs((bends[0]?.chainageM as number) - (300 + (12 * Math.PI) / 4))).toBeLessThan(
      0.5,
    );
  });

  it('a gentle meander (r = 500 m) has no bend markers; a turn of 19° none, 21° one', () => {
    const arc = (deg: number) => {
      const pts: number[][] = [O, [O[0] + 200, O[1]]];
      const t = (deg * Math.PI) / 180;
      pts.push([O[0] + 200 + 200 * Math.cos(t), O[1] + 200 * Math.sin(t)]);
      return pts;
    };
    const bendsOf = (pts: number[][]) =>
      boundaryOf(place([boundaryLine(lonlat(pts), { reach: 'B' })]), 'B').filter(
        (m) => m.kind === 'bend',
      ).length;
    expect(bendsOf(arc(19))).toBe(0);
    expect(bendsOf(arc(21))).toBe(1);
    const gentle = [O];
    for (let k = 1; k <= 100; k++)
      gentle.push([O[0] + 500 * Math.sin(k / 100), O[1] + 500 - 500 * Math.cos(k / 100)]);
    expect(bendsOf(gentle)).toBe(0);
  });

  it('lines of min-gap to spacing get their two ends only; shorter lines are refused by name', () => {
    expect(boundaryOf(place([straight(20)]), 'S').map((m) => m.chainageM)).toEqual([0, 20]);
    expect(boundaryOf(place([straight(150)]), 'S').map((m) => m.chainageM)).toEqual([0, 150]);
    const r = placeMarkers(fc([straight(12.5)]));
    expect(r).toEqual({
      ok: false,
      errors: [
        'feature 1 (reach S, management line left): 12.50 m long, shorter than the 20 m minimum gap between its two end markers',
      ],
    });
  });

  it('options out of range are refused, each naming the option and its range', () => {
    const r = placeMarkers(fc([straight(500)]), {
      spacingM: 250,
      minGapM: 10,
      bendDeg: 0,
      boardKm: Number.NaN,
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        '--spacing (spacingM) must be between 100 and 200 m, got 250',
        '--min-gap (minGapM) must be between 20 and 50 m, got 10',
        '--bend (bendDeg) must be between 5 and 90°, got 0',
        '--board-km (boardKm) must be between 1 and 20 km, got NaN',
      ]);
  });
});

// ---- numbering ------------------------------------------------------------------------------

describe('numbering', () => {
  const twoReaches = () => [
    straight(900, { reach: 'R2', river: '钦江' }),
    straight(400, { reach: 'R2', river: '钦江', bank: 'right' }),
    straight(600, { reach: 'R2', river: '钦江', kind: 'protection-line' }),
    straight(300, { reach: 'R1', river: 'qinjiang' }),
    straight(300, { reach: 'X-9', river: '武思江' }),
    straight(300, { reach: '城区段', river: null }),
    straight(300, { reach: 'Y', river: 'qinjiang', reachCode: 'QJ77' }),
  ];
  const waterbodies = (
    JSON.parse(readFileSync('geodata/waterbodies.json', 'utf8')) as { waterbodies: WaterbodyCode[] }
  ).waterbodies;

  it('per reach, line kind and bank, upstream → downstream, with codes from waterbodies.json', () => {
    const lines = twoReaches();
    const codeFor = reachCoder(waterbodies, readBoundaryLines(fc(lines)).lines);
    const r = placeMarkers(fc(lines), { codeFor });
    if (!r.ok) throw new Error(r.errors.join());
    const series = [
      ...new Set(r.markers.features.map((f) => f.properties.id.replace(/-\d+$/, ''))),
    ];
    expect(series).toEqual([
      'QJ02-GL-L',
      'QJ02-GSP-L', // R1: second 钦江 reach in the file
      'QJ01-GL-L',
      'QJ01-GL-R',
      'QJ01-BH-L',
      'QJ01-GSP-L',
      'QJ01-GSP-R',
      'WHJ01-GL-L',
      'WHJ01-GSP-L', // 武思江 is an alias of 武惠江
      'QJ77-GL-L',
      'QJ77-GSP-L', // a reachCode property wins
      'R04-GL-L',
      'R04-GSP-L', // no river code, no letters: R + the reach's ordinal in the file
    ]);
    for (const s of series) {
      const ms = r.markers.features
        .filter((f) => f.properties.id.startsWith(`${s}-`))
        .map((f) => f.properties);
      expect(ms.map((m) => m.seq)).toEqual(ms.map((_, i) => i + 1));
      for (let i = 1; i < ms.length; i++)
        expect((ms[i] as MarkerProperties).chainageM).toBeGreaterThan(
          (ms[i - 1] as MarkerProperties).chainageM,
        );
    }
  });

  it('stable under re-run: byte-identical output', () => {
    const a = JSON.stringify(place(twoReaches()));
    expect(JSON.stringify(place(twoReaches()))).toBe(a);
  });

  it('two reaches that would share a code are refused', () => {
    const r = placeMarkers(fc([straight(300, { reach: 'A-1' }), straight(300, { reach: 'A1' })]));
    expect(r).toEqual({
      ok: false,
      errors: ['reaches A-1 and A1 would both be numbered A1; give one a reachCode property'],
    });
  });

  it('notice boards: both ends and ≤ board-km apart on each management line, numbered apart', () => {
    const r = placeMarkers(
      fc([
        straight(12000, { reach: 'L' }),
        straight(12000, { reach: 'L', kind: 'protection-line' }),
      ]),
    );
    if (!r.ok) throw new Error(r.errors.join());
    const boards = r.markers.features
      .map((f) => f.properties)
      .filter((p) => p.markerType === 'notice-board');
    expect(boards.map((b) => [b.id, b.kind, b.chainageM, b.line])).toEqual([
      ['L-GSP-L-01', 'end', 0, 'management'],
      ['L-GSP-L-02', 'interval', 4000, 'management'],
      ['L-GSP-L-03', 'interval', 8000, 'management'],
      ['L-GSP-L-04', 'end', 12000, 'management'],
    ]);
  });
});

// ---- edits ----------------------------------------------------------------------------------

describe('edits never renumber silently', () => {
  const lines = fc([straight(1000, { reach: 'E' })]);
  const original = place(lines.features);
  const snapshot = JSON.stringify(original);
  const ids = original.features.map((f) => f.properties.id);

  it('moveMarker keeps the id, flags it, recomputes X/Y and (with lines) chainage', () => {
    const target = gk.inverse([O[0] + 300, O[1] + 7]);
    const r = moveMarker(original, 'E-GL-L-003', [target[0], target[1]], lines);
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.markers.features.map((f) => f.properties.id)).toEqual(ids);
    const m = r.markers.features.find((f) => f.properties.id === 'E-GL-L-003')?.properties;
    expect(m?.moved).toBe(true);
    expect(m?.chainageM).toBeCloseTo(300, 3);
    expect(m?.x).toBeCloseTo(O[1] + 7, 3);
    expect(m?.y).toBeCloseTo(O[0] + 300, 3);
    const kept = moveMarker(original, 'E-GL-L-003', [target[0], target[1]]);
    expect(kept.ok && kept.markers.features[2]?.properties.chainageM).toBe(285.714);
    expect(moveMarker(original, 'E-GL-L-099', [108.6, 21.9])).toEqual({
      ok: false,
      errors: ['no marker E-GL-L-099'],
    });
    expect(JSON.stringify(original)).toBe(snapshot);
  });

  it('deleteMarker leaves a gap; renumberMarkers is explicit and returns old → new', () => {
    const d = deleteMarker(original, 'E-GL-L-004');
    if (!d.ok) throw new Error(d.errors.join());
    expect(d.markers.features.map((f) => f.properties.id)).toEqual(
      ids.filter((i) => i !== 'E-GL-L-004'),
    );
    const r = renumberMarkers(d.markers);
    expect(r.mapping).toEqual({
      'E-GL-L-005': 'E-GL-L-004',
      'E-GL-L-006': 'E-GL-L-005',
      'E-GL-L-007': 'E-GL-L-006',
      'E-GL-L-008': 'E-GL-L-007',
    });
    expect(
      r.markers.features
        .filter((f) => f.properties.markerType === 'boundary')
        .map((f) => f.properties.seq),
    ).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(renumberMarkers(original).mapping).toEqual({});
    const board = deleteMarker(original, 'E-GSP-L-01');
    expect(board.ok && renumberMarkers(board.markers).mapping).toEqual({
      'E-GSP-L-02': 'E-GSP-L-01',
    });
    expect(JSON.stringify(original)).toBe(snapshot);
  });

  it('a marker moved past its neighbour keeps its number until an explicit renumber', () => {
    const past = gk.inverse([O[0] + 500, O[1]]);
    const m = moveMarker(original, 'E-GL-L-002', [past[0], past[1]], lines);
    if (!m.ok) throw new Error(m.errors.join());
    expect(m.markers.features.map((f) => f.properties.id)).toEqual(ids);
    const r = renumberMarkers(m.markers);
    expect(r.mapping).toEqual({
      'E-GL-L-002': 'E-GL-L-004',
      'E-GL-L-003': 'E-GL-L-002',
      'E-GL-L-004': 'E-GL-L-003',
    });
  });
});

// ---- bad input ------------------------------------------------------------------------------

describe('bad input is refused with reasons naming the feature', () => {
  it.each([
    ['not a collection', { type: 'Feature' }, 'input must be a GeoJSON FeatureCollection'],
    ['no lines', fc([]), 'the input has no boundary lines'],
    [
      'no bank',
      fc([straight(300, { bank: 'middle' })]),
      'feature 1 (reach S, management line middle): bank must be "left" or "right"',
    ],
    [
      'swapped',
      fc([
        boundaryLine(
          [
            [21.9, 108.6],
            [21.91, 108.6],
          ],
          { reach: 'W' },
        ),
      ]),
      'feature 1 (reach W, management line left): point 1 [21.9,108.6] is not lon/lat',
    ],
    [
      'multi',
      fc([{ ...straight(300), geometry: { type: 'MultiLineString', coordinates: [] } }]),
      'a MultiLineString; markers need one LineString',
    ],
    [
      'twice',
      fc([straight(300), straight(400)]),
      'feature 2 (reach S, management line left): the same line as feature 1',
    ],
    [
      'crs',
      fc([straight(300, { crs: 'EPSG:3857' })]),
      'crs "EPSG:3857" is not a Gauss-Krüger zone 36/37 code',
    ],
  ])('%s', (_n, input, message) => {
    const r = placeMarkers(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(message);
  });

  it('zone polygons and other features are ignored', () => {
    const poly = {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [] },
      properties: { kind: 'management' },
    };
    expect(JSON.stringify(place([poly as Feature, straight(300)]))).toBe(
      JSON.stringify(place([straight(300)])),
    );
  });
});

// ---- the CLI --------------------------------------------------------------------------------

describe('hejie markers', () => {
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
