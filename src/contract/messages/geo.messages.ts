// What a saved plan version must satisfy (src/domain/geo/check-features.ts).
// Codes are `geo.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'geo.outsideRegion':
    '要素 {feature}（河段 {reach}）：坐标 {lon}°E {lat}°N 超出本系统的适用范围（{west}–{east}°E，{south}–{north}°N），请检查坐标系与带号',
  'geo.tooManyVertices':
    '要素 {feature}（河段 {reach}）：一条线有 {count} 个节点，超过上限 {max} 个，请抽稀或分段后再保存',
  'geo.tooDeep': '要素 {feature}（河段 {reach}）：属性嵌套 {depth} 层，超过上限 {max} 层',
  'geo.region.syntax':
    'HEJIE_REGION 应为“西,南,东,北”四个经纬度（西 < 东，南 < 北），而不是“{got}”',
  'geo.region.unsupported':
    'HEJIE_REGION“{got}”超出本系统支持的范围（CGCS2000 3° 带 36–37 带：{west}–{east}°E，{south}–{north}°N）',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'geo.outsideRegion':
    'feature {feature} (reach {reach}): position {lon}°E {lat}°N is outside the region this deployment serves ({west}–{east}°E, {south}–{north}°N); check the CRS and zone',
  'geo.tooManyVertices':
    'feature {feature} (reach {reach}): a line has {count} vertices, more than the limit of {max}; simplify it or split the reach before saving',
  'geo.tooDeep':
    'feature {feature} (reach {reach}): properties nest {depth} levels deep, more than the limit of {max}',
  'geo.region.syntax':
    'HEJIE_REGION must be west,south,east,north in degrees (west < east, south < north), not "{got}"',
  'geo.region.unsupported':
    'HEJIE_REGION "{got}" reaches outside the supported area (CGCS2000 3° zones 36–37: {west}–{east}°E, {south}–{north}°N)',
};
