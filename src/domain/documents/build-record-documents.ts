// The records of 意见征求, 公示 and 验收 as documents (written as PDF and XLSX), each holding what the
// store recorded up to the publication: rounds, departments, replies and answers (a department that
// did not reply by the deadline: 逾期未反馈，视为无意见); display periods and citizens' opinions
// (name and contact too: the archive is for staff only); acceptance records with their file.
import { isDayOver } from '../review/review-dates';
import type {
  AcceptanceRecord,
  Answer,
  Consultation,
  DisplayPeriod,
  PublicOpinion,
  Reply,
} from '../review/review-types';
import {
  A4,
  BODY_TEXT_MM,
  type DocBlock,
  type DocCell,
  type DocumentModel,
} from './document-model';

const VERDICT = { 'no-objection': '无意见', objection: '有意见' } as const;
const DECISION = { adopted: '采纳', partly: '部分采纳', rejected: '不采纳' } as const;
const CONCLUSION = { pass: '合格', fail: '不合格' } as const;

/** What the records are built from: the plan, the publication time, and the store's records. */
export interface RecordInput {
  planName: string;
  /** records written after this instant are left out */
  publishedAt: string;
}

const cell = (text: string): DocCell => ({ text });
const head = (texts: string[]): DocCell[][] => [
  texts.map((t) => ({ text: t, align: 'center' as const })),
];
const by =
  <T extends { at?: string }>(at: string) =>
  (r: T) =>
    (r.at ?? '') <= at;
const answerCells = (a: Answer | null): DocCell[] =>
  a
    ? [
        cell(DECISION[a.decision]),
        cell(a.reason),
        cell(a.version === null ? '' : `第${a.version}版`),
      ]
    : [cell('未答复'), cell(''), cell('')];
const doc = (title: string, blocks: DocBlock[]): DocumentModel => ({
  title,
  page: { widthMm: A4.heightMm, heightMm: A4.widthMm, marginMm: 15 },
  textMm: BODY_TEXT_MM * 0.75,
  face: 'sans',
  layout: 'flow',
  blocks: [{ kind: 'title', text: title }, ...blocks],
});

/**
 * The consultation record (征求意见记录) of a plan up to its publication.
 * @example buildConsultationRecord({ planName: '钦江', publishedAt }, rounds, replies).title // '钦江管理范围划定征求意见记录'
 */
export function buildConsultationRecord(
  input: RecordInput,
  rounds: readonly Consultation[],
  replies: readonly Reply[],
): DocumentModel {
  const kept = rounds.filter((r) => r.openedAt <= input.publishedAt);
  const blocks = kept.flatMap((round, i): DocBlock[] => {
    const own = replies.filter((r) => r.consultationId === round.id && r.at <= input.publishedAt);
    const lapsed = isDayOver(round.due, new Date(input.publishedAt));
    const rows = round.departments.map((d) => {
      const reply = own.find((r) => r.userId === d.userId);
      if (!reply)
        return [
          cell(d.organisation),
          cell(lapsed ? '逾期未反馈，视为无意见' : '未反馈'),
          cell(''),
          cell(''),
          cell(''),
          cell(''),
          cell(''),
          cell(''),
        ];
      const pin = reply.lon !== null && reply.lat !== null ? '已标注位置' : '';
      const answer =
        reply.verdict === 'objection' ? answerCells(reply.answer) : [cell('—'), cell(''), cell('')];
      return [
        cell(d.organisation),
        cell(VERDICT[reply.verdict]),
        cell(reply.text),
        cell(pin),
        cell(reply.at.slice(0, 10)),
        ...answer,
      ];
    });
    return [
      { kind: 'heading', text: `第${i + 1}轮（第${round.version}版成果）` },
      {
        kind: 'paragraph',
        text: `发出：${round.openedAt.slice(0, 10)}（${round.openedBy}）；反馈截止：${round.due}（北京时间24时）；说明：${round.message}`,
      },
      {
        kind: 'table',
        name: `第${i + 1}轮`,
        widths: [3, 2.4, 6, 1.6, 2, 1.6, 4, 1.4],
        header: head(['部门', '反馈', '意见', '位置', '反馈日期', '答复', '理由', '答复版本']),
        rows,
      },
    ];
  });
  return doc(
    `${input.planName}管理范围划定征求意见记录`,
    blocks.length > 0 ? blocks : [{ kind: 'paragraph', text: '无征求意见记录。' }],
  );
}

/**
 * The 公示 record of a plan up to its publication: periods, opinions with name and contact, answers.
 * @example buildDisplayRecord({ planName: '钦江', publishedAt }, periods, opinions).title // '钦江管理范围划定公示记录'
 */
export function buildDisplayRecord(
  input: RecordInput,
  periods: readonly DisplayPeriod[],
  opinions: readonly PublicOpinion[],
): DocumentModel {
  const blocks = periods
    .filter((p) => p.startedAt <= input.publishedAt)
    .flatMap((p, i): DocBlock[] => {
      const own = opinions.filter((o) => o.displayId === p.id).filter(by(input.publishedAt));
      return [
        { kind: 'heading', text: `公示${i + 1}（第${p.version}版成果）` },
        {
          kind: 'paragraph',
          text: `公示期：${p.start}至${p.end}，共${p.days}日（${p.startedBy}发起）；收到意见${own.length}条。`,
        },
        {
          kind: 'table',
          name: `公示${i + 1}`,
          widths: [1, 2.2, 7, 2, 3, 1.6, 4, 1.4],
          header: head([
            '序号',
            '提交时间',
            '意见',
            '姓名',
            '联系方式',
            '答复',
            '理由',
            '答复版本',
          ]),
          rows: own.map((o, k) => [
            cell(String(k + 1)),
            cell(o.at.slice(0, 16).replace('T', ' ')),
            cell(o.text),
            cell(o.name ?? ''),
            cell(o.contact ?? ''),
            ...answerCells(o.answer),
          ]),
        },
      ];
    });
  return doc(
    `${input.planName}管理范围划定公示记录`,
    blocks.length > 0 ? blocks : [{ kind: 'paragraph', text: '无公示记录。' }],
  );
}

/**
 * The acceptance record (验收记录) of a plan up to its publication, with each signed document's name
 * and SHA-256.
 * @example buildAcceptanceRecord({ planName: '钦江', publishedAt }, records).title // '钦江管理范围划定验收记录'
 */
export function buildAcceptanceRecord(
  input: RecordInput,
  records: readonly AcceptanceRecord[],
): DocumentModel {
  const rows = records
    .filter((r) => r.recordedAt <= input.publishedAt)
    .map((r) => [
      cell(r.date),
      cell(`第${r.version}版`),
      cell(r.body),
      cell(r.members),
      cell(CONCLUSION[r.conclusion]),
      cell(r.remarks),
      cell(r.file.name),
      cell(r.file.sha256),
    ]);
  const table: DocBlock = {
    kind: 'table',
    name: '验收记录',
    widths: [2, 1.4, 3, 4, 1.4, 4, 3, 5],
    header: head([
      '验收日期',
      '成果版本',
      '验收单位',
      '验收组成员',
      '结论',
      '备注',
      '验收文件',
      'SHA-256',
    ]),
    rows,
  };
  return doc(
    `${input.planName}管理范围划定验收记录`,
    rows.length > 0 ? [table] : [{ kind: 'paragraph', text: '无验收记录。' }],
  );
}
