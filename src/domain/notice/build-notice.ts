// The public notice (公告) of a published plan, as DOMAIN.md "The public notice" lists it: which
// river, where each reach starts and ends, how long the delineated lines are, under which standard
// and legal basis, how many markers and notice boards, and who issues it with which phone.
import type { Feature, FeatureCollection, Position } from 'geojson';
import { countMarkers, type MarkerCounts } from '../markers/count-markers';
import type { Message } from '../message';
import { reachesInOrder, reachLabel } from '../plans/reach-label';
import type { RuleTable } from '../zones/rules';
import { describeReachEnd, type NamedPlace, type ReachEnd } from './reach-ends';
import { standardMessages } from './standard-words';
import { type CountyArea, zoneCounties } from './zone-counties';

/** The land statement every notice carries (DOMAIN.md). */
export const LAND_STATEMENT = '土地权属和使用性质不变';

/**
 * One bank's management line of a reach: its ends by place (`from`, `to`), its ends as lon/lat
 * (1e-5°; only for those who may see coordinates: `withoutCoordinates` drops them) and its length.
 */
export interface NoticeBank {
  bank: 'left' | 'right';
  start?: [number, number];
  end?: [number, number];
  from: ReachEnd;
  to: ReachEnd;
  lengthM: number;
}

/** One reach of the notice, its banks left before right. `reach` is the data's id, never shown. */
export interface NoticeReach {
  reach: string;
  /** how a person reads the reach (钦江 城区段 / 钦江 第 2 段) */
  label: Message;
  river: string | null;
  banks: NoticeBank[];
}

/** The public notice of one publication. */
export interface PublicNotice {
  planId: string;
  /** the waterbody's name, e.g. 钦江 */
  river: string;
  /** 江河湖库名称 of the plan as the register has it */
  plan: string;
  version: number;
  publishedAt: string;
  /** the publication date in China (UTC+8), YYYY-MM-DD */
  date: string;
  reaches: NoticeReach[];
  /** the management lines' lengths summed over every reach and bank, metres */
  delineatedLengthM: number;
  standard: { id: string; version: string };
  /** the standard in words, each width rule the zones were computed with once */
  standardWords: Message[];
  /** the counties (区县) the published zones lie in, in the register's order */
  counties: { adcode: string; name: string }[];
  /** the table's legal basis first, then any other basis a reach was computed under */
  legalBasis: string[];
  /** the publication's markers by kind (`countMarkers`: the same count as everywhere else) */
  markerCounts: MarkerCounts;
  landStatement: string;
  /** null until an admin sets it: a notice never invents an authority or a phone */
  authority: string | null;
  supervisionPhone: string | null;
}

/** What a notice is built from. */
export interface NoticeInput {
  planId: string;
  river: string;
  plan: string;
  version: number;
  publishedAt: string;
  zones: FeatureCollection;
  markers: FeatureCollection;
  rules: RuleTable;
  authority: string | null;
  supervisionPhone: string | null;
  /** the bundled county boundaries and named features the ends are described by */
  geo: { counties: readonly CountyArea[]; places: readonly NamedPlace[] };
}

const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;
const round2 = (v: number): number => Math.round(v * 100) / 100;
const lonLat = (p: Position): [number, number] => [round5(p[0] as number), round5(p[1] as number)];

type Geo = NoticeInput['geo'];

function toBank(
  f: Feature,
  geo: Geo,
): { reach: string; river: string | null; bank: NoticeBank } | null {
  const p = f.properties ?? {};
  if (p.kind !== 'management-line' || f.geometry?.type !== 'LineString') return null;
  if (typeof p.reach !== 'string' || (p.bank !== 'left' && p.bank !== 'right')) return null;
  const coords = f.geometry.coordinates;
  const [first, last] = [coords[0], coords[coords.length - 1]];
  if (!first || !last) return null;
  const lengthM = typeof p.lengthM === 'number' ? round2(p.lengthM) : 0;
  return {
    reach: p.reach,
    river: typeof p.river === 'string' ? p.river : null,
    bank: {
      bank: p.bank,
      start: lonLat(first),
      end: lonLat(last),
      from: describeReachEnd(first, 0, geo.counties, geo.places),
      to: describeReachEnd(last, lengthM, geo.counties, geo.places),
      lengthM,
    },
  };
}

/**
 * The reaches of a publication's management lines in the plan's order (the order they were first
 * drawn, as `reachLabel` numbers them), left bank before right.
 */
function readReaches(zones: FeatureCollection, river: string, geo: Geo): NoticeReach[] {
  const order = reachesInOrder(zones.features);
  const byReach = new Map<string, NoticeReach>();
  for (const f of zones.features) {
    const hit = toBank(f, geo);
    if (!hit) continue;
    const named = order.find((o) => o.id === hit.reach);
    const label = reachLabel({ river, name: named?.name ?? null, index: named?.index ?? 1 });
    const reach = byReach.get(hit.reach) ?? {
      reach: hit.reach,
      label,
      river: hit.river,
      banks: [],
    };
    byReach.set(hit.reach, { ...reach, banks: [...reach.banks, hit.bank] });
  }
  const place = (id: string) => order.findIndex((o) => o.id === id);
  return [...byReach.values()]
    .sort((a, b) => place(a.reach) - place(b.reach))
    .map((r) => ({ ...r, banks: r.banks.toSorted((a, b) => a.bank.localeCompare(b.bank)) }));
}

/**
 * The notice without the ends' coordinates: what anyone may read when coordinates are not public.
 * @example withoutCoordinates(notice).reaches[0]?.banks[0]?.start // undefined
 */
export function withoutCoordinates(notice: PublicNotice): PublicNotice {
  return {
    ...notice,
    reaches: notice.reaches.map((r) => ({
      ...r,
      banks: r.banks.map(({ start: _s, end: _e, ...b }) => b),
    })),
  };
}

/**
 * The public notice of a publication (pure; the inputs are not changed).
 * @example buildNotice({ planId: 'city-01', river: '钦江', plan: '钦江', version: 1, publishedAt, zones, markers, rules: DEFAULT_RULES, authority: null, supervisionPhone: null, geo: { counties, places } }).landStatement // '土地权属和使用性质不变'
 */
export function buildNotice(input: NoticeInput): PublicNotice {
  const reaches = readReaches(input.zones, input.river, input.geo);
  const bases = input.zones.features
    .map((f) => f.properties?.legalBasis)
    .filter((b): b is string => typeof b === 'string' && b !== '');
  const length = reaches.flatMap((r) => r.banks).reduce((sum, b) => sum + b.lengthM, 0);
  const china = new Date(Date.parse(input.publishedAt) + 8 * 3_600_000);
  return {
    planId: input.planId,
    river: input.river,
    plan: input.plan,
    version: input.version,
    publishedAt: input.publishedAt,
    date: Number.isNaN(china.getTime()) ? input.publishedAt : china.toISOString().slice(0, 10),
    reaches,
    delineatedLengthM: round2(length),
    standard: { id: input.rules.id, version: input.rules.version },
    standardWords: standardMessages(input.zones, input.rules),
    counties: zoneCounties(input.zones.features, input.geo.counties),
    legalBasis: [...new Set([input.rules.legalBasis, ...bases])],
    markerCounts: countMarkers(input.markers.features),
    landStatement: LAND_STATEMENT,
    authority: input.authority,
    supervisionPhone: input.supervisionPhone,
  };
}
