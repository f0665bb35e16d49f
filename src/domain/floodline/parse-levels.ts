import { type Message, msg } from '../message';
import { parseCsv } from '../text/csv';
import type { LevelPoint } from './water-levels';

const CHAINAGE = ['chainage', '里程'];
const LEVEL = ['level', '水位'];

/**
 * Reads a levels table: a header with `chainage,level` (or `里程,水位`, in any order, other columns
 * ignored), then one cross-section per row, metres. Every bad row is reported with its line number.
 * @example parseLevels('chainage,level\n0,12.5\n1000,12.1') // { ok: true, levels: [{ chainage: 0, level: 12.5 }, …] }
 */
export function parseLevels(
  text: string,
  file: string,
): { ok: true; levels: LevelPoint[] } | { ok: false; errors: Message[] } {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, errors: [msg('floodline.levels.csv', { file })] };
  const rows = parsed.rows;
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const ci = header.findIndex((h) => CHAINAGE.includes(h));
  const li = header.findIndex((h) => LEVEL.includes(h));
  if (ci < 0 || li < 0) return { ok: false, errors: [msg('floodline.levels.header', { file })] };
  const levels: LevelPoint[] = [];
  const errors: Message[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as string[];
    if (row.every((c) => c.trim() === '')) continue;
    const c = Number((row[ci] ?? '').trim());
    const l = Number((row[li] ?? '').trim());
    const bad = (row[ci] ?? '').trim() === '' || !Number.isFinite(c) || c < 0;
    const badL = (row[li] ?? '').trim() === '' || !Number.isFinite(l);
    if (bad || badL) {
      errors.push(
        msg('floodline.levels.row', {
          file,
          line: i + 1,
          value: bad ? (row[ci] ?? '') : (row[li] ?? ''),
        }),
      );
    } else levels.push({ chainage: c, level: l });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (levels.length === 0) return { ok: false, errors: [msg('floodline.levels.empty', { file })] };
  return { ok: true, levels };
}
