// The scales of the dashboard's SVG charts: a "nice" top of the axis (1, 2 or 5 × 10ⁿ), its ticks,
// and the linear map from a value to pixels. Pure.

/**
 * The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `max` (1 for nothing to show), so that the axis ends
 * on a round number.
 * @example niceMax(37) // 50
 */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= max - power * 1e-9) return m * power;
  return 10 * power;
}

/**
 * Ticks from 0 to `niceMax(max)`, about `count` of them, each a round step (whole numbers when the
 * top is a whole number of at least `count`).
 * @example axisTicks(37) // [0, 10, 20, 30, 40, 50]
 */
export function axisTicks(max: number, count = 5): number[] {
  const top = niceMax(max);
  const raw = top / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  // the first round step at least `raw` that divides the top: the last tick is the top
  const divides = (step: number) => Math.abs(top / step - Math.round(top / step)) < 1e-9;
  const step =
    [1, 2, 2.5, 5, 10, 20, 25, 50]
      .map((m) => m * power)
      .find((s) => s >= raw * (1 - 1e-9) && divides(s)) ?? top;
  const out: number[] = [];
  for (let k = 0; k * step <= top * (1 + 1e-9); k++) out.push(Math.round(k * step * 1e6) / 1e6);
  return out;
}

/**
 * The linear map from [0, top] onto [0, length] pixels (values outside are clamped).
 * @example scaleLinear(50, 200)(25) // 100
 */
export function scaleLinear(top: number, length: number): (v: number) => number {
  const k = top > 0 ? length / top : 0;
  return (v) => Math.min(length, Math.max(0, v * k));
}
