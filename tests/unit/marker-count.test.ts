// Count the same things the same way (issue 19): the demo reach of 南流江 delineated once, then its
// markers counted by the planner's panel (countMarkers on the computed draft), the notice (web,
// PDF/DOCX model), the notice boards and the coordinate tables: the same numbers everywhere.
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import { CRS, zoneOfPositions } from '../../src/domain/crs/crs';
import { buildBoardDocument } from '../../src/domain/documents/build-board-document';
import { buildNoticeDocument } from '../../src/domain/documents/build-notice-document';
import { describePlaces } from '../../src/domain/documents/describe-places';
import { buildCoordinateTables } from '../../src/domain/formats/tables/coordinate-table';
import { countMarkers, markerCountMessage } from '../../src/domain/markers/count-markers';
import type { Message } from '../../src/domain/message';
import { buildNotice } from '../../src/domain/notice/build-notice';
import { delineatePlan } from '../../src/domain/plans/delineate-plan';
import { loadZoneEngine } from '../../src/domain/zones/compute-zones';
import { DEFAULT_RULES } from '../../src/domain/zones/rules';
import { loadGeodata, loadSampleReaches } from '../../src/server/geodata';
import { publicGeoOf } from '../../src/server/public-geo';
import { ROOT } from '../helpers/register';

const dir = join(ROOT, 'geodata');
const zh = (m: Message) => renderMessage(m, 'zh');
const fc = (features: Feature[]) => ({ type: 'FeatureCollection' as const, features });

describe('countMarkers', () => {
  it('counts boundary markers and notice boards by kind; lines, zones and other points are not markers', () => {
    const point = (markerType?: string): Feature => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [0, 0] },
      properties: markerType ? { markerType } : {},
    });
    const line: Feature = {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [] },
      properties: { markerType: 'boundary' },
    };
    const given = [point('boundary'), point('boundary'), point('notice-board'), point(), line];
    const before = structuredClone(given);
    expect(countMarkers(given)).toEqual({ boundary: 2, noticeBoard: 1, total: 3 });
    expect(given).toEqual(before);
    expect(zh(markerCountMessage({ boundary: 104, noticeBoard: 4, total: 108 }))).toBe(
      '界桩 104 个、公告牌 4 块',
    );
    expect(renderMessage(markerCountMessage(countMarkers(given)), 'en')).toBe(
      'boundary markers: 2, notice boards: 1',
    );
  });
});

describe('the same counts everywhere, on the demo reach of 南流江', () => {
  let zones: ReturnType<typeof fc>;
  let markers: ReturnType<typeof fc>;
  beforeAll(async () => {
    const engine = await loadZoneEngine();
    const geodata = loadGeodata(dir);
    const out = delineatePlan(engine, loadSampleReaches(dir).features as Feature[], {
      river: 'nanliujiang',
      waterbodies: geodata.waterbodies,
    });
    if (!out.ok || !out.markers?.ok) throw new Error('the demo reach did not delineate');
    zones = fc(out.zones.features as unknown as Feature[]);
    markers = fc(out.markers.markers.features as Feature[]);
  }, 60_000);

  it('panel, notice, 公告, boards and coordinate tables agree', () => {
    const counts = countMarkers(markers.features); // what the planner's panel shows
    expect(counts.boundary).toBeGreaterThan(0);
    expect(counts.noticeBoard).toBeGreaterThan(0);
    const notice = buildNotice({
      planId: 'city-05',
      river: '南流江',
      plan: '南流江',
      version: 1,
      publishedAt: '2026-12-02T02:00:00Z',
      zones,
      markers,
      rules: DEFAULT_RULES,
      authority: null,
      supervisionPhone: null,
      geo: publicGeoOf(dir),
    });
    expect(notice.markerCounts).toEqual(counts);
    const words = zh(markerCountMessage(counts));
    const common = {
      notice,
      zones,
      markers,
      prohibitedActs: [],
      supervisingUnit: null,
      render: zh,
    };
    const places = describePlaces(notice.reaches, [], zh);
    const doc = buildNoticeDocument({
      ...common,
      rules: DEFAULT_RULES,
      places,
      tier: 'public',
      coordinateTables: [],
    });
    expect(JSON.stringify(doc)).toContain(`设${words}`);
    const boards = buildBoardDocument({
      ...common,
      places,
      size: { widthCm: 150, heightCm: 100 },
      riverUrl: 'https://x/river/南流江',
    });
    const faces = boards?.blocks.filter((b) => b.kind === 'board') ?? [];
    expect(faces).toHaveLength(counts.noticeBoard);
    expect(JSON.stringify(faces[0])).toContain(words);
    const points = markers.features.map(
      (f) => (f.geometry as { coordinates: number[] }).coordinates,
    );
    const tables = buildCoordinateTables(markers, CRS[zoneOfPositions(points).code]);
    if (!tables.ok) throw new Error('no tables');
    const rows = (name: string) =>
      tables.tables.find((t) => t.name.includes(name))?.rows.length ?? 0;
    const boundaryRows = tables.tables
      .filter((t) => !t.name.includes('公告牌'))
      .reduce((n, t) => n + t.rows.length, 0);
    expect([boundaryRows, rows('公告牌')]).toEqual([counts.boundary, counts.noticeBoard]);
  });
});
