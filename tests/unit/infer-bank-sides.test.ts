// The side of a bank line follows from the geometry and the flow: seeded random reaches in every
// orientation (some across the 109.5° zone line), reversed lines, a line alone, water, a course, a
// stated side the geometry contradicts; then the editor's working copy keeps its sides in step.
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import { bankSettings } from '../../src/domain/editor/bank-settings';
import { readBankSides, syncBankSides } from '../../src/domain/editor/bank-sides';
import { draftBlockers } from '../../src/domain/editor/draft-blockers';
import { editFeatures, emptyEditState } from '../../src/domain/editor/edit-features';
import type { EditFeature, EditState } from '../../src/domain/editor/edit-types';
import { inferBankSides } from '../../src/domain/editor/infer-bank-sides';
import { newFeatureProperties } from '../../src/domain/editor/new-feature';
import type { Message } from '../../src/domain/message';
import { DEFAULT_RULES, resolveRules } from '../../src/domain/zones/rules';

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

/**
 * A random reach: a wandering centreline (upstream → downstream) heading anywhere, and its two
 * banks `half` metres either side, both drawn downstream. Left is on the left looking downstream.
 */
function randomReach(random: () => number, lon0: number) {
  const heading0 = random() * 2 * Math.PI;
  const half = 20 + random() * 200;
  const n = 3 + Math.floor(random() * 12);
  const step = 150 + random() * 400;
  const lat0 = 21.5 + random() * 1.2;
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const centre: [number, number][] = [[0, 0]];
  const normals: [number, number][] = [];
  let h = heading0;
  for (let i = 0; i < n; i++) {
    // gentle bends: at most 25° a step, so that the banks stay apart
    h += (random() - 0.5) * 0.9;
    const [x, y] = centre.at(-1) as [number, number];
    centre.push([x + step * Math.cos(h), y + step * Math.sin(h)]);
  }
  for (let i = 0; i < centre.length; i++) {
    const a = centre[Math.max(0, i - 1)] as [number, number];
    const b = centre[Math.min(centre.length - 1, i + 1)] as [number, number];
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const len = Math.hypot(dx, dy);
    // the left normal of a direction (dx, dy) in an east/north plane is (-dy, dx)
    normals.push([-dy / len, dx / len]);
  }
  const toLonLat = ([x, y]: [number, number]): Position => [lon0 + x / kx, lat0 + y / 110_540];
  const offset = (sign: number) =>
    centre.map(([x, y], i) => {
      const [nx, ny] = normals[i] as [number, number];
      return toLonLat([x + sign * half * nx, y + sign * half * ny]);
    });
  return { left: offset(1), right: offset(-1), course: centre.map(toLonLat) };
}

const reversed = (c: Position[]) => [...c].reverse();

