// Boundary markers and notice boards (src/domain/markers).
// Codes are `markers.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'markers.line.management': '管理范围线',
  'markers.line.protection': '保护范围线',
  'markers.bank.left': '左岸',
  'markers.bank.right': '右岸',
  'markers.where': '第 {n} 个要素（河段 {reach} {bank}{line}）',
  'markers.whereNoReach': '第 {n} 个要素（{line}）',
  'markers.input.notCollection': '输入须为 GeoJSON 要素集合（FeatureCollection）',
  'markers.input.noLines':
    '输入中没有界线（kind 为 "management-line" 或 "protection-line" 的 LineString 要素），请先运行 hejie zones',
  'markers.line.noReach': '{where}：缺少河段编号（属性 reach）',
  'markers.line.badBank': '{where}：bank 应为 "left" 或 "right"',
  'markers.line.notLineString':
    '{where}：为 {got}；界桩需要每个河段、每种界线、每岸各一条 LineString 线',
  'markers.line.tooFewPoints': '{where}：线至少需要 2 个点，现有 {count} 个',
  'markers.line.notLonLat':
    '{where}：第 {k} 个点 {coord} 不是 36–37 带范围内（东经 106.5–112.5°、北纬 18–26°）的经纬度，是否为投影坐标或经纬度颠倒？',
  'markers.line.badCrs':
    '{where}：crs {crs} 不是高斯-克吕格 36/37 带的代码（EPSG:4545、4546、4524、4525）',
  'markers.line.badReachCode': '{where}：河段代码 reachCode {got} 只能由字母和数字组成',
  'markers.line.duplicate':
    '{where}：与第 {first} 个要素为同一条线；每个河段、每种界线、每岸只能有一条',
  'markers.line.tooShort': '{where}：长 {length} m，短于两端界桩之间的最小间距 {minGap} m',
  'markers.reach.twoCodes': '河段 {reach}：各线的河段代码不一致（{a} 与 {b}）',
  'markers.reach.sameCode':
    '河段 {a} 与 {b} 的界桩编号都将以 {code} 开头，请为其中之一指定河段代码 reachCode',
  'markers.option.outOfRange': '{flag}（{key}）应为 {min}–{max}{unit}，实为 {got}',
  'markers.edit.noMarker': '没有编号为 {id} 的界桩',
  'markers.edit.outsideZones': '界桩 {id}：{lon}, {lat} 不在 36–37 带范围内',
  'markers.edit.noLine': '界桩 {id}：河段 {reach} {bank}没有{line}',
  'markers.nearest.noPosition': '当前位置没有有效的经纬度',
  'markers.nearest.notLonLat': '位置 {lon}, {lat} 不是有效的经纬度',
  'markers.nearest.noMarkers': '草稿中没有界桩',
  'markers.nearest.tooFar':
    '当前位置（{lon}°E）离界桩所在投影带（{crs}，中央子午线 {cm}°E）太远，无法在该带内量算',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'markers.line.management': 'management',
  'markers.line.protection': 'protection',
  'markers.bank.left': 'left',
  'markers.bank.right': 'right',
  'markers.where': 'feature {n} (reach {reach}, {line} line {bank})',
  'markers.whereNoReach': 'feature {n} ({line} line)',
  'markers.input.notCollection': 'input must be a GeoJSON FeatureCollection',
  'markers.input.noLines':
    'the input has no boundary lines (LineString features with kind "management-line" or "protection-line"); run `hejie zones` first',
  'markers.line.noReach': '{where}: no reach id (property "reach")',
  'markers.line.badBank': '{where}: bank must be "left" or "right"',
  'markers.line.notLineString':
    '{where}: a {got}; markers need one LineString per reach, line and bank',
  'markers.line.tooFewPoints': '{where}: a line needs at least 2 points, found {count}',
  'markers.line.notLonLat':
    '{where}: point {k} {coord} is not lon/lat in zones 36–37 (106.5–112.5°E, 18–26°N); projected or swapped coordinates?',
  'markers.line.badCrs':
    '{where}: crs {crs} is not a Gauss-Krüger zone 36/37 code (EPSG:4545, 4546, 4524, 4525)',
  'markers.line.badReachCode': '{where}: reachCode {got} must be letters and digits only',
  'markers.line.duplicate':
    '{where}: the same line as feature {first}; one line per reach, line kind and bank',
  'markers.line.tooShort':
    '{where}: {length} m long, shorter than the {minGap} m minimum gap between its two end markers',
  'markers.reach.twoCodes': 'reach {reach}: lines carry different reach codes {a} and {b}',
  'markers.reach.sameCode':
    'reaches {a} and {b} would both be numbered {code}; give one a reachCode property',
  'markers.option.outOfRange': '{flag} ({key}) must be between {min} and {max}{unit}, got {got}',
  'markers.edit.noMarker': 'no marker {id}',
  'markers.edit.outsideZones': 'marker {id}: {lon}, {lat} is outside zones 36–37',
  'markers.edit.noLine': 'marker {id}: no {line} line on the {bank} bank of reach {reach}',
  'markers.nearest.noPosition': 'the position has no valid longitude and latitude',
  'markers.nearest.notLonLat': 'the position {lon}, {lat} is not a longitude and latitude',
  'markers.nearest.noMarkers': 'the draft has no boundary markers',
  'markers.nearest.tooFar':
    "the position ({lon}°E) is too far from the markers' zone ({crs}, central meridian {cm}°E) to measure in it",
};
