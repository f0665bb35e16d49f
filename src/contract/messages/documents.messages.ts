// Messages of issue 13's documents part. Codes are `documents.<what>`; every code has both languages.

/** Chinese (zh-CN), the first language. */
export const zh = {} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {};
