// The HTTP API: requests, sessions, plans, geometry, zones, settings (src/server).
// Codes are `server.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'server.csrf.refused': '安全校验未通过：缺少或错误的 X-CSRF-Token 请求头，请刷新页面后重试',
  'server.crossSite.origin': '已拒绝跨站请求（来源 {origin}）',
  'server.crossSite.fetchSite': '已拒绝跨站请求（Sec-Fetch-Site: cross-site）',
  'server.body.tooLarge': '请求内容超过 {mb} MB 的上限',
  'server.body.notJson': '请求内容必须为 JSON 格式（Content-Type: application/json）',
  'server.login.wrong': '用户名或密码错误',
  'server.login.throttled': '登录失败次数过多，请 {seconds} 秒后再试',
  'server.login.disabled': '该账号已停用，请联系系统管理员',
  'server.login.unknownField': '{field}：不认识的字段（只接受 username 和 password）',
  'server.login.required': '{field}：必须填写（文本）',
  'server.login.empty': '{field}：不能为空',
  'server.login.tooLong': '{field}：不能超过 {max} 个字符',
  'server.login.notObject': '请求内容必须是 JSON 对象 {"username": …, "password": …}',
  'server.geometry.noVersion': '计划 {plan} 没有第 {version} 版',
  'server.geometry.staleSaved':
    '第 {version} 版已由 {author} 于 {at} 保存，你的修改基于第 {base} 版；请重新加载后在最新版本上修改',
  'server.geometry.staleNone':
    '该计划尚未保存过任何版本，你的修改基于第 {base} 版；请重新加载后再修改',
  'server.notice.notPublished': '计划 {plan} 尚未公告',
  'server.compute.busy': '服务器正忙于计算其他方案，请 {seconds} 秒后再试',
  'server.compute.late': '计算未能在时限内完成（服务器繁忙或方案过大），请 {seconds} 秒后再试',
  'server.store.noFile': '文件 {path} 不存在',
  'server.store.cannotOpen': '无法打开 {path}：{why}',
  'server.store.integrity': '数据库完整性检查（integrity_check）未通过：{found}',
  'server.store.notHejie': '{path} 不是河界数据库（缺少数据表 {missing}）',
  'server.store.notHejieVersion': '{path} 不是河界数据库（缺少结构版本号）',
  'server.store.newer': '数据库结构版本 {version} 高于本程序支持的版本（{known}）',
  'server.store.unreadable': '无法读取 {path}：{why}',
  'server.store.targetExists': '{target} 已存在，请另选文件名',
  'server.store.openElsewhere': '{target} 正被其他进程使用，请先停止服务器',
  'server.store.upgrade': '数据库结构版本 {version} 高于本程序支持的版本（{known}），请升级河界',
  'server.store.dataDirInUse': '数据目录 {dir} 正被进程 {pid} 使用（{path}），请先停止该进程',
  'server.store.lockFailed': '无法锁定数据目录（{path}）',
  'server.store.unreachable':
    '无法连接 PostgreSQL 数据库（主机 {host}，端口 {port}，数据库 {database}）：{why}',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'server.csrf.refused': 'missing or wrong X-CSRF-Token header (see GET /api/me)',
  'server.crossSite.origin': 'cross-site request refused (Origin {origin})',
  'server.crossSite.fetchSite': 'cross-site request refused (Sec-Fetch-Site: cross-site)',
  'server.body.tooLarge': 'request body is larger than {mb} MB',
  'server.body.notJson': 'request body must be JSON (Content-Type: application/json)',
  'server.login.wrong': 'wrong username or password',
  'server.login.throttled': 'too many failed logins; try again in {seconds} s',
  'server.login.disabled': 'this account is disabled; ask an admin',
  'server.login.unknownField': '{field}: unknown field (expected username and password)',
  'server.login.required': '{field}: required (a string)',
  'server.login.empty': '{field}: required',
  'server.login.tooLong': '{field}: at most {max} characters',
  'server.login.notObject': 'body: must be a JSON object {"username": …, "password": …}',
  'server.geometry.noVersion': '{plan} has no version {version}',
  'server.geometry.staleSaved':
    'version {version} was saved by {author} at {at}, not version {base}; reload and apply your edit to it',
  'server.geometry.staleNone':
    'no version has been saved yet, not version {base}; reload and apply your edit to it',
  'server.notice.notPublished': '{plan} has not been published',
  'server.compute.busy': 'the server is busy computing other plans; try again in {seconds} s',
  'server.compute.late':
    'the computation did not finish in time (the server is busy or the plan is very large); try again in {seconds} s',
  'server.store.noFile': '{path} does not exist',
  'server.store.cannotOpen': 'cannot open {path}: {why}',
  'server.store.integrity': 'integrity_check: {found}',
  'server.store.notHejie': '{path} is not a Hejie database (no {missing})',
  'server.store.notHejieVersion': '{path} is not a Hejie database (no schema version)',
  'server.store.newer': 'schema version {version} is newer than this Hejie ({known})',
  'server.store.unreadable': '{path}: {why}',
  'server.store.targetExists': '{target} exists; choose a new file name',
  'server.store.openElsewhere': '{target} is open in another process; stop the server first',
  'server.store.upgrade':
    'database schema version {version} is newer than this Hejie ({known}); upgrade Hejie',
  'server.store.dataDirInUse': '{dir} is in use by process {pid} ({path}); stop it first',
  'server.store.lockFailed': 'could not take the lock {path}',
  'server.store.unreachable':
    'cannot reach the PostgreSQL database (host {host}, port {port}, database {database}): {why}',
};
