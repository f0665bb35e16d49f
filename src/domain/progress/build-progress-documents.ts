// The city's monthly summary to 桂河长办 and a unit's report (月报) as document models (STYLE.md,
// "Documents are data first"): tables with two-level headers and merged cells, written to XLSX and
// PDF by thin writers in src/server/documents. Text is Chinese: these are issued documents.
import type { DocCell, DocTable, DocumentModel } from '../documents/document-model';
import { BODY_TEXT_MM } from '../documents/document-model';
import { countyByCode } from '../plans/counties';
import { STAGES, stageLabel } from '../workflow/stages';
import { lastDayOf } from './report-month';
import type { ReportState } from './report-rules';
import type { UnitFigures } from './unit-figures';

/** A unit's report as the documents print it. */
export interface ReportText {
  revision: number;
  problems: string;
  nextSteps: string;
  submittedBy: string;
  submittedAt: string;
  late: boolean;
}

/** What the city's summary combines: each unit's figures and the state of its report. */
export interface SummaryInput {
  month: string;
  units: readonly UnitFigures[];
  reports: Readonly<Record<string, { state: ReportState; report: ReportText | null }>>;
  /** plan id → name (江河湖库名称), for the lists */
  planNames: Readonly<Record<string, string>>;
}

const A4_LANDSCAPE = { widthMm: 297, heightMm: 210, marginMm: 15 } as const;
const STATE_WORDS: Record<ReportState, string> = {
  'on-time': '按时报送',
  late: '逾期报送',
  missing: '未报送',
  'not-due': '未到期',
};
const c = (text: string | number, extra: Partial<DocCell> = {}): DocCell => ({
  text: String(text),
  ...extra,
});
const unitName = (u: string) => countyByCode(u)?.name ?? u;
const monthWords = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;
const chinaTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

function figureRow(name: string, f: UnitFigures, report: string): DocCell[] {
  return [
    c(name),
    c(f.plans, { align: 'right' }),
    ...STAGES.map((s) => c(f.byStage[s.id], { align: 'right' })),
    c(f.moves.length, { align: 'right' }),
    c(f.km.draft.toFixed(3), { align: 'right' }),
    c(f.km.published.toFixed(3), { align: 'right' }),
    c(f.markers.boundary, { align: 'right' }),
    c(f.markers.noticeBoards, { align: 'right' }),
    c(f.overdue.length, { align: 'right' }),
    c(`${f.onTime.published}/${f.onTime.due}`, { align: 'right' }),
    c(report),
  ];
}

function total(units: readonly UnitFigures[]): UnitFigures {
  const sum = (pick: (f: UnitFigures) => number) => units.reduce((s, f) => s + pick(f), 0);
  const first = units[0] as UnitFigures;
  return {
    ...first,
    plans: sum((f) => f.plans),
    byStage: Object.fromEntries(
      STAGES.map((s) => [s.id, sum((f) => f.byStage[s.id])]),
    ) as UnitFigures['byStage'],
    moves: units.flatMap((f) => f.moves),
    km: {
      draft: Math.round(sum((f) => f.km.draft) * 1000) / 1000,
      published: Math.round(sum((f) => f.km.published) * 1000) / 1000,
    },
    markers: {
      boundary: sum((f) => f.markers.boundary),
      noticeBoards: sum((f) => f.markers.noticeBoards),
      installed: null,
    },
    overdue: units.flatMap((f) => f.overdue),
    onTime: { due: sum((f) => f.onTime.due), published: sum((f) => f.onTime.published) },
  };
}

function figuresTable(name: string, rows: DocCell[][]): DocTable {
  return {
    kind: 'table',
    name,
    widths: [3, 1.4, ...STAGES.map(() => 1.4), 1.4, 1.6, 1.6, 1.4, 1.4, 1.4, 1.6, 2],
    header: [
      [
        c('单位', { rowSpan: 2 }),
        c('规划数', { rowSpan: 2 }),
        c('各阶段规划数（个）', { colSpan: STAGES.length, align: 'center' }),
        c('本月推进（次）', { rowSpan: 2 }),
        c('管理范围线长度（km）', { colSpan: 2, align: 'center' }),
        c('界桩（个）', { rowSpan: 2 }),
        c('公告牌（块）', { rowSpan: 2 }),
        c('逾期（个）', { rowSpan: 2 }),
        c('按期完成/已到期', { rowSpan: 2 }),
        c('月报', { rowSpan: 2 }),
      ],
      [...STAGES.map((s) => c(s.zh)), c('初划（计算）'), c('已公告')],
    ],
    rows,
    scale: 0.55,
  };
}

function overdueTable(units: readonly UnitFigures[], names: SummaryInput['planNames']): DocTable {
  const rows = units.flatMap((f) =>
    f.overdue.map((o) => [c(unitName(f.unit)), c(names[o.planId] ?? o.planId), c(o.days)]),
  );
  return {
    kind: 'table',
    name: '逾期清单',
    widths: [2, 5, 1.5],
    header: [[c('单位'), c('江河湖库'), c('逾期天数')]],
    rows: rows.length > 0 ? rows : [[c('无'), c(''), c('')]],
    scale: 0.7,
  };
}

