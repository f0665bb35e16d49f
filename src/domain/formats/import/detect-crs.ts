import type { Geometry, Position } from 'geojson';
import type { CrsCode } from '../../crs/crs';
import { CRS, projector } from '../../crs/crs';
import { type Message, type MessageParam, msg } from '../../message';
import { listOf } from '../common/message-list';
import type { RawData } from '../common/raw-data';
import type { ImportOptions, ImportResult } from '../types';
import { inQinzhou } from './import-extent';

/** What kind of numbers a coordinate pair is, in (east, north) order; `swapped`: north came first. */
type CoordKind =
  | { family: 'deg'; swapped: boolean }
  | { family: 'prefixed'; swapped: boolean; zone: number }
  | { family: 'gk'; swapped: boolean }
  | { family: 'unknown'; swapped: false };

const inRange = (v: number, lo: number, hi: number) => v >= lo && v < hi;
/** Chinese northings: 7 digits (about 2 000 000–6 000 000 m from the equator) */
const isNorthing = (v: number) => inRange(v, 1_000_000, 10_000_000);
/** eastings without zone prefix: 6 digits (500 000 ± 330 km at China's latitudes) */
const isPlainEasting = (v: number) => inRange(v, 100_000, 1_000_000);
/** eastings with a 3° zone prefix 13–45 in front */
const isPrefixedEasting = (v: number) => inRange(v, 13_000_000, 46_000_000);

/**
 * Classifies one coordinate pair given in (east, north) order: degrees, prefixed or plain GK metres,
 * each possibly swapped (north first).
 * @example classifyCoord(2428385.29, 36561979.81) // { family: 'prefixed', swapped: true, zone: 36 }
 */
function classifyCoord(e: number, n: number): CoordKind {
  if (Math.abs(e) <= 180 && Math.abs(n) <= 90) return { family: 'deg', swapped: false };
  if (Math.abs(e) <= 90 && Math.abs(n) <= 180) return { family: 'deg', swapped: true };
  if (isPrefixedEasting(e) && isNorthing(n)) {
    return { family: 'prefixed', swapped: false, zone: Math.floor(e / 1_000_000) };
  }
  if (isPrefixedEasting(n) && isNorthing(e)) {
    return { family: 'prefixed', swapped: true, zone: Math.floor(n / 1_000_000) };
  }
  if (isPlainEasting(e) && isNorthing(n)) return { family: 'gk', swapped: false };
  if (isPlainEasting(n) && isNorthing(e)) return { family: 'gk', swapped: true };
  return { family: 'unknown', swapped: false };
}

/** The family of numbers each CRS expects, and its zone. */
function expectedFamily(code: CrsCode): { family: CoordKind['family']; zone: number | null } {
  const c = CRS[code];
  if (c.zone === null) return { family: 'deg', zone: null };
  return { family: c.zonePrefix ? 'prefixed' : 'gk', zone: c.zone };
}

/** How the families read in messages. */
const FAMILY_TEXT: Record<CoordKind['family'], Message> = {
  deg: msg('formats.family.deg'),
  prefixed: msg('formats.family.prefixed'),
  gk: msg('formats.family.gk'),
  unknown: msg('formats.family.unknown'),
};

/**
 * Calls `fn` on every position of a geometry and returns a new geometry (the input is not touched).
 * @example mapPositions(point, ([x, y]) => [y, x])
 */
export function mapPositions(g: Geometry, fn: (p: Position) => Position): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: fn(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(fn) };
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((r) => r.map(fn)) };
    case 'MultiPolygon':
      return { type: g.type, coordinates: g.coordinates.map((p) => p.map((r) => r.map(fn))) };
    case 'GeometryCollection':
      return { type: g.type, geometries: g.geometries.map((x) => mapPositions(x, fn)) };
  }
}

/** The CRS decided for a file, and how to put each of its positions in (east, north) order. */
export type CrsDecision =
  | {
      ok: true;
      crs: CrsCode;
      crsSource: 'prj' | 'option' | 'detected';
      toEastNorth: (p: Position) => Position;
      warnings: Message[];
      swapped?: { points: number; total: number };
    }
  | Extract<ImportResult, { ok: false }>;

