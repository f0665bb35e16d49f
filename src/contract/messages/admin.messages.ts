// Messages of the admin console (管理) and the settings a publication needs (issue 19).
// Codes are `admin.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'admin.publish.settingsMissing':
    '尚未设置{missing}，不能发布公告。请管理员在 管理 → 公告与公示 中设置发布机关和监督电话',
  'admin.publish.missingBoth': '发布机关和监督电话',
  'admin.publish.missingAuthority': '发布机关',
  'admin.publish.missingPhone': '监督电话',
  'admin.phone.format': '监督电话只能包含数字、空格和 + - ( )，3–30 个字符，例如 0777-2822222',
  'admin.stale.settings': '设置已被他人修改，请重新载入后再修改',
  'admin.stale.rules': '规则表已被他人修改，请重新载入后再修改',
  'admin.stale.account': '账号“{username}”已被他人修改，请重新载入后再修改',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'admin.publish.settingsMissing':
    'the {missing} of the notice are not set, so the plan cannot be published: an admin sets the issuing authority and the supervision phone in Admin → Notices',
  'admin.publish.missingBoth': 'issuing authority and supervision phone',
  'admin.publish.missingAuthority': 'issuing authority',
  'admin.publish.missingPhone': 'supervision phone',
  'admin.phone.format':
    'a supervision phone has 3–30 digits, spaces, "+", "-", "(" or ")", e.g. 0777-2822222',
  'admin.stale.settings':
    'someone else changed the settings meanwhile: reload them, then change them',
  'admin.stale.rules': 'someone else changed the rule table meanwhile: reload it, then change it',
  'admin.stale.account':
    'someone else changed the account "{username}" meanwhile: reload it, then change it',
};
