// Messages of hand-over files: import field mapping, export names and schemas, register XLSX (issue 19).
// Codes are `handover.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'handover.cli.schemaOneOf':
    '--schema 只能是以下之一：{list}（zh：中文字段名和取值，默认；en：内部英文字段）',
  'handover.cli.versionNumber': '--version 应为正整数（版本号），实为“{got}”',
  'handover.mapping.unknownClass': '“{value}”不是堤防级别（应为 1–5 级，如 3、三级、Ⅲ、3级）',
  'handover.mapping.unknownSide': '“{value}”不是岸别（应为 左岸/右岸、左/右、L/R）',
  'handover.mapping.unknownRole': '“{value}”看不出是哪种线（应含 堤脚线、临水线、岸线 或 水域）',
  'handover.mapping.noSide': '“{value}”没有说明左岸还是右岸，请另指定岸别字段',
  'handover.mapping.notWidth': '“{value}”不是以米计的宽度（应为正数）',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'handover.cli.schemaOneOf':
    '--schema must be one of {list} (zh: Chinese field names and values, the default; en: the internal English fields)',
  'handover.cli.versionNumber':
    '--version must be a positive whole number (a version), not "{got}"',
  'handover.mapping.unknownClass':
    '"{value}" is not an embankment class (expected 1–5, e.g. 3, 三级, Ⅲ, 3级)',
  'handover.mapping.unknownSide':
    '"{value}" is not a bank (expected 左岸/右岸, 左/右, L/R, left/right)',
  'handover.mapping.unknownRole':
    '"{value}" does not say which line it is (expected 堤脚线, 临水线, 岸线 or 水域 in it)',
  'handover.mapping.noSide': '"{value}" does not say left or right bank; map a bank field as well',
  'handover.mapping.notWidth': '"{value}" is not a width in metres (expected a positive number)',
};
