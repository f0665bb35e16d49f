// The government's 公告 of a publication as a document model: title, legal basis, 一、划界范围 (a table
// of reaches and banks with their ends in words), 二、划界标准 (the frozen rule table and the widths
// used), 三、划界成果 (the zone figure and where coordinates may be consulted), 四、管理要求 (the
// bureau's prohibited acts and the land statement), 五、监督电话, the authority and the date. The
// full tier adds the 界桩坐标成果表 annex; the public tier holds no coordinates at all.
import type { FeatureCollection } from 'geojson';
import type { CoordinateTable } from '../formats/tables/coordinate-table';
import { markerCountMessage } from '../markers/count-markers';
import { type Message, msg } from '../message';
import type { PublicNotice } from '../notice/build-notice';
import type { RuleTable } from '../zones/rules';
import { buildZoneFigure } from './build-figure';
import type { BankPlaces } from './describe-places';
import {
  A4,
  BODY_TEXT_MM,
  type DocBlock,
  type DocCell,
  type DocTable,
  type DocumentModel,
  NOT_SET,
} from './document-model';
import { BANK_NAME, beyondLine, chineseDate, km, widthsUsed } from './document-text';

/** Which 公告: for everyone (no coordinates) or with the 界桩坐标成果表 annex. */
export type NoticeTier = 'public' | 'full';

/** What a 公告 is built from: the notice of the publication, its frozen zones and table, the settings. */
export interface NoticeDocumentInput {
  /** `buildNotice` of the publication, with the settings' authority and phone filled in */
  notice: PublicNotice;
  rules: RuleTable;
  zones: FeatureCollection;
  markers: FeatureCollection;
  /** `describePlaces` of the notice's reaches */
  places: ReadonlyMap<string, BankPlaces>;
  prohibitedActs: readonly string[];
  supervisingUnit: string | null;
  tier: NoticeTier;
  /** the publication's coordinate tables in its GK zone (full tier only) */
  coordinateTables: readonly CoordinateTable[];
  /** a message (a reach's name, an end, the standard) in the document's language */
  render: (m: Message) => string;
}

const CLASS_NAME = ['', '1级', '2级', '3级', '4级', '4级以下'];
const cell = (text: string, extra: Omit<DocCell, 'text'> = {}): DocCell => ({ text, ...extra });
const para = (text: string, indent = true): DocBlock => ({ kind: 'paragraph', text, indent });

/**
 * The 公告's title; an authority the bureau has not set is said to be unset, never guessed.
 * @example noticeTitle(null, '钦江') // '（发布机关尚未设置）关于公布钦江管理范围划定成果的公告'
 */
export function noticeTitle(authority: string | null, river: string): string {
  return `${authority ?? `（发布机关${NOT_SET}）`}关于公布${river}管理范围划定成果的公告`;
}

/** The counties the zones lie in, joined (钦南区、钦北区), or where they are not. */
function counties(input: NoticeDocumentInput): string {
  const names = input.notice.counties.map((c) => c.name);
  return names.length > 0 ? names.join('、') : input.render(msg('public.counties.none'));
}

function rangeTable(input: NoticeDocumentInput): DocTable {
  const rows: DocCell[][] = [];
  for (const r of input.notice.reaches) {
    r.banks.forEach((b, i) => {
      const place = input.places.get(`${r.reach}|${b.bank}`) ?? { start: NOT_SET, end: NOT_SET };
      rows.push([
        ...(i === 0
          ? [cell(input.render(r.label), { rowSpan: r.banks.length, align: 'center' })]
          : []),
        cell(BANK_NAME[b.bank], { align: 'center' }),
        cell(place.start),
        cell(place.end),
        cell(km(b.lengthM), { align: 'right' }),
      ]);
    });
  }
  rows.push([
    cell('合计', { colSpan: 4, align: 'center' }),
    cell(km(input.notice.delineatedLengthM), { align: 'right' }),
  ]);
  return {
    kind: 'table',
    name: '划界范围',
    widths: [2, 1.2, 4, 4, 1.8],
    header: [
      ['河段', '岸别', '起点', '终点', '长度（km）'].map((t) => cell(t, { align: 'center' })),
    ],
    rows,
  };
}

function standardTable(rules: RuleTable): DocTable {
  const range = (r: { min: number; max: number }) => `${r.min}–${r.max}`;
  const toe = ([1, 2, 3, 4, 5] as const).map((c, i) => [
    cell(`${CLASS_NAME[c]}堤防`, { align: 'center' }),
    cell(range(rules.toe[c]), { align: 'center' }),
    ...(i === 0 ? [cell(range(rules.protection), { rowSpan: 5, align: 'center' })] : []),
  ]);
  return {
    kind: 'table',
    name: '划界标准',
    widths: [3, 4, 4],
    header: [
      ['堤防级别', '管理范围（护堤地）宽度（m）', '堤防安全保护区宽度（m）'].map((t) =>
        cell(t, { align: 'center' }),
      ),
    ],
    rows: [
      ...toe,
      [
        cell('无堤防河段', { align: 'center' }),
        cell(`岸线外延${range(rules.bank)}`, { align: 'center' }),
        cell('—', { align: 'center' }),
      ],
    ],
  };
}

