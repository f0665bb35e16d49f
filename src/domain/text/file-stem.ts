// Names a planner types (a river, a reach, a layer choice) become file names of exports: one rule.
import type { CrsCode } from '../crs/crs';

/** Characters no file name on Windows, macOS or Linux may hold, control characters and spaces. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const UNSAFE = /[\\/:*?"<>|\s\u0000-\u001f\u007f]+/g;
/** A leading dot hides a file; a leading sign makes a formula of a spreadsheet cell or an option. */
const UNSAFE_START = /^[.\-=+@]+/;
/** Most characters of a stem: the format's suffix and extension still fit in 255 bytes. */
const MAX_STEM = 80;
/** China Standard Time, UTC+8 all year: the date a hand-over file carries is the bureau's date. */
const CHINA_OFFSET_MS = 8 * 3600_000;

/**
 * A file name stem from user text: path separators, reserved and control characters and spaces
 * become `-`, leading dots and formula signs are dropped, at most 80 characters; `fallback` when
 * nothing is left.
 * @example fileStem('=HYPERLINK("x")/../a b') // 'HYPERLINK(-x-)-..-a-b'
 */
export function fileStem(text: string, fallback = 'export'): string {
  const stem = Array.from(text.replace(UNSAFE, '-').replace(UNSAFE_START, ''))
    .slice(0, MAX_STEM)
    .join('');
  return stem === '' ? fallback : stem;
}

/**
 * The date of a moment in China time as `YYYYMMDD`.
 * @example chinaDate(new Date('2026-12-02T17:00:00Z')) // '20261203'
 */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/** What a hand-over file's name says: river (or area), content, version, CRS and date. */
export interface DeliverableNaming {
  /** the river's name (钦江) or the area a table covers (钦州市) */
  river: string;
  /** what is in it: 管理范围, 界桩+公告牌, 管理范围坐标表CSV, 计划表 */
  content: string;
  /** the saved version it comes from; null: an unsaved draft (草稿); absent: not versioned */
  version?: number | null;
  /** the CRS of its coordinates; absent for files without coordinates */
  crs?: CrsCode;
  /** when it was made (its China date is printed) */
  at: Date;
}

/**
 * The stem of every hand-over file (exports of the draft, the CLI, the register table): river,
 * content, version, CRS and China date, each made safe by `fileStem`, joined by `_`.
 * @example deliverableStem({ river: '钦江', content: '管理范围', version: 3, crs: 'EPSG:4545', at }) // '钦江_管理范围_v3_EPSG4545_20261202'
 */
export function deliverableStem(n: DeliverableNaming): string {
  const version = n.version === undefined ? [] : [n.version === null ? '草稿' : `v${n.version}`];
  const crs = n.crs === undefined ? [] : [n.crs.replace(':', '')];
  return [
    fileStem(n.river, 'river'),
    fileStem(n.content),
    ...version,
    ...crs,
    chinaDate(n.at),
  ].join('_');
}