const fmt = (v: number) => (Math.abs(v) < 1000 ? String(v) : v.toFixed(2));
const at = (where: Message, p: Position) =>
  msg('formats.where.at', { where, x: fmt(p[0] as number), y: fmt(p[1] as number) });

interface Survey {
  families: Map<CoordKind['family'], Message>;
  zones: Set<number>;
  unknown: Message[];
  swapped: Message[];
  nSwapped: number;
  total: number;
}

function survey(raw: RawData): Survey {
  const s: Survey = {
    families: new Map(),
    zones: new Set(),
    unknown: [],
    swapped: [],
    nSwapped: 0,
    total: 0,
  };
  for (const f of raw.features) {
    mapPositions(f.geometry, (p) => {
      const [e, n] = ordered(p, raw.order);
      const k = classifyCoord(e, n);
      s.total++;
      if (k.family === 'unknown') s.unknown.push(at(f.where, p));
      else if (!s.families.has(k.family)) s.families.set(k.family, at(f.where, p));
      if (k.family === 'prefixed') s.zones.add(k.zone);
      if (k.swapped) {
        s.nSwapped++;
        if (s.swapped[s.swapped.length - 1] !== f.where) s.swapped.push(f.where);
      }
      return p;
    });
  }
  return s;
}

const ordered = (p: Position, order: RawData['order']): [number, number] =>
  order === 'north-east' ? [p[1] as number, p[0] as number] : [p[0] as number, p[1] as number];

function detectedCode(family: CoordKind['family'], zone: number | null): CrsCode | null {
  if (family === 'deg') return 'EPSG:4490';
  if (zone === 36) return family === 'prefixed' ? 'EPSG:4524' : 'EPSG:4545';
  if (zone === 37) return family === 'prefixed' ? 'EPSG:4525' : 'EPSG:4546';
  return null;
}

/**
 * Decides the CRS of a file from `--crs`, what the file declares and its numbers; a contradiction,
 * numbers of no known kind, or 6-digit eastings with no zone are reasons, never guesses.
 * @example resolveCrs(raw, {}) // { ok: true, crs: 'EPSG:4524', crsSource: 'detected', … }
 */
export function resolveCrs(raw: RawData, options: ImportOptions): CrsDecision {
  const s = survey(raw);
  if (s.total === 0) return { ok: false, errors: [msg('formats.crs.noCoordinates')] };
  if (s.unknown.length > 0) {
    return {
      ok: false,
      errors: [msg('formats.crs.unknownCoordinates', { list: listOf(s.unknown) })],
    };
  }
  if (s.families.size > 1) {
    const parts = [...s.families].map(([fam, where]) =>
      msg('formats.crs.familyAt', { family: FAMILY_TEXT[fam], at: where }),
    );
    return {
      ok: false,
      errors: [msg('formats.crs.mixed', { list: listOf(parts, parts.length, 'semi') })],
    };
  }
  const [family, example] = [...s.families][0] as [CoordKind['family'], Message];
  if (s.zones.size > 1)
    return {
      ok: false,
      errors: [msg('formats.crs.zonesDiffer', { zones: listOf([...s.zones], 10) })],
    };
  const fileZone = family === 'prefixed' ? ([...s.zones][0] as number) : raw.zone;
  if (family === 'prefixed' && raw.zone !== null && raw.zone !== fileZone) {
    return {
      ok: false,
      errors: [msg('formats.crs.headerZone', { header: raw.zone, zone: fileZone as number })],
    };
  }
  if (fileZone !== null && fileZone !== 36 && fileZone !== 37 && family !== 'deg') {
    return {
      ok: false,
      errors: [msg('formats.crs.otherZone', { zone: fileZone })],
    };
  }
  const warnings: Message[] = [];
  if (s.nSwapped > 0) {
    const axes =
      raw.order === 'north-east' ? msg('formats.axes.northEast') : msg('formats.axes.eastNorth');
    warnings.push(
      msg('formats.crs.swapped', {
        axes,
        n: s.nSwapped,
        total: s.total,
        list: listOf(s.swapped),
      }),
    );
  }
  const chosen = choose(raw, options, family, fileZone, example);
  if (!chosen.ok) return chosen;
  for (const w of chosen.warnings) warnings.push(w);
  const toEastNorth = (p: Position): Position => {
    const [e, n] = ordered(p, raw.order);
    const out = classifyCoord(e, n).swapped ? [n, e] : [e, n];
    return p.length > 2 ? [...out, ...p.slice(2)] : out;
  };
  const swapped = s.nSwapped > 0 ? { swapped: { points: s.nSwapped, total: s.total } } : {};
  return { ok: true, crs: chosen.crs, crsSource: chosen.source, toEastNorth, warnings, ...swapped };
}

