// A plan history for the supervision tests (issue 14): stage moves, saves and publications written
// straight to the store at given China times, and a compute pool whose every draft measures 4 km of
// management line (the figures derived from the history are what those tests check, not zones).
import type { Feature } from 'geojson';
import { expect } from 'vitest';
import type { ComputePool } from '../../src/server/compute/compute-pool';
import type { Store } from '../../src/server/store/store';
import { straightToes, type TestClock } from './display-accept';

/** Every draft measures 4 km of management line. */
export const fourKmPool: ComputePool = {
  async delineate() {
    const line: Feature = {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [] },
      properties: { kind: 'management-line', lengthM: 4000 },
    };
    return {
      ok: true,
      delineation: {
        ok: true,
        zones: { type: 'FeatureCollection', features: [line] as never },
        warnings: [],
        markers: null,
      },
    };
  },
  async draftZones() {
    throw new Error('not used');
  },
  async close() {},
};

/** How a publication of the history looks: its management line in `lines` parts, its markers. */
interface PublicationShape {
  lines: number;
  boundary: number;
  noticeBoards: number;
}

/**
 * The history's writers; `use` gives them the store and clock once the app has started (they are
 * module-level in the test files, the app is made in `beforeAll`).
 */
export function progressHistory(shape: PublicationShape) {
  let store: Store | null = null;
  let clock: TestClock | null = null;
  const on = (when: string) => {
    if (!store || !clock) throw new Error('progressHistory: use(store, clock) first');
    clock.set(when);
    return { store, clock };
  };
  const feature = (
    geometry: Feature['geometry'],
    properties: Record<string, unknown>,
  ): Feature => ({
    type: 'Feature',
    geometry,
    properties,
  });
  return {
    use(s: Store, c: TestClock) {
      store = s;
      clock = c;
    },
    async move(plan: string, from: string, to: string, when: string) {
      const r = await on(when).store.moveStage(plan, from as never, to as never, 'planner', '');
      expect(r.ok).toBe(true);
    },
    async save(plan: string, base: number, when: string) {
      const r = await on(when).store.saveGeometry(plan, base, straightToes(), 'planner', '');
      expect(r.ok).toBe(true);
    },
    /** publishes `version` with `m` metres of management line, from stage `from` */
    async publish(plan: string, from: string, version: number, when: string, m: number) {
      const { store: s, clock: c } = on(when);
      const line = feature(
        { type: 'LineString', coordinates: [] },
        { kind: 'management-line', lengthM: m / shape.lines },
      );
      const marker = (markerType: string) =>
        feature({ type: 'Point', coordinates: [108.6, 21.95] }, { markerType });
      const markers = [
        ...Array<string>(shape.boundary).fill('boundary'),
        ...Array<string>(shape.noticeBoards).fill('notice-board'),
      ].map(marker);
      const ok = await s.publish(
        {
          planId: plan,
          version,
          zones: { type: 'FeatureCollection', features: Array<Feature>(shape.lines).fill(line) },
          markers: { type: 'FeatureCollection', features: markers },
          rules: {},
          etag: `"${plan}-${version}"`,
          publishedAt: c.now().toISOString(),
          publishedBy: 'planner',
        },
        from as never,
        'planner',
      );
      expect(ok).toBe(true);
    },
  };
}
