// Supervision (可监督、可考核, issue 14): monthly reports, reminders, the assessment's bases.
// Codes are `reports.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'reports.what.progress': '查看划定进度',
  'reports.what.read': '查看月报',
  'reports.what.submit': '报送{unit}的月报',
  'reports.what.remind': '催报月报',
  'reports.month.future': '{month} 尚未开始，不能报送该月月报',
  'reports.month.beforeStart': '月报自 {start} 起报送，没有 {month} 的月报',
  'reports.month.range': '月份范围 {from} 至 {to} 无效（须不晚于结束月且不超过 120 个月）',
  'reports.noReport': '没有编号为 {id} 的月报',
  'reports.todo.reminder': '市河长办催报：{unit} {month} 月报尚未报送',
  'reports.basis.onTime':
    '{from} 至 {to} 应报 {due} 个月，按时报送（首次报送不晚于当月最后一日 24:00，北京时间）{onTime} 个月',
  'reports.basis.finished':
    '截至当月底已到完成时间的规划 {due} 个，其中在完成时间当月底前公告实施 {published} 个',
  'reports.basis.overdue': '截至当月底已过完成时间且未公告实施的规划 {count} 个',
  'reports.basis.km':
    '管理范围线长度：未公告的最新保存版本计算所得 {draft} km，加已公告成果 {published} km',
  'reports.basis.markers':
    '已公告成果中的界桩 {boundary} 个、公告牌 {boards} 块（安装情况待界桩状态上线后统计）',
};

/** English, the second language. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'reports.what.progress': 'see the delineation progress',
  'reports.what.read': 'read the monthly reports',
  'reports.what.submit': "submit {unit}'s monthly report",
  'reports.what.remind': 'remind a unit of its monthly report',
  'reports.month.future': '{month} has not begun: its report cannot be submitted yet',
  'reports.month.beforeStart': 'monthly reports start in {start}: there is none for {month}',
  'reports.month.range':
    'the months {from} to {to} are not a range (from must not be after to, at most 120 months)',
  'reports.noReport': 'there is no monthly report {id}',
  'reports.todo.reminder': "The city's river chief office asks for {unit}'s report of {month}",
  'reports.basis.onTime':
    '{due} months due from {from} to {to}; {onTime} first submitted on time (by 24:00 of the last day, China time)',
  'reports.basis.finished':
    '{due} plans due by the end of the month; {published} of them published by the end of their deadline month',
  'reports.basis.overdue':
    '{count} plans past their deadline at the end of the month and not published',
  'reports.basis.km':
    'management lines: {draft} km computed from the newest unpublished saved versions, plus {published} km published',
  'reports.basis.markers':
    '{boundary} boundary markers and {boards} notice boards in the publications (installed: once markers have a status)',
};
