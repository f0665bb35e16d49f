import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { diffEdits } from '../../src/domain/editor/diff-edits';
import { editFeatures, emptyEditState } from '../../src/domain/editor/edit-features';
import type { EditAction, EditFeature, EditState } from '../../src/domain/editor/edit-types';
import { mergeEdits } from '../../src/domain/editor/merge-edits';
import { type Dice, dice } from '../helpers/random';

const line = (id: string, role: EditFeature['properties']['role'], shift = 0): EditFeature => ({
  type: 'Feature',
  id,
  geometry: {
    type: 'LineString',
    coordinates: [
      [108.6 + shift, 21.9],
      [108.61 + shift, 21.91],
      [108.62 + shift, 21.93],
    ],
  },
  properties: { reach: 'r1', role, embankmentClass: 2, widthM: 30 },
});

const withProps = (f: EditFeature, p: Partial<EditFeature['properties']>): EditFeature => ({
  ...f,
  properties: { ...f.properties, ...p },
});

const byId = (list: readonly EditFeature[]) =>
  Object.fromEntries([...list].sort((a, b) => a.id.localeCompare(b.id)).map((f) => [f.id, f]));

const A = line('a', 'toe-left');
const B = line('b', 'toe-right');
const C = line('c', 'bank-left', 0.001);
const base = [A, B, C];

