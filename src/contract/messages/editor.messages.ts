// The planner's editor checks (src/domain/editor).
// Codes are `editor.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'editor.problem.roleMissing': '尚未设置类型（堤脚线、岸线或水域）。',
  'editor.problem.roleLine': '水域必须是面，这是一条线。',
  'editor.problem.rolePolygon': '这是一个面，只能作为水域。',
  'editor.problem.rolePoint': '这是一个点，只能作为涉水工程（如泵站、水文站）。',
  'editor.problem.classMissing': '堤脚线需要堤防级别。',
  'editor.problem.notNumber': '{field}不是以米计的数值：{value}。',
  'editor.problem.toeOnly': '岸线不设保护范围（{v} m）：保护范围只用于有堤防的堤脚线。',
  'editor.problem.widthToe': '宽度 {v} m 超出 {cls}堤防护堤地宽度 {range}（{rule}）',
  'editor.problem.widthBank': '宽度 {v} m 超出岸线外延宽度 {range}（{rule}）',
  'editor.problem.protection': '保护范围宽度 {v} m 超出堤防安全保护区宽度 {range}（{rule}）',
  'editor.field.width': '宽度',
  'editor.field.protection': '保护范围宽度',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'editor.problem.roleMissing': 'No role yet (toe line, bank line or water).',
  'editor.problem.roleLine': 'Water must be a polygon; this is a line.',
  'editor.problem.rolePolygon': 'This is a polygon: it can only be water.',
  'editor.problem.rolePoint':
    'This is a point: it can only be a work inside the river (a pumping station, a gauging station…).',
  'editor.problem.classMissing': 'A toe line needs its embankment class.',
  'editor.problem.notNumber': '{field} is not a number of metres: {value}.',
  'editor.problem.toeOnly':
    'A bank line has no protection width ({v} m): protection applies to embanked toe lines only.',
  'editor.problem.widthToe':
    'Width {v} m is outside the {cls} embankment toe margin {range} ({rule})',
  'editor.problem.widthBank': 'Width {v} m is outside the bank margin {range} ({rule})',
  'editor.problem.protection':
    'Protection width {v} m is outside the embankment protection zone {range} ({rule})',
  'editor.field.width': 'Width',
  'editor.field.protection': 'Protection width',
};
