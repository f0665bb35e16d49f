import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';

/** UI languages: Chinese by default, English switchable. Data (names, units) stays as published. */
export type Lang = 'zh' | 'en';

export const zh = {
  appName: '河界',
  appSubtitle: '钦州市江河湖库管理范围划定',
  demoBanner:
    '演示环境：内置演示数据（计划表来自钦政办〔2019〕38号，进度阶段为初始状态，未接入水利局实际数据），非正式成果。',
  demoBannerShort: '演示环境：演示数据，非正式成果',
  chooseFile: '选择文件',
  noFileChosen: '未选择文件',
  tabRegister: '计划表',
  tabMap: '地图',
  search: '搜索…',
  searchLabel: '搜索河湖、别名、水库、河长（支持拼音首字母）',
  level: '层级',
  county: '县区',
  unit: '责任单位',
  chief: '河长',
  stage: '阶段',
  overdue: '逾期',
  all: '全部',
  overdueYes: '已逾期',
  overdueNo: '未逾期',
  reset: '重置',
  showing: '显示 {n} / {total} 项',
  seq: '序号',
  name: '江河湖库名称',
  basinArea: '流域面积(km²)',
  leader: '责任领导',
  deadline: '完成时间',
  status: '状态',
  note: '备注',
  map: '上图',
  overdueDays: '逾期 {n} 天',
  dueIn: '剩 {n} 天',
  onTime: '按期',
  publishedDone: '已公告',
  byCounty: '按县区',
  byTier: '按完成时限',
  total: '合计',
  plans: '项',
  overdueCount: '逾期 {n}',
  close: '关闭',
  riverPanel: '河湖详情',
  aliases: '别名',
  reservoirs: '水库',
  counties: '涉及县区',
  countiesUnknown: '未知（未上图，且无县级计划）',
  fromPlans: '据计划',
  fromMap: '据地图',
  basinAreas: '流域面积',
  plansOf: '划定计划',
  notOnMapExplain:
    '该河湖尚无可靠的空间数据（未上图）。导入水利局测绘成果或绘制后即可上图；本系统不绘制虚构河道。',
  mapSource: '空间数据来源',
  kindRiver: '河流',
  kindCanal: '干渠',
  kindReservoir: '水库',
  layers: '图层',
  mapTools: '定位与测量',
  baseOffline: '离线底图',
  baseTianditu: '天地图影像',
  tiandituNoKey: '未配置天地图密钥：设置环境变量 TIANDITU_KEY，或在“设置”中填写。',
  tiandituRejected:
    '天地图拒绝了密钥（HTTP {status}）：请检查密钥是否有效、类型是否为“浏览器端”、是否绑定了本站域名。已切回离线底图。',
  tiandituUnreachable: '天地图瓦片无法加载（HTTP {status}）：网络不可达或服务异常。',
  legend: '图例',
  legendCounty: '县区界（高德数据，非开放数据）',
  legendSea: '海域 / 海岸线（GSHHG）',
  legendRiver: '河流（WDB II）',
  legendNamedRiver: '计划内河流（已上图）',
  legendWater: '水面（OpenStreetMap）',
  legendReservoir: '水库',
  legendSelected: '选中',
  legendSchematic: '示意（非实测）',
  legendCourse: '河道底图（局数据）',
  attrBase:
    '县区界 © 高德 AMap（非开放数据，示意用）| 海岸线 GSHHG 2.3.7 (LGPL) | 河流 WDB II (GSHHG) | 水面 © OpenStreetMap contributors (ODbL)',
  attrZones: '管理/保护范围：已公告成果',
  attrZonesDemo: '管理/保护范围：已公告成果；南流江示例河段为示例（非实测）',
  legendManagement: '管理范围（已公告）',
  legendProtection: '堤防安全保护区（已公告）',
  legendManagementDemo: '管理范围（已公告；南流江示例河段为示例，非实测）',
  legendProtectionDemo: '堤防安全保护区（已公告；示例河段非实测）',
  legendDraft: '草稿（未公告）',
  legendDisplay: '拟划定范围（公示中，未公告）',
  settings: '设置',
  adminLink: '管理',
  progressLink: '进度看板',
  settingsMoved: '水利局设置（发布机关、监督电话、公示、坐标公开）在“管理”页面。',
  openAdmin: '打开管理',
  tiandituKey: '天地图密钥（浏览器端）',
  tiandituKeyHelp:
    '密钥仅保存在本浏览器（localStorage），不会上传或写入代码库。服务器端可用 TIANDITU_KEY 配置。',
  save: '保存',
  clear: '清除',
  language: '语言',
  loadFailed: '加载失败：{msg}',
  loading: '加载中…',
  login: '登录',
  logout: '退出',
  myTasks: '我的任务',
  myRivers: '我的河湖',
  myConsultations: '征求意见',
  mapLoadFailed: '地图数据加载失败：{msg}',
  selectHint: '点击地图上的河流或计划表中的一行查看详情。',
  levelCity: '市级',
  levelCounty: '县级',
  dueDate: '截止 {d}',
  noResults: '没有符合条件的计划。',
  sortBy: '按{col}排序',
  legendMarker: '界桩（已公告）',
  legendNoticeBoard: '公告牌（已公告）',
  noticeTitle: '划界公告',
  noticeLoading: '正在加载公告…',
  noticeFailed: '公告加载失败：{msg}',
  noticeVersion: '第 {v} 版，{date} 公告',
  bankLeft: '左岸',
  bankRight: '右岸',
  noticeFromTo: '起点 {start} → 终点 {end}',
  noticeLength: '长 {m}',
  noticeTotal: '管理范围线合计',
  noticeStandard: '划定标准',
  noticeLegalBasis: '依据',
  noticeMarkers: '划界标识',
  noticeAuthority: '发布单位',
  noticePhone: '监督电话',
  noticeNotSet: '尚未设置（待管理员填写）',
  coordinatesCsv: '坐标成果表（CSV）',
};

