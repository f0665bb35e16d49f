// Adopted boundaries (有相关成果河道) and works inside the river (涉水工程): src/domain/adopted,
// src/domain/works and their routes. Codes are `adopted.<what>` and `works.<what>`.

/** Chinese (zh-CN), the first language. */
export const zh = {
  'adopted.category.ecological-redline': '生态保护红线',
  'adopted.category.urban-blueline': '城市蓝线',
  'adopted.category.nature-reserve': '自然保护区',
  'adopted.category.drinking-water-source': '饮用水水源保护区',
  'adopted.category.wetland-park': '湿地公园',
  'adopted.approval.category':
    '请选择已批复边界的类别（生态保护红线、城市蓝线、自然保护区、饮用水水源保护区或湿地公园）',
  'adopted.approval.ref': '请填写批复文号',
  'adopted.approval.refTooLong': '批复文号不得超过 {max} 个字',
  'adopted.approval.date': '请填写批复日期（年-月-日）',
  'adopted.approval.future': '批复日期 {date} 晚于今天（{today}）',
  'adopted.notice.sentence': '采用已批复的{category}（{ref}，{date}）作为管理范围',
  'adopted.check.none': '没有已批复边界可核对',
  'adopted.check.noRange': '河段 {reach} 第 {n} 个要素：该河段未按标准算出管理范围，无法核对',
  'adopted.check.invalid': '河段 {reach} 第 {n} 个要素：已批复边界无效：{why}',
  'adopted.check.why': '{why}',
  'adopted.engine.twice': '河段 {reach}：采用了 {count} 个已批复边界，只能采用一个',
  'adopted.engine.approval': '河段 {reach} 第 {n} 个要素：已采用的边界缺少批复信息：{why}',
  'adopted.engine.invalid': '河段 {reach} 第 {n} 个要素：已采用的边界无效：{why}',
  'adopted.adopt.noBoundary': '{plan} 的最新版本中河段 {reach} 没有已批复边界',
  'adopted.adopt.needsReason':
    '已批复边界比标准划定的管理范围少 {parts} 处、共 {area} m²，最大不足 {max} m：须填写采用理由',
  'adopted.adopt.stale': '{plan} 已有更新的版本 {version}，请重新核对后再采用',
  'works.type.reservoir': '水库',
  'works.type.sluice': '水闸',
  'works.type.dam': '拦河坝',
  'works.type.pumping-station': '泵站',
  'works.type.hydrological-station': '水文站',
  'works.type.bridge': '桥梁',
  'works.type.wharf': '码头',
  'works.rules.type': '规则表：没有“{got}”这种涉水工程类型',
  'works.rules.range':
    '规则表：{type}的管理范围须大于 0 m、不超过 {max} m（更大的值多为单位误填；水库按校核洪水位或征地线确定），实为 {got}',
  'works.unset': '{type}「{name}」（第 {n} 个要素）：管理范围尚未设置，未计入管理范围',
  'works.range.invalid': '{type}「{name}」（第 {n} 个要素）：算出的管理范围无效：{why}',
  'works.range.refused': '{type}「{name}」（第 {n} 个要素）：{why}',
  'works.reservoir.checkFloodLevel':
    '规则按校核洪水位等高线确定{type}管理范围：须有由 DEM 和校核洪水位算出的范围面（rangeSource 为 check-flood-level）',
  'works.reservoir.landAcquisition':
    '规则按征地线确定{type}管理范围：须导入征地线范围面（rangeSource 为 land-acquisition）',
  'works.reservoir.floodParts':
    '水库「{name}」：校核洪水位淹没范围分成 {count} 块，应为与坝前相连的一块',
  'works.feature.name': '第 {n} 个要素：涉水工程须有名称，请在工程表单中填写名称',
  'works.feature.typeMissing':
    '第 {n} 个要素：涉水工程尚未选择类型，请在工程表单中选择（水库、水闸、拦河坝、泵站、水文站、桥梁或码头）',
  'works.feature.type':
    '第 {n} 个要素：涉水工程类型应为水库、水闸、拦河坝、泵站、水文站、桥梁或码头，实为 {got}',
  'works.feature.geometry': '第 {n} 个要素：涉水工程须为点、线（轴线）或面（占地范围），实为 {got}',
};