function widthsParagraphs(input: NoticeDocumentInput): DocBlock[] {
  const used = widthsUsed(input.zones);
  const lines = input.notice.reaches.flatMap((r) =>
    r.banks.map((b) => {
      const w = used.get(`${r.reach}|${b.bank}`);
      const name = input.render(r.label);
      if (!w) return `${name}${BANK_NAME[b.bank]}：${NOT_SET}。`;
      const cls = w.embankmentClass ? `${CLASS_NAME[w.embankmentClass]}堤防，` : '';
      const protection =
        w.protectionM !== null ? `，堤防安全保护区为管理范围线外延${w.protectionM}米` : '';
      return `${name}${BANK_NAME[b.bank]}：${cls}管理范围为${beyondLine(w)}${protection}。`;
    }),
  );
  return [para('本次划定采用的宽度：'), ...lines.map((l) => para(l))];
}

function annex(tables: readonly CoordinateTable[]): DocBlock[] {
  const pick = ['点号', '类型', 'X', 'Y', 'B', 'L'];
  const blocks: DocBlock[] = [
    { kind: 'pageBreak' },
    { kind: 'heading', text: '附件：界桩坐标成果表' },
  ];
  for (const t of tables) {
    const head = new Map(t.header.map(([k, v]) => [k, v.text]));
    const index = pick.map((name) => t.columns.indexOf(name));
    blocks.push(
      para(
        `${head.get('表名') ?? t.name}（${head.get('坐标系') ?? ''}，${head.get('投影') ?? ''}，带号${head.get('带号') ?? ''}，中央子午线${head.get('中央子午线') ?? ''}；X为纵坐标（北），Y为横坐标（东），单位米）`,
        false,
      ),
      {
        kind: 'table',
        name: t.name,
        widths: [3.6, 1.5, 2.8, 2.8, 3.4, 3.6],
        scale: 0.65,
        header: [
          ['点号', '类型', 'X（m）', 'Y（m）', 'B', 'L'].map((x) => cell(x, { align: 'center' })),
        ],
        rows: t.rows.map((row) =>
          index.map((i, k) =>
            cell(i >= 0 ? (row[i]?.text ?? '') : '', {
              align: k >= 2 && k <= 3 ? 'right' : 'left',
            }),
          ),
        ),
      },
    );
  }
  return blocks;
}

/**
 * The 公告 of a publication as a document (pure; the inputs are not changed).
 * @example buildNoticeDocument({ ...input, tier: 'public' }).blocks[0] // { kind: 'title', text: '…关于公布钦江管理范围划定成果的公告' }
 */
export function buildNoticeDocument(input: NoticeDocumentInput): DocumentModel {
  const { notice } = input;
  const authority = notice.authority ?? NOT_SET;
  const figure = buildZoneFigure(
    input.zones,
    input.markers,
    A4.widthMm - 2 * A4.marginMm,
    120,
    `图1 ${notice.river}管理范围划定成果示意图`,
  );
  const acts = input.prohibitedActs.filter((a) => a.trim() !== '');
  const blocks: DocBlock[] = [
    { kind: 'title', text: noticeTitle(notice.authority, notice.river) },
    para(
      `根据${notice.legalBasis.join('；')}，${notice.river}（${notice.plan}）管理范围划定成果已经确定，现予公告。`,
    ),
    { kind: 'heading', text: '一、划界范围' },
    para(
      `${notice.river}划界河段共${notice.reaches.length}段，涉及${counties(input)}，管理范围线总长${km(notice.delineatedLengthM)}公里，设${input.render(markerCountMessage(notice.markerCounts))}。各河段起止如下表：`,
    ),
    rangeTable(input),
    { kind: 'heading', text: '二、划界标准' },
    para('本次划定执行的标准：'),
    ...notice.standardWords.map((m) => para(`${input.render(m)}。`)),
    para('各级堤防的划界宽度标准如下表：'),
    standardTable(input.rules),
    ...widthsParagraphs(input),
    { kind: 'heading', text: '三、划界成果' },
    ...(figure ? [figure] : [para(`划界成果图${NOT_SET}。`)]),
    para(
      '本公告不公布界桩坐标。界桩坐标成果存放于河道主管部门，公民、法人和其他组织可持有效身份证件实名查阅。',
    ),
    { kind: 'heading', text: '四、管理要求' },
    para('在河道管理范围内，禁止下列行为：'),
    ...(acts.length > 0
      ? acts.map((a, i) => para(`（${i + 1}）${a}`))
      : [para(`（禁止行为${NOT_SET}）`)]),
    para(`管理范围划定后，${notice.landStatement}。`),
    { kind: 'heading', text: '五、监督电话' },
    para(
      `监督单位：${input.supervisingUnit ?? NOT_SET}；监督电话：${notice.supervisionPhone ?? NOT_SET}。`,
    ),
    para(`发布机关：${authority}。`),
    {
      kind: 'signature',
      lines: [notice.authority ?? `（发布机关${NOT_SET}）`, chineseDate(notice.date)],
    },
    ...(input.tier === 'full' ? annex(input.coordinateTables) : []),
  ];
  return {
    title: noticeTitle(notice.authority, notice.river),
    page: { ...A4 },
    textMm: BODY_TEXT_MM,
    face: 'serif',
    layout: 'flow',
    blocks,
  };
}
