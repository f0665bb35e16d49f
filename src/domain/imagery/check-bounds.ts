import { type Message, msg } from '../message';
import type { Bounds } from './tile-math';

/**
 * Whether an archive's lon/lat bounds lie inside the deployment's region (geodata/bounds.json
 * `clip`); bounds that are not four finite numbers west < east, south < north are refused too.
 * @example checkImageryBounds([108.5, 21.8, 108.6, 21.9], [107.9, 21.3, 110.1, 22.9]) // → null
 */
export function checkImageryBounds(b: readonly number[], region: Bounds): Message | null {
  const [w, s, e, n] = b;
  const fmt = (v: readonly number[]) => v.map((x) => Number(x).toFixed(4)).join(', ');
  if (
    b.length !== 4 ||
    ![w, s, e, n].every((v) => typeof v === 'number' && Number.isFinite(v)) ||
    (w as number) >= (e as number) ||
    (s as number) >= (n as number)
  )
    return msg('imagery.bounds.invalid', { bounds: fmt(b) });
  const inside =
    (w as number) >= region[0] &&
    (s as number) >= region[1] &&
    (e as number) <= region[2] &&
    (n as number) <= region[3];
  return inside ? null : msg('imagery.bounds.outside', { bounds: fmt(b), region: fmt(region) });
}