/** English, the second language. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'adopted.category.ecological-redline': 'ecological protection red line',
  'adopted.category.urban-blueline': 'city blue line',
  'adopted.category.nature-reserve': 'nature reserve',
  'adopted.category.drinking-water-source': 'drinking-water source protection zone',
  'adopted.category.wetland-park': 'wetland park',
  'adopted.approval.category':
    'choose the approved boundary’s category (ecological red line, city blue line, nature reserve, drinking-water source zone or wetland park)',
  'adopted.approval.ref': 'enter the approval reference (文号)',
  'adopted.approval.refTooLong': 'the approval reference may have at most {max} characters',
  'adopted.approval.date': 'enter the approval date (YYYY-MM-DD)',
  'adopted.approval.future': 'the approval date {date} is after today ({today})',
  'adopted.notice.sentence':
    'The approved {category} ({ref}, {date}) is adopted as the management range',
  'adopted.check.none': 'there is no approved boundary to check',
  'adopted.check.noRange':
    'reach {reach}, feature {n}: the standard gives this reach no management range to check against',
  'adopted.check.invalid': 'reach {reach}, feature {n}: the approved boundary is invalid: {why}',
  'adopted.check.why': '{why}',
  'adopted.engine.twice': 'reach {reach}: {count} approved boundaries are adopted; only one may be',
  'adopted.engine.approval':
    'reach {reach}, feature {n}: the adopted boundary lacks its approval: {why}',
  'adopted.engine.invalid': 'reach {reach}, feature {n}: the adopted boundary is invalid: {why}',
  'adopted.adopt.noBoundary':
    'the newest version of {plan} has no approved boundary in reach {reach}',
  'adopted.adopt.needsReason':
    'the approved boundary falls short of the standard’s management range in {parts} parts, {area} m² in all, by up to {max} m: a reason is required to adopt it',
  'adopted.adopt.stale': '{plan} has a newer version {version}: check again before adopting',
  'works.type.reservoir': 'reservoir',
  'works.type.sluice': 'sluice',
  'works.type.dam': 'dam',
  'works.type.pumping-station': 'pumping station',
  'works.type.hydrological-station': 'hydrological station',
  'works.type.bridge': 'bridge',
  'works.type.wharf': 'wharf',
  'works.rules.type': 'rule table: there is no work type “{got}”',
  'works.rules.range':
    'rule table: a {type}’s range must be more than 0 m and at most {max} m (larger values are usually a unit slip; a reservoir takes its check flood level or land-acquisition line), got {got}',
  'works.unset':
    '{type} “{name}” (feature {n}): its management range is not set yet and adds nothing',
  'works.range.invalid': '{type} “{name}” (feature {n}): its computed range is invalid: {why}',
  'works.range.refused': '{type} “{name}” (feature {n}): {why}',
  'works.reservoir.checkFloodLevel':
    'the rules take a {type}’s range from its check-flood-level contour: it needs the area computed from a DEM and that level (rangeSource check-flood-level)',
  'works.reservoir.landAcquisition':
    'the rules take a {type}’s range from its land-acquisition line: import that polygon (rangeSource land-acquisition)',
  'works.reservoir.floodParts':
    'reservoir “{name}”: the area under its check flood level is in {count} parts; it must be one, connected to the dam',
  'works.feature.name': 'feature {n}: a work needs a name; enter it in the work’s form',
  'works.feature.typeMissing':
    'feature {n}: the work’s type is not chosen; choose it in the work’s form (reservoir, sluice, dam, pumping station, hydrological station, bridge or wharf)',
  'works.feature.type':
    'feature {n}: a work’s type must be reservoir, sluice, dam, pumping station, hydrological station, bridge or wharf, got {got}',
  'works.feature.geometry':
    'feature {n}: a work must be a point, an axis line or a footprint polygon, got {got}',
};
