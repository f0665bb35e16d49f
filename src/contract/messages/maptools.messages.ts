// Messages of the map's answers: feature properties, cursor readout, measuring, go to (issue 19).
// Codes are `maptools.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {};