describe('inferBankSides (seeded random reaches)', () => {
  const random = rng(19);
  const cases = Array.from({ length: 300 }, (_, i) => {
    // a third of them straddle the 109.5° line between Gauss-Krüger zones
    const lon0 = i % 3 === 0 ? 109.5 - 0.002 : 108.2 + random() * 1.8;
    return randomReach(random, lon0);
  });

  it('tells left from right in any orientation, whichever line comes first', () => {
    for (const { left, right } of cases) {
      const ab = inferBankSides([
        { id: 'L', coords: left, stated: null },
        { id: 'R', coords: right, stated: null },
      ]);
      expect(ab.sides.map((s) => s.side)).toEqual(['left', 'right']);
      expect(ab.notes).toEqual([]);
      // the right bank drawn first is still the right bank
      const ba = inferBankSides([
        { id: 'R', coords: right, stated: null },
        { id: 'L', coords: left, stated: null },
      ]);
      expect(ba.sides.map((s) => s.side)).toEqual(['right', 'left']);
    }
  });

  it('swaps both sides when both lines are reversed (the flow is the other way)', () => {
    for (const { left, right } of cases) {
      const r = inferBankSides([
        { id: 'L', coords: reversed(left), stated: null },
        { id: 'R', coords: reversed(right), stated: null },
      ]);
      expect(r.sides.map((s) => s.side)).toEqual(['right', 'left']);
    }
  });

  it('never makes two left banks: one line reversed is 待定 with a note that they flow opposite ways', () => {
    for (const { left, right } of cases) {
      for (const [a, b] of [
        [reversed(left), right],
        [left, reversed(right)],
      ] as const) {
        const r = inferBankSides([
          { id: 'a', coords: a, stated: null },
          { id: 'b', coords: b, stated: null },
        ]);
        expect(r.sides.map((s) => s.side)).toEqual([null, null]);
        expect(r.notes).toEqual([{ code: 'opposite', lines: ['a', 'b'] }]);
      }
    }
  });

  it('leaves a line alone 待定, or decided by the water drawn beside it, or by a stated side', () => {
    for (const { left, right, course } of cases.slice(0, 60)) {
      expect(inferBankSides([{ id: 'R', coords: right, stated: null }]).sides).toEqual([
        { id: 'R', side: null, basis: null },
      ]);
      // a water polygon between the banks: the strip from the centreline a little toward each bank
      const strip = [...course, ...reversed(course.map((c, i) => mid(c, right[i] as Position)))];
      const water = [[[...strip, strip[0] as Position]]];
      expect(inferBankSides([{ id: 'R', coords: right, stated: null }], { water }).sides).toEqual([
        { id: 'R', side: 'right', basis: 'water' },
      ]);
      expect(
        inferBankSides([{ id: 'L', coords: left, stated: null }], { water }).sides[0]?.side,
      ).toBe('left');
    }
  });

  it('checks the flow against the river course: a line drawn upstream is said', () => {
    for (const { left, right, course } of cases.slice(0, 60)) {
      const ok = inferBankSides(
        [
          { id: 'R', coords: right, stated: null },
          { id: 'L', coords: left, stated: null },
        ],
        { course },
      );
      expect(ok.sides.map((s) => s.side)).toEqual(['right', 'left']);
      expect(ok.notes).toEqual([]);
      const up = inferBankSides(
        [
          { id: 'R', coords: reversed(right), stated: null },
          { id: 'L', coords: reversed(left), stated: null },
        ],
        { course },
      );
      expect(up.notes).toEqual([
        { code: 'against-course', line: 'R' },
        { code: 'against-course', line: 'L' },
      ]);
    }
  });

  it('says when a stated side disagrees with the geometry', () => {
    const { left, right } = cases[0] as ReturnType<typeof randomReach>;
    const r = inferBankSides([
      { id: 'a', coords: left, stated: 'right' },
      { id: 'b', coords: right, stated: 'right' },
    ]);
    expect(r.notes).toEqual([{ code: 'disagrees', line: 'a', stated: 'right', inferred: 'left' }]);
  });

  it('does not change its input', () => {
    const { left, right } = cases[1] as ReturnType<typeof randomReach>;
    const lines = [
      { id: 'a', coords: left, stated: null },
      { id: 'b', coords: right, stated: null },
    ];
    const before = JSON.stringify(lines);
    inferBankSides(lines);
    expect(JSON.stringify(lines)).toBe(before);
  });
});

