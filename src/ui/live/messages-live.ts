import { useDictionary } from '../i18n';

const zh = {
  todo: '待办',
  todoCount: '待办 {n} 项',
  todoTitle: '我的待办',
  todoNone: '没有等待你处理的事项。',
  todoDue: '截止 {d}',
  todoLoading: '正在加载待办…',
  todoFailed: '待办加载失败：{msg}',
  signedOff: '{by} 已签署：{from} → {to}',
  movedStage: '{by} 已将阶段从“{from}”推进到“{to}”',
  sentBack: '{by} 已退回：{from} → {to}',
  published: '{by} 已公告第 {v} 版',
  savedVersion: '{by} 保存了第 {v} 版',
  commented: '{by} 发表了新意见',
  resolved: '{by} 处理了一条意见',
  changed: '{by} 更新了此计划',
  someone: '他人',
  dismiss: '知道了',
  signOff: '签署：{s}通过',
  history: '阶段记录',
  historyNone: '尚无阶段变更。',
  historyBy: '{by} · {at}',
  historyVersion: '第 {v} 版',
  historyNoVersion: '无保存版本',
  objection: '异议',
  markObjection: '作为异议（公告前须由规划人员处理）',
  chiefPinIsObjection: '河长在地图上标注的意见即为异议，公告前须由规划人员处理。',
  openObjection: '待处理',
  openComment: '待处理',
  resolvedBy: '{by} 于 {at} 处理：',
  resolve: '答复并处理',
  resolveReply: '答复内容',
  resolveSend: '提交答复',
  onVersion: '第 {v} 版',
};

const en: typeof zh = {
  todo: 'To do',
  todoCount: '{n} to do',
  todoTitle: 'My to-do list',
  todoNone: 'Nothing is waiting for you.',
  todoDue: 'due {d}',
  todoLoading: 'Loading the to-do list…',
  todoFailed: 'Could not load the to-do list: {msg}',
  signedOff: '{by} signed off: {from} → {to}',
  movedStage: '{by} moved the plan from “{from}” to “{to}”',
  sentBack: '{by} sent the plan back: {from} → {to}',
  published: '{by} published version {v}',
  savedVersion: '{by} saved version {v}',
  commented: '{by} added a comment',
  resolved: '{by} resolved a comment',
  changed: '{by} changed this plan',
  someone: 'someone else',
  dismiss: 'OK',
  signOff: 'Sign off: {s} passed',
  history: 'Stage history',
  historyNone: 'No stage changes yet.',
  historyBy: '{by} · {at}',
  historyVersion: 'version {v}',
  historyNoVersion: 'no saved version',
  objection: 'Objection',
  markObjection: 'Mark as an objection (a planner must resolve it before publishing)',
  chiefPinIsObjection:
    'A comment the river chief pins on the map is an objection: a planner must resolve it before publishing.',
  openObjection: 'open',
  openComment: 'open',
  resolvedBy: 'Resolved by {by} at {at}:',
  resolve: 'Reply and resolve',
  resolveReply: 'Reply',
  resolveSend: 'Send reply',
  onVersion: 'version {v}',
};

/** A key of the live dictionary. */
export type LiveKey = keyof typeof zh;

/** The live translator of the current language, with `{name}` placeholders. */
export function useLiveT(): (key: LiveKey, vars?: Record<string, string | number>) => string {
  return useDictionary(zh, en);
}
