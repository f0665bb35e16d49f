// The rules of 意见征求, 公示 and 验收 (src/domain/review): when a plan may leave 意见征求, when it
// may be published, and what the store refuses. Codes are `review.<what>`.

/** Chinese (zh-CN), the first language. */
export const zh = {
  'review.consultation.none': '尚未发起征求意见：请先在“意见征求”阶段向相关部门发起一轮征求意见',
  'review.consultation.waiting':
    '第 {round} 轮征求意见尚有部门未反馈（{organisations}），反馈截止日期为 {due}：待其反馈或截止日期过后方可进入下一阶段',
  'review.consultation.unanswered':
    '第 {round} 轮征求意见中 {organisations} 的意见尚未答复：请逐条答复（采纳／部分采纳／不采纳）后再进入下一阶段',
  'review.consultation.wrongStage': '只有处于“意见征求”阶段的计划才能发起征求意见',
  'review.reply.already': '本单位已对这一轮征求意见作出反馈，每轮只能反馈一次',
  'review.answer.already': '该意见已答复，答复不可修改',
  'review.display.wrongStage': '只有处于“成果文件制作与验收”阶段的计划才能开始公示',
  'review.publish.noDisplay': '第 {version} 版尚未公示：请先公示，公示期满且意见全部答复后方可公告',
  'review.publish.displayOpen': '第 {version} 版的公示期至 {end} 结束，公示期满后方可公告',
  'review.publish.opinionsUnanswered':
    '公示期间收到的意见中尚有 {count} 条未答复：全部答复后方可公告',
  'review.publish.noAcceptance': '第 {version} 版尚无验收记录：验收合格后方可公告',
  'review.publish.acceptanceFailed':
    '第 {version} 版于 {date} 的验收结论为不合格：修改后重新验收合格方可公告',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'review.consultation.none':
    'no consultation round yet: open a round with the departments concerned at Consultation first',
  'review.consultation.waiting':
    'round {round} still waits for {organisations} (reply deadline {due}): move on once they reply or the deadline has passed',
  'review.consultation.unanswered':
    'the opinions of {organisations} in round {round} are not answered yet: answer each (adopted / partly adopted / rejected) before moving on',
  'review.consultation.wrongStage': 'a consultation round can only be opened at Consultation',
  'review.reply.already':
    'your organisation has already replied to this round (one reply per round)',
  'review.answer.already': 'this opinion has been answered; an answer cannot be changed',
  'review.display.wrongStage': 'a public display can only start at Deliverables and acceptance',
  'review.publish.noDisplay':
    'version {version} has not been on public display: display it, answer every opinion, then publish',
  'review.publish.displayOpen':
    'the public display of version {version} runs until {end}: publish after it ends',
  'review.publish.opinionsUnanswered':
    '{count} opinions received during the display are not answered yet: answer them all, then publish',
  'review.publish.noAcceptance':
    'version {version} has no acceptance record: it must pass acceptance first',
  'review.publish.acceptanceFailed':
    'version {version} failed acceptance on {date}: revise it and pass acceptance before publishing',
};
