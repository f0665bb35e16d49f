// One pipeline: the browser's draft (compute-draft → the worker's answerCompute) and the server's
// publication (buildPublication) of the same version give byte-identical zones and markers.
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { wholeCourseReach } from '../../bench/course';
import { DEFAULT_MARKER_OPTIONS } from '../../src/domain/markers/marker-options';
import { delineatePlan, markZones, riverOfReach } from '../../src/domain/plans/delineate-plan';
import type { PlanRecord } from '../../src/domain/plans/plan';
import type { RiverView } from '../../src/domain/rivers/waterbody';
import type { ZoneEngine } from '../../src/domain/zones/compute-zones';
import { loadZoneEngine } from '../../src/domain/zones/compute-zones';
import { DEFAULT_RULES } from '../../src/domain/zones/rules';
import type { ServerDeps } from '../../src/server/auth/context';
import { createComputePool } from '../../src/server/compute/compute-pool';
import { loadGeodata, loadSampleReaches } from '../../src/server/geodata';
import { buildPublication } from '../../src/server/routes/publish-plan';
import type { GeometryVersion } from '../../src/server/store/store';
import type { ComputeClient } from '../../src/ui/compute/compute-client';
import { answerCompute } from '../../src/ui/compute/compute-request';
import { computeDraft } from '../../src/ui/workspace/draft/compute-draft';
import { englishLines } from '../helpers/messages';
import { ROOT } from '../helpers/register';
import { zoneFixtures } from '../helpers/zones-fixtures';

let engine: ZoneEngine;
beforeAll(async () => {
  engine = await loadZoneEngine();
});
afterEach(() => vi.unstubAllGlobals());

const geodata = loadGeodata(join(ROOT, 'geodata'));
const plan = geodata.plans.find((p) => p.id === 'city-05') as PlanRecord; // 南流江
const waterbody = geodata.waterbodies.find((w) => w.id === plan.riverId);
const river = waterbody as RiverView; // the draft reads its id, name, code and aliases only

