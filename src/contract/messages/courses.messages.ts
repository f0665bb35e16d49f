// River courses from the bureau's own survey (河道底图, issue 18): import, versions, visibility and
// the map status 已上图（局数据）. Codes are `courses.<what>`; every code has both languages.

/** Chinese (zh-CN), the first language. */
export const zh = {
  'courses.mapStatus.long': '已上图（局数据）',
  'courses.mapStatus.short': '局数据',
  'courses.role.centreline': '中心线',
  'courses.role.bank': '岸线',
  'courses.role.water': '水面',
  'courses.declassified.yes': '已脱密',
  'courses.declassified.no': '未脱密',
  'courses.declassified.unknown': '脱密情况不明',
  'courses.roleGeometry':
    '第 {n} 个要素标为{role}，但几何类型不符（中心线、岸线须为线，水面须为面）',
  'courses.onlyPoints': '文件中只有点，没有河道的线或面：河道底图须为中心线、岸线或水面',
  'courses.empty': '文件中没有要素',
  'courses.noRiver': '计划表中没有名为“{key}”的河流或水库',
  'courses.noVersion': '{river}没有第 {version} 版河道底图',
  'courses.public.notDeclassified':
    '{river}第 {version} 版河道底图{status}，不能向公众公开：只有已脱密的成果可以公开',
  'courses.what.import': '导入河道底图',
  'courses.what.publish': '设置河道底图是否公开',
  'courses.notMultipart': '请以表单（multipart/form-data）上传文件',
  'courses.noFile': '请选择要导入的文件',
  'courses.tooBig': '文件超过 {mb} MB 的上限',
  'courses.imported':
    '已导入{river}河道底图第 {version} 版：{features} 个要素（中心线 {centreline}、岸线 {bank}、水面 {water}），{crs}，{visibility}',
  'courses.visibility.public': '公众可见',
  'courses.visibility.staff': '仅工作人员可见',
  'courses.status': '{river}的上图状态：{status}',
  'courses.cli.usage':
    'npm run -s hejie -- course import <河流名称或编号> <文件> [--source 来源] [--date 日期] [--unit 测绘单位] [--declassified yes|no|unknown] [--public] [--crs EPSG:…] [--encoding gbk|utf-8]',
  'courses.cli.args': '需要河流名称（或编号）和一个文件',
  'courses.cli.declassified': '--declassified 应为 yes、no 或 unknown',
  'courses.cli.date': '--date 应为年份、年月或日期（如 2021、2021-06、2021-06-30）',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'courses.mapStatus.long': 'On the map (bureau data)',
  'courses.mapStatus.short': 'Bureau data',
  'courses.role.centreline': 'centreline',
  'courses.role.bank': 'bank line',
  'courses.role.water': 'water surface',
  'courses.declassified.yes': 'declassified',
  'courses.declassified.no': 'not declassified',
  'courses.declassified.unknown': 'of unknown declassification',
  'courses.roleGeometry':
    'feature {n} is marked {role} but its geometry does not fit (centrelines and bank lines are lines, water surfaces polygons)',
  'courses.onlyPoints':
    'the file has only points, no lines or polygons of a river: a course is a centreline, bank lines or water polygons',
  'courses.empty': 'the file has no features',
  'courses.noRiver': 'no river or reservoir "{key}" in the register',
  'courses.noVersion': '{river} has no course version {version}',
  'courses.public.notDeclassified':
    'course version {version} of {river} is {status} and cannot be made public: only a declassified survey may be',
  'courses.what.import': 'import a river course',
  'courses.what.publish': 'make a river course public or staff-only',
  'courses.notMultipart': 'upload the file as a form (multipart/form-data)',
  'courses.noFile': 'choose a file to import',
  'courses.tooBig': 'the file is over the {mb} MB limit',
  'courses.imported':
    'imported course version {version} of {river}: {features} features ({centreline} centreline, {bank} bank, {water} water), {crs}, {visibility}',
  'courses.visibility.public': 'public',
  'courses.visibility.staff': 'staff only',
  'courses.status': 'map status of {river}: {status}',
  'courses.cli.usage':
    'npm run -s hejie -- course import <river name or id> <file> [--source text] [--date date] [--unit surveyor] [--declassified yes|no|unknown] [--public] [--crs EPSG:…] [--encoding gbk|utf-8]',
  'courses.cli.args': 'give a river name (or id) and one file',
  'courses.cli.declassified': '--declassified must be yes, no or unknown',
  'courses.cli.date': '--date must be a year, a month or a date (2021, 2021-06, 2021-06-30)',
};
