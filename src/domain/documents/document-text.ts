// Small pieces of wording shared by the documents: dates, lengths, banks and the widths a
// publication actually used (read from its zones, never restated from a rule table).
import type { FeatureCollection } from 'geojson';

/** 左岸 / 右岸 */
export const BANK_NAME = { left: '左岸', right: '右岸' } as const;

/**
 * A China date in words.
 * @example chineseDate('2026-12-03') // '2026年12月3日'
 */
export function chineseDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * Metres as kilometres with three decimals.
 * @example km(1234.5) // '1.235'
 */
export function km(m: number): string {
  return (m / 1000).toFixed(3);
}

/** The widths one bank of a reach was delineated with. */
export interface BankWidthUsed {
  kind: 'toe' | 'bank';
  embankmentClass: number | null;
  widthM: number;
  protectionM: number | null;
}

/**
 * The widths each reach's bank was computed with, from the management zones' properties, keyed
 * `reach|bank`.
 * @example widthsUsed(publication.zones).get('QJ-A|left')?.widthM // 30
 */
export function widthsUsed(zones: FeatureCollection): Map<string, BankWidthUsed> {
  const out = new Map<string, BankWidthUsed>();
  for (const f of zones.features) {
    const p = f.properties ?? {};
    if (p.kind !== 'management' || typeof p.reach !== 'string') continue;
    for (const bank of ['left', 'right'] as const) {
      const widthM = p[`${bank}WidthM`];
      if (typeof widthM !== 'number') continue;
      const cls = p[`${bank}Class`];
      const protection = p[`${bank}ProtectionM`];
      out.set(`${p.reach}|${bank}`, {
        kind: p[`${bank}Kind`] === 'bank' ? 'bank' : 'toe',
        embankmentClass: typeof cls === 'number' ? cls : null,
        widthM,
        protectionM: typeof protection === 'number' ? protection : null,
      });
    }
  }
  return out;
}

/**
 * How far the management range reaches beyond the line it is measured from, in words.
 * @example beyondLine({ kind: 'toe', embankmentClass: 2, widthM: 30, protectionM: 30 }) // '堤防背水坡脚线外延30米'
 */
export function beyondLine(w: BankWidthUsed): string {
  return w.kind === 'toe' ? `堤防背水坡脚线外延${w.widthM}米` : `岸线外延${w.widthM}米`;
}
