import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { editFeatures, emptyEditState } from '../../src/domain/editor/edit-features';
import type { EditFeature, EditState } from '../../src/domain/editor/edit-types';
import { toEditFeatures, toSavedFeatures } from '../../src/domain/editor/saved-features';

const line = (id: string, role: EditFeature['properties']['role']): EditFeature => ({
  type: 'Feature',
  id,
  geometry: {
    type: 'LineString',
    coordinates: [
      [108.6, 21.9],
      [108.61, 21.91],
      [108.62, 21.93],
    ],
  },
  properties: { reach: 'r1', role, embankmentClass: 2, widthM: 30 },
});

const loaded = (): EditState =>
  editFeatures(emptyEditState('city-01'), {
    type: 'load',
    planId: 'city-01',
    baseVersion: 3,
    features: [line('a', 'toe-left'), line('b', 'toe-right')],
  });

describe('editFeatures', () => {
  it('loads a version clean, with no history', () => {
    const s = loaded();
    expect(s.baseVersion).toBe(3);
    expect(s.dirty).toBe(false);
    expect(s.past).toEqual([]);
  });

  it('reverses a line, keeping the side a save stated (checked, not rewritten); undo and redo restore both lists', () => {
    const s0 = loaded();
    const before = JSON.stringify(s0);
    const s1 = editFeatures(s0, { type: 'reverse', id: 'a' });
    expect(JSON.stringify(s0)).toBe(before); // input not mutated
    const a = s1.features[0] as EditFeature;
    expect(a.properties.role).toBe('toe-left');
    expect((a.geometry as LineString).coordinates[0]).toEqual([108.62, 21.93]);
    expect(s1.dirty).toBe(true);
    const s2 = editFeatures(s1, { type: 'undo' });
    expect(s2.features).toBe(s0.features);
    const s3 = editFeatures(s2, { type: 'redo' });
    expect(s3.features).toBe(s1.features);
    expect(editFeatures(s3, { type: 'redo' })).toBe(s3);
  });

  it('names a reach: every feature of it takes the name (one undo step); blank unnames it', () => {
    const s = editFeatures(loaded(), { type: 'name-reach', reach: 'r1', name: ' 城区段 ' });
    expect(s.features.map((f) => f.properties.reachName)).toEqual(['城区段', '城区段']);
    expect(s.past).toHaveLength(1);
    const t = editFeatures(s, { type: 'name-reach', reach: 'r1', name: '' });
    expect(t.features.map((f) => f.properties.reachName)).toEqual([null, null]);
    expect(editFeatures(t, { type: 'name-reach', reach: 'nope', name: 'x' })).toBe(t);
  });

  it('sets properties, deletes (clearing the selection), ignores unknown ids', () => {
    let s = editFeatures(loaded(), { type: 'select', id: 'b' });
    s = editFeatures(s, { type: 'set-properties', id: 'b', properties: { widthM: 40 } });
    expect(s.features[1]?.properties.widthM).toBe(40);
    expect(s.features[1]?.properties.embankmentClass).toBe(2);
    s = editFeatures(s, { type: 'delete', id: 'b' });
    expect(s.features.map((f) => f.id)).toEqual(['a']);
    expect(s.selectedId).toBeNull();
    expect(editFeatures(s, { type: 'delete', id: 'zz' })).toBe(s);
  });

  it('adds features (selecting the last), refuses a duplicate id, and a save makes it clean', () => {
    let s = editFeatures(loaded(), { type: 'add', features: [line('c', null)] });
    expect(s.selectedId).toBe('c');
    expect(() => editFeatures(s, { type: 'add', features: [line('a', null)] })).toThrow(/already/);
    s = editFeatures(s, { type: 'saved', version: 4 });
    expect(s).toMatchObject({ baseVersion: 4, dirty: false });
  });
});

describe('saved features', () => {
  it('gives ids, keeps properties and points (works), drops unknown roles and multi-geometries', () => {
    const { features, skipped } = toEditFeatures([
      {
        type: 'Feature',
        geometry: line('x', 'toe-left').geometry,
        properties: { role: 'toe-left', reach: 'r', 名称: '钦江' },
      },
      { type: 'Feature', id: 7, geometry: line('x', null).geometry, properties: { role: 'river' } },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [108, 22] },
        properties: { role: 'work', workType: 'pumping-station', name: '某泵站（合成）' },
      },
      {
        type: 'Feature',
        geometry: { type: 'MultiPoint', coordinates: [[108, 22]] },
        properties: {},
      },
    ]);
    expect(skipped).toBe(1);
    expect(features.map((f) => f.id)).toEqual(['f1', '7', 'f3']);
    expect(features[2]).toMatchObject({
      geometry: { type: 'Point', coordinates: [108, 22] },
      properties: { role: 'work', name: '某泵站（合成）' },
    });
    expect(features[0]?.properties).toMatchObject({ role: 'toe-left', reach: 'r', 名称: '钦江' });
    expect(features[1]?.properties).toMatchObject({ role: null, reach: 'reach-1' });
    expect(toSavedFeatures(features)[1]).toMatchObject({ id: '7', properties: { role: null } });
  });
});
