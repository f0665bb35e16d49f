// Messages of issue 13's consultation part (意见征求: rounds, department replies, the planner's
// answers). Codes are `consultation.<what>`; every code has both languages.

/** Chinese (zh-CN), the first language. */
export const zh = {
  'consultation.reply.textNeeded': '选择“有意见”时须填写意见内容',
  'consultation.reply.pinBoth': '标注位置须同时给出经度和纬度',
  'consultation.reply.pinOutside':
    '标注位置 {lon}°E {lat}°N 超出本系统的适用范围（{west}–{east}°E，{south}–{north}°N）',
  'consultation.reply.late':
    '本轮征求意见的反馈截止时间为 {due} 24:00（北京时间），现已逾期：本次反馈未予记录，逾期未反馈视为无意见',
  'consultation.reply.closed':
    '计划 {plan} 已不在“意见征求”阶段（当前为“{stage}”）：本次反馈未予记录',
  'consultation.answer.noObjection': '“无意见”的反馈无需答复：只有“有意见”的反馈需要逐条答复',
  'consultation.answer.closed':
    '计划 {plan} 已不在“意见征求”阶段（当前为“{stage}”），征求意见记录已关闭，不能再答复',
  'consultation.due.past': '反馈截止日期 {due} 早于今天（北京时间 {today}）',
  'consultation.due.tooFar': '反馈截止日期 {due} 晚于一年后的 {max}',
  'consultation.version.none': '计划 {plan} 没有第 {version} 版',
  'consultation.department.invalid': '账号 {id} 不是启用中的部门账号',
  'consultation.round.none': '没有编号为 {round} 的征求意见',
  'consultation.replyNone': '没有编号为 {id} 的部门意见',
  'consultation.what.open': '对计划 {plan} 发起征求意见',
  'consultation.what.read': '查看计划 {plan} 的征求意见记录',
  'consultation.what.listOwn': '查看本单位的征求意见事项（仅限部门账号）',
  'consultation.what.view': '查看第 {round} 轮征求意见的成果',
  'consultation.what.reply': '对第 {round} 轮征求意见作出反馈（仅限被征求意见的部门）',
  'consultation.what.answer': '答复部门意见',
  'consultation.what.listDepartments': '查看部门账号列表',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'consultation.reply.textNeeded': 'an objection needs its text',
  'consultation.reply.pinBoth': 'a pin needs both longitude and latitude',
  'consultation.reply.pinOutside':
    'the pin {lon}°E {lat}°N is outside the region this deployment serves ({west}–{east}°E, {south}–{north}°N)',
  'consultation.reply.late':
    'the reply deadline of this round was {due} 24:00 China time: it has passed, so this reply was not recorded (a department that did not reply in time counts as having no objection)',
  'consultation.reply.closed':
    'plan {plan} is no longer at Consultation (it is at {stage}): this reply was not recorded',
  'consultation.answer.noObjection':
    'a reply of no objection takes no answer: only objections are answered',
  'consultation.answer.closed':
    'plan {plan} is no longer at Consultation (it is at {stage}): the consultation record is closed and takes no answer',
  'consultation.due.past': 'the reply deadline {due} is before today ({today}, China time)',
  'consultation.due.tooFar': 'the reply deadline {due} is more than a year away (latest {max})',
  'consultation.version.none': 'plan {plan} has no version {version}',
  'consultation.department.invalid': 'account {id} is not an enabled department account',
  'consultation.round.none': 'no consultation round {round}',
  'consultation.replyNone': 'no department reply {id}',
  'consultation.what.open': 'open a consultation round on {plan}',
  'consultation.what.read': 'read the consultation record of {plan}',
  'consultation.what.listOwn': "list your organisation's consultations (department accounts only)",
  'consultation.what.view': 'read consultation round {round}',
  'consultation.what.reply': 'reply to consultation round {round} (departments it consults only)',
  'consultation.what.answer': "answer a department's opinion",
  'consultation.what.listDepartments': 'list the department accounts',
};
