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
};
