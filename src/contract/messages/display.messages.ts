// Messages of issue 13's display part: 公示, citizens' opinions, 验收 and the review view. Codes are
// `display.<what>`; every code has both languages.

/** Chinese (zh-CN), the first language. */
export const zh = {
  'display.what.start': '对计划 {plan} 发起公示',
  'display.what.readOpinions': '查看计划 {plan} 公示期间收到的意见',
  'display.what.answer': '答复计划 {plan} 公示期间收到的意见',
  'display.what.record': '录入计划 {plan} 的验收记录',
  'display.what.readAcceptance': '查看计划 {plan} 的验收记录',
  'display.what.readReview': '查看计划 {plan} 的征求意见、公示与验收情况',
  'display.noVersion': '计划 {plan} 没有第 {version} 版',
  'display.alreadyOpen': '计划 {plan} 的公示（{start} 至 {end}）尚未结束，结束后方可再次公示',
  'display.none': '计划 {plan} 目前没有公示',
  'display.notOpen': '计划 {plan} 当前不在公示期内，不能提交意见',
  'display.closed': '计划 {plan} 的公示期为 {start} 至 {end}，已经结束，不再接收意见',
  'display.tooManyMinute':
    '提交过于频繁：每个地址每分钟最多提交 {max} 条意见，请 {seconds} 秒后再试',
  'display.tooManyDay':
    '提交过多：每个地址对同一计划每天最多提交 {max} 条意见，请 {seconds} 秒后再试',
  'display.noOpinion': '没有编号为 {id} 的公示意见',
  'display.acceptance.wrongStage': '只有处于“成果文件制作与验收”阶段的计划才能录入验收记录',
  'display.acceptance.notMultipart':
    '验收记录须以表单上传（multipart/form-data），包含各字段与 PDF 文件',
  'display.acceptance.noFile': '请上传签字盖章的验收文件（PDF）',
  'display.acceptance.tooLarge': '验收文件超过 {mb} MB 的上限',
  'display.acceptance.notPdf': '验收文件必须是 PDF，上传的文件看起来是{kind}',
  'display.acceptance.none': '没有编号为 {id} 的验收记录',
  'display.acceptance.fileMissing': '验收记录 {id} 的文件不在文件库中',
  'display.kind.png': 'PNG 图片',
  'display.kind.jpeg': 'JPEG 图片',
  'display.kind.gif': 'GIF 图片',
  'display.kind.zip': 'ZIP 压缩包',
  'display.kind.docx': 'Word 文档（DOCX）',
  'display.kind.doc': 'Word 97-2003 文档（DOC）',
  'display.kind.text': '文本',
  'display.kind.unknown': '其他格式',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'display.what.start': 'put {plan} on public display',
  'display.what.readOpinions': 'read the public opinions on {plan}',
  'display.what.answer': 'answer the public opinions on {plan}',
  'display.what.record': 'record the acceptance of {plan}',
  'display.what.readAcceptance': 'read the acceptance records of {plan}',
  'display.what.readReview': 'read the consultation, display and acceptance of {plan}',
  'display.noVersion': '{plan} has no version {version}',
  'display.alreadyOpen':
    'the public display of {plan} ({start} to {end}) is still open: start another after it ends',
  'display.none': '{plan} is not on public display',
  'display.notOpen': '{plan} is not on public display now: opinions cannot be submitted',
  'display.closed':
    'the public display of {plan} ran from {start} to {end} and is over: opinions are no longer accepted',
  'display.tooManyMinute':
    'too many submissions: at most {max} opinions a minute from one address; try again in {seconds} s',
  'display.tooManyDay':
    'too many submissions: at most {max} opinions a day on one plan from one address; try again in {seconds} s',
  'display.noOpinion': 'no public opinion {id}',
  'display.acceptance.wrongStage':
    'an acceptance can only be recorded at Deliverables and acceptance',
  'display.acceptance.notMultipart':
    'an acceptance record is a form upload (multipart/form-data) with its fields and the PDF file',
  'display.acceptance.noFile': 'upload the signed acceptance document (PDF)',
  'display.acceptance.tooLarge': 'the acceptance document is larger than {mb} MB',
  'display.acceptance.notPdf': 'the acceptance document must be a PDF; the file looks like {kind}',
  'display.acceptance.none': 'no acceptance record {id}',
  'display.acceptance.fileMissing': 'the file of acceptance record {id} is not in the file store',
  'display.kind.png': 'a PNG image',
  'display.kind.jpeg': 'a JPEG image',
  'display.kind.gif': 'a GIF image',
  'display.kind.zip': 'a ZIP archive',
  'display.kind.docx': 'a Word document (DOCX)',
  'display.kind.doc': 'a Word 97-2003 document (DOC)',
  'display.kind.text': 'text',
  'display.kind.unknown': 'something else',
};
