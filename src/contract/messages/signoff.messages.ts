// Which version may be published: the one the river chief signed (src/domain/workflow/signed-version.ts).
// Codes are `signoff.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'signoff.noVersion': '该计划尚无保存的版本，无法公告',
  'signoff.reviewMissing':
    '第 {latest} 版尚未经河长在“审核确定”签认：请将计划退回“现场复核”，由河长签认后再公告',
  'signoff.acceptanceMissing':
    '第 {latest} 版尚未经河长在“成果文件制作与验收”签认：请将计划退回“现场复核”，由河长在“审核确定”和“成果文件制作与验收”签认后再公告',
  'signoff.mismatch':
    '“审核确定”签认的是第 {review} 版，“成果文件制作与验收”签认的是第 {acceptance} 版，二者不一致：请退回“现场复核”，由河长对同一版本重新签认',
  'signoff.newerVersion':
    '第 {latest} 版是在 {by} 签认第 {signed} 版之后保存的，公告只能发布经河长签认的版本：请将计划退回“现场复核”，由河长在“审核确定”和“成果文件制作与验收”签认第 {latest} 版后再公告',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'signoff.noVersion': 'the plan has no saved version to publish',
  'signoff.reviewMissing':
    "version {latest} has not been signed off by the river chief at Review and approval: send the plan back to Field check for the chief's sign-off, then publish",
  'signoff.acceptanceMissing':
    "version {latest} has not been signed off by the river chief at Deliverables and acceptance: send the plan back to Field check for the chief's sign-offs at Review and approval and at Deliverables and acceptance, then publish",
  'signoff.mismatch':
    'Review and approval signed version {review} but Deliverables and acceptance signed version {acceptance}: send the plan back to Field check so that the chief signs one version at both steps',
  'signoff.newerVersion':
    'version {latest} was saved after {by} signed version {signed}; only the version the river chief signed can be published: send the plan back to Field check for the chief to sign version {latest} at Review and approval and at Deliverables and acceptance, then publish',
};
