import { pinyin } from 'pinyin-pro';
import type { Pinyin } from '../domain/text/search-keys';

/** Full pinyin and initials without tones, e.g. 钦江 → { full: 'qinjiang', initials: 'qj' }. */
export function toPinyin(text: string): Pinyin {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' });
  return {
    full: syllables.join(''),
    initials: syllables.map((s) => s.charAt(0)).join(''),
  };
}
