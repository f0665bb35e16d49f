// Finds English sentences left in Chinese text: three or more English words in a row, at least one
// of them lower-case. Placeholders ({reach}), upper-case terms (EPSG, GK, UTF-8), tokens with digits
// (CGCS2000, 50286-2013) and file names break a run, so terms and codes pass.

const WORD = /^[A-Za-z][a-z]*(?:[-'][A-Za-z]+)*$/;
const TERM = /^[A-Z0-9]{2,}$/;

/**
 * The English runs in a Chinese string.
 * @example englishSentences('河段 {r}: the left line crosses itself') // ['the left line crosses itself']
 */
export function englishSentences(text: string): string[] {
  const tokens = text
    .replace(/\{\w+\}/g, ' | ')
    .split(/(\s+|[^A-Za-z0-9'\-\s.]+)/)
    .filter((t) => t.trim() !== '');
  const found: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 3 && run.some((w) => w === w.toLowerCase())) found.push(run.join(' '));
    run = [];
  };
  for (const raw of tokens) {
    const t = raw.replace(/[.,]+$/, '');
    if (WORD.test(t) && !TERM.test(t)) run.push(t);
    else flush();
  }
  flush();
  return found;
}