/** The browser: computeDraft, its requests answered in Node, its worker's code run in Node. */
async function browserDraft(features: Feature[], version: number) {
  vi.stubGlobal('fetch', async (path: string) => {
    const saved = {
      planId: plan.id,
      version,
      features,
      author: 'planner',
      comment: '',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const body = path.endsWith('/geometry') ? saved : DEFAULT_RULES;
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
  const client: ComputeClient = {
    compute: async (request) => answerCompute(engine, structuredClone(request)),
    dispose: () => {},
  };
  const draft = await computeDraft(client, plan.id, river);
  if (!draft.ok) throw new Error(englishLines(draft.errors));
  if (draft.markerErrors.length > 0) throw new Error(englishLines(draft.markerErrors));
  const markers = draft.draft.features.slice(draft.zones.features.length);
  return { zones: draft.zones, markers: { type: 'FeatureCollection', features: markers } };
}

// the server computes in its worker pool: the parity covers the worker's structured clone too
const pool = createComputePool({ size: 1 });
afterAll(() => pool.close());

/** The server: publish's buildPublication over the bundled geodata and the default rule table. */
async function serverPublication(features: Feature[], version: number) {
  const deps = {
    store: { getSettings: async () => ({ rules: null }) },
    geodata,
    clock: () => new Date('2026-01-01T00:00:00Z'),
    compute: pool,
  } as unknown as ServerDeps;
  const v = { planId: plan.id, version, features } as unknown as GeometryVersion;
  const built = await buildPublication(deps, plan, v, 'parity');
  if (!built.ok) throw new Error('why' in built ? built.why : englishLines(built.errors));
  return built.publication;
}

const cases: [string, () => FeatureCollection][] = [
  ...zoneFixtures()
    .filter((f) => !f.input.expect)
    .map((f) => [`fixture ${f.name}`, () => f.input] as [string, () => FeatureCollection]),
  ['the demo sample reaches', () => loadSampleReaches(join(ROOT, 'geodata')) as FeatureCollection],
  ['the whole 南流江 course', () => wholeCourseReach()],
];

describe('the browser draft and the server publication are byte-identical', () => {
  it.each(cases)(
    '%s',
    async (name, input) => {
      const features = input().features;
      const draft = await browserDraft(features, 7);
      const published = await serverPublication(features, 7);
      const zones = JSON.stringify(draft.zones);
      const markers = JSON.stringify(draft.markers);
      expect(zones).toBe(JSON.stringify(published.zones));
      expect(markers).toBe(JSON.stringify(published.markers));
      expect(draft.markers.features.length).toBeGreaterThan(0);
      console.info(
        `parity ${name}: ${features.length} input features → ${draft.zones.features.length} zone features (${zones.length} bytes), ${draft.markers.features.length} markers (${markers.length} bytes)`,
      );
    },
    120_000,
  );
});

describe('delineatePlan', () => {
  const fixture = () => {
    const f = zoneFixtures().find((x) => x.name === 'straight');
    if (!f) throw new Error('no straight fixture');
    return f.input.features;
  };

  it('counts a reach without a river as the plan’s river: its rules and its marker numbers', () => {
    const table = {
      ...DEFAULT_RULES,
      overrides: [{ river: 'nanliujiang', widths: { toe: { 2: { min: 10, max: 12 } } } }],
    };
    const input = fixture();
    const r = delineatePlan(engine, input, {
      river: 'nanliujiang',
      rules: table,
      waterbodies: geodata.waterbodies,
    });
    // the straight fixture's widths are outside the river's own range: refused by the river's rule
    expect(r.ok).toBe(false);
    const plain = delineatePlan(engine, input, {
      river: 'nanliujiang',
      waterbodies: geodata.waterbodies,
    });
    if (!plain.ok) throw new Error(englishLines(plain.errors));
    expect(plain.zones.features.every((f) => f.properties.river === 'nanliujiang')).toBe(true);
    const ids = plain.markers?.ok ? plain.markers.markers.features.map((m) => m.properties.id) : [];
    expect(ids[0]).toMatch(/^NLJ01-GL-L-001$/);
  });

  it('does not mutate its input, and computes the zones only when asked', () => {
    const input = fixture();
    const before = JSON.stringify(input);
    const r = delineatePlan(engine, input, { river: 'nanliujiang', markers: false });
    expect(JSON.stringify(input)).toBe(before);
    expect(r.ok && r.markers).toBeNull();
  });

  it('keeps the zones when markers cannot be placed, with the reasons', () => {
    const r = delineatePlan(engine, fixture(), {
      markers: { ...DEFAULT_MARKER_OPTIONS, spacingM: 999 },
    });
    expect(r.ok).toBe(true);
    if (r.ok && r.markers && !r.markers.ok)
      expect(englishLines(r.markers.errors)).toContain('--spacing (spacingM) must be between');
    else throw new Error('markers should be refused');
  });

  it('markZones numbers lines without a river with the plan’s river code', () => {
    const zoned = delineatePlan(engine, fixture(), { markers: false });
    if (!zoned.ok) throw new Error(englishLines(zoned.errors));
    const m = markZones(zoned.zones, { river: 'nanliujiang', waterbodies: geodata.waterbodies });
    expect(m.ok && m.markers.features[0]?.properties.id).toBe('NLJ01-GL-L-001');
    const own = markZones(zoned.zones, { waterbodies: geodata.waterbodies });
    expect(own.ok && own.markers.features[0]?.properties.id).not.toMatch(/^NLJ/);
  });

  it('riverOfReach: the reach’s own river, else the plan’s', () => {
    expect(riverOfReach({ river: 'qinjiang' }, 'nanliujiang')).toBe('qinjiang');
    expect(riverOfReach({}, 'nanliujiang')).toBe('nanliujiang');
    expect(riverOfReach({ river: null }, 'nanliujiang')).toBe('nanliujiang');
    expect(riverOfReach(undefined, undefined)).toBeUndefined();
  });
});
