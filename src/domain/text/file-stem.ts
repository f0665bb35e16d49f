// Names a planner types (a river, a reach, a layer choice) become file names of exports: one rule.

/** Characters no file name on Windows, macOS or Linux may hold, control characters and spaces. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const UNSAFE = /[\\/:*?"<>|\s\u0000-\u001f\u007f]+/g;
/** A leading dot hides a file; a leading sign makes a formula of a spreadsheet cell or an option. */
const UNSAFE_START = /^[.\-=+@]+/;
/** Most characters of a stem: the format's suffix and extension still fit in 255 bytes. */
const MAX_STEM = 80;

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
