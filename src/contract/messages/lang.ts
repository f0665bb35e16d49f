// The user's language: Chinese first (zh-CN), English second. The API reads it from Accept-Language,
// the CLI from --lang or LANG, the UI from its switch.

/** A language the catalogs have. */
export type Lang = 'zh' | 'en';

/**
 * The language of an `Accept-Language` header: the best-weighted `zh*` or `en*` tag; zh-CN when
 * the header is missing or names neither.
 * @example langOfAcceptLanguage('en-GB,en;q=0.9') // 'en'
 */
export function langOfAcceptLanguage(header: string | null | undefined): Lang {
  if (!header) return 'zh';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of header.split(',')) {
    const [tag = '', ...attrs] = part.trim().toLowerCase().split(';');
    const qAttr = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
    const q = qAttr ? Number(qAttr.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const lang: Lang | null = tag.startsWith('zh') ? 'zh' : tag.startsWith('en') ? 'en' : null;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'zh';
}

/**
 * The language of a command line: `--lang zh|en` wins, then LC_ALL, LC_MESSAGES, LANG (`en_US.UTF-8`
 * → en, `zh_CN.UTF-8` → zh); Chinese otherwise. A `--lang` naming neither gives null (the caller
 * refuses it).
 * @example langOfEnv(undefined, { LANG: 'en_US.UTF-8' }) // 'en'
 */
export function langOfEnv(
  flag: string | undefined,
  env: Record<string, string | undefined>,
): Lang | null {
  if (flag !== undefined) {
    const f = flag.toLowerCase();
    if (f.startsWith('zh')) return 'zh';
    if (f.startsWith('en')) return 'en';
    return null;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en' : 'zh';
}
