// The user guide (使用说明): a short guide per role, in Chinese and English. Each step says what the
// app does today; a step's `shot` is a screenshot under public/help/, made by the browser test
// tests/e2e/help-screens.test.ts (UPDATE_HELP=1), which also checks that every shot named here exists.

/** The roles the guide has a page for: /help/<role>. */
export const HELP_ROLES = ['public', 'planner', 'chief', 'department', 'admin'] as const;
export type HelpRole = (typeof HELP_ROLES)[number];

interface Step {
  text: string;
  /** file name under /help/ */
  shot?: string;
}
interface RoleGuide {
  title: string;
  who: string;
  steps: Step[];
}

const zh: Record<HelpRole, RoleGuide> = {
  public: {
    title: '公众',
    who: '不需要登录，查看计划进度和已公告的管理范围。',
    steps: [
      {
        text: '打开河界首页即是“计划表”：列出全部计划，可按县区、阶段、是否逾期筛选，搜索框支持河名、别名、水库、河长和拼音首字母。点按县区卡片也可筛选。',
        shot: 'public-register.png',
      },
      {
        text: '点按一行，地图定位到该河湖，右侧（手机上为下方）显示河湖详情。已公告的河湖显示公告内容和地图上的管理范围、保护范围与界桩。',
        shot: 'public-river.png',
      },
      {
        text: '每条河湖有自己的网址，例如 /river/钦江，可直接分享。手机上用顶部的“计划表 / 地图”切换。',
      },
      {
        text: '顶部的“进度看板”打开“划定进展”：选择月份，查看各单位处于各阶段的规划数、已公告的管理范围线长度、界桩与公告牌数和逾期规划数。公众只看到数量，不显示草图和具体规划。',
        shot: 'progress-public.png',
      },
    ],
  },
  planner: {
    title: '规划人员',
    who: '水利局或县区水利局的划定人员（演示账号 planner / demo-planner）。',
    steps: [
      {
        text: '点右上角“登录”。登录后首先看到“我的任务”：你负责范围内的计划。用阶段、县区、逾期和搜索筛选，下拉框中的数字是该选项下的任务数。',
        shot: 'planner-tasks.png',
      },
      {
        text: '点按一项任务打开“计划工作台”：用“画堤脚线/岸线”在地图上绘制，每个河段左、右岸各一条；在编辑区设置堤防级别和宽度；“计算”在浏览器中算出管理范围、保护范围和界桩。',
        shot: 'planner-panel.png',
      },
      {
        text: '写上版本说明后“保存版本”。也可以导入测量数据（Shapefile、GeoJSON、DXF、KML、CSV 坐标表）或导出成果。',
      },
      {
        text: '按阶段推进：底图准备、草图绘制、意见征求（向部门发起征求意见并答复）、现场复核，经河长签署后公示、验收，最后发布公告。',
      },
      {
        text: '顶部的“进度看板”按月份显示：各单位规划所处阶段、累计公告实施规划数与完成时间要求、管理范围线长度、逾期规划、月报报送情况和考核表。每张图下有数据表和“导出 Excel”。点击阶段色块或表中的数字，下方“规划列表”只显示这些规划；顶部的“筛选”标签点 × 清除。',
        shot: 'progress-dashboard.png',
      },
      {
        text: '每月底前报送月报：在“进度看板”的“报送月报”中选择报送单位和月份，本月数据由系统根据记录生成，填写“存在问题”和“下月计划”后点“报送”，页面显示按时或逾期报送和版本号；再次报送即为更正（新版本）。市级规划人员在“月报报送情况”中对“未报送”的月份点“催报”，该县区规划人员的“待办”中出现催报，点按即打开该月的月报。',
        shot: 'progress-report.png',
      },
    ],
  },
  chief: {
    title: '河长',
    who: '河湖的河长（演示账号 gaopu / demo-gaopu，即高朴），手机上也能操作。',
    steps: [
      {
        text: '登录后“我的河湖”列出你任河长的河湖和它们所处的阶段；右上角“待办”的数字是等你签署的计划，例如“钦江 待您签署：现场复核 → 审核确定（第 3 版）”。',
      },
      {
        text: '点按一条河湖，地图下方显示它的工作台：当前阶段、版本、意见和阶段按钮。在“现场复核”和“审核确定”阶段，由你填写意见后按“签署：现场复核通过”一类的按钮签署；在地图上点选位置可留下带定位的异议，规划人员答复解决之前不能发布公告。',
        shot: 'chief-phone.png',
      },
      {
        text: '顶部的“进度看板”显示各单位的划定进度、逾期规划、月报报送情况和考核表。',
      },
    ],
  },
  department: {
    title: '相关部门',
    who: '被征求意见的部门联络员（演示账号 dept-sthj / demo-dept-sthj）。',
    steps: [
      {
        text: '登录后“征求意见”列出征求你单位意见的计划、版本和截止日期。',
        shot: 'department.png',
      },
      {
        text: '打开一项，地图显示该版本的范围草稿；选择“无意见”或“有意见”（须填写意见内容），再“提交反馈”。截止日期过后未反馈视为无意见。',
      },
    ],
  },
  admin: {
    title: '管理员',
    who: '系统管理员（演示账号 admin / demo-admin）。',
    steps: [
      {
        text: '登录后点右上角“管理”进入管理台。“账号”列出全部账号：新建规划人员、河长、部门或管理员账号，设定县区范围和能否发布，重置密码，停用或启用。',
        shot: 'admin-accounts.png',
      },
      {
        text: '“公告与公示”设置发布机关、监督电话、监督单位、禁止行为、公示天数和告示牌尺寸。发布机关或监督电话未设置时，公告上显示“尚未设置”，计划也不能发布公告。',
        shot: 'admin-notice.png',
      },
      {
        text: '“规则表”按堤防级别设定管理和保护宽度；“坐标公开”决定公众和部门能否看到坐标；“审计日志”可按对象和操作人查看每一次写入。',
      },
    ],
  },
};

