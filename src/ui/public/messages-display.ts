// Messages of the 公示 on the public river page (issue 13), zh and en: a lazy chunk with the display.

export const zh = {
  displayTitle: '公示中',
  displayUntil: '第 {v} 版划定成果公示：{start} 至 {end}，截止 {end} 24 时（北京时间）。',
  displayOver: '公示已于 {end} 结束。',
  displayDrawn: '拟划定的管理范围、保护范围已在地图上以虚线标出（不含坐标）。',
  opinionTitle: '提出意见',
  opinionText: '意见内容',
  opinionCount: '{n} / {max} 字',
  opinionTooLong: '意见不能超过 {max} 字。',
  opinionEmpty: '请填写意见内容。',
  opinionName: '姓名（可不填）',
  opinionContact: '联系方式（可不填）',
  opinionContactNote: '联系方式仅水利局工作人员可见，不会公开。',
  opinionSend: '提交意见',
  opinionThanks: '感谢你的意见，已收到。回执编号：{id}。',
  opinionFailed: '提交失败：{msg}',
  displayFailed: '无法读取公示：{msg}',
  noticeFiles: '公告文件',
  noticePdf: '公告（PDF）',
  noticeDocx: '公告（DOCX）',
};

export const en: typeof zh = {
  displayTitle: 'On public display',
  displayUntil:
    'Version {v} is on public display from {start} to {end}, until 24:00 China time on {end}.',
  displayOver: 'The public display ended on {end}.',
  displayDrawn:
    'The proposed management range and protection zone are drawn dashed on the map (no coordinates).',
  opinionTitle: 'Give your opinion',
  opinionText: 'Your opinion',
  opinionCount: '{n} / {max} characters',
  opinionTooLong: 'An opinion may not be longer than {max} characters.',
  opinionEmpty: 'Write your opinion first.',
  opinionName: 'Name (optional)',
  opinionContact: 'Contact (optional)',
  opinionContactNote: 'Only the water bureau’s staff see your contact; it is never published.',
  opinionSend: 'Send',
  opinionThanks: 'Thank you: your opinion was received. Reference number: {id}.',
  opinionFailed: 'Not sent: {msg}',
  displayFailed: 'Could not read the display: {msg}',
  noticeFiles: 'Notice files',
  noticePdf: 'Notice (PDF)',
  noticeDocx: 'Notice (DOCX)',
};

/** A key of the display's dictionary. */
export type DisplayKey = keyof typeof zh;
