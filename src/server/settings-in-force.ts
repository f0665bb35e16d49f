// The settings as they apply: each unset setting with its default, in one place for the admin page,
// the review routes and the documents. Legal content (authority, phone, supervising unit, prohibited
// acts) has no default: it stays null or empty until the bureau sets it (尚未设置).
import type { ApiSettings } from '../contract/accounts';
import { DISPLAY_DAYS } from '../domain/review/review-dates';
import type { Settings } from './store/store';

/** A notice board's size unless the admin sets it: 150 × 100 cm. */
const DEFAULT_NOTICE_BOARD = { widthCm: 150, heightCm: 100 } as const;

/** Every setting with its default where it has one. */
export function settingsInForce(s: Settings): ApiSettings {
  return {
    publicCoordinates: s.publicCoordinates,
    tiandituKey: s.tiandituKey,
    noticeAuthority: s.noticeAuthority ?? null,
    supervisionPhone: s.supervisionPhone ?? null,
    displayDays: s.displayDays ?? DISPLAY_DAYS.default,
    departmentCoordinates: s.departmentCoordinates ?? false,
    supervisingUnit: s.supervisingUnit ?? null,
    prohibitedActs: s.prohibitedActs ?? [],
    noticeBoard: s.noticeBoard ?? { ...DEFAULT_NOTICE_BOARD },
  };
}