type Chosen =
  | { ok: true; crs: CrsCode; source: 'prj' | 'option' | 'detected'; warnings: Message[] }
  | { ok: false; errors: Message[]; needs?: 'crs'; fits?: CrsCode };

function choose(
  raw: RawData,
  options: ImportOptions,
  family: CoordKind['family'],
  zone: number | null,
  example: Message,
): Chosen {
  const said = options.crs
    ? {
        crs: options.crs,
        source: 'option' as const,
        by: msg('formats.crs.option', { crs: options.crs }) as MessageParam,
      }
    : raw.declared
      ? { crs: raw.declared.crs, source: 'prj' as const, by: raw.declared.source }
      : null;
  const warnings: Message[] = [];
  if (options.crs && raw.declared && raw.declared.crs !== options.crs) {
    warnings.push(
      msg('formats.crs.overrides', {
        crs: options.crs,
        source: raw.declared.source,
        declared: raw.declared.crs,
      }),
    );
  }
  if (said) {
    const exp = expectedFamily(said.crs);
    if (exp.family !== family || (zone !== null && exp.zone !== null && exp.zone !== zone)) {
      const inZone = (z: number | null) =>
        z === null ? '' : msg('formats.crs.inZone', { zone: z });
      return {
        ok: false,
        errors: [
          msg('formats.crs.contradiction', {
            by: said.by,
            means: FAMILY_TEXT[exp.family],
            zone: inZone(exp.zone),
            family: FAMILY_TEXT[family],
            fileZone: inZone(family === 'deg' ? null : zone),
            example,
          }),
        ],
      };
    }
    return { ok: true, crs: said.crs, source: said.source, warnings };
  }
  const code = detectedCode(family, zone);
  if (code) return { ok: true, crs: code, source: 'detected', warnings };
  const asked = askZone(raw, example);
  return {
    ok: false,
    needs: 'crs',
    errors: [asked.text],
    ...(asked.fits ? { fits: asked.fits } : {}),
  };
}

function askZone(raw: RawData, example: Message): { text: Message; fits: CrsCode | null } {
  const fits = (['EPSG:4545', 'EPSG:4546'] as const).map((code) => {
    const p = projector(code);
    let inside = true;
    for (const f of raw.features) {
      mapPositions(f.geometry, (q) => {
        const [e, n] = ordered(q, raw.order);
        const k = classifyCoord(e, n);
        if (inside && !inQinzhou(p.inverse(k.swapped ? [n, e] : [e, n]))) inside = false;
        return q;
      });
    }
    return { code, inside };
  });
  const describe = ({ code, inside }: { code: CrsCode; inside: boolean }) =>
    msg(inside ? 'formats.crs.zoneFits' : 'formats.crs.zoneMisses', {
      crs: code,
      zone: CRS[code].zone ?? '',
      cm: CRS[code].centralMeridian ?? '',
    });
  const good = fits.filter((f) => f.inside);
  const advice =
    good.length === 1
      ? msg('formats.crs.adviceOne', { crs: good[0]?.code ?? '' })
      : good.length === 0
        ? msg('formats.crs.adviceNone')
        : msg('formats.crs.adviceBoth');
  return {
    text: msg('formats.crs.needZone', {
      example,
      choices: listOf(fits.map(describe), 2, 'semi'),
      advice,
    }),
    fits: good.length === 1 ? (good[0]?.code ?? null) : null,
  };
}