const en: Record<HelpRole, RoleGuide> = {
  public: {
    title: 'The public',
    who: 'No login: see the plans’ progress and the published management ranges.',
    steps: [
      {
        text: 'Hejie opens on the register: every plan, filtered by county, stage or overdue; the search box takes river names, aliases, reservoirs, chiefs and pinyin initials. A county card filters too.',
        shot: 'public-register.png',
      },
      {
        text: 'Click a row: the map zooms to the river and its details open beside it (below it on a phone). A published river shows its notice and, on the map, its management range, protection zone and markers.',
        shot: 'public-river.png',
      },
      {
        text: 'Every river has its own address, e.g. /river/钦江, to share. On a phone the Register / Map tabs switch between list and map.',
      },
      {
        text: 'Progress (top) opens Delineation progress: pick a month to see, per unit, the plans at each stage, the published management-line length, the markers and boards, and how many plans are overdue. The public sees counts only, no drafts and no single plans.',
        shot: 'progress-public.png',
      },
    ],
  },
  planner: {
    title: 'Planner',
    who: 'The delineation staff of the city or a county bureau (demo account planner / demo-planner).',
    steps: [
      {
        text: 'Log in (top right). My tasks lists the plans in your scope; filter them by stage, county, overdue or a search. The number in each option is how many tasks it shows.',
        shot: 'planner-tasks.png',
      },
      {
        text: 'Open a task: the plan panel. Draw toe or bank lines on the map (one per bank and reach), set the embankment class and width, and Compute the management range, protection zone and markers in the browser.',
        shot: 'planner-panel.png',
      },
      {
        text: 'Write a version note and save the version. You can also import survey data (Shapefile, GeoJSON, DXF, KML, CSV coordinate tables) or export the results.',
      },
      {
        text: 'Move the plan through its stages: base map, draft, consultation (open a round and answer the departments), field check; the chief signs, then public display, acceptance and publication.',
      },
      {
        text: 'Progress (top) shows a month: the plans’ stages per unit, plans published against the deadlines, management-line length, overdue plans, monthly reports and the assessment table. Each chart has its data table and Export Excel. Click a stage segment or a count in a table and Plans below lists just those plans; the filter chip at the top clears it (×).',
        shot: 'progress-dashboard.png',
      },
      {
        text: 'Send the monthly report before the month ends: in Progress, Monthly report, pick the unit and month; the month’s figures come from the records. Fill in Problems and Next month’s plan and Submit; the page says on time or late and the revision. Submitting again sends a correction (a new revision). City planners press Remind on a missing month under Monthly reports; the county’s planners find the reminder in their to-do list, which opens that month’s report.',
        shot: 'progress-report.png',
      },
    ],
  },
  chief: {
    title: 'River chief',
    who: 'A river’s chief (demo account gaopu / demo-gaopu), also on a phone.',
    steps: [
      { text: 'After logging in, My rivers lists the rivers you are chief of and their stage.' },
      {
        text: 'Open one: its panel shows the stage, the versions, the comments and the stage buttons. At the field check and review stages you sign with a note by pressing the stage button.',
        shot: 'chief-phone.png',
      },
      {
        text: 'Progress (top) shows each unit’s delineation progress, overdue plans, monthly reports and the assessment table.',
      },
    ],
  },
  department: {
    title: 'Department',
    who: 'A consulted department’s contact (demo account dept-sthj / demo-dept-sthj).',
    steps: [
      {
        text: 'After logging in, Consultations lists the plans your organisation is asked about, with the version and the deadline.',
        shot: 'department.png',
      },
      {
        text: 'Open one: the map shows that version’s draft. Choose no objection or objection (with your text) and send. No reply by the deadline counts as no objection.',
      },
    ],
  },
  admin: {
    title: 'Administrator',
    who: 'The system administrator (demo account admin / demo-admin).',
    steps: [
      {
        text: 'Log in and open Admin (top right). Accounts lists every account: create planners, chiefs, departments or admins, set their counties and whether they may publish, reset a password, disable or enable.',
        shot: 'admin-accounts.png',
      },
      {
        text: 'Notice and display sets the issuing authority, the supervision phone, the supervising unit, the prohibited acts, the display days and the board size. While the authority or the phone is unset, notices print “not set yet” and no plan can be published.',
        shot: 'admin-notice.png',
      },
      {
        text: 'Rule table sets the widths per embankment class; Coordinates decides whether the public and departments see coordinates; Audit log shows every write by target and actor.',
      },
    ],
  },
};

/** The guide of a role in a language. */
export const guideOf = (role: HelpRole, lang: 'zh' | 'en'): RoleGuide =>
  (lang === 'zh' ? zh : en)[role];

/** Every screenshot the guide shows (both languages show the same). */
export const HELP_SHOTS: readonly string[] = HELP_ROLES.flatMap((r) =>
  zh[r].steps.flatMap((s) => (s.shot ? [s.shot] : [])),
);
