import { type Message, msg } from '../message';

/** The rules a placement follows (CLI: --spacing, --min-gap, --bend, --board-km). */
export interface MarkerOptions {
  /** consecutive markers are never further apart than this along the line, metres (100–200) */
  spacingM: number;
  /** consecutive markers are never closer than this along the line, metres (20–50) */
  minGapM: number;
  /** a bend sharper than this (degrees, measured over ± minGapM) gets a marker within minGapM */
  bendDeg: number;
  /** notice boards on each bank's management line are never further apart than this, km */
  boardKm: number;
}

/** Defaults: main markers ≤ 150 m apart, ≥ 20 m apart, bends over 20°, a notice board every ≤ 5 km. */
export const DEFAULT_MARKER_OPTIONS: Readonly<MarkerOptions> = {
  spacingM: 150,
  minGapM: 20,
  bendDeg: 20,
  boardKm: 5,
};

/** Allowed range of each option, with the CLI flag that sets it (for messages). */
const RANGES: Record<
  keyof MarkerOptions,
  { flag: string; min: number; max: number; unit: string }
> = {
  spacingM: { flag: '--spacing', min: 100, max: 200, unit: ' m' },
  minGapM: { flag: '--min-gap', min: 20, max: 50, unit: ' m' },
  bendDeg: { flag: '--bend', min: 5, max: 90, unit: '°' },
  boardKm: { flag: '--board-km', min: 1, max: 20, unit: ' km' },
};

/**
 * Fills defaults and checks every option against its allowed range; each problem names the option.
 * @example resolveMarkerOptions({ spacingM: 300 }).errors // [msg('markers.option.outOfRange', { flag: '--spacing', … })]
 */
export function resolveMarkerOptions(given: Partial<MarkerOptions> = {}): {
  options: MarkerOptions;
  errors: Message[];
} {
  const options = { ...DEFAULT_MARKER_OPTIONS, ...given };
  const errors: Message[] = [];
  for (const key of Object.keys(RANGES) as (keyof MarkerOptions)[]) {
    const r = RANGES[key];
    const v = options[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < r.min || v > r.max) {
      const { flag, min, max, unit } = r;
      errors.push(msg('markers.option.outOfRange', { flag, key, min, max, unit, got: String(v) }));
    }
  }
  return { options, errors };
}
