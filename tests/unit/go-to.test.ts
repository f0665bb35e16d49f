// 定位: the go-to box reads marker numbers, B/L (decimal or 度分秒) and X/Y with a zone; X/Y are
// checked against PROJ's cs2cs (the independent reference).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import { parseGoTo } from '../../src/domain/geo/parse-go-to';

/** cs2cs: [X north, Y east] → [lon, lat] in CGCS2000 (EPSG axis order in, "lat lon" out). */
function cs2csInverse(code: string, x: number, y: number): [number, number] {
  const out = execFileSync('cs2cs', ['-f', '%.10f', code, 'EPSG:4490'], {
    input: `${x} ${y}\n`,
    encoding: 'utf8',
  });
  const [lat, lon] = out.trim().split(/\s+/).map(Number) as [number, number];
  return [lon, lat];
}

const point = (text: string) => {
  const r = parseGoTo(text, 'EPSG:4545');
  if (!r.ok || r.target.kind !== 'point') throw new Error(`not a point: ${text}`);
  return r.target;
};
const reason = (text: string) => {
  const r = parseGoTo(text, 'EPSG:4545');
  if (r.ok) throw new Error(`read: ${text}`);
  return renderMessage(r.reason, 'zh');
};

describe('parseGoTo', () => {
  it('reads marker and notice board numbers, in any case and with wide dashes', () => {
    for (const [text, id] of [
      ['QJ01-GL-L-001', 'QJ01-GL-L-001'],
      ['qj01-bh-r-012', 'QJ01-BH-R-012'],
      [' QJ02－GSP－L－03 ', 'QJ02-GSP-L-03'],
      ['ETEST-GL-R-100', 'ETEST-GL-R-100'],
    ]) {
      expect(parseGoTo(text as string, 'EPSG:4545')).toEqual({
        ok: true,
        target: { kind: 'marker', id },
      });
    }
  });

  it('reads B/L in decimal degrees in either order, labelled or with hemispheres', () => {
    for (const text of [
      '21.95, 108.6',
      '108.6 21.95',
      'B=21.95 L=108.6',
      'L:108.6，B:21.95',
      '经度 108.6 纬度 21.95',
      '21.95N 108.6E',
      '21.95°, 108.6°',
    ]) {
      expect(point(text).lngLat, text).toEqual([108.6, 21.95]);
    }
    expect(renderMessage(point('21.95, 108.6').read, 'zh')).toBe(
      '已定位到 B（纬度）21.950000°，L（经度）108.600000°',
    );
  });

  it('reads 度分秒 in the notations of coordinate tables', () => {
    const [lon, lat] = point(`21°57'00.36", 108°36'36"`).lngLat;
    expect(lat).toBeCloseTo(21.9501, 9);
    expect(lon).toBeCloseTo(108.61, 9);
    const [lon2, lat2] = point('21度57分0.36秒 108度36分36秒').lngLat;
    expect([lon2, lat2]).toEqual([lon, lat]);
    const [lon3, lat3] = point('21°57′00.36″N, 108°36′36″E').lngLat;
    expect(lon3).toBeCloseTo(lon, 12);
    expect(lat3).toBeCloseTo(lat, 12);
  });

  it('reads X/Y (X = north) in the named zone, the zone number in the easting, or the view zone: as cs2cs', () => {
    const cases: [string, string, number, number][] = [
      ['X=2428385.29, Y=562000.12', 'EPSG:4545', 2428385.29, 562000.12],
      ['562000.12 2428385.29', 'EPSG:4545', 2428385.29, 562000.12],
      ['Y=562000.12 X=2428385.29 36带', 'EPSG:4545', 2428385.29, 562000.12],
      ['2428385.29, 36562000.12', 'EPSG:4524', 2428385.29, 36562000.12],
      ['2440000 250000 第37带', 'EPSG:4546', 2440000, 250000],
      ['X 2440000 Y 250000 EPSG:4546', 'EPSG:4546', 2440000, 250000],
    ];
    for (const [text, code, x, y] of cases) {
      const [lon, lat] = point(text).lngLat;
      const [refLon, refLat] = cs2csInverse(code, x, y);
      // 1e-9° ≈ 0.1 mm
      expect(Math.abs(lon - refLon), text).toBeLessThan(1e-9);
      expect(Math.abs(lat - refLat), text).toBeLessThan(1e-9);
    }
    expect(renderMessage(point('X=2428385.29, Y=562000.12').read, 'zh')).toContain(
      '按当前视图所在的第 36 带（EPSG:4545）',
    );
    expect(renderMessage(point('X=2428385.29, Y=562000.12 36带').read, 'zh')).toBe(
      '已定位到 X（北）2428385.29，Y（东）562000.12，第 36 带（EPSG:4545）',
    );
  });

  it('says in Chinese what it cannot read', () => {
    expect(reason('  ')).toBe('请输入坐标或界桩编号。');
    expect(reason('钦江大桥')).toContain('无法识别“钦江大桥”');
    expect(reason('21.95')).toContain('无法识别');
    expect(reason('1 2 3')).toContain('无法识别');
    expect(reason('QJ01-GL-L-1')).toContain('“QJ01-GL-L-1”不是完整的编号');
    expect(reason('39.9, 116.4')).toContain('不在钦州一带');
    expect(reason('2428385, 9562000')).toContain('不在 EPSG:4545 的范围内');
    expect(reason('562000, 9428385')).toContain('不在');
    expect(reason(`2428385, 108°36'`)).toContain('平面坐标不能写成度分秒');
  });

  it('does not change its input', () => {
    const text = 'X=2428385.29, Y=562000.12';
    parseGoTo(text, 'EPSG:4545');
    expect(text).toBe('X=2428385.29, Y=562000.12');
  });
});
