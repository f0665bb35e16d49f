// The document builders (src/domain/documents) as pure functions: what they print from a
// publication and the settings, that unset legal content says 尚未设置 and is never invented, that the
// public tier holds no coordinates, that boards are legible at 5 m, and that inputs are not changed.
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import { CRS } from '../../src/domain/crs/crs';
import {
  BOARD_CAP_MM,
  buildBoardDocument,
  SANS_CAP_HEIGHT,
} from '../../src/domain/documents/build-board-document';
import { buildZoneFigure } from '../../src/domain/documents/build-figure';
import { buildNoticeDocument, noticeTitle } from '../../src/domain/documents/build-notice-document';
import {
  buildAcceptanceRecord,
  buildConsultationRecord,
  buildDisplayRecord,
} from '../../src/domain/documents/build-record-documents';
import { describePlaces } from '../../src/domain/documents/describe-places';
import { chineseDate } from '../../src/domain/documents/document-text';
import { buildCoordinateTables } from '../../src/domain/formats/tables/coordinate-table';
import type { Message } from '../../src/domain/message';
import { buildNotice } from '../../src/domain/notice/build-notice';
import { countyAt } from '../../src/domain/notice/zone-counties';
import type { Consultation, Reply } from '../../src/domain/review/review-types';
import { DEFAULT_RULES } from '../../src/domain/zones/rules';

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const line = (bank: 'left' | 'right', lat: number): Feature => ({
  type: 'Feature',
  geometry: {
    type: 'LineString',
    coordinates: [
      [108.6, lat],
      [108.61, lat],
    ],
  },
  properties: { reach: 'QJ-A', river: 'qinjiang', bank, kind: 'management-line', lengthM: 1030.5 },
});
const zone: Feature = {
  type: 'Feature',
  geometry: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [108.6, 21.949],
          [108.61, 21.949],
          [108.61, 21.951],
          [108.6, 21.951],
          [108.6, 21.949],
        ],
      ],
    ],
  },
  properties: {
    reach: 'QJ-A',
    kind: 'management',
    leftKind: 'toe',
    leftClass: 2,
    leftWidthM: 30,
    leftProtectionM: null,
    rightKind: 'bank',
    rightClass: null,
    rightWidthM: 10,
    rightProtectionM: null,
  },
};
const board = (id: string, bank: 'left' | 'right'): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [108.6, 21.951] },
  properties: {
    id,
    markerType: 'notice-board',
    kind: 'end',
    reach: 'QJ-A',
    river: 'qinjiang',
    line: 'management',
    bank,
    seq: 1,
    chainageM: 0,
    lon: 108.6,
    lat: 21.951,
    crs: 'EPSG:4545',
    x: 2428123.45,
    y: 562345.67,
    sample: false,
  },
});
const marker: Feature = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [108.6, 21.951] },
  properties: { ...board('QJ01-GL-L-001', 'left').properties, markerType: 'boundary' },
};
const zones = fc([line('left', 21.951), line('right', 21.949), zone]);
const markers = fc([marker, board('QJ01-GSP-L-01', 'left'), board('QJ01-GSP-R-01', 'right')]);
const square = {
  adcode: '450702',
  name: '钦南区',
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [108.5, 21.9],
        [108.7, 21.9],
        [108.7, 22],
        [108.5, 22],
        [108.5, 21.9],
      ],
    ],
  },
};
const zh = (m: Message) => renderMessage(m, 'zh');
const notice = buildNotice({
  planId: 'city-01',
  river: '钦江',
  plan: '钦江',
  version: 2,
  publishedAt: '2026-12-02T17:30:00Z',
  zones,
  markers,
  rules: DEFAULT_RULES,
  authority: null,
  supervisionPhone: null,
  geo: { counties: [square], places: [] },
});
const places = describePlaces(
  notice.reaches,
  [
    {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [] },
      properties: { reach: 'QJ-A', role: 'toe-left', startPlace: '大桥' },
    },
  ],
  zh,
);
const tables = buildCoordinateTables(markers, CRS['EPSG:4545']);
const input = (over: Record<string, unknown> = {}) => ({
  notice,
  rules: DEFAULT_RULES,
  zones,
  markers,
  places,
  prohibitedActs: [] as string[],
  supervisingUnit: null,
  tier: 'public' as const,
  coordinateTables: tables.ok ? tables.tables : [],
  render: zh,
  ...over,
});
const textOf = (v: unknown) => JSON.stringify(v);

