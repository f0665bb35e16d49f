// Stages, sign-offs and publication (src/domain/workflow, workflow routes).
// Codes are `workflow.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'workflow.notYours': '该计划不在你的职责范围内',
  'workflow.stale': '该计划现处于“{now}”阶段，而不是“{saw}”，请刷新',
  'workflow.move.alreadyThere': '该计划已处于“{stage}”阶段',
  'workflow.move.skips': '阶段须逐级推进：“{from}”→“{to}”跳过了“{next}”',
  'workflow.move.publishedByPublishing': '“{to}”阶段只能通过发布公告进入',
  'workflow.move.chiefSignsOff': '“{from}”→“{to}”须由该计划的河长签认',
  'workflow.move.plannerStep': '“{from}”→“{to}”由规划员办理',
  'workflow.back.chiefOnly': '只有该计划的河长可将“{from}”退回“{to}”；规划员每次只能退回一个阶段',
  'workflow.back.skips': '退回须逐级进行：“{from}”→“{to}”跳过了中间阶段',
  'workflow.back.plannerStep': '将“{from}”退回“{to}”由规划员办理',
  'workflow.back.throughReview':
    '已公告的计划须重新经过审核：只能由规划员将“{from}”退回“{to}”，再由河长在“审核确定”和“成果文件制作与验收”重新签认',
  'workflow.back.needsComment': '退回需填写原因',
  'workflow.movedMeanwhile': '该计划已被他人改为“{stage}”阶段，请刷新',
  'workflow.publish.notAllowed': '你无权公告该计划',
  'workflow.publish.wrongStage': '只能在“{from}”阶段公告；该计划现处于“{stage}”阶段',
  'workflow.save.published':
    '计划处于“{stage}”阶段，已公告的版本不能再改；请先将其退回“{back}”，再保存新版本',
  'workflow.publish.noGeometry': '计划 {plan} 尚未保存任何图形，无法公告',
  'workflow.publish.leftMeanwhile': '计划 {plan} 已被他人移出“{from}”阶段，请刷新',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'workflow.notYours': 'this plan is not among yours',
  'workflow.stale': 'the plan is in {now} now, not {saw}',
  'workflow.move.alreadyThere': 'the plan is already in {stage}',
  'workflow.move.skips': 'stages move one at a time: {from} → {to} skips {next}',
  'workflow.move.publishedByPublishing': '{to} is reached only by publishing',
  'workflow.move.chiefSignsOff': "{from} → {to} is signed off by the plan's river chief",
  'workflow.move.plannerStep': "{from} → {to} is a planner's step",
  'workflow.back.chiefOnly':
    "only the plan's river chief sends {from} back to {to}; a planner sends back one stage",
  'workflow.back.skips': 'a plan is sent back one stage at a time: {from} → {to} skips stages',
  'workflow.back.plannerStep': "sending {from} back to {to} is a planner's step",
  'workflow.back.throughReview':
    'a published plan goes back through review: a planner sends {from} back to {to} only, then the river chief signs again at Review and approval and at Deliverables and acceptance',
  'workflow.back.needsComment': 'comment: say why the plan is sent back',
  'workflow.movedMeanwhile': 'the plan moved to {stage} meanwhile; reload',
  'workflow.publish.notAllowed': 'you may not publish this plan',
  'workflow.publish.wrongStage': 'a plan is published from {from}; it is in {stage}',
  'workflow.save.published':
    'the plan is at {stage}: its published version stands; send the plan back to {back} first, then save a new version',
  'workflow.publish.noGeometry': '{plan} has no saved geometry to publish',
  'workflow.publish.leftMeanwhile': '{plan} left {from} meanwhile; reload',
};
