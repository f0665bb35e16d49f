// The map's card of a clicked zone, boundary line or marker, in Chinese: reach names (never ids),
// area with 亩, class and widths per bank, marker numbers, chainage, X/Y only when present.
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import {
  chainage,
  describeFeature,
  type FeatureFacts,
} from '../../src/domain/geo/describe-feature';

const text = (f: FeatureFacts) => {
  const card = describeFeature(f);
  const v = (x: (typeof card.rows)[number]['value']) =>
    typeof x === 'string' ? x : renderMessage(x, 'zh');
  return [
    renderMessage(card.title, 'zh'),
    ...card.rows.map((r) => `${renderMessage(r.label, 'zh')}：${v(r.value)}`),
  ];
};

const ZONE = {
  reach: 'reach-1',
  reachName: '城区段',
  river: 'qinjiang',
  kind: 'management',
  crs: 'EPSG:4545',
  leftKind: 'toe',
  leftClass: 3,
  leftWidthM: 30,
  leftProtectionM: 50,
  rightKind: 'bank',
  rightClass: null,
  rightWidthM: 8,
  rightProtectionM: null,
  areaM2: 140000,
};

describe('describeFeature', () => {
  it('names a zone: kind, status, reach by name, area in m² and 亩, class and widths per bank', () => {
    expect(
      text({ what: 'zone', properties: ZONE, draft: false, riverName: '钦江', reachIndex: 1 }),
    ).toEqual([
      '管理范围',
      '状态：已公告',
      '河段：钦江 城区段',
      '面积：140000.0 m²（210.00 亩）',
      '左岸：3 级堤防，堤脚线起算；管理范围 30 m，保护范围 50 m',
      '右岸：无堤防，岸线起算；管理范围 8 m，保护范围 无',
    ]);
    const unnamed = { ...ZONE, reachName: undefined, kind: 'protection' };
    const lines = text({
      what: 'zone',
      properties: unnamed,
      draft: true,
      riverName: '钦江',
      reachIndex: 2,
    });
    expect(lines.slice(0, 3)).toEqual(['保护范围', '状态：草稿（未公告）', '河段：钦江 第 2 段']);
    expect(lines.join('\n')).not.toContain('reach-1');
  });

  it('names a boundary line: bank, class of its zone, offset, length', () => {
    const line = {
      reach: 'reach-1',
      kind: 'protection-line',
      bank: 'right',
      offsetM: 50,
      lengthM: 1000,
    };
    expect(
      text({
        what: 'line',
        properties: line,
        zone: { ...ZONE, rightClass: 5 },
        draft: true,
        riverName: '钦江',
        reachIndex: 1,
      }),
    ).toEqual([
      '保护范围线',
      '状态：草稿（未公告）',
      '河段：钦江 第 1 段',
      '岸别：右岸',
      '堤防级别：4 级以下堤防',
      '距起算线：50 m',
      '长度：1.000 km',
    ]);
  });

  it('names a marker with its number, chainage and X/Y in its zone when it carries them', () => {
    const marker = {
      id: 'QJ01-GL-L-001',
      markerType: 'boundary',
      reach: 'reach-1',
      line: 'management',
      bank: 'left',
      kind: 'end',
      chainageM: 1250.5,
      lon: 108.6,
      lat: 21.95,
      crs: 'EPSG:4545',
      x: 2428385.2907,
      y: 562000.1234,
    };
    expect(
      text({ what: 'marker', properties: marker, draft: true, riverName: '钦江', reachIndex: 1 }),
    ).toEqual([
      '界桩',
      '编号：QJ01-GL-L-001',
      '状态：草稿（未公告）',
      '所在线：管理范围线',
      '岸别：左岸',
      '类型：端点',
      '河段：钦江 第 1 段',
      '里程：K1+250.50',
      'X（北）：2428385.291 m',
      'Y（东）：562000.123 m',
      '坐标系：CGCS2000 3° 带第 36 带（EPSG:4545）',
      `B / L：B 21°57'00.0000"  L 108°36'00.0000"`,
    ]);
  });

  it('says that coordinates are not shown for a public marker (the server redacted them)', () => {
    const board = {
      id: 'QJ01-GSP-R-02',
      kind: 'interval',
      line: 'management',
      bank: 'right',
      plan: 'city-01',
      markerType: 'notice-board',
    };
    expect(
      text({ what: 'marker', properties: board, draft: false, riverName: '钦江', reachIndex: 1 }),
    ).toEqual([
      '告示牌',
      '编号：QJ01-GSP-R-02',
      '状态：已公告',
      '岸别：右岸',
      '类型：按间距设置',
      '坐标：不显示（需坐标查看权限）',
    ]);
  });

  it('writes chainage as K<km>+<m>', () => {
    expect(chainage(0)).toBe('K0+000.00');
    expect(chainage(999.999)).toBe('K1+000.00');
    expect(chainage(12345.678)).toBe('K12+345.68');
  });
});
