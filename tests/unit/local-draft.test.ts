// The local draft's storage format and the save flow's pure parts: drafts written, read back,
// refused when not a draft, quota reported; a save does not clear edits made while it was sent.
import { describe, expect, it } from 'vitest';
import { editFeatures, emptyEditState } from '../../src/domain/editor/edit-features';
import type { EditFeature } from '../../src/domain/editor/edit-types';
import type { DraftStorage } from '../../src/ui/workspace/editor/local-draft';
import {
  clearDraft,
  draftKey,
  readDraft,
  writeDraft,
} from '../../src/ui/workspace/editor/local-draft';
import { retryDelay } from '../../src/ui/workspace/editor/use-save-version';

/** localStorage's in-memory twin; `limit` characters make setItem throw QuotaExceededError. */
function memoryStorage(
  limit = Number.POSITIVE_INFINITY,
): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (v.length > limit)
        throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => {
      map.delete(k);
    },
  };
}

const line: EditFeature = {
  type: 'Feature',
  id: 'f1',
  geometry: {
    type: 'LineString',
    coordinates: [
      [108.6, 21.9],
      [108.61, 21.91],
    ],
  },
  properties: { reach: 'r1', role: 'toe-left', embankmentClass: 2, widthM: 30, river: 'qinjiang' },
};

describe('local draft', () => {
  it('writes under hejie:draft:<user>:<plan> and reads back the same features, version and time', () => {
    const storage = memoryStorage();
    const now = new Date('2025-03-01T08:30:00Z');
    expect(writeDraft(storage, 'planner', 'city-01', 3, [line], now)).toEqual({ ok: true });
    expect([...storage.map.keys()]).toEqual(['hejie:draft:planner:city-01']);
    expect(draftKey('planner', 'city-01')).toBe('hejie:draft:planner:city-01');
    const read = readDraft(storage, 'planner', 'city-01');
    expect(read).toEqual({
      kind: 'draft',
      draft: {
        format: 'hejie-draft/1',
        planId: 'city-01',
        username: 'planner',
        baseVersion: 3,
        savedAt: '2025-03-01T08:30:00.000Z',
        features: [line],
      },
    });
    expect(readDraft(storage, 'gaopu', 'city-01')).toEqual({ kind: 'none' });
    clearDraft(storage, 'planner', 'city-01');
    expect(readDraft(storage, 'planner', 'city-01')).toEqual({ kind: 'none' });
  });

  it('says why an entry is not a draft, instead of loading it', () => {
    const storage = memoryStorage();
    const key = draftKey('planner', 'city-01');
    storage.setItem(key, '{not json');
    expect(readDraft(storage, 'planner', 'city-01')).toEqual({
      kind: 'unreadable',
      reason: 'not JSON',
    });
    writeDraft(storage, 'planner', 'city-01', 1, [
      {
        ...line,
        geometry: { type: 'LineString', coordinates: [[108.6, 'x' as unknown as number]] },
      },
    ]);
    const bad = readDraft(storage, 'planner', 'city-01');
    expect(bad.kind).toBe('unreadable');
    expect(bad.kind === 'unreadable' && bad.reason).toMatch(/^features\.0\.geometry/);
    writeDraft(storage, 'other', 'city-01', 1, [line]);
    storage.setItem(key, storage.map.get(draftKey('other', 'city-01')) ?? '');
    expect(readDraft(storage, 'planner', 'city-01')).toEqual({
      kind: 'unreadable',
      reason: 'stored for other/city-01',
    });
  });

  it('reports a full storage as quota, never swallowing it', () => {
    const storage = memoryStorage(100);
    const written = writeDraft(storage, 'planner', 'city-01', 1, [line]);
    expect(written).toEqual({ ok: false, quota: true, message: 'the quota has been exceeded' });
    const broken: DraftStorage = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(writeDraft(broken, 'planner', 'city-01', 1, [line])).toEqual({
      ok: false,
      quota: false,
      message: 'denied',
    });
  });

  it('never mutates the features it stores', () => {
    const storage = memoryStorage();
    const features = Object.freeze([Object.freeze({ ...line })]);
    const before = JSON.stringify(features);
    writeDraft(storage, 'planner', 'city-01', 1, features);
    expect(JSON.stringify(features)).toBe(before);
  });
});

describe('save flow', () => {
  it('retries after 2, 4, 8, 16 s, then every 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(retryDelay)).toEqual([2, 4, 8, 16, 30, 30, 30]);
  });

  it('a save keeps edits made while it was under way unsaved (saved with the sent list)', () => {
    let s = editFeatures(emptyEditState('city-01'), {
      type: 'load',
      planId: 'city-01',
      baseVersion: 1,
      features: [line],
    });
    s = editFeatures(s, { type: 'set-properties', id: 'f1', properties: { widthM: 35 } });
    const sent = s.features;
    const clean = editFeatures(s, { type: 'saved', version: 2, features: sent });
    expect([clean.baseVersion, clean.dirty]).toEqual([2, false]);
    const later = editFeatures(s, { type: 'set-properties', id: 'f1', properties: { widthM: 40 } });
    const still = editFeatures(later, { type: 'saved', version: 2, features: sent });
    expect([still.baseVersion, still.dirty]).toEqual([2, true]);
    expect(editFeatures(later, { type: 'saved', version: 2 }).dirty).toBe(false);
  });
});
