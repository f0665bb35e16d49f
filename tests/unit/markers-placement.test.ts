import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MarkerProperties } from '../../src/domain/markers/marker';
import type { WaterbodyCode } from '../../src/domain/markers/number-markers';
import { reachCoder } from '../../src/domain/markers/number-markers';
import { placeMarkers } from '../../src/domain/markers/place-markers';
import { readBoundaryLines } from '../../src/domain/markers/read-lines';
import { boundaryOf, place } from '../fixtures/markers/check-markers';
import { boundaryLine } from '../fixtures/markers/make-lines';
import { fc, lonlat, O, straight } from '../helpers/markers';
import { englishLines, inEnglish } from '../helpers/messages';

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
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(inEnglish(r.errors)).toEqual([
        'feature 1 (reach S, management line left): 12.50 m long, shorter than the 20 m minimum gap between its two end markers',
      ]);
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
      expect(inEnglish(r.errors)).toEqual([
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
    if (!r.ok) throw new Error(englishLines(r.errors));
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
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(inEnglish(r.errors)).toEqual([
        'reaches A-1 and A1 would both be numbered A1; give one a reachCode property',
      ]);
  });

  it('notice boards: both ends and ≤ board-km apart on each management line, numbered apart', () => {
    const r = placeMarkers(
      fc([
        straight(12000, { reach: 'L' }),
        straight(12000, { reach: 'L', kind: 'protection-line' }),
      ]),
    );
    if (!r.ok) throw new Error(englishLines(r.errors));
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
