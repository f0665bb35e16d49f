// Map sheets (成果图) and the coordinate-table book (src/domain/sheets, hejie sheets, the sheet routes).
// Codes are `sheets.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'sheets.input.notCollection': '输入须为 GeoJSON 要素集合（FeatureCollection）',
  'sheets.input.nothing':
    '输入中没有可制图的内容：需要管理/保护范围面、范围线（hejie zones 的输出）或界桩（hejie markers 的输出）',
  'sheets.input.notLonLat':
    '第 {n} 个要素第 {k} 个点 {coord} 不是 36–37 带范围内的经纬度（东经 106.5–112.5°、北纬 18–26°），是否为投影坐标或经纬度颠倒？',
  'sheets.input.noMarkers': '输入中没有界桩或公告牌，无法生成界桩坐标成果表',
  'sheets.option.scale': '比例尺 --scale 应为 {allowed} 之一，实为 {got}',
  'sheets.option.paper': '图纸 --paper 应为 {allowed} 之一，实为 {got}',
  'sheets.option.orientation': '方向 --orientation 应为 {allowed} 之一，实为 {got}',
  'sheets.option.title': '图名 --title 不能为空，且不超过 {max} 个字',
  'sheets.option.unit': '制图单位 --unit 不超过 {max} 个字',
  'sheets.noFont':
    '找不到可嵌入的中文字体：请安装 fonts-noto-cjk，或用环境变量 HEJIE_FONT 指定字体文件（.ttc 文件加 #PostScript 名称）',
  'sheets.wrote': '已写出 {path}（{pages} 页，{sheets} 幅图，1:{scale}，{paper}，{crs}）',
  'sheets.wroteTable': '已写出 {path}（界桩坐标成果表，{pages} 页，{rows} 个点，{crs}）',
  'sheets.crowded': '注意：有 {count} 个界桩编号无处避让，与其他注记重叠',
  'sheets.notPublished': '该计划尚未公布，没有成果图',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'sheets.input.notCollection': 'the input must be a GeoJSON FeatureCollection',
  'sheets.input.nothing':
    'nothing to map in the input: it needs management/protection zones, boundary lines (the output of hejie zones) or markers (the output of hejie markers)',
  'sheets.input.notLonLat':
    'feature {n}, point {k} {coord} is not lon/lat in zones 36–37 (106.5–112.5°E, 18–26°N): projected or swapped coordinates?',
  'sheets.input.noMarkers':
    'the input has no markers or notice boards: no coordinate table to write',
  'sheets.option.scale': '--scale must be one of {allowed}, got {got}',
  'sheets.option.paper': '--paper must be one of {allowed}, got {got}',
  'sheets.option.orientation': '--orientation must be one of {allowed}, got {got}',
  'sheets.option.title': '--title must not be empty and at most {max} characters',
  'sheets.option.unit': '--unit must be at most {max} characters',
  'sheets.noFont':
    'no Chinese font to embed: install fonts-noto-cjk, or set HEJIE_FONT to a font file (a .ttc followed by #PostScriptName)',
  'sheets.wrote': 'wrote {path} ({pages} pages, {sheets} sheets, 1:{scale}, {paper}, {crs})',
  'sheets.wroteTable':
    'wrote {path} (marker coordinate table, {pages} pages, {rows} points, {crs})',
  'sheets.crowded': 'note: {count} marker numbers found no free place and overlap other labels',
  'sheets.notPublished': 'the plan is not published: it has no sheets yet',
};
