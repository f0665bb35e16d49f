// Messages of the admin console (管理) and the settings a publication needs (issue 19).
// Codes are `admin.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {};
