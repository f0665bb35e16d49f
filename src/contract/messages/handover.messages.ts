// Messages of hand-over files: import field mapping, export names and schemas, register XLSX (issue 19).
// Codes are `handover.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {};