describe('the 公告', () => {
  it('never invents the authority: unset, the title says so', () => {
    expect(noticeTitle(null, '钦江')).toBe(
      '（发布机关尚未设置）关于公布钦江管理范围划定成果的公告',
    );
    expect(noticeTitle('钦州市人民政府', '钦江')).toBe(
      '钦州市人民政府关于公布钦江管理范围划定成果的公告',
    );
    const doc = buildNoticeDocument(input());
    expect(textOf(doc)).not.toMatch(/人民政府|水利局/);
    expect(doc.blocks[0]).toEqual({ kind: 'title', text: noticeTitle(null, '钦江') });
  });

  it('holds the five sections, the range table with places in words, the standard and the date', () => {
    const doc = buildNoticeDocument(input());
    const headings = doc.blocks
      .filter((b) => b.kind === 'heading')
      .map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      '一、划界范围',
      '二、划界标准',
      '三、划界成果',
      '四、管理要求',
      '五、监督电话',
    ]);
    const range = doc.blocks.find((b) => b.kind === 'table' && b.name === '划界范围');
    expect(textOf(range)).toContain('钦南区大桥'); // county + the planner's place name
    expect(textOf(range)).toMatch(/钦南区，里程 K1\+03\d/); // no place set: the chainage
    expect(textOf(range)).toContain('钦江 第 1 段'); // the reach by name, never its id
    expect(textOf(doc)).not.toContain('QJ-A');
    expect(textOf(doc)).toContain('涉及钦南区');
    expect(textOf(doc)).toContain('界桩 1 个、公告牌 2 块');
    expect(textOf(doc)).toContain('有堤防河道（2级堤防）');
    expect(textOf(range)).toMatch(/1\.03[01]/); // km
    expect(textOf(doc)).toContain('堤防背水坡脚线外延30米');
    expect(textOf(doc)).toContain('岸线外延10米');
    expect(textOf(doc)).toContain('土地权属和使用性质不变');
    expect(textOf(doc)).toContain('实名查阅');
    expect(textOf(doc)).toContain('2026年12月3日'); // 17:30 UTC is the next day in China
    expect(doc.blocks.some((b) => b.kind === 'figure')).toBe(true);
  });

  it('unset prohibited acts, unit and phone print 尚未设置; set ones are listed', () => {
    expect(textOf(buildNoticeDocument(input()))).toContain('（禁止行为尚未设置）');
    expect(textOf(buildNoticeDocument(input()))).toContain('监督电话：尚未设置');
    const set = buildNoticeDocument(
      input({
        prohibitedActs: ['修建阻碍行洪的建筑物', '倾倒垃圾'],
        supervisingUnit: '钦州市水利局',
      }),
    );
    expect(textOf(set)).toContain('（1）修建阻碍行洪的建筑物');
    expect(textOf(set)).toContain('（2）倾倒垃圾');
    expect(textOf(set)).not.toContain('禁止行为尚未设置');
  });

  it('the public tier holds no coordinates; the full tier adds the 界桩坐标成果表 annex', () => {
    const pub = textOf(buildNoticeDocument(input()));
    expect(pub).not.toMatch(/\d{6,7}\.\d{2}/);
    expect(pub).not.toMatch(/108\.6|21\.95/);
    expect(pub).not.toContain('界桩坐标成果表');
    const full = buildNoticeDocument(input({ tier: 'full' }));
    expect(textOf(full)).toContain('附件：界桩坐标成果表');
    expect(textOf(full)).toMatch(/2\d{6}\.\d{2}/); // X (north) to the cm
  });

  it('does not change its inputs', () => {
    const i = input({ tier: 'full' });
    const { render: _render, ...data } = i;
    const before = structuredClone({ ...data, places: [...places] });
    buildNoticeDocument(i);
    expect({ ...data, places: [...places] }).toEqual(before);
  });
});

