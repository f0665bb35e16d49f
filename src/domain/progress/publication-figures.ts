// What a publication or a draft counts for the monthly figures: the length of its management lines
// (管理范围线, as the zone engine measured them in the GK zone) and its markers by kind.
import { countMarkers } from '../markers/count-markers';

interface LooseFeature {
  geometry?: { type: string } | null;
  properties?: object | null;
}

/**
 * The management lines' length of zone-engine output, metres (the sum of their `lengthM`).
 * @example managementLengthM([{ geometry: { type: 'LineString' }, properties: { kind: 'management-line', lengthM: 1000 } }]) // 1000
 */
export function managementLengthM(features: readonly LooseFeature[]): number {
  let sum = 0;
  for (const f of features) {
    const p = f.properties as { kind?: unknown; lengthM?: unknown } | null | undefined;
    if (p?.kind === 'management-line' && typeof p.lengthM === 'number') sum += p.lengthM;
  }
  return sum;
}

/**
 * A publication's figures: management-line length and markers by kind.
 * @example publicationFigures({ features: [] }, { features: [] }) // { lengthM: 0, boundary: 0, noticeBoards: 0 }
 */
export function publicationFigures(
  zones: { features: readonly LooseFeature[] },
  markers: { features: readonly LooseFeature[] },
): { lengthM: number; boundary: number; noticeBoards: number } {
  const counts = countMarkers(
    markers.features as readonly { properties?: Record<string, unknown> | null }[],
  );
  return {
    lengthM: managementLengthM(zones.features),
    boundary: counts.boundary,
    noticeBoards: counts.noticeBoard,
  };
}