type Dict = typeof zh;

const en: Dict = {
  appName: 'Hejie',
  appSubtitle: 'Qinzhou river & reservoir management-boundary delineation',
  demoBanner:
    'Demo: bundled demo data (the register is from the 2019 plan 钦政办〔2019〕38号; stages are initial, no bureau data connected). Not an official result.',
  demoBannerShort: 'Demo data, not an official result',
  chooseFile: 'Choose a file',
  noFileChosen: 'no file chosen',
  tabRegister: 'Register',
  tabMap: 'Map',
  search: 'Search…',
  searchLabel: 'Search rivers, aliases, reservoirs, chiefs (pinyin initials work)',
  level: 'Level',
  county: 'County',
  unit: 'Unit',
  chief: 'River chief',
  stage: 'Stage',
  overdue: 'Overdue',
  all: 'All',
  overdueYes: 'Overdue',
  overdueNo: 'Not overdue',
  reset: 'Reset',
  showing: 'Showing {n} of {total}',
  seq: 'No.',
  name: 'Water',
  basinArea: 'Basin (km²)',
  leader: 'Leader',
  deadline: 'Deadline',
  status: 'Status',
  note: 'Note',
  map: 'Map',
  overdueDays: '{n} days overdue',
  dueIn: '{n} days left',
  onTime: 'On time',
  publishedDone: 'Published',
  byCounty: 'By county',
  byTier: 'By deadline',
  total: 'Total',
  plans: 'plans',
  overdueCount: '{n} overdue',
  close: 'Close',
  riverPanel: 'Details',
  aliases: 'Also called',
  reservoirs: 'Reservoirs',
  counties: 'Counties',
  countiesUnknown: 'Unknown (not mapped, no county plan)',
  fromPlans: 'from plans',
  fromMap: 'from map',
  basinAreas: 'Basin area',
  plansOf: 'Delineation plans',
  notOnMapExplain:
    'No reliable geometry for this water yet (not mapped). Import the bureau’s survey data or draw it; Hejie never invents a river’s course.',
  mapSource: 'Geometry source',
  kindRiver: 'River',
  kindCanal: 'Canal',
  kindReservoir: 'Reservoir',
  layers: 'Layers',
  mapTools: 'Go to & measure',
  baseOffline: 'Offline base map',
  baseTianditu: 'Tianditu imagery',
  tiandituNoKey: 'No Tianditu key: set TIANDITU_KEY on the server or enter one in Settings.',
  tiandituRejected:
    'Tianditu refused the key (HTTP {status}): check that it is valid, a browser key, and bound to this domain. Switched back to the offline map.',
  tiandituUnreachable:
    'Tianditu tiles could not be loaded (HTTP {status}): network unreachable or service error.',
  legend: 'Legend',
  legendCounty: 'County boundary (AMap data, not open data)',
  legendSea: 'Sea / coastline (GSHHG)',
  legendRiver: 'River (WDB II)',
  legendNamedRiver: 'Plan river (mapped)',
  legendWater: 'Water (OpenStreetMap)',
  legendReservoir: 'Reservoir',
  legendSelected: 'Selected',
  legendSchematic: 'Schematic (not surveyed)',
  legendCourse: 'River course (bureau data)',
  attrBase:
    'Counties © AMap (not open data, schematic) | Coastline GSHHG 2.3.7 (LGPL) | Rivers WDB II (GSHHG) | Water © OpenStreetMap contributors (ODbL)',
  attrZones: 'Management and protection zones: published results',
  attrZonesDemo:
    'Management and protection zones: published results; the 南流江 sample reach is a sample (not surveyed)',
  legendManagement: 'Management range (published)',
  legendProtection: 'Embankment protection zone (published)',
  legendManagementDemo: 'Management range (published; the 南流江 sample reach is not surveyed)',
  legendProtectionDemo: 'Embankment protection zone (published; sample reach not surveyed)',
  legendDraft: 'Draft (not published)',
  legendDisplay: 'Proposed range (on public display, not published)',
  settings: 'Settings',
  adminLink: 'Admin',
  progressLink: 'Progress',
  settingsMoved:
    'The bureau settings (authority, phone, public display, coordinates) are on the Admin page.',
  openAdmin: 'Open Admin',
  tiandituKey: 'Tianditu key (browser)',
  tiandituKeyHelp:
    'Kept in this browser only (localStorage), never uploaded or committed. The server can set TIANDITU_KEY.',
  save: 'Save',
  clear: 'Clear',
  language: 'Language',
  loadFailed: 'Could not load: {msg}',
  loading: 'Loading…',
  login: 'Log in',
  logout: 'Log out',
  myTasks: 'My tasks',
  myRivers: 'My rivers',
  myConsultations: 'Consultations',
  mapLoadFailed: 'Map data failed to load: {msg}',
  selectHint: 'Click a river on the map or a row of the register for details.',
  levelCity: 'City',
  levelCounty: 'County',
  dueDate: 'due {d}',
  noResults: 'No plan matches.',
  sortBy: 'Sort by {col}',
  legendMarker: 'Boundary marker (published)',
  legendNoticeBoard: 'Notice board (published)',
  noticeTitle: 'Boundary notice',
  noticeLoading: 'Loading the notice…',
  noticeFailed: 'Could not load the notice: {msg}',
  noticeVersion: 'Version {v}, published {date}',
  bankLeft: 'Left bank',
  bankRight: 'Right bank',
  noticeFromTo: 'from {start} to {end}',
  noticeLength: '{m} long',
  noticeTotal: 'Management lines in total',
  noticeStandard: 'Standard',
  noticeLegalBasis: 'Legal basis',
  noticeMarkers: 'Boundary marks',
  noticeAuthority: 'Issued by',
  noticePhone: 'Supervision phone',
  noticeNotSet: 'not set yet (the administrator has not entered it)',
  coordinatesCsv: 'Coordinate table (CSV)',
};

