// Messages of live updates, the to-do list, comment resolution and the stage history (issue 19).
// Codes are `live.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'live.comment.unknown': '计划中没有编号为 {id} 的意见',
  'live.comment.alreadyResolved': '意见 {id} 已由 {by} 于 {at} 处理，不能再次处理',
  'live.what.resolve': '处理计划 {plan} 的意见',
  'live.what.readHistory': '查看计划 {plan} 的阶段记录',
  'live.what.readTodo': '查看待办',
  'live.publish.openObjection':
    '第 {version} 版仍有 {count} 条未处理的异议，不能公告：{author}（{date}）“{text}”。请先在“意见”中答复并处理',
  'live.events.tooMany': '此会话打开的实时连接已达 {max} 个，请关闭其他页面后再试',
  'live.todo.signOff': '{river} 待您签署：{from} → {to}（第 {version} 版）',
  'live.todo.signOffNoVersion': '{river} 待您签署：{from} → {to}（尚无保存的版本）',
  'live.todo.objection': '{river}：{author} 的异议待处理：“{text}”',
  'live.todo.comment': '{river}：{author} 的意见待处理：“{text}”',
  'live.todo.departmentObjection': '{river}：{organisation} 的反馈意见待答复',
  'live.todo.publicOpinions': '{river}：公示期已结束，{count} 条公众意见待答复',
  'live.todo.roundLapsed': '{river}：征求意见第 {round} 轮已于 {due} 截止，可推进到现场复核',
  'live.todo.overdue': '{count} 个计划已逾期',
  'live.todo.roundWaiting': '{river}：请于 {due} 前答复征求意见（第 {round} 轮）',
  'live.todo.setting.noticeAuthority': '发布机关尚未设置（公告需要）',
  'live.todo.setting.supervisionPhone': '监督电话尚未设置（公告需要）',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'live.comment.unknown': 'the plan has no comment {id}',
  'live.comment.alreadyResolved':
    'comment {id} was resolved by {by} at {at} and cannot be resolved again',
  'live.what.resolve': 'resolve comments on {plan}',
  'live.what.readHistory': 'read the stage history of {plan}',
  'live.what.readTodo': 'read your to-do list',
  'live.publish.openObjection':
    'version {version} still has {count} open objection(s) and cannot be published: {author} ({date}) “{text}”. Reply to it and resolve it under Comments first',
  'live.events.tooMany':
    'this session has {max} live connections open already; close other pages and try again',
  'live.todo.signOff': '{river} awaits your sign-off: {from} → {to} (version {version})',
  'live.todo.signOffNoVersion':
    '{river} awaits your sign-off: {from} → {to} (no saved version yet)',
  'live.todo.objection': '{river}: objection by {author} to resolve: “{text}”',
  'live.todo.comment': '{river}: comment by {author} to resolve: “{text}”',
  'live.todo.departmentObjection': '{river}: the objection of {organisation} awaits your answer',
  'live.todo.publicOpinions':
    '{river}: the display period is over, {count} public opinion(s) await an answer',
  'live.todo.roundLapsed':
    '{river}: consultation round {round} closed on {due}; the plan may move on to field check',
  'live.todo.overdue': '{count} plan(s) are overdue',
  'live.todo.roundWaiting': '{river}: reply to consultation round {round} by {due}',
  'live.todo.setting.noticeAuthority':
    'the issuing authority is not set yet (public notices need it)',
  'live.todo.setting.supervisionPhone':
    'the supervision phone is not set yet (public notices need it)',
};
