// Messages shared by every area (requests, generic refusals).
// Codes are `common.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'common.unknownMessage': '（未翻译的消息 {code}）',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'common.unknownMessage': '(untranslated message {code})',
};
