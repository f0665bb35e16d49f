// The register and the plan routes' requests (GET /api/plans, rivers, map files), and answers the
// browser cannot read.
// Codes are `register.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'register.noRiver': '没有名为“{id}”的河流',
  'register.lonLatTogether': '经度与纬度须同时给出',
  'register.planAndDraftTogether': 'plan 与 version=draft 须同时给出',
  'register.tileAddress': '瓦片地址应为 /tiles/base/{z}/{x}/{y}.pbf，且 0 ≤ x, y < 2^z，z ≤ 22',
  'register.noMapFile': '没有地图文件“{file}”',
  'register.mapFileMissing': '地图文件“{file}”缺失，请重新生成地图数据',
  'register.badPath': '路径不是有效的百分号编码 UTF-8',
  'register.internal': '服务器内部错误，请查看服务器日志',
  'register.badAnswer': '服务器对 {path} 的应答格式不符（{field}），请刷新页面或联系管理员',
  'register.csv.header': '表头应为：{columns}',
  'register.csv.line': '第 {line} 行：{why}',
  'register.csv.duplicateId': '编号“{id}”重复',
  'register.csv.fieldCount': '应有 {expected} 列，实有 {found} 列',
  'register.csv.id': '编号“{id}”应形如 city-01 或 county-01',
  'register.csv.level': '级别应为 市级 或 县级，实为“{level}”',
  'register.csv.seq': '序号应为整数，实为“{seq}”',
  'register.csv.basinArea': '流域面积（basinAreaKm2）应为正数或留空，实为“{area}”',
  'register.csv.required': '江河名称、河长、责任单位、责任领导和河流编号（riverId）必须填写',
  'register.csv.deadline': '完成时间应形如 2019年10月，实为“{deadline}”',
  'register.csv.unit': '责任单位“{unit}”不属于钦州市任何县区',
  'register.reach.named': '{river} {name}',
  'register.reach.unnamed': '{river} 第 {n} 段',
  'register.reach.only': '{name}',
  'register.reach.numbered': '第 {n} 段',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'register.noRiver': 'no river "{id}"',
  'register.lonLatTogether': 'lon and lat come together',
  'register.planAndDraftTogether': 'plan and version=draft come together',
  'register.tileAddress':
    'tile address must be /tiles/base/{z}/{x}/{y}.pbf with 0 ≤ x, y < 2^z, z ≤ 22',
  'register.noMapFile': 'no map file "{file}"',
  'register.mapFileMissing': 'map file "{file}" is missing; rebuild geodata',
  'register.badPath': 'the path is not valid percent-encoded UTF-8',
  'register.internal': 'internal error; see the server log',
  'register.badAnswer':
    'the server answered {path} in an unexpected form ({field}); reload the page or ask an admin',
  'register.csv.header': 'header must be: {columns}',
  'register.csv.line': 'line {line}: {why}',
  'register.csv.duplicateId': 'duplicate id "{id}"',
  'register.csv.fieldCount': 'expected {expected} fields, found {found}',
  'register.csv.id': 'id "{id}" must look like city-01 or county-01',
  'register.csv.level': 'level must be 市级 or 县级, got "{level}"',
  'register.csv.seq': 'seq must be a whole number, got "{seq}"',
  'register.csv.basinArea': 'basinAreaKm2 must be a positive number or empty, got "{area}"',
  'register.csv.required': 'name, chief, unit, leader and riverId are required',
  'register.csv.deadline': 'deadline must read like 2019年10月, got "{deadline}"',
  'register.csv.unit': 'unit "{unit}" names no county of Qinzhou',
  'register.reach.named': '{river} {name}',
  'register.reach.unnamed': '{river}, reach {n}',
  'register.reach.only': '{name}',
  'register.reach.numbered': 'reach {n}',
};
