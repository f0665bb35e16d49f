// Messages of issue 13's documents part. Codes are `documents.<what>`; every code has both languages.

/** Chinese (zh-CN), the first language. */
export const zh = {
  'documents.notPublished': '计划 {plan} 尚未公告，没有公告文件、公告牌或归档',
  'documents.noFont':
    '服务器没有可用的中文字体，无法生成 PDF：请安装 fonts-noto-cjk，或用环境变量 HEJIE_FONT 指定字体文件',
  'documents.noBoard': '计划 {plan} 的公告中没有编号为 {number} 的公告牌',
  'documents.noBoards': '计划 {plan} 的公告中没有公告牌',
  'documents.fullTier': '查看含界桩坐标的公告',
  'documents.archive': '下载计划 {plan} 的归档',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'documents.notPublished': '{plan} has not been published: there is no notice, board or archive',
  'documents.noFont':
    'the server has no Chinese font, so it cannot make PDFs: install fonts-noto-cjk or name a font file in HEJIE_FONT',
  'documents.noBoard': 'the publication of {plan} has no notice board numbered {number}',
  'documents.noBoards': 'the publication of {plan} has no notice boards',
  'documents.fullTier': 'read the notice with the boundary markers’ coordinates',
  'documents.archive': 'download the archive of {plan}',
};
