import type { Geometry, Position } from 'geojson';
import { msg } from '../../message';
import { decodeGbk, guessEncoding } from '../../text/gbk';
import type { RawFeature, RawResult } from '../common/raw-data';
import type { ImportOptions, ImportSource, TextEncoding } from '../types';

type Pair = [number, string];
interface Entity {
  type: string;
  pairs: Pair[];
}

/** DXF text: R2007+ (AC1021 and later) is UTF-8; older files name their code page. */
function decodeDxf(
  bytes: Uint8Array,
  options: ImportOptions,
): { text: string; encoding: TextEncoding | 'ascii' } {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const ver = /\$ACADVER\s*\r?\n\s*1\s*\r?\n\s*AC(\d+)/.exec(head)?.[1];
  const page = /\$DWGCODEPAGE\s*\r?\n\s*3\s*\r?\n\s*(\S+)/.exec(head)?.[1] ?? '';
  const guess = guessEncoding(bytes);
  const enc: TextEncoding | 'ascii' =
    options.encoding ??
    (guess === 'ascii'
      ? 'ascii'
      : Number(ver) >= 1021
        ? 'utf-8'
        : /936/.test(page)
          ? 'gbk'
          : guess);
  const text = enc === 'gbk' ? decodeGbk(bytes) : new TextDecoder().decode(bytes);
  return { text, encoding: enc };
}

function entities(text: string): Entity[] | null {
  const lines = text.split(/\r?\n/);
  const pairs: Pair[] = [];
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const code = Number((lines[i] as string).trim());
    if (!Number.isInteger(code)) return null;
    pairs.push([code, (lines[i + 1] as string).replace(/^\s+|\s+$/g, '')]);
  }
  const start = pairs.findIndex(
    ([c, v], i) => c === 2 && v === 'ENTITIES' && pairs[i - 1]?.[1] === 'SECTION',
  );
  if (start < 0) return [];
  const out: Entity[] = [];
  for (let i = start + 1; i < pairs.length; i++) {
    const [c, v] = pairs[i] as Pair;
    if (c !== 0) {
      out[out.length - 1]?.pairs.push([c, v]);
      continue;
    }
    if (v === 'ENDSEC') break;
    out.push({ type: v, pairs: [] });
  }
  return out;
}

const num = (e: Entity, code: number) => Number(e.pairs.find(([c]) => c === code)?.[1]);
const str = (e: Entity, code: number) => e.pairs.find(([c]) => c === code)?.[1] ?? '';

/** Vertices from 10/20 pairs in order (LWPOLYLINE, HATCH boundary paths). */
function xyList(pairs: Pair[]): Position[] {
  const out: Position[] = [];
  for (const [c, v] of pairs) {
    if (c === 10) out.push([Number(v), Number.NaN]);
    else if (c === 20 && out.length > 0) (out[out.length - 1] as number[])[1] = Number(v);
  }
  return out;
}

const close = (r: Position[]) =>
  r.length > 0 && (r[0]?.[0] !== r[r.length - 1]?.[0] || r[0]?.[1] !== r[r.length - 1]?.[1])
    ? [...r, r[0] as Position]
    : r;

/** HATCH: only polyline boundary paths (flag 2) are read; each path becomes a ring. */
function hatchRings(e: Entity): Position[][] {
  const rings: Position[][] = [];
  const idx = e.pairs.flatMap(([c, v], i) => (c === 92 && (Number(v) & 2) !== 0 ? [i] : []));
  for (const i of idx) {
    const n = Number(e.pairs.slice(i).find(([c]) => c === 93)?.[1]);
    const after = e.pairs.slice(i).findIndex(([c]) => c === 93);
    rings.push(close(xyList(e.pairs.slice(i + after + 1)).slice(0, n)));
  }
  return rings;
}

