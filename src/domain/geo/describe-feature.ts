// What the map's card says about a clicked feature: a zone (管理范围/保护范围), a zone's boundary line
// along one bank, or a marker (界桩/公告牌). Rows of a label and a value, as messages; survey
// coordinates only when the feature carries them (the server leaves them out for whoever may not
// see them: `redactMarkers`, `withoutCoordinates`).
import { CRS, type CrsCode } from '../crs/crs';
import { formatDms, formatFixed } from '../formats/common/dms';
import { type Message, msg } from '../message';
import { reachLabel } from '../plans/reach-label';
import { formatArea, formatDistance } from './measure-shape';

/** A row of the card: what (label) and its value (a message, or data such as a number). */
export interface CardRow {
  label: Message;
  value: Message | string;
}

/** The card: a title and its rows. */
export interface FeatureCard {
  title: Message;
  rows: CardRow[];
}

/** What was clicked, with what naming its reach needs. */
export interface FeatureFacts {
  what: 'zone' | 'line' | 'marker';
  properties: Readonly<Record<string, unknown>>;
  /** a draft (草稿, dashed) rather than a published zone (已公告) */
  draft: boolean;
  /** the river's display name (钦江), null when unknown */
  riverName: string | null;
  /** the reach's place among its plan's reaches, 1-based (`reachesInOrder`) */
  reachIndex: number;
  /** for a line: the zone of the same reach and kind, whose class and widths it was drawn with */
  zone?: Readonly<Record<string, unknown>>;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const row = (label: Message, value: Message | string): CardRow => ({ label, value });

const BANK = { left: msg('maptools.bank.left'), right: msg('maptools.bank.right') } as const;
const BANK_ROW = {
  left: msg('maptools.card.leftBank'),
  right: msg('maptools.card.rightBank'),
} as const;
const MARKER_KIND: Readonly<Record<string, Message>> = {
  main: msg('maptools.markerKind.main'),
  bend: msg('maptools.markerKind.bend'),
  end: msg('maptools.markerKind.end'),
  interval: msg('maptools.markerKind.interval'),
};
const L = {
  status: msg('maptools.card.status'),
  reach: msg('maptools.card.reach'),
  area: msg('maptools.card.area'),
  bank: msg('maptools.card.bank'),
  class: msg('maptools.card.class'),
  offset: msg('maptools.card.offset'),
  length: msg('maptools.card.length'),
  number: msg('maptools.card.number'),
  line: msg('maptools.card.line'),
  kind: msg('maptools.card.kind'),
  chainage: msg('maptools.card.chainage'),
  coordinates: msg('maptools.card.coordinates'),
  x: msg('maptools.card.x'),
  y: msg('maptools.card.y'),
  crs: msg('maptools.card.crs'),
  bl: msg('maptools.card.bl'),
} as const;

/**
 * An embankment class as a planner reads it: 1–4 级堤防, 5 = 4 级以下, none = a natural bank.
 * @example classLabel(5) // msg('maptools.class.belowFour')
 */
function classLabel(c: unknown): Message {
  const n = num(c);
  if (n === null) return msg('maptools.class.none');
  return n >= 5 ? msg('maptools.class.belowFour') : msg('maptools.class.n', { n });
}

function reachOf(f: FeatureFacts): Message {
  const name = str(f.properties.reachName);
  return reachLabel({ river: f.riverName, name, index: f.reachIndex });
}

/** A bank's class and widths as a zone records them (`leftClass`, `leftWidthM`, …). */
function bankRow(side: 'left' | 'right', p: Readonly<Record<string, unknown>>): CardRow {
  const width = num(p[`${side}WidthM`]);
  const protection = num(p[`${side}ProtectionM`]);
  return row(
    BANK_ROW[side],
    msg('maptools.card.bankWidths', {
      from: msg(p[`${side}Kind`] === 'bank' ? 'maptools.from.bank' : 'maptools.from.toe'),
      class: classLabel(p[`${side}Class`]),
      management: width === null ? msg('maptools.card.unset') : `${width} m`,
      protection: protection === null ? msg('maptools.card.none') : `${protection} m`,
    }),
  );
}

function status(f: FeatureFacts): Message {
  return msg(f.draft ? 'maptools.status.draft' : 'maptools.status.published');
}

function zoneCard(f: FeatureFacts): FeatureCard {
  const p = f.properties;
  const area = num(p.areaM2);
  return {
    title: msg(p.kind === 'protection' ? 'maptools.title.protection' : 'maptools.title.management'),
    rows: [
      row(L.status, status(f)),
      row(L.reach, reachOf(f)),
      ...(area === null ? [] : [row(L.area, formatArea(area))]),
      bankRow('left', p),
      bankRow('right', p),
    ],
  };
}

function lineCard(f: FeatureFacts): FeatureCard {
  const p = f.properties;
  const side = p.bank === 'right' ? 'right' : 'left';
  const length = num(p.lengthM);
  const offset = num(p.offsetM);
  return {
    title: msg(
      p.kind === 'protection-line'
        ? 'maptools.title.protectionLine'
        : 'maptools.title.managementLine',
    ),
    rows: [
      row(L.status, status(f)),
      row(L.reach, reachOf(f)),
      row(L.bank, BANK[side]),
      ...(f.zone ? [row(L.class, classLabel(f.zone[`${side}Class`]))] : []),
      ...(offset === null ? [] : [row(L.offset, `${offset} m`)]),
      ...(length === null ? [] : [row(L.length, formatDistance(length))]),
    ],
  };
}

/**
 * A chainage as surveyors write it: K<km>+<metres to 0.01>.
 * @example chainage(1234.5) // 'K1+234.50'
 */
export function chainage(m: number): string {
  const cm = Math.round(m * 100);
  const km = Math.floor(cm / 100_000);
  return `K${km}+${formatFixed((cm - km * 100_000) / 100, 2).padStart(6, '0')}`;
}

function coordinateRows(p: Readonly<Record<string, unknown>>): CardRow[] {
  const x = num(p.x);
  const y = num(p.y);
  const code = str(p.crs) as CrsCode | null;
  const info = code ? CRS[code] : undefined;
  if (x === null || y === null || !info) {
    return [row(L.coordinates, msg('maptools.card.coordinatesHidden'))];
  }
  const rows = [
    row(L.x, `${formatFixed(x, 3)} m`),
    row(L.y, `${formatFixed(y, 3)} m`),
    row(L.crs, msg('maptools.crs.gk', { zone: info.zone ?? 0, code: info.code })),
  ];
  const lon = num(p.lon);
  const lat = num(p.lat);
  if (lon !== null && lat !== null) {
    rows.push(row(L.bl, `B ${formatDms(lat, 4)}  L ${formatDms(lon, 4)}`));
  }
  return rows;
}

function markerCard(f: FeatureFacts): FeatureCard {
  const p = f.properties;
  const board = p.markerType === 'notice-board';
  const side = p.bank === 'right' ? 'right' : 'left';
  const chain = num(p.chainageM);
  const kind = str(p.kind);
  return {
    title: msg(board ? 'maptools.title.noticeBoard' : 'maptools.title.marker'),
    rows: [
      row(L.number, str(p.id) ?? msg('maptools.card.unset')),
      row(L.status, status(f)),
      ...(board
        ? []
        : [
            row(
              L.line,
              msg(
                p.line === 'protection'
                  ? 'maptools.title.protectionLine'
                  : 'maptools.title.managementLine',
              ),
            ),
          ]),
      row(L.bank, BANK[side]),
      ...(kind && MARKER_KIND[kind] ? [row(L.kind, MARKER_KIND[kind] as Message)] : []),
      ...(str(p.reach) ? [row(L.reach, reachOf(f))] : []),
      ...(chain === null ? [] : [row(L.chainage, chainage(chain))]),
      ...coordinateRows(p),
    ],
  };
}

/**
 * The card of a clicked zone, boundary line or marker.
 * @example describeFeature({ what: 'zone', properties: { kind: 'management', areaM2: 14000, … }, draft: false, riverName: '钦江', reachIndex: 1 }).title // msg('maptools.title.management')
 */
export function describeFeature(f: FeatureFacts): FeatureCard {
  if (f.what === 'marker') return markerCard(f);
  return f.what === 'line' ? lineCard(f) : zoneCard(f);
}