describe('mergeEdits', () => {
  it('takes what one side changed, added or deleted', () => {
    const mine = [withProps(A, { widthM: 40 }), B, C, line('m1', 'bank-right', 0.002)];
    const theirs = [A, withProps(B, { embankmentClass: 3 }), line('t1', 'water', 0.003)];
    const merged = mergeEdits({ base, mine, theirs });
    expect(merged.conflicts).toEqual([]);
    expect(merged.renamed).toEqual([]);
    // theirs' order first, then my additions
    expect(merged.features.map((f) => f.id)).toEqual(['a', 'b', 't1', 'm1']);
    expect(merged.features[0]?.properties.widthM).toBe(40);
    expect(merged.features[1]?.properties.embankmentClass).toBe(3);
  });

  it('takes a change made identically on both sides once, and drops what both deleted', () => {
    const same = withProps(A, { widthM: 45 });
    const merged = mergeEdits({ base, mine: [same, B], theirs: [{ ...same }, B] });
    expect(merged.conflicts).toEqual([]);
    expect(merged.features.map((f) => f.id)).toEqual(['a', 'b']);
  });

  it('compares by value: key order and copies do not make a change', () => {
    const reordered: EditFeature = {
      ...A,
      properties: { widthM: 30, embankmentClass: 2, role: 'toe-left', reach: 'r1' },
    };
    const merged = mergeEdits({
      base,
      mine: [reordered, B, C],
      theirs: [withProps(A, { widthM: 50 }), B, C],
    });
    expect(merged.conflicts).toEqual([]);
    expect(merged.features[0]?.properties.widthM).toBe(50);
  });

  it('lists a change on both sides as a conflict, resolved as chosen (default mine)', () => {
    const mine = [withProps(A, { widthM: 40 }), B, C];
    const theirs = [withProps(A, { widthM: 50 }), B, C];
    const merged = mergeEdits({ base, mine, theirs });
    expect(merged.conflicts).toEqual([{ id: 'a', base: A, mine: mine[0], theirs: theirs[0] }]);
    expect(merged.features[0]?.properties.widthM).toBe(40);
    const taken = mergeEdits({ base, mine, theirs }, { a: 'theirs' });
    expect(taken.features[0]?.properties.widthM).toBe(50);
    expect(taken.conflicts).toHaveLength(1);
  });

  it('lists changed on one side and deleted on the other as a conflict', () => {
    const changed = withProps(B, { widthM: 35 });
    const mineDeleted = mergeEdits({ base, mine: [A, C], theirs: [A, changed, C] });
    expect(mineDeleted.conflicts).toEqual([{ id: 'b', base: B, mine: null, theirs: changed }]);
    expect(mineDeleted.features.map((f) => f.id)).toEqual(['a', 'c']);
    expect(
      mergeEdits({ base, mine: [A, C], theirs: [A, changed, C] }, { b: 'theirs' }).features.map(
        (f) => f.id,
      ),
    ).toEqual(['a', 'b', 'c']);
    const theirsDeleted = mergeEdits({ base, mine: [A, changed, C], theirs: [A, C] });
    expect(theirsDeleted.conflicts).toEqual([{ id: 'b', base: B, mine: changed, theirs: null }]);
    // kept on my side: a feature only I have goes after theirs
    expect(theirsDeleted.features.map((f) => f.id)).toEqual(['a', 'c', 'b']);
  });

  it('keeps both of two different features added under one id (mine renamed)', () => {
    const mine = [...base, line('f4', 'bank-left', 0.01)];
    const theirs = [...base, line('f4', 'water', 0.02), line('f4-mine', 'bank-right', 0.03)];
    const merged = mergeEdits({ base, mine, theirs });
    expect(merged.conflicts).toEqual([]);
    expect(merged.renamed).toEqual([{ from: 'f4', to: 'f4-mine-2' }]);
    expect(merged.features.map((f) => [f.id, f.properties.role])).toEqual([
      ['a', 'toe-left'],
      ['b', 'toe-right'],
      ['c', 'bank-left'],
      ['f4', 'water'],
      ['f4-mine', 'bank-right'],
      ['f4-mine-2', 'bank-left'],
    ]);
  });

  it('never mutates its inputs', () => {
    const input = {
      base: deepFreeze(structuredClone(base)),
      mine: deepFreeze([withProps(A, { widthM: 40 }), C, line('m', 'water', 1)]),
      theirs: deepFreeze([withProps(A, { widthM: 41 }), withProps(C, { widthM: 44 })]),
    };
    const before = JSON.stringify(input);
    const merged = mergeEdits(input, { a: 'theirs' });
    expect(JSON.stringify(input)).toBe(before);
    expect(merged.features.map((f) => f.id)).toEqual(['a', 'c', 'm']);
    diffEdits(input.base, input.theirs);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('diffEdits', () => {
  it('names added, removed and changed features with role, reach, vertices and values', () => {
    const moved: EditFeature = {
      ...A,
      geometry: {
        type: 'LineString',
        coordinates: [
          [108.6, 21.9],
          [108.7, 22],
        ],
      },
    };
    const diff = diffEdits(base, [moved, withProps(B, { widthM: 40 }), line('n', 'water')]);
    expect(diff.added.map((c) => [c.id, c.role, c.vertices])).toEqual([['n', 'water', 3]]);
    expect(diff.removed.map((c) => [c.id, c.role, c.reach])).toEqual([['c', 'bank-left', 'r1']]);
    expect(diff.changed).toEqual([
      {
        id: 'a',
        kind: 'changed',
        role: 'toe-left',
        reach: 'r1',
        vertices: 2,
        geometry: true,
        properties: [],
      },
      {
        id: 'b',
        kind: 'changed',
        role: 'toe-right',
        reach: 'r1',
        vertices: 3,
        geometry: false,
        properties: [{ key: 'widthM', from: 30, to: 40 }],
      },
    ]);
    expect(diffEdits(base, structuredClone(base))).toEqual({ added: [], removed: [], changed: [] });
  });
});

// ---- seeded fuzz: random edit sequences through the reducer --------------------------------

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const ROLES = ['toe-left', 'toe-right', 'bank-left', 'bank-right', 'water'] as const;

function randomFeature(d: Dice, id: string): EditFeature {
  const f = line(id, d.pick(ROLES), d.int(1000) * 1e-5);
  return withProps(f, { widthM: 20 + d.int(31), embankmentClass: (1 + d.int(5)) as 1 });
}

/**
 * A random action on one of `ids` (or adding a feature named with `prefix`); with `history`,
 * undo and redo too.
 */
function randomAction(
  d: Dice,
  state: EditState,
  ids: Set<string>,
  prefix: string,
  history = true,
): EditAction {
  const mine = state.features.filter((f) => ids.has(f.id));
  const target = mine.length > 0 ? d.pick(mine) : null;
  const roll = d.int(history ? 6 : 5);
  if (!target || roll === 0) {
    const id = `${prefix}${state.features.length}-${d.int(1e6)}`;
    ids.add(id);
    return { type: 'add', features: [randomFeature(d, id)] };
  }
  if (roll === 1) return { type: 'delete', id: target.id };
  if (roll === 2) return { type: 'reverse', id: target.id };
  if (roll === 3)
    return { type: 'set-properties', id: target.id, properties: { widthM: 20 + d.int(31) } };
  if (roll === 4) {
    const g = target.geometry as LineString;
    const coordinates = g.coordinates.map(([x, y]) => [
      (x as number) + d.int(9) * 1e-6,
      y as number,
    ]);
    return { type: 'set-geometry', id: target.id, geometry: { type: 'LineString', coordinates } };
  }
  return d.chance(0.5) ? { type: 'undo' } : { type: 'redo' };
}

function loaded(features: EditFeature[]): EditState {
  return editFeatures(emptyEditState('city-01'), {
    type: 'load',
    planId: 'city-01',
    baseVersion: 1,
    features,
  });
}

const run = (state: EditState, actions: readonly EditAction[]) =>
  actions.reduce(editFeatures, state);

describe('mergeEdits, seeded fuzz', () => {
  it('merging disjoint edit sequences equals applying both, one after the other (500 cases)', () => {
    const d = dice(20240611);
    let actions = 0;
    for (let i = 0; i < 500; i++) {
      const start = deepFreeze(
        Array.from({ length: 1 + d.int(8) }, (_, k) => randomFeature(d, `f${k + 1}`)),
      );
      const mineIds = new Set(start.filter(() => d.chance(0.5)).map((f) => f.id));
      const theirIds = new Set(start.map((f) => f.id).filter((id) => !mineIds.has(id)));
      const sequence = (ids: Set<string>, prefix: string) => {
        const list: EditAction[] = [];
        let s = loaded(start);
        for (let k = d.int(12); k > 0; k--) {
          const a = randomAction(d, s, ids, prefix, false);
          list.push(a);
          s = editFeatures(s, a);
        }
        return { list, features: s.features };
      };
      const mine = sequence(mineIds, 'm');
      const theirs = sequence(theirIds, 't');
      actions += mine.list.length + theirs.list.length;
      const merged = mergeEdits({ base: start, mine: mine.features, theirs: theirs.features });
      expect(merged.conflicts, `case ${i}`).toEqual([]);
      const both = run(run(loaded(start), mine.list), theirs.list);
      expect(byId(merged.features), `case ${i}`).toEqual(byId(both.features));
    }
    expect(actions).toBeGreaterThan(4000);
  });

  it('is symmetric, and a side that did nothing gives the other side (500 cases, with undo/redo)', () => {
    const d = dice(7);
    let conflicts = 0;
    for (let i = 0; i < 500; i++) {
      const start = Array.from({ length: 1 + d.int(6) }, (_, k) => randomFeature(d, `f${k + 1}`));
      const edit = (prefix: string) => {
        const ids = new Set(start.map((f) => f.id));
        let s = loaded(start);
        for (let k = d.int(10); k > 0; k--) s = editFeatures(s, randomAction(d, s, ids, prefix));
        return s.features;
      };
      const m = edit('m');
      const t = edit('t');
      const ab = mergeEdits({ base: start, mine: m, theirs: t });
      const flipped = Object.fromEntries(ab.conflicts.map((c) => [c.id, 'theirs' as const]));
      const ba = mergeEdits({ base: start, mine: t, theirs: m }, flipped);
      conflicts += ab.conflicts.length;
      expect(byId(ba.features), `case ${i}`).toEqual(byId(ab.features));
      expect(ba.conflicts.map((c) => c.id).sort()).toEqual(ab.conflicts.map((c) => c.id).sort());
      expect(byId(mergeEdits({ base: start, mine: start, theirs: t }).features)).toEqual(byId(t));
      expect(byId(mergeEdits({ base: start, mine: m, theirs: start }).features)).toEqual(byId(m));
      expect(byId(mergeEdits({ base: start, mine: m, theirs: m }).features)).toEqual(byId(m));
      // nothing is lost: an id of either side is in the merge unless a side deleted it
      const ids = new Set(ab.features.map((f) => f.id));
      for (const f of [...m, ...t]) {
        const deleted = !m.some((x) => x.id === f.id) || !t.some((x) => x.id === f.id);
        expect(ids.has(f.id) || deleted, `case ${i} ${f.id}`).toBe(true);
      }
    }
    expect(conflicts).toBeGreaterThan(50);
  });
});
