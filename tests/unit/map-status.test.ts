// One rule for a river's map status (issue 19): a published boundary puts a river on the map even
// without a course; the register, the river panel, the river page and the CLI all read it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import { countyOfUnit } from '../../src/domain/plans/counties';
import { mapStatus, mapStatusMessage, mapStatusShort } from '../../src/domain/rivers/map-status';
import { findRiver, riverPageHead } from '../../src/domain/rivers/river-page';
import { viewRivers } from '../../src/domain/rivers/waterbody';
import { loadGeodata } from '../../src/server/geodata';
import { escapeHtml, riverNotFoundPage, withHead } from '../../src/server/river-page';
import { ROOT } from '../helpers/register';

const geodata = loadGeodata(join(ROOT, 'geodata'));

describe('mapStatus', () => {
  it('published boundary first, then a course (open data or a sketch), else 未上图', () => {
    expect(mapStatus(null, ['published'])).toBe('published-zone');
    expect(mapStatus({ schematic: false }, ['draft', 'published'])).toBe('published-zone');
    expect(mapStatus({ schematic: false }, ['draft'])).toBe('open-data');
    expect(mapStatus({ schematic: true }, [])).toBe('schematic');
    expect(mapStatus(null, ['deliverables'])).toBe('unmapped');
    const zh = (s: Parameters<typeof mapStatusMessage>[0]) =>
      renderMessage(mapStatusMessage(s), 'zh');
    expect(zh('published-zone')).toBe('已上图（已公告范围）');
    expect(zh('open-data')).toBe('已上图（开放数据）');
    expect(zh('unmapped')).toBe('未上图');
    expect(renderMessage(mapStatusShort('published-zone'), 'zh')).toBe('公告范围');
    expect(renderMessage(mapStatusShort('unmapped'), 'zh')).toBe('未上图');
  });

  it('钦江 has no course: 未上图 until published, then 已上图（已公告范围） with the zone counties', () => {
    const view = (stage: 'draft' | 'published', zone: string[] = []) =>
      viewRivers(
        geodata.waterbodies,
        geodata.plans,
        geodata.geometry,
        (p) => countyOfUnit(p.unit),
        {
          stages: new Map([['city-01', stage]]),
          zoneCounties: new Map([['city-01', zone]]),
        },
      ).find((r) => r.id === 'qinjiang');
    expect(view('draft')?.mapStatus).toBe('unmapped');
    const published = view('published', ['450702', '450703']);
    expect(published?.mapStatus).toBe('published-zone');
    expect(published?.geometry).toBeNull();
    expect(published?.counties.map((c) => [c.name, c.from])).toEqual([
      ['钦南区', ['zone']],
      ['钦北区', ['zone']],
    ]);
    const nanliu = viewRivers(
      geodata.waterbodies,
      geodata.plans,
      geodata.geometry,
      () => null,
    ).find((r) => r.id === 'nanliujiang');
    expect(nanliu?.mapStatus).toBe('open-data');
  });
});

describe('the river page head', () => {
  const river = {
    name: '钦江',
    counties: [{ adcode: '450702', name: '钦南区', nameEn: 'Qinnan', from: ['zone' as const] }],
    mapStatus: 'published-zone' as const,
  };

  it('titles the page by the river and describes its boundary', () => {
    const head = riverPageHead(river, ['published'], { version: 3, date: '2026-12-02' });
    expect(renderMessage(head.title, 'zh')).toBe(
      '钦江 管理范围 · 钦州市江河湖库管理范围划定 · 河界',
    );
    expect(renderMessage(head.description, 'zh')).toBe(
      '钦江管理范围划定成果已公告（第 3 版，2026-12-02），涉及钦南区。已上图（已公告范围）。',
    );
    const draft = riverPageHead(
      { ...river, mapStatus: 'unmapped' },
      ['draft', 'consultation'],
      null,
    );
    expect(renderMessage(draft.description, 'zh')).toBe(
      '钦江管理范围划定：意见征求，尚未公告。未上图。',
    );
    expect(findRiver(geodata.waterbodies, '武思江')?.id).toBe(
      geodata.waterbodies.find((w) => w.aliases.includes('武思江'))?.id,
    );
  });

  it('escapes what it injects; an unknown river gets a Chinese 404 page', () => {
    const index = '<title>河界</title>\n<meta name="description" content="x" />';
    const html = withHead(index, { title: '<b>"钦江"</b>', description: "a & b's" });
    expect(html).toContain('<title>&lt;b&gt;&quot;钦江&quot;&lt;/b&gt;</title>');
    expect(html).toContain('<meta property="og:description" content="a &amp; b&#39;s" />');
    expect(escapeHtml('<script>')).toBe('&lt;script&gt;');
    const page = riverNotFoundPage('<x>');
    expect(page).toContain('未找到名为“&lt;x&gt;”的河流或水库');
    expect(page).not.toContain('<x>');
  });
});