/** Punctuation of a language: Chinese full-width, English ASCII. */
export const PUNCT: Record<Lang, { colon: string; list: string; open: string; close: string }> = {
  zh: { colon: '：', list: '、', open: '（', close: '）' },
  en: { colon: ': ', list: ', ', open: ' (', close: ')' },
};

/** A plan's level as the UI shows it: 市级/县级 in Chinese, City/County in English. */
export function levelLabel(level: '市级' | '县级', lang: Lang): string {
  if (lang === 'zh') return level;
  return level === '市级' ? 'City' : 'County';
}

/** A message key. */
export type MessageKey = keyof Dict;

const DICTS: Record<Lang, Dict> = { zh, en };

/** Translate with `{name}` placeholders. */
export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * Fills `{name}` placeholders from `vars`; a placeholder without a value stays as written.
 * @example fill('显示 {n} 项', { n: 3 }) // '显示 3 项'
 */
export function fill(text: string, vars?: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? `{${k}}`));
}

/** The translator of an area's own dictionaries (module constants) in the current language. */
export function useDictionary<K extends string>(
  zh: Readonly<Record<K, string>>,
  en: Readonly<Record<K, string>>,
): (key: K, vars?: Readonly<Record<string, string | number>>) => string {
  const { lang } = useLang();
  return useMemo(() => {
    const dict = lang === 'zh' ? zh : en;
    return (key, vars) => fill(dict[key], vars);
  }, [lang, zh, en]);
}

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void; t: T } | null>(null);

function initialLang(): Lang {
  const stored = globalThis.localStorage?.getItem('hejie.lang');
  return stored === 'en' ? 'en' : 'zh';
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const value = useMemo(() => {
    const dict = DICTS[lang];
    const t: T = (key, vars) => fill(dict[key], vars);
    const setLang = (l: Lang) => {
      localStorage.setItem('hejie.lang', l);
      setLangState(l);
    };
    return { lang, setLang, t };
  }, [lang]);
  // the page's language follows the UI's, also when a stored choice is restored on load (fonts and
  // quotation marks depend on it)
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

/** The current language, its setter and the translator. */
export function useLang() {
  const ctx = useContext(LangContext);
  if (!ctx) throw new Error('useLang outside LangProvider');
  return ctx;
}
