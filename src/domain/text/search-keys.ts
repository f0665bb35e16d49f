/** Pinyin of a Chinese string: full syllables and initials, both lower case without tones. */
export interface Pinyin {
  full: string;
  initials: string;
}

/**
 * The text a record is searched by: its parts, then the pinyin of the Chinese ones, lower-cased,
 * separated by a `|` that no query can span. The pinyin converter is passed in so that the domain
 * stays free of the dictionary (the server has it, the browser need not).
 * @example searchKeys(['钦江', '高朴'], toPinyin) // '钦江|高朴|qinjiang|qj|gaopu|gp'
 */
export function searchKeys(parts: readonly string[], pinyin?: (text: string) => Pinyin): string {
  const texts = parts.map((p) => p.trim()).filter(Boolean);
  const keys = [...texts];
  if (pinyin) {
    for (const t of texts) {
      if (!/[\u4e00-\u9fff]/.test(t)) continue;
      const p = pinyin(t);
      keys.push(p.full, p.initials);
    }
  }
  return [...new Set(keys.map(normalize))].join('|');
}

/**
 * Whether every word of a query occurs in the keys (case and spaces ignored within a word).
 * @example matchesQuery('钦江|qj', 'QJ') // true
 */
export function matchesQuery(keys: string, query: string): boolean {
  const words = query
    .split(/[\s,，、]+/)
    .map(normalize)
    .filter(Boolean);
  return words.every((w) => keys.includes(w));
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s（）()·]/g, '');
}
