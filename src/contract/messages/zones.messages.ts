// The zone engine: reaches, lines, widths, rule tables (src/domain/zones).
// Codes are `zones.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'zones.role.toeLeft': '左岸堤脚线',
  'zones.role.toeRight': '右岸堤脚线',
  'zones.role.bankLeft': '左岸岸线',
  'zones.role.bankRight': '右岸岸线',
  'zones.role.water': '水面',
  'zones.role.approved': '已批复边界',
  'zones.side.left': '左岸',
  'zones.side.right': '右岸',
  'zones.kind.management': '管理范围',
  'zones.kind.protection': '堤防安全保护区',
  'zones.noGeometry': '无几何',
  'zones.input.notCollection': '输入须为 GeoJSON 要素集合（FeatureCollection）',
  'zones.input.noReach': '输入中没有河段',
  'zones.reach.banks':
    '河段 {reach}：须有且仅有一条左岸线（左岸堤脚线或左岸岸线）和一条右岸线，现有左岸 {left} 条、右岸 {right} 条',
  'zones.feature.noReach': '第 {n} 个要素：缺少河段编号（属性 reach）',
  'zones.feature.badRole': '第 {n} 个要素（河段 {reach}）：role 应为 {roles} 之一，实为 {got}',
  'zones.feature.waterNotPolygon':
    '第 {n} 个要素（河段 {reach}）：水面须为面（Polygon），实为 {got}',
  'zones.feature.approvedNotPolygon':
    '第 {n} 个要素（河段 {reach}）：已批复边界须为面（Polygon），实为 {got}',
  'zones.feature.notLonLat':
    '第 {n} 个要素（河段 {reach}）：坐标 {coord} 不是以度为单位的经纬度（CGCS2000）',
  'zones.feature.notLineString':
    '第 {n} 个要素（河段 {reach}）：{role}须为线（LineString），实为 {got}',
  'zones.feature.tooFewPoints':
    '第 {n} 个要素（河段 {reach}）：{role}至少需要 2 个不重合的点，现有 {count} 个',
  'zones.feature.notMetres': '第 {n} 个要素（河段 {reach}）：{key} 须为以米计的数值，实为 {got}',
  'zones.feature.noClass':
    '第 {n} 个要素（河段 {reach}）：{role}须注明堤防级别 embankmentClass（1–5，5 表示 4 级以下），实为 {got}',
  'zones.feature.protectionOnBank':
    '第 {n} 个要素（河段 {reach}）：保护区宽度 protectionM 仅适用于有堤防的岸（堤脚线），不适用于{role}',
  'zones.width.bankOutOfRange':
    '河段 {reach} {role}：岸线外延宽度应为 {min}–{max} m，实为 {got} m（{rule}）',
  'zones.width.outOfRange':
    '河段 {reach} {role}：{class}堤防护堤地宽度应为 {min}–{max} m，实为 {got} m（{rule} {version}）',
  'zones.width.protectionOutOfRange':
    '河段 {reach} {role}：堤防安全保护区宽度应为 {min}–{max} m，实为 {got} m（{rule} {version}）',
  'zones.crossesZoneLine':
    '河段 {reach} 跨越东经 {lon}°（3° 带分界线）：按其中心所在的 {crs} 计算，分界线另一侧部分按延伸带计算',
  'zones.water.invalid': '河段 {reach}：第 {n} 个水面多边形无效：{why}',
  'zones.zone.invalid': '河段 {reach}：计算所得{kind}无效（{why}），请检查输入线',
  'zones.line.selfCrossing': '河段 {reach}：{side}线自相交',
  'zones.lines.cross': '河段 {reach}：左、右岸线相交或接触',
  'zones.lines.opposite': '河段 {reach}：左、右岸线方向相反，请均按上游 → 下游绘制',
  'zones.lines.swapped':
    '河段 {reach}：左岸线位于右岸线右侧（顺线方向看），左右岸颠倒，或两线均按下游 → 上游绘制',
  'zones.corridor.invalid': '河段 {reach}：两岸线围成的河道范围无效：{why}',
  'zones.draft.noLines': '工作副本中还没有线',
  'zones.cannotCompute': '版本 {version} 无法计算：{reason}',
  'zones.cannotPublish': '无法公告：{reason}',
  'zones.noGeometryYet': '计划 {plan} 尚未保存任何几何版本',
  'zones.warning': '警告：{text}',
  'zones.worker.engineLoad': '计算引擎无法加载：{reason}',
  'zones.worker.failed': '计算失败：{reason}',
  'zones.worker.crashed': '计算线程出错：{reason}',
  'zones.worker.couldNotStart': '计算线程无法启动',
  'zones.worker.unreadable': '计算线程发来的消息无法读取',
  'zones.worker.timeout': '计算引擎未能在 {s} 秒内加载',
  'zones.coordinatesNotPublic': '计划 {plan} 的坐标不公开',
  'zones.notPublished': '计划 {plan} 尚未公告',
  'zones.rules.needsId': '划定标准表须有编号（id）和版本（version）',
  'zones.rules.range': '{what}：宽度范围须满足 0 ≤ 最小值 ≤ 最大值 ≤ 500 m，实为 {got}',
  'zones.rules.what.toe': '{class}堤防护堤地宽度',
  'zones.class.n': '{n} 级',
  'zones.class.below4': '4 级以下',
  'zones.rules.what.protection': '堤防安全保护区宽度',
  'zones.rules.what.bank': '无堤防河段岸线外延宽度',
  'zones.rules.what.overrideToe': '第 {n} 条特别规定的{class}堤防护堤地宽度',
  'zones.rules.what.overrideProtection': '第 {n} 条特别规定的堤防安全保护区宽度',
  'zones.rules.what.overrideBank': '第 {n} 条特别规定的岸线管理范围宽度',
  'zones.rules.overridePlace': '第 {n} 条特别规定须指明适用的县区或河流',
  'zones.rules.invalid': '划定标准表的 {field} 取值无效',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'zones.role.toeLeft': 'toe-left',
  'zones.role.toeRight': 'toe-right',
  'zones.role.bankLeft': 'bank-left',
  'zones.role.bankRight': 'bank-right',
  'zones.role.approved': 'approved boundary',
  'zones.role.water': 'water',
  'zones.side.left': 'left',
  'zones.side.right': 'right',
  'zones.kind.management': 'management',
  'zones.kind.protection': 'protection',
  'zones.noGeometry': 'no geometry',
  'zones.input.notCollection': 'input must be a GeoJSON FeatureCollection',
  'zones.input.noReach': 'the input has no reach',
  'zones.reach.banks':
    'reach {reach}: needs exactly one left line (toe-left or bank-left) and one right line, found {left} left and {right} right',
  'zones.feature.noReach': 'feature {n}: property "reach" (the reach id) is required',
  'zones.feature.badRole': 'feature {n} (reach {reach}): role must be one of {roles}, got {got}',
  'zones.feature.waterNotPolygon':
    'feature {n} (reach {reach}): a water surface must be a Polygon, got {got}',
  'zones.feature.approvedNotPolygon':
    'feature {n} (reach {reach}): an approved boundary must be a Polygon, got {got}',
  'zones.feature.notLonLat':
    'feature {n} (reach {reach}): coordinate {coord} is not lon/lat in degrees (CGCS2000)',
  'zones.feature.notLineString':
    'feature {n} (reach {reach}): {role} must be a LineString, got {got}',
  'zones.feature.tooFewPoints':
    'feature {n} (reach {reach}): {role} needs at least 2 distinct points, has {count}',
  'zones.feature.notMetres':
    'feature {n} (reach {reach}): {key} must be a number of metres, got {got}',
  'zones.feature.noClass':
    'feature {n} (reach {reach}): {role} needs embankmentClass 1–5 (5 = below class 4), got {got}',
  'zones.feature.protectionOnBank':
    'feature {n} (reach {reach}): protectionM applies to embanked banks (toe lines) only, not to {role}',
  'zones.width.bankOutOfRange':
    'reach {reach}, {role}: margin {got} m is outside {min}–{max} m allowed for bank lines ({rule})',
  'zones.width.outOfRange':
    'reach {reach}, {role}: width {got} m is outside {min}–{max} m allowed for {class} embankments ({rule} {version})',
  'zones.width.protectionOutOfRange':
    'reach {reach}, {role}: protection width {got} m is outside {min}–{max} m ({rule} {version})',
  'zones.crossesZoneLine':
    'reach {reach} crosses {lon}°E: computed in {crs} (the zone of its centre); the part beyond the zone line is in the extended zone',
  'zones.water.invalid': 'reach {reach}: water polygon {n} is invalid: {why}',
  'zones.zone.invalid':
    'reach {reach}: the computed {kind} zone is invalid ({why}); check the input lines',
  'zones.line.selfCrossing': 'reach {reach}: the {side} line crosses itself',
  'zones.lines.cross': 'reach {reach}: the left and right lines cross or touch',
  'zones.lines.opposite':
    'reach {reach}: the left and right lines run in opposite directions; draw both upstream → downstream',
  'zones.lines.swapped':
    'reach {reach}: the left line lies right of the right line (looking along the lines); the banks are swapped, or both lines are drawn downstream → upstream',
  'zones.corridor.invalid': 'reach {reach}: the banks do not enclose a valid corridor: {why}',
  'zones.draft.noLines': 'the working copy has no lines',
  'zones.cannotCompute': 'version {version} does not compute: {reason}',
  'zones.cannotPublish': 'cannot publish: {reason}',
  'zones.noGeometryYet': '{plan} has no saved geometry yet',
  'zones.warning': 'warning: {text}',
  'zones.worker.engineLoad': 'the zone engine could not load: {reason}',
  'zones.worker.failed': 'the computation failed: {reason}',
  'zones.worker.crashed': 'the compute worker failed: {reason}',
  'zones.worker.couldNotStart': 'the compute worker failed: it could not start',
  'zones.worker.unreadable': 'the compute worker sent a message that could not be read',
  'zones.worker.timeout': 'the zone engine did not load within {s} s',
  'zones.coordinatesNotPublic': 'the coordinates of {plan} are not public',
  'zones.notPublished': '{plan} has not been published',
  'zones.rules.needsId': 'rule table needs an id and a version',
  'zones.rules.range': '{what}: range must satisfy 0 ≤ min ≤ max ≤ 500 m, got {got}',
  'zones.rules.what.toe': 'toe, {class}',
  'zones.class.n': 'class {n}',
  'zones.class.below4': 'below class 4',
  'zones.rules.what.protection': 'protection',
  'zones.rules.what.bank': 'bank',
  'zones.rules.what.overrideToe': 'override {n} toe, {class}',
  'zones.rules.what.overrideProtection': 'override {n} protection',
  'zones.rules.what.overrideBank': 'override {n} bank',
  'zones.rules.overridePlace': 'override {n}: name a county or a river',
  'zones.rules.invalid': 'rules {field}: invalid value',
};
