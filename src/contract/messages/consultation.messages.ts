// Messages of issue 13's consultation part. Codes are `consultation.<what>`; every code has both languages.

/** Chinese (zh-CN), the first language. */
export const zh = {
  'consultation.reply.textNeeded': '选择“有意见”时须填写意见内容',
  'consultation.reply.pinBoth': '标注位置须同时给出经度和纬度',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'consultation.reply.textNeeded': 'an objection needs its text',
  'consultation.reply.pinBoth': 'a pin needs both longitude and latitude',
};
