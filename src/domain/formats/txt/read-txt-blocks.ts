import type { Geometry, Position } from 'geojson';
import { type Message, msg } from '../../message';
import { pointInRing } from '../common/geometry-coords';
import type { RawFeature } from '../common/raw-data';
import { isNum, toNumber } from '../tables/table-rows';

type Failure = { ok: false; errors: Message[] };

/**
 * Reads the blocks of the TXT exchange format's `[地块坐标]` section (a `点数,面积,编号,名称,面|线|点,…,@`
 * line, then its rows 点号,圈号,X,Y) as features in file order (X = north first).
 * @example readBlocks(['4,0.5,QJ01,钦江,面,,@', 'J1,1,2428385.29,561979.81', …], 'a.txt') // { ok: true, features: [{ geometry: { type: 'Polygon', … } }] }
 */
export function readBlocks(
  lines: string[],
  name: string,
): { ok: true; features: RawFeature[] } | Failure {
  const features: RawFeature[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const head = line.split(',');
    if (!line.endsWith('@'))
      return {
        ok: false,
        errors: [msg('formats.txt.notBlockStart', { file: name, line: i + 1 })],
      };
    const count = Number(head[0]);
    const kind = head[4] ?? '';
    if (!Number.isInteger(count) || !['面', '线', '点'].includes(kind))
      return {
        ok: false,
        errors: [msg('formats.txt.badBlockLine', { file: name, line: i + 1, found: line })],
      };
    const rows = lines.slice(i + 1, i + 1 + count).map((l) => l.split(',').map((c) => c.trim()));
    const bad = rows.findIndex((r) => r.length < 4 || !isNum(r[2]) || !isNum(r[3]));
    if (rows.length < count || bad >= 0)
      return {
        ok: false,
        errors: [
          msg('formats.txt.badRows', {
            file: name,
            line: i + 2 + (bad >= 0 ? bad : rows.length),
            count,
            block: i + 1,
          }),
        ],
      };
    const props = { 编号: head[2] ?? '', 名称: head[3] ?? '', 类型: kind, 面积: Number(head[1]) };
    const where = msg('formats.where.block', { code: head[2] ?? '', line: i + 1 });
    if (kind === '点') {
      rows.forEach((r, j) => {
        features.push({
          geometry: { type: 'Point', coordinates: [toNumber(r[2]), toNumber(r[3])] },
          properties: { ...props, 点号: r[0] },
          where: msg('formats.where.blockRow', { block: where, row: j + 1 }),
        });
      });
    } else features.push({ geometry: blockGeometry(rows, kind), properties: props, where });
    i += count;
  }
  if (features.length === 0)
    return { ok: false, errors: [msg('formats.txt.noBlock', { file: name })] };
  return { ok: true, features };
}

function blockGeometry(rows: string[][], kind: string): Geometry {
  const rings = new Map<string, Position[]>();
  for (const r of rows) {
    const key = r[1] as string;
    if (!rings.has(key)) rings.set(key, []);
    rings.get(key)?.push([toNumber(r[2]), toNumber(r[3])]);
  }
  const parts = [...rings.values()];
  if (kind === '线')
    return parts.length === 1
      ? { type: 'LineString', coordinates: parts[0] as Position[] }
      : { type: 'MultiLineString', coordinates: parts };
  const polys: Position[][][] = [];
  for (const ring of parts) {
    const owner = polys.find((p) => pointInRing(p[0] as Position[], ring[0] as Position));
    if (owner) owner.push(ring);
    else polys.push([ring]);
  }
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] as Position[][] }
    : { type: 'MultiPolygon', coordinates: polys };
}
