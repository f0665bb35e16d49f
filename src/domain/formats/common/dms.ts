/**
 * Prints a number with exactly `decimals` decimals, rounded half away from zero on its shortest
 * decimal form (what JavaScript prints: 150.005 → '150.01', as Excel's ROUND), never `-0.00`.
 * @example formatFixed(2428385.2907, 2) // '2428385.29'
 */
export function formatFixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot print ${value} as a number`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
    throw new Error(`decimals must be an integer 0–12, got ${decimals}`);
  }
  const shortest = String(Math.abs(value));
  // exponent forms (< 1e-6 or ≥ 1e21) are far from any coordinate: toFixed is exact enough there
  if (shortest.includes('e')) return trimNegativeZero(value.toFixed(decimals));
  const [whole = '0', frac = ''] = shortest.split('.');
  let units = BigInt(whole + frac.slice(0, decimals).padEnd(decimals, '0'));
  if ((frac[decimals] ?? '0') >= '5') units += 1n;
  const digits = units.toString().padStart(decimals + 1, '0');
  const cut = digits.length - decimals;
  const body = decimals > 0 ? `${digits.slice(0, cut)}.${digits.slice(cut)}` : digits;
  return units > 0n && value < 0 ? `-${body}` : body;
}

function trimNegativeZero(s: string): string {
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/**
 * Degrees as degrees-minutes-seconds, `21°57'04.4442"`: minutes and seconds 2 digits, seconds to
 * `decimals` decimals (4 ≈ 3 mm), rounded once on the total seconds so 59.99995″ carries over.
 * @example formatDms(21.9512345) // `21°57'04.4442"`
 */
export function formatDms(degrees: number, decimals = 4): string {
  if (!Number.isFinite(degrees)) throw new Error(`cannot print ${degrees} as degrees`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new Error(`seconds decimals must be an integer 0–6, got ${decimals}`);
  }
  const unit = 10 ** decimals;
  const total = Math.round(Math.abs(degrees) * 3600 * unit);
  const deg = Math.floor(total / (3600 * unit));
  const min = Math.floor((total - deg * 3600 * unit) / (60 * unit));
  const sec = total - deg * 3600 * unit - min * 60 * unit;
  const whole = Math.floor(sec / unit);
  const frac = decimals > 0 ? `.${String(sec - whole * unit).padStart(decimals, '0')}` : '';
  const sign = degrees < 0 && total > 0 ? '-' : '';
  return `${sign}${deg}°${String(min).padStart(2, '0')}'${String(whole).padStart(2, '0')}${frac}"`;
}
