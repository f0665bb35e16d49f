// The public notice (公告) of a published plan, as DOMAIN.md "The public notice" lists it: which
// river, where each reach starts and ends, how long the delineated lines are, under which standard
// and legal basis, how many markers and notice boards, and who issues it with which phone.
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { RuleTable } from '../zones/rules';

/** The land statement every notice carries (DOMAIN.md). */
export const LAND_STATEMENT = '土地权属和使用性质不变';

/** One bank's management line of a reach: its ends (lon/lat, 1e-5°) and length (GK metres). */
export interface NoticeBank {
  bank: 'left' | 'right';
  start: [number, number];
  end: [number, number];
  lengthM: number;
}

/** One reach of the notice, its banks left before right. */
export interface NoticeReach {
  reach: string;
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
  /** the table's legal basis first, then any other basis a reach was computed under */
  legalBasis: string[];
  markers: number;
  noticeBoards: number;
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
}

const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;
const round2 = (v: number): number => Math.round(v * 100) / 100;
const lonLat = (p: Position): [number, number] => [round5(p[0] as number), round5(p[1] as number)];

function toBank(f: Feature): { reach: string; river: string | null; bank: NoticeBank } | null {
  const p = f.properties ?? {};
  if (p.kind !== 'management-line' || f.geometry?.type !== 'LineString') return null;
  if (typeof p.reach !== 'string' || (p.bank !== 'left' && p.bank !== 'right')) return null;
  const coords = f.geometry.coordinates;
  const [first, last] = [coords[0], coords[coords.length - 1]];
  if (!first || !last) return null;
  return {
    reach: p.reach,
    river: typeof p.river === 'string' ? p.river : null,
    bank: {
      bank: p.bank,
      start: lonLat(first),
      end: lonLat(last),
      lengthM: typeof p.lengthM === 'number' ? round2(p.lengthM) : 0,
    },
  };
}

/** The reaches of a publication's management lines, in reach order, left bank before right. */
function readReaches(zones: FeatureCollection): NoticeReach[] {
  const byReach = new Map<string, NoticeReach>();
  for (const f of zones.features) {
    const hit = toBank(f);
    if (!hit) continue;
    const reach = byReach.get(hit.reach) ?? { reach: hit.reach, river: hit.river, banks: [] };
    byReach.set(hit.reach, { ...reach, banks: [...reach.banks, hit.bank] });
  }
  return [...byReach.values()]
    .sort((a, b) => a.reach.localeCompare(b.reach))
    .map((r) => ({ ...r, banks: r.banks.toSorted((a, b) => a.bank.localeCompare(b.bank)) }));
}

/**
 * The public notice of a publication (pure; the inputs are not changed).
 * @example buildNotice({ planId: 'city-01', river: '钦江', plan: '钦江', version: 1, publishedAt, zones, markers, rules: DEFAULT_RULES, authority: null, supervisionPhone: null }).landStatement // '土地权属和使用性质不变'
 */
export function buildNotice(input: NoticeInput): PublicNotice {
  const reaches = readReaches(input.zones);
  const bases = input.zones.features
    .map((f) => f.properties?.legalBasis)
    .filter((b): b is string => typeof b === 'string' && b !== '');
  const types = input.markers.features.map((f) => f.properties?.markerType);
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
    legalBasis: [...new Set([input.rules.legalBasis, ...bases])],
    markers: types.filter((t) => t === 'boundary').length,
    noticeBoards: types.filter((t) => t === 'notice-board').length,
    landStatement: LAND_STATEMENT,
    authority: input.authority,
    supervisionPhone: input.supervisionPhone,
  };
}
