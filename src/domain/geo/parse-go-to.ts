// 定位: what the map's go-to box reads. A marker number (QJ01-GL-L-001), B/L in decimal degrees or
// 度分秒, or X/Y in a 3° Gauss-Krüger zone (Chinese tables print X = north, Y = east).
import { CRS, type CrsCode, projector } from '../crs/crs';
import { formatFixed } from '../formats/common/dms';
import { parseDegrees } from '../formats/tables/table-rows';
import { type Message, msg } from '../message';

/** Where to go: a point (with how the text was read), or a marker to look up by its number. */
export type GoToTarget =
  | { kind: 'point'; lngLat: [number, number]; read: Message }
  | { kind: 'marker'; id: string };

/** The outcome: a target, or why the text cannot be read. */
export type GoToResult = { ok: true; target: GoToTarget } | { ok: false; reason: Message };

/** 界桩 `QJ01-GL-L-001` (管理 GL / 保护 BH, 3 digits) and 公告牌 `QJ01-GSP-L-01` (2 digits). */
const MARKER_NUMBER = /^[A-Z0-9]+-(?:(?:GL|BH)-[LR]-\d{3}|GSP-[LR]-\d{2})$/;

/** A number, or degrees with minutes and seconds (`21°57'52.12"`, `21度57分52.12秒`), with a hemisphere. */
const VALUE =
  /(?:(X|Y|B|L|纬度|经度)\s*[=:：]?\s*)?(-?\d+(?:\.\d+)?(?:\s*[°度]\s*(?:\d+(?:\.\d+)?\s*['′’分]\s*)?(?:\d+(?:\.\d+)?\s*(?:"|″|”|''|秒)?)?)?)\s*([NSEWnsew](?![A-Za-z]))?/g;

/** A zone named in the text: `EPSG:4545` or `36带` / `第37带`. */
const ZONE_NAMED = /EPSG\s*[:：]?\s*(4545|4546|4524|4525)|第?\s*(36|37)\s*带/i;

/** Where the app's data lies: zones 36–37, and the latitudes of southern China. */
const LON_RANGE = [106.5, 112.5] as const;
const LAT_RANGE = [18, 27] as const;
/** Northings of those latitudes in a 3° zone, and eastings without the zone number. */
const NORTHING = [1_900_000, 3_000_000] as const;
const EASTING = [200_000, 800_000] as const;

const within = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi;

interface Token {
  label: string | null;
  value: number;
  dms: boolean;
  hemisphere: string | null;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(VALUE)].map((m) => {
    const raw = (m[2] ?? '').replace(/\s+/g, '');
    return {
      label: m[1]?.toUpperCase() ?? null,
      value: parseDegrees(raw),
      dms: /[°度]/.test(raw),
      hemisphere: m[3]?.toUpperCase() ?? null,
    };
  });
}

/**
 * Reads the go-to box. `viewZone` is the zone X/Y are read in when the text names none and the
 * easting carries no zone number (the map's view zone).
 * @example parseGoTo('21.95, 108.6', 'EPSG:4545') // { ok: true, target: { kind: 'point', lngLat: [108.6, 21.95], … } }
 * @example parseGoTo('qj01-gl-l-001', 'EPSG:4545') // { ok: true, target: { kind: 'marker', id: 'QJ01-GL-L-001' } }
 */
export function parseGoTo(text: string, viewZone: CrsCode): GoToResult {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/[－—–]/g, '-');
  if (t === '') return { ok: false, reason: msg('maptools.goTo.empty') };
  const upper = t.toUpperCase().replace(/\s+/g, '');
  if (MARKER_NUMBER.test(upper)) return { ok: true, target: { kind: 'marker', id: upper } };
  if (/-(?:GL|BH|GSP)-/.test(upper)) {
    return { ok: false, reason: msg('maptools.goTo.badMarker', { text: t }) };
  }
  const named = ZONE_NAMED.exec(t);
  const rest = named ? t.replace(named[0], ' ') : t;
  const values = tokens(rest);
  if (values.length !== 2 || values.some((v) => !Number.isFinite(v.value))) {
    return { ok: false, reason: msg('maptools.goTo.unreadable', { text: t }) };
  }
  const [a, b] = values as [Token, Token];
  const big = Math.abs(a.value) > 1000 || Math.abs(b.value) > 1000;
  return big ? readGrid(a, b, zoneOf(named), viewZone) : readDegrees(a, b);
}

function zoneOf(named: RegExpExecArray | null): CrsCode | null {
  if (!named) return null;
  if (named[1]) return `EPSG:${named[1]}` as CrsCode;
  return named[2] === '36' ? 'EPSG:4545' : 'EPSG:4546';
}

const isLat = (v: Token) =>
  v.label === 'B' || v.label === '纬度' || /[NS]/.test(v.hemisphere ?? '');
const isLon = (v: Token) =>
  v.label === 'L' || v.label === '经度' || /[EW]/.test(v.hemisphere ?? '');

function readDegrees(a: Token, b: Token): GoToResult {
  // labelled or with a hemisphere: as written; otherwise the longitude is the one above 90°
  const aFirst = isLat(a) || isLon(b) ? true : isLon(a) || isLat(b) ? false : a.value <= b.value;
  const [lat, lon] = aFirst ? [a.value, b.value] : [b.value, a.value];
  if (!within(lon, LON_RANGE) || !within(lat, LAT_RANGE)) {
    return { ok: false, reason: msg('maptools.goTo.outsideDegrees', { b: lat, l: lon }) };
  }
  const read = msg('maptools.goTo.readDegrees', { b: formatFixed(lat, 6), l: formatFixed(lon, 6) });
  return { ok: true, target: { kind: 'point', lngLat: [lon, lat], read } };
}

/** An easting with the zone number in front (36 500 000 + …) and the zone it names. */
function prefixedZone(e: number): CrsCode | null {
  if (within(e, [36_000_000 + EASTING[0], 36_000_000 + EASTING[1]])) return 'EPSG:4524';
  if (within(e, [37_000_000 + EASTING[0], 37_000_000 + EASTING[1]])) return 'EPSG:4525';
  return null;
}

function readGrid(a: Token, b: Token, named: CrsCode | null, viewZone: CrsCode): GoToResult {
  if (a.dms || b.dms) return { ok: false, reason: msg('maptools.goTo.mixed') };
  // labelled X/Y as written; otherwise X is the northing (the larger of the two without a zone number)
  const northFirst =
    a.label === 'X' || b.label === 'Y'
      ? true
      : a.label === 'Y' || b.label === 'X'
        ? false
        : within(a.value, NORTHING) && !within(b.value, NORTHING);
  const [x, y] = northFirst ? [a.value, b.value] : [b.value, a.value];
  const code = prefixedZone(y) ?? named ?? viewZone;
  const prefixed = CRS[code].zonePrefix;
  const eastingOk = prefixed ? prefixedZone(y) === code : within(y, EASTING);
  if (!within(x, NORTHING) || !eastingOk) {
    return { ok: false, reason: msg('maptools.goTo.outsideGrid', { x, y, code }) };
  }
  const [lon, lat] = projector(code).inverse([y, x]);
  const zone = CRS[code].zone ?? 0;
  const read =
    named || prefixed
      ? msg('maptools.goTo.readGrid', { x, y, zone, code })
      : msg('maptools.goTo.readGridViewZone', { x, y, zone, code });
  return { ok: true, target: { kind: 'point', lngLat: [lon, lat], read } };
}