function movesTable(units: readonly UnitFigures[], names: SummaryInput['planNames']): DocTable {
  const rows = units.flatMap((f) =>
    f.moves.map((m) => [
      c(unitName(f.unit)),
      c(names[m.planId] ?? m.planId),
      c(stageLabel(m.from, 'zh')),
      c(stageLabel(m.to, 'zh')),
      c(chinaTime(m.at).slice(0, 10)),
    ]),
  );
  return {
    kind: 'table',
    name: '本月推进',
    widths: [2, 5, 2.5, 2.5, 2],
    header: [[c('单位'), c('江河湖库'), c('由'), c('至'), c('日期')]],
    rows: rows.length > 0 ? rows : [[c('无'), c(''), c(''), c(''), c('')]],
    scale: 0.7,
  };
}

/**
 * The city's monthly summary (钦州市江河湖库管理范围划定工作进展情况汇总表) as a document: the
 * figures of every unit with a total, the overdue plans, the month's moves, and each unit's 存在问题
 * and 下月计划 from its newest revision.
 * @example buildProgressSummary(input).blocks.filter((b) => b.kind === 'table').length // 4
 */
export function buildProgressSummary(input: SummaryInput): DocumentModel {
  const { units, reports } = input;
  const stateOf = (u: string) => STATE_WORDS[reports[u]?.state ?? 'missing'];
  const rows = units.map((f) => figureRow(unitName(f.unit), f, stateOf(f.unit)));
  if (units.length > 0) rows.push(figureRow('合计', total(units), ''));
  const texts = units.map((f) => {
    const r = reports[f.unit]?.report ?? null;
    return [
      c(unitName(f.unit)),
      c(stateOf(f.unit)),
      c(r ? `第${r.revision}版 ${chinaTime(r.submittedAt)}` : ''),
      c(r?.problems || '—'),
      c(r?.nextSteps || '—'),
    ];
  });
  return {
    title: `钦州市江河湖库管理范围划定工作进展情况汇总表（${monthWords(input.month)}）`,
    page: A4_LANDSCAPE,
    textMm: BODY_TEXT_MM * 0.8,
    face: 'sans',
    layout: 'flow',
    blocks: [
      {
        kind: 'title',
        text: `钦州市江河湖库管理范围划定工作进展情况汇总表（${monthWords(input.month)}）`,
      },
      {
        kind: 'paragraph',
        text: `报送：广西壮族自治区河长制办公室　填报：钦州市河长制办公室　统计截至：${lastDayOf(input.month)}（北京时间）`,
      },
      figuresTable('汇总表', rows),
      { kind: 'heading', text: '逾期规划' },
      overdueTable(units, input.planNames),
      { kind: 'heading', text: '本月推进' },
      movesTable(units, input.planNames),
      { kind: 'heading', text: '各单位存在问题与下月计划' },
      {
        kind: 'table',
        name: '存在问题与下月计划',
        widths: [2, 2, 3, 6, 6],
        header: [[c('单位'), c('报送情况'), c('版本与报送时间'), c('存在问题'), c('下月计划')]],
        rows: texts,
        scale: 0.7,
      },
    ],
  };
}

/**
 * One unit's report (月报) as a document: who and when, its figures, moves, overdue plans and texts.
 * @example buildReportDocument('450721', '2019-12', figures, report, names).title // '灵山县江河湖库管理范围划定工作月报（2019年12月）'
 */
export function buildReportDocument(
  figures: UnitFigures,
  report: ReportText,
  planNames: SummaryInput['planNames'],
): DocumentModel {
  const name = unitName(figures.unit);
  const title = `${name}江河湖库管理范围划定工作月报（${monthWords(figures.month)}）`;
  return {
    title,
    page: A4_LANDSCAPE,
    textMm: BODY_TEXT_MM * 0.8,
    face: 'sans',
    layout: 'flow',
    blocks: [
      { kind: 'title', text: title },
      {
        kind: 'paragraph',
        text: `报送单位：${name}河长制办公室　报送人：${report.submittedBy}　报送时间：${chinaTime(report.submittedAt)}（${report.late ? '逾期报送' : '按时报送'}）　第${report.revision}版`,
      },
      figuresTable('进展情况', [figureRow(name, figures, report.late ? '逾期报送' : '按时报送')]),
      movesTable([figures], planNames),
      overdueTable([figures], planNames),
      {
        kind: 'table',
        name: '存在问题与下月计划',
        widths: [1, 4],
        header: [[c('项目'), c('内容')]],
        rows: [
          [c('存在问题'), c(report.problems || '—')],
          [c('下月计划'), c(report.nextSteps || '—')],
        ],
        scale: 0.8,
      },
    ],
  };
}
