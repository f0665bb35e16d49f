// Messages of the editor's bank sides, classes and widths (issue 19).
// Codes are `lines.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {};
