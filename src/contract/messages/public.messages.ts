// Messages of the public river page and notice: map status, counties, reach ends, counts (issue 19).
// Codes are `public.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {};
