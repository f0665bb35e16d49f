// Account rules (src/domain/access, admin routes, `hejie user`).
// Codes are `accounts.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'accounts.username.format': '用户名为 2–40 位字母、数字或“.”“_”“-”，且以字母或数字开头',
  'accounts.username.taken': '用户名“{username}”已被占用',
  'accounts.password.tooShort': '密码至少 {min} 个字符',
  'accounts.password.tooLong': '密码最多 {max} 个字符',
  'accounts.role.unknown': '角色只能是 planner（规划员）、chief（河长）或 admin（管理员）',
  'accounts.scope.counties': '按县区划分的范围须列出县区，其他范围不列县区',
  'accounts.scope.tooMany': '最多列出 {max} 个县区',
  'accounts.scope.plannerOnly': '只有规划员才有限定的工作范围',
  'accounts.publish.plannerOnly': '只有规划员才单独设置公告权限（管理员始终可以公告）',
  'accounts.person.chiefOnly': '只有河长账号才绑定河长姓名',
  'accounts.person.missing': '河长账号须绑定计划表中的河长姓名',
  'accounts.person.notChief': '“{person}”不是计划表中的河长',
  'accounts.county.unknown': '“{county}”不是钦州市的县区，可选：{choices}',
  'accounts.cityOrCounty': '--city 与 --county 只能选其一',
  'accounts.noAccount': '没有账号“{id}”',
  'accounts.nothingToChange': '没有要修改的内容',
  'accounts.disableSelf': '管理员不能停用自己的账号',
  'accounts.cli.disabled': '已停用 {username}，其会话均已结束',
  'accounts.cli.passwordChanged': '已修改 {username} 的密码',
  'accounts.cli.passwordShown': '密码（仅显示这一次）：{password}',
  'accounts.cli.added': '已添加 {account}',
  'accounts.cli.count': '共 {n} 个账号',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'accounts.username.format': '2–40 letters, digits, ".", "_" or "-"',
  'accounts.username.taken': 'the username "{username}" is taken',
  'accounts.password.tooShort': 'a password has at least {min} characters',
  'accounts.password.tooLong': 'a password has at most {max} characters',
  'accounts.role.unknown': 'must be planner, chief or admin',
  'accounts.scope.counties': 'a county scope lists its counties; the others list none',
  'accounts.scope.tooMany': 'at most {max} counties',
  'accounts.scope.plannerOnly': 'only a planner has a limited scope (it is for planners)',
  'accounts.publish.plannerOnly':
    'only a planner has the publish right (an admin may always publish)',
  'accounts.person.chiefOnly': 'only a chief is bound to a person (it is for chiefs)',
  'accounts.person.missing': 'a chief is bound to a person: the 河长姓名 in the register',
  'accounts.person.notChief': '"{person}" is not a river chief in the register',
  'accounts.county.unknown': '"{county}" is not a county of Qinzhou; must be one of {choices}',
  'accounts.cityOrCounty': 'give --city or --county, not both',
  'accounts.noAccount': 'no account "{id}"',
  'accounts.nothingToChange': 'nothing to change',
  'accounts.disableSelf': 'an admin may not disable their own account',
  'accounts.cli.disabled': 'disabled {username}; its sessions are ended',
  'accounts.cli.passwordChanged': 'password of {username} changed',
  'accounts.cli.passwordShown': 'password (shown once): {password}',
  'accounts.cli.added': 'added {account}',
  'accounts.cli.count': '{n} account(s)',
};
