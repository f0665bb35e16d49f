// What a 成果图 sheet prints of the imagery under its map (the sheets are Chinese documents).

/**
 * The imagery's credit on a sheet: name, source and date; an unknown source or date says so.
 * @example sheetCredit({ name: '2024 年 DOM', source: null, date: '2024-05' }) // '2024 年 DOM（来源尚未设置，2024-05）'
 */
export function sheetCredit(layer: {
  name: string;
  source: string | null;
  date: string | null;
}): string {
  return `${layer.name}（${layer.source ?? '来源尚未设置'}，${layer.date ?? '日期不详'}）`;
}
