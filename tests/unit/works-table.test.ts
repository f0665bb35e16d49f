// The works table (涉水工程表, issue 16): type, name, shape and whether the range is set — never a width.
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import { buildWorksTable } from '../../src/domain/documents/build-works-table';
import { listWorks } from '../../src/domain/works/list-works';

// synthetic: made-up names on made-up coordinates
const fc: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { role: 'toe-left', reach: 'A' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [108.6, 21.9],
          [108.61, 21.9],
        ],
      },
    },
    {
      type: 'Feature',
      properties: {
        role: 'work',
        workType: 'sluice',
        name: '测试闸（合成）',
        reach: 'A',
        reachName: '测试段',
      },
      geometry: {
        type: 'LineString',
        coordinates: [
          [108.605, 21.9],
          [108.605, 21.901],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { role: 'work', workType: 'pumping-station', name: '测试泵站（合成）' },
      geometry: { type: 'Point', coordinates: [108.606, 21.9] },
    },
    {
      type: 'Feature',
      properties: { role: 'work', workType: 'sluice', name: '' },
      geometry: { type: 'Point', coordinates: [108.607, 21.9] },
    },
  ],
};

describe('works table', () => {
  it('lists each named work with whether its type’s range is set', () => {
    const rows = listWorks(fc, { 'pumping-station': { aroundM: 30 }, sluice: { upstreamM: 50 } });
    expect(rows).toEqual([
      {
        feature: 2,
        type: 'sluice',
        name: '测试闸（合成）',
        reachName: '测试段',
        shape: 'LineString',
        rangeSet: false,
      },
      {
        feature: 3,
        type: 'pumping-station',
        name: '测试泵站（合成）',
        reachName: '',
        shape: 'Point',
        rangeSet: true,
      },
    ]);
  });

  it('prints type, name, shape and 尚未设置, and no metres', () => {
    const model = buildWorksTable('测试河', listWorks(fc, undefined), (m) =>
      renderMessage(m, 'zh'),
    );
    const table = model?.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    const rows = table.rows.map((r) => r.map((c) => c.text));
    expect(rows).toEqual([
      ['1', '水闸', '测试闸（合成）', '测试段', '轴线', '尚未设置（未计入管理范围）'],
      ['2', '泵站', '测试泵站（合成）', '', '点', '尚未设置（未计入管理范围）'],
    ]);
    expect(JSON.stringify(model)).not.toMatch(/\d\s*m\b|米/);
    expect(buildWorksTable('测试河', [], (m) => renderMessage(m, 'zh'))).toBeNull();
  });
});
