import { useDictionary } from '../i18n';

export const zh = {
  skipToMap: '跳到地图',
  skipToPanel: '跳到计划表与面板',
  help: '帮助',
  helpTitle: '使用说明',
  shotOf: '截图：{what}的界面',
  mainNav: '主导航',
  account: '账号与设置',
  filters: '筛选',
  filtersCount: '筛选（显示 {n} / {total} 项）',
  taskFilters: '筛选我的任务',
  noTaskMatch: '没有符合筛选条件的任务。',
  planList: '计划列表',
  chiefIs: '河长 {name}',
  due: '截止 {d}',
} as const;

const en: { readonly [K in keyof typeof zh]: string } = {
  skipToMap: 'Skip to the map',
  skipToPanel: 'Skip to the register and panel',
  help: 'Help',
  helpTitle: 'User guide',
  shotOf: 'Screenshot: what the {what} sees',
  mainNav: 'Main navigation',
  account: 'Account and settings',
  filters: 'Filters',
  filtersCount: 'Filters (showing {n} of {total})',
  taskFilters: 'Filter my tasks',
  noTaskMatch: 'No task matches the filters.',
  planList: 'Plan list',
  chiefIs: 'Chief {name}',
  due: 'due {d}',
};

/** A key of the access dictionary. */
export type AccessKey = keyof typeof zh;

/** The access translator of the current language, with `{name}` placeholders. */
export function useAt(): (key: AccessKey, vars?: Record<string, string | number>) => string {
  return useDictionary(zh, en);
}
