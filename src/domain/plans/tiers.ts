import type { YearMonth } from './deadline';
import { monthKey } from './deadline';

/** A deadline tier of the plan (二、（二）目标任务). */
export interface Tier {
  key: string;
  zh: string;
  en: string;
}

/** The four deadline tiers the 2019 plan sets. */
export const TIERS: readonly Tier[] = [
  { key: '2019-10', zh: '2019年10月 · 示范试点', en: 'Oct 2019 · pilot' },
  {
    key: '2019-12',
    zh: '2019年12月 · 市领导河长及千平方公里以上河流',
    en: 'Dec 2019 · city-chief rivers and basins over 1,000 km²',
  },
  { key: '2020-12', zh: '2020年12月 · 县级河长', en: 'Dec 2020 · county-chief waters' },
  {
    key: '2021-12',
    zh: '2021年12月 · 任务较轻的农村河湖',
    en: 'Dec 2021 · light-duty rural waters',
  },
];

/**
 * The tier of a deadline; a month the plan does not name gets a tier of its own.
 * @example tierOf({ year: 2020, month: 12 }).key // '2020-12'
 */
export function tierOf(deadline: YearMonth): Tier {
  const key = monthKey(deadline);
  return (
    TIERS.find((t) => t.key === key) ?? {
      key,
      zh: `${deadline.year}年${deadline.month}月`,
      en: `${deadline.year}-${String(deadline.month).padStart(2, '0')}`,
    }
  );
}
