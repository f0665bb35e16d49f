// Where a reach's bank starts and ends, in words for the public documents: the place name the planner
// set on the line (`startPlace`, `endPlace`) after the county, else the notice's description of the
// end (the nearest named feature of the map data, or the chainage), never coordinates.
import type { Feature } from 'geojson';
import type { Message } from '../message';
import type { NoticeReach } from '../notice/build-notice';
import { type ReachEnd, reachEndMessage } from '../notice/reach-ends';

/** The words for a bank's two ends. */
export interface BankPlaces {
  start: string;
  end: string;
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

function words(end: ReachEnd, place: string | null, render: (m: Message) => string): string {
  if (place) return `${end.county ?? ''}${place}`;
  return render(reachEndMessage(end));
}

/**
 * The start and end of every reach's bank in words, keyed `reach|bank`; `render` says a message
 * in the document's language.
 * @example describePlaces(notice.reaches, version.features, zh).get('reach-1|left') // { start: '钦南区，里程 K0+000', end: … }
 */
export function describePlaces(
  reaches: readonly NoticeReach[],
  features: readonly Feature[],
  render: (m: Message) => string,
): Map<string, BankPlaces> {
  const out = new Map<string, BankPlaces>();
  for (const r of reaches) {
    for (const b of r.banks) {
      out.set(`${r.reach}|${b.bank}`, {
        start: words(b.from, placeSet(features, r.reach, b.bank, 'startPlace'), render),
        end: words(b.to, placeSet(features, r.reach, b.bank, 'endPlace'), render),
      });
    }
  }
  return out;
}
