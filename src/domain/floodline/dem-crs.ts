import type { CrsCode } from '../crs/crs';
import { type Message, msg } from '../message';

const TAKEN: readonly number[] = [4490, 4524, 4525, 4545, 4546];

/** Xian 1980 and Beijing 1954 EPSG codes (geographic, Gauss-Krüger zones and CM variants). */
function oldDatum(code: number): string | null {
  if (code === 4610 || (code >= 2327 && code <= 2390)) return 'Xian 1980';
  if (
    code === 4214 ||
    (code >= 2401 && code <= 2442) ||
    (code >= 21413 && code <= 21423) ||
    (code >= 21453 && code <= 21463) ||
    (code >= 21473 && code <= 21483)
  )
    return 'Beijing 1954';
  return null;
}

/**
 * The CRS of a DEM from its GeoTIFF keys (ProjectedCSTypeGeoKey, else GeographicTypeGeoKey, and the
 * citations): CGCS2000 geographic or one of its Gauss-Krüger zones is taken; none, Xian 1980,
 * Beijing 1954 or another CRS is refused with the reason.
 * @example demCrs({ ProjectedCSTypeGeoKey: 4545 }) // { ok: true, crs: 'EPSG:4545' }
 */
export function demCrs(
  keys: Readonly<Record<string, unknown>>,
): { ok: true; crs: CrsCode } | { ok: false; error: Message } {
  const projected = Number(keys.ProjectedCSTypeGeoKey ?? 0);
  const geographic = Number(keys.GeographicTypeGeoKey ?? 0);
  const code = projected > 0 && projected !== 32767 ? projected : geographic;
  const citations = [keys.GTCitationGeoKey, keys.GeogCitationGeoKey, keys.PCSCitationGeoKey]
    .filter((v) => typeof v === 'string')
    .join(' ');
  const named = /xi'?an[ _]?(19)?80/i.test(citations)
    ? 'Xian 1980'
    : /beijing[ _]?(19)?54/i.test(citations)
      ? 'Beijing 1954'
      : null;
  const old = oldDatum(code) ?? named;
  if (old) return { ok: false, error: msg('floodline.dem.oldDatum', { datum: old }) };
  if (!(code > 0) || code === 32767) {
    return { ok: false, error: msg('floodline.dem.noCrs') };
  }
  if (!TAKEN.includes(code)) return { ok: false, error: msg('floodline.dem.otherCrs', { code }) };
  return { ok: true, crs: `EPSG:${code}` as CrsCode };
}