describe('the figure', () => {
  it('fits the zones in the box, north up, with a scale bar and only the legend it draws', () => {
    const fig = buildZoneFigure(zones, markers, 160, 120, '图1');
    expect(fig).not.toBeNull();
    const xs =
      fig?.items.flatMap((i) => (i.kind === 'line' ? i.points.map((p) => p[0]) : [])) ?? [];
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(160);
    expect(fig?.heightMm).toBeLessThanOrEqual(120);
    expect(fig?.legend.map((l) => l.label)).toEqual(['管理范围', '管理范围线', '公告牌']);
    expect(fig?.scale.label).toMatch(/^\d+ k?m$/);
    expect(buildZoneFigure(fc([]), fc([]), 160, 120, '')).toBeNull();
  });
});

describe('places', () => {
  it('a point in a county, outside every county, and the words for unset names', () => {
    expect(countyAt([108.6, 21.95], [square])).toBe('钦南区');
    expect(countyAt([109.6, 21.95], [square])).toBeNull();
    const none = describePlaces(notice.reaches, [], zh);
    expect(none.get('QJ-A|left')?.start).toBe('钦南区，里程 K0+000');
  });
});

describe('the notice boards', () => {
  const boards = (over: Record<string, unknown> = {}) =>
    buildBoardDocument({
      notice,
      zones,
      markers,
      places,
      prohibitedActs: [],
      supervisingUnit: null,
      size: { widthCm: 150, heightCm: 100 },
      riverUrl: 'https://x/river/钦江',
      render: zh,
      ...over,
    });

  it('one page per board, the page the board size, text legible at 5 m, a QR code to the river page', () => {
    const doc = boards();
    expect(doc?.page).toMatchObject({ widthMm: 1500, heightMm: 1000 });
    expect((doc?.textMm ?? 0) * SANS_CAP_HEIGHT).toBeGreaterThanOrEqual(BOARD_CAP_MM);
    expect(doc?.blocks.filter((b) => b.kind === 'pageBreak')).toHaveLength(1);
    const faces = doc?.blocks.filter((b) => b.kind === 'board') ?? [];
    expect(faces.map((b) => b.qr.text)).toEqual(['https://x/river/钦江', 'https://x/river/钦江']);
    expect(faces.map((b) => b.title)).toEqual(['钦江管理范围公告牌', '钦江管理范围公告牌']);
    // the bottom band: supervising unit, phone, authority (unset here), publication date
    expect(faces[0]?.footer).toEqual([
      '监督单位：尚未设置',
      '监督电话：尚未设置',
      '发布机关：尚未设置',
      `发布日期：${chineseDate(notice.date)}`,
    ]);
    // the reach's figure marks the board it is printed on, and only that one as 本牌位置
    const here = faces.map((b) =>
      b.figure?.items
        .filter((i) => i.kind === 'point' && i.style === 'here')
        .map((i) => (i as { label: string }).label),
    );
    expect(here).toEqual([['QJ01-GSP-L-01'], ['QJ01-GSP-R-01']]);
    expect(textOf(doc)).toContain('禁止行为');
    expect(textOf(doc)).toMatch(/自钦南区大桥至钦南区，里程 K1\+03\d，堤防背水坡脚线外延30米/);
    expect(textOf(doc)).toContain('河段：钦江 第 1 段');
    expect(textOf(doc)).toContain('界桩 1 个、公告牌 2 块');
    expect(textOf(doc)).toContain('监督单位：尚未设置');
    expect(textOf(doc)).not.toMatch(/\d{6,7}\.\d{2}/);
  });

  it('one board by number; null for an unknown number; the size follows the setting', () => {
    expect(boards({ number: 'QJ01-GSP-R-01' })?.blocks.some((b) => b.kind === 'pageBreak')).toBe(
      false,
    );
    expect(boards({ number: 'QJ01-GSP-R-09' })).toBeNull();
    expect(boards({ size: { widthCm: 120, heightCm: 80 } })?.page.widthMm).toBe(1200);
  });
});