function mtext(s: string): string {
  return s
    .replace(/\\U\+([0-9A-Fa-f]{4})/g, (_, h: string) =>
      String.fromCharCode(Number.parseInt(h, 16)),
    )
    .replace(/\\P/g, '\n')
    .replace(/\\[A-Za-z][^;\\]*;/g, '')
    .replace(/[{}]/g, '');
}

function geometry(e: Entity, list: Entity[], at: number): Geometry | null {
  const closed = (num(e, 70) & 1) === 1;
  const line = (pts: Position[]): Geometry =>
    closed && pts.length >= 3
      ? { type: 'Polygon', coordinates: [close(pts)] }
      : { type: 'LineString', coordinates: pts };
  switch (e.type) {
    case 'POINT':
    case 'TEXT':
    case 'MTEXT':
      return { type: 'Point', coordinates: [num(e, 10), num(e, 20)] };
    case 'LINE':
      return {
        type: 'LineString',
        coordinates: [
          [num(e, 10), num(e, 20)],
          [num(e, 11), num(e, 21)],
        ],
      };
    case 'LWPOLYLINE':
      return line(xyList(e.pairs));
    case 'POLYLINE': {
      const pts: Position[] = [];
      for (let j = at + 1; list[j]?.type === 'VERTEX'; j++) {
        const v = list[j] as Entity;
        pts.push([num(v, 10), num(v, 20)]);
      }
      return line(pts);
    }
    case 'HATCH': {
      const rings = hatchRings(e);
      return rings.length > 0 ? { type: 'Polygon', coordinates: rings } : null;
    }
    default:
      return null;
  }
}

/**
 * Reads DXF entities in CAD axes (x = east, y = north): LWPOLYLINE, POLYLINE/VERTEX, LINE, POINT,
 * HATCH (polyline paths) as geometry; TEXT/MTEXT as labelled points. The CAD layer is kept as `layer`.
 * @example readDxf({ name: 'a.dxf', bytes }, {}) // { ok: true, raw: { features: […], order: 'east-north' } }
 */
export function readDxf(source: ImportSource, options: ImportOptions): RawResult {
  if (
    new TextDecoder('latin1').decode(source.bytes.subarray(0, 22)) ===
    'AutoCAD Binary DXF\r\n\x1a\x00'
  ) {
    return {
      ok: false,
      errors: [msg('formats.dxf.binary', { file: source.name })],
    };
  }
  const { text, encoding } = decodeDxf(source.bytes, options);
  const list = entities(text);
  if (list === null)
    return { ok: false, errors: [msg('formats.dxf.notDxf', { file: source.name })] };
  const features: RawFeature[] = [];
  const skipped = new Map<string, number>();
  list.forEach((e, i) => {
    if (e.type === 'VERTEX' || e.type === 'SEQEND') return;
    const g = geometry(e, list, i);
    if (!g) {
      skipped.set(e.type, (skipped.get(e.type) ?? 0) + 1);
      return;
    }
    const props: Record<string, unknown> = { layer: str(e, 8), entity: e.type };
    if (e.type === 'TEXT') props.text = str(e, 1);
    if (e.type === 'MTEXT')
      props.text = mtext(
        e.pairs
          .filter(([c]) => c === 3 || c === 1)
          .map(([, v]) => v)
          .join(''),
      );
    features.push({
      geometry: g,
      properties: props,
      where: msg('formats.where.entity', {
        type: e.type,
        n: features.length + 1,
        layer: str(e, 8),
      }),
    });
  });
  if (features.length === 0)
    return {
      ok: false,
      errors: [msg('formats.dxf.noGeometry', { file: source.name })],
    };
  const warnings = [...skipped].map(([t, n]) =>
    n === 1
      ? msg('formats.dxf.skippedOne', { file: source.name, type: t })
      : msg('formats.dxf.skipped', { file: source.name, type: t, n }),
  );
  return {
    ok: true,
    raw: { features, order: 'east-north', declared: null, zone: null, encoding, warnings },
  };
}