function mid(a: Position, b: Position): Position {
  return [((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2];
}

describe('the working copy keeps its sides in step with the geometry', () => {
  const { left, right } = randomReach(rng(7), 108.6);
  const draw = (s: EditState, id: string, coords: Position[]): EditState =>
    editFeatures(s, {
      type: 'add',
      features: [
        {
          type: 'Feature',
          id,
          geometry: { type: 'LineString', coordinates: coords },
          properties: newFeatureProperties(s.features, 'LineString', null),
        },
      ],
    });
  const roles = (s: EditState) => s.features.map((f) => f.properties.role);
  const sides = (s: EditState) =>
    s.features.map((f) => readBankSides(s.features).lines.get(f.id)?.side);

  it('the right bank drawn first is 待定, then 右岸 once the left is drawn; reversing never makes two lefts', () => {
    let s = draw(emptyEditState('city-01'), 'r', right);
    expect(sides(s)).toEqual([null]);
    s = draw(s, 'l', left);
    expect(roles(s)).toEqual(['toe-right', 'toe-left']);
    expect(sides(s)).toEqual(['right', 'left']);
    s = editFeatures(s, { type: 'reverse', id: 'l' });
    expect(sides(s)).toEqual([null, null]);
    expect(roles(s).filter((r) => r === 'toe-left')).toHaveLength(1);
    expect(readBankSides(s.features).notes).toEqual([
      { reach: 'reach-1', note: { code: 'opposite', lines: ['r', 'l'] } },
    ]);
    // both reversed: the flow is the other way, and so are the banks
    s = editFeatures(s, { type: 'reverse', id: 'r' });
    expect(roles(s)).toEqual(['toe-left', 'toe-right']);
    expect(readBankSides(s.features).notes).toEqual([]);
  });

  it('keeps a stated side (a file, a save) and says when the geometry contradicts it', () => {
    const line = (id: string, coords: Position[], role: 'toe-left' | 'toe-right'): EditFeature => ({
      type: 'Feature',
      id,
      geometry: { type: 'LineString', coordinates: coords },
      properties: { reach: 'QJ', role, embankmentClass: 2 },
    });
    const features = [line('a', right, 'toe-left'), line('b', left, 'toe-right')];
    expect(syncBankSides(features)).toBe(features);
    const read = readBankSides(features);
    expect(read.lines.get('a')).toEqual({ side: 'left', follows: false, inferred: 'right' });
    expect(read.notes.map((n) => n.note.code)).toEqual(['disagrees', 'disagrees']);
  });
});

describe('what stops the draft, and what it is computed with', () => {
  const { left, right } = randomReach(rng(11), 108.6);
  const line = (
    id: string,
    coords: Position[],
    p: Partial<EditFeature['properties']>,
  ): EditFeature => ({
    type: 'Feature',
    id,
    geometry: { type: 'LineString', coordinates: coords },
    properties: { reach: 'reach-1', role: 'toe-left', sideFrom: 'geometry', ...p },
  });

  it('names the line whose class was never chosen, and a reach with one line, by reach label', () => {
    const alone = [line('r', right, { embankmentClass: null })];
    const reasons = draftBlockers(alone, '钦江').map((m) => renderMessage(m, 'zh'));
    expect(reasons).toEqual([
      '钦江 第 1 段只有一条线（钦江 第 1 段第 1 条线），岸别待定：请画出对岸的线，或为此线选定岸别。',
      '钦江 第 1 段第 1 条线尚未选择堤防级别（或“无堤防”）：不以未经确认的默认值计算。',
    ]);
    const named = syncBankSides([
      line('r', right, { embankmentClass: 2, reachName: '城区段' }),
      line('l', left, { embankmentClass: 2, reachName: '城区段' }),
    ]);
    expect(draftBlockers(named, '钦江')).toEqual([]);
  });

  it('gives per bank the class and widths in force, lower bound or set by hand', () => {
    const rules = resolveRules(DEFAULT_RULES, {});
    const features = syncBankSides([
      line('r', right, { embankmentClass: 2, widthM: null, protectionM: 35 }),
      line('l', left, { role: 'bank-left', widthM: 5 }),
    ]);
    const banks = bankSettings(features, '钦江', () => rules);
    expect(banks.map(({ reach: _, ...b }) => b)).toEqual([
      {
        id: 'r',
        side: 'right',
        kind: 'toe',
        embankmentClass: 2,
        width: { m: 20, from: 'lower-bound' },
        protection: { m: 35, from: 'set' },
      },
      {
        id: 'l',
        side: 'left',
        kind: 'bank',
        embankmentClass: null,
        width: { m: 5, from: 'set' },
        protection: null,
      },
    ]);
    expect(renderMessage(banks[0]?.reach as Message, 'zh')).toBe('钦江 第 1 段');
  });
});
