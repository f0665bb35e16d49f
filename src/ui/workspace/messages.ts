// Messages of the workspaces (login, 我的任务, the plan panel), in a lazy chunk of their own: the
// public first screen does not carry them. Keys the app's dictionary has are looked up there.
import { useMemo } from 'react';
import type { MessageKey } from '../i18n';
import { fill, useLang } from '../i18n';
import * as adopted from './adopted/messages-adopted';
import * as edit from './editor/messages-edit';
import * as flood from './editor/messages-floodline';
import * as save from './editor/messages-save';
import * as field from './field/messages-field';
import * as files from './files/messages-files';
import * as review from './review/messages-review';

const base = {
  loginTitle: '登录河界',
  username: '用户名',
  password: '密码',
  loginWrong: '用户名或密码错误。',
  loginThrottled: '登录失败次数过多，请 {n} 秒后再试。',
  loginDisabled: '该账号已停用，请联系管理员。',
  loginFailed: '登录失败：{msg}',
  cancel: '取消',
  workCount: '共 {n} 项',
  noWork: '没有分配给你的计划。',
  lastChange: '最近变更',
  planPanel: '计划工作台',
  noSuchPlan: '没有编号为 {id} 的计划。',
  riverNotMapped: '该河湖未上图，地图无法定位到它。',
  needLogin: '请先登录，再查看此计划的草稿。',
  noAccess: '你无权查看此计划的草稿（服务器拒绝：{msg}）。',
  requestFailed: '请求失败：{msg}',
  stageNow: '当前阶段',
  noMoves: '当前阶段没有你可以执行的操作。',
  moveComment: '说明（退回时必填）',
  moveTo: '推进到“{s}”',
  sendBackTo: '退回到“{s}”',
  sendBackNeedsComment: '退回需要填写原因。',
  stageMoved: '阶段已变更为“{s}”。',
  stale: '该计划已被他人变更，已重新加载（{msg}）。',
  versions: '已保存版本',
  noVersions: '尚无保存的版本。',
  versionLine: '第 {v} 版 · {author} · {at} · {n} 个要素',
  signedReview: '{by} 于 {at} 在“审核确定”签认',
  signedAcceptance: '{by} 于 {at} 在“成果文件制作与验收”签认',
  publishable: '可公告：第 {v} 版',
  comments: '意见',
  noComments: '暂无意见。',
  addComment: '发表意见',
  send: '提交',
  draftZones: '草稿划定结果（第 {v} 版）',
  managementArea: '管理范围面积',
  protectionArea: '保护范围面积',
  managementLine: '管理范围线',
  protectionLine: '保护范围线',
  leftBank: '左岸',
  rightBank: '右岸',
  draftNotDrawn: '按“计算”在浏览器中计算最新版本，并在地图上绘制草稿。',
  compute: '计算',
  computing: '正在计算管理范围、保护范围和界桩……',
  computed: '计算结果（第 {v} 版，{ms} 毫秒）',
  markerCount: '划界标识',
  computeFailed: '无法计算：',
  markerFailed: '界桩未能布设：',
  computeWarnings: '提示：',
};

const baseEn: typeof base = {
  loginTitle: 'Log in to Hejie',
  username: 'Username',
  password: 'Password',
  loginWrong: 'Wrong username or password.',
  loginThrottled: 'Too many failed logins: try again in {n} s.',
  loginDisabled: 'This account is disabled: ask an administrator.',
  loginFailed: 'Login failed: {msg}',
  cancel: 'Cancel',
  workCount: '{n} in all',
  noWork: 'No plan is assigned to you.',
  lastChange: 'Last change',
  planPanel: 'Plan workspace',
  noSuchPlan: 'There is no plan {id}.',
  riverNotMapped: 'This water is not mapped: the map cannot zoom to it.',
  needLogin: 'Log in to see the drafts of this plan.',
  noAccess: 'You may not see the drafts of this plan (the server refused: {msg}).',
  requestFailed: 'Request failed: {msg}',
  stageNow: 'Stage',
  noMoves: 'No move of this stage is yours to make.',
  moveComment: 'Comment (required to send back)',
  moveTo: 'Move to “{s}”',
  sendBackTo: 'Send back to “{s}”',
  sendBackNeedsComment: 'Say why the plan is sent back.',
  stageMoved: 'The stage is now “{s}”.',
  stale: 'Someone changed this plan meanwhile; reloaded ({msg}).',
  versions: 'Saved versions',
  noVersions: 'No version saved yet.',
  versionLine: 'Version {v} · {author} · {at} · {n} features',
  signedReview: 'signed by {by} at Review and approval, {at}',
  signedAcceptance: 'signed by {by} at Deliverables and acceptance, {at}',
  publishable: 'Publishable: version {v}',
  comments: 'Comments',
  noComments: 'No comments yet.',
  addComment: 'Add a comment',
  send: 'Send',
  draftZones: 'Draft zones (version {v})',
  managementArea: 'Management range area',
  protectionArea: 'Protection zone area',
  managementLine: 'Management line',
  protectionLine: 'Protection line',
  leftBank: 'left bank',
  rightBank: 'right bank',
  draftNotDrawn:
    'Press “Compute” to compute the newest version in the browser and draw it on the map.',
  compute: 'Compute',
  computing: 'Computing management range, protection zone and markers…',
  computed: 'Computed (version {v}, {ms} ms)',
  markerCount: 'Boundary marks',
  computeFailed: 'Could not compute:',
  markerFailed: 'Markers could not be placed:',
  computeWarnings: 'Notes:',
};

export const zh = {
  ...base,
  ...edit.zh,
  ...flood.zh,
  ...save.zh,
  ...files.zh,
  ...field.zh,
  ...review.zh,
  ...adopted.zh,
};
const en: typeof zh = {
  ...baseEn,
  ...edit.en,
  ...flood.en,
  ...save.en,
  ...files.en,
  ...field.en,
  ...review.en,
  ...adopted.en,
};

/** A key of the workspace dictionary. */
type WorkspaceKey = keyof typeof zh;

/** Translates a workspace key, or a key of the app's dictionary, with `{name}` placeholders. */
export type WT = (key: WorkspaceKey | MessageKey, vars?: Record<string, string | number>) => string;

/** The workspace translator of the current language. */
export function useWt(): WT {
  const { lang, t } = useLang();
  return useMemo(() => {
    const dict = lang === 'zh' ? zh : en;
    return (key, vars) =>
      key in dict ? fill(dict[key as WorkspaceKey], vars) : t(key as MessageKey, vars);
  }, [lang, t]);
}
