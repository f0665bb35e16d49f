// Where a reach's bank starts and ends, in words for the public: the county the point lies in (from
// the bundled county boundaries) and the place name the planner set on the line (`startPlace`,
// `endPlace`), never coordinates. What nobody set is said to be 尚未设置.
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { NoticeReach } from '../notice/build-notice';

/** A county as the describer reads it: its name and boundary (lon/lat). */
export interface CountyArea {
  name: string;
  geometry: Polygon | MultiPolygon;
}

/** The words for a bank's two ends. */
export interface BankPlaces {
  start: string;
  end: string;
}

/** Even-odd ray casting over every ring (holes included). */
function inRings(p: Position, rings: Position[][]): boolean {
  const [x, y] = [p[0] as number, p[1] as number];
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * The county a lon/lat point lies in, or null outside every county.
 * @example countyAt([108.62, 21.95], counties) // '钦南区'
 */
export function countyAt(p: Position, counties: readonly CountyArea[]): string | null {
  for (const c of counties) {
    const polys = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
    if (polys.some((rings) => inRings(p, rings))) return c.name;
  }
  return null;
}

const SIDE = { left: ['toe-left', 'bank-left'], right: ['toe-right', 'bank-right'] } as const;

/** The place name set on the reach's line of that bank (else on any line of the reach). */
function placeSet(
  features: readonly Feature[],
  reach: string,
  bank: 'left' | 'right',
  key: 'startPlace' | 'endPlace',
): string | null {
  const ofReach = features.filter((f) => f.properties?.reach === reach);
  const own = ofReach.filter((f) => (SIDE[bank] as readonly string[]).includes(f.properties?.role));
  for (const f of [...own, ...ofReach]) {
    const v = f.properties?.[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return null;
}

function words(county: string | null, place: string | null): string {
  if (county && place) return `${county}${place}`;
  if (place) return place;
  return county ? `${county}（地名尚未设置）` : '地名尚未设置';
}

/**
 * The start and end of every reach's bank in words, keyed `reach|bank`.
 * @example describePlaces(notice.reaches, counties, version.features).get('QJ-A|left') // { start: '钦南区（地名尚未设置）', end: … }
 */
export function describePlaces(
  reaches: readonly NoticeReach[],
  counties: readonly CountyArea[],
  features: readonly Feature[],
): Map<string, BankPlaces> {
  const out = new Map<string, BankPlaces>();
  for (const r of reaches) {
    for (const b of r.banks) {
      out.set(`${r.reach}|${b.bank}`, {
        start: words(
          countyAt(b.start, counties),
          placeSet(features, r.reach, b.bank, 'startPlace'),
        ),
        end: words(countyAt(b.end, counties), placeSet(features, r.reach, b.bank, 'endPlace')),
      });
    }
  }
  return out;
}