describe('the records', () => {
  const round: Consultation = {
    id: 1,
    planId: 'city-01',
    version: 2,
    due: '2026-11-20',
    message: '请反馈',
    openedBy: 'planner',
    openedAt: '2026-11-01T02:00:00Z',
    departments: [
      { userId: 'a', username: 'a', name: 'A', organisation: '市生态环境局' },
      { userId: 'b', username: 'b', name: 'B', organisation: '市自然资源局' },
    ],
  };
  const reply: Reply = {
    id: 1,
    consultationId: 1,
    planId: 'city-01',
    userId: 'a',
    organisation: '市生态环境局',
    verdict: 'objection',
    text: '起点不对',
    lon: null,
    lat: null,
    by: 'a',
    at: '2026-11-05T02:00:00Z',
    answer: {
      decision: 'partly',
      reason: '已改',
      version: 2,
      by: 'planner',
      at: '2026-11-06T02:00:00Z',
    },
  };
  const rec = { planName: '钦江', publishedAt: '2026-12-02T17:30:00Z' };

  it('the consultation record: replies, answers, and 逾期未反馈，视为无意见 for a department that did not reply', () => {
    const doc = textOf(buildConsultationRecord(rec, [round], [reply]));
    expect(doc).toContain('起点不对');
    expect(doc).toContain('部分采纳');
    expect(doc).toContain('逾期未反馈，视为无意见');
    // a reply written after the publication is not part of its record
    expect(
      textOf(
        buildConsultationRecord({ ...rec, publishedAt: '2026-11-02T00:00:00Z' }, [round], [reply]),
      ),
    ).not.toContain('起点不对');
  });

  it('the 公示 record keeps name and contact (staff only); the acceptance record the file and its SHA-256', () => {
    const period = {
      id: 1,
      planId: 'city-01',
      version: 2,
      start: '2026-11-21',
      end: '2026-11-27',
      days: 7,
      startedBy: 'planner',
      startedAt: '2026-11-21T01:00:00Z',
    };
    const opinion = {
      id: 1,
      planId: 'city-01',
      displayId: 1,
      text: '意见',
      name: '张三',
      contact: '138',
      at: '2026-11-22T01:00:00Z',
      answer: null,
    };
    const display = textOf(buildDisplayRecord(rec, [period], [opinion]));
    expect(display).toContain('张三');
    expect(display).toContain('138');
    expect(display).toContain('未答复');
    const file = {
      sha256: 'ab'.repeat(32),
      size: 10,
      name: '验收.pdf',
      mediaType: 'application/pdf' as const,
    };
    const acceptance = textOf(
      buildAcceptanceRecord(rec, [
        {
          id: 1,
          planId: 'city-01',
          version: 2,
          date: '2026-11-28',
          body: '验收组',
          members: '甲、乙',
          conclusion: 'pass',
          remarks: '',
          file,
          recordedBy: 'p',
          recordedAt: '2026-11-28T01:00:00Z',
        },
      ]),
    );
    expect(acceptance).toContain('合格');
    expect(acceptance).toContain('ab'.repeat(32));
    expect(textOf(buildAcceptanceRecord(rec, []))).toContain('无验收记录');
  });
});
