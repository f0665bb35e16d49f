// The notice boards (公告牌) of a publication as a document: one page per board, the page the
// board's size. Read at 5 m: the body text's capitals are at least 2 cm high, the title larger.
import type { FeatureCollection } from 'geojson';
import type { PublicNotice } from '../notice/build-notice';
import type { BankPlaces } from './describe-places';
import { type DocBlock, type DocumentModel, NOT_SET } from './document-model';
import { BANK_NAME, beyondLine, km, widthsUsed } from './document-text';

/** Capital height of the sans face (Noto Sans CJK: 733/1000 em). */
export const SANS_CAP_HEIGHT = 0.733;

/** Capital height of a board's body text, mm: legible at 5 m. */
export const BOARD_CAP_MM = 20;

/** What the boards are built from. */
export interface BoardDocumentInput {
  notice: PublicNotice;
  zones: FeatureCollection;
  markers: FeatureCollection;
  places: ReadonlyMap<string, BankPlaces>;
  prohibitedActs: readonly string[];
  supervisingUnit: string | null;
  /** the board's size (setting `noticeBoard`) */
  size: { widthCm: number; heightCm: number };
  /** the public river page the QR code opens, e.g. https://hejie.example/river/钦江 */
  riverUrl: string;
  /** only this board (its number), or every board when absent */
  number?: string;
}

function boardBlocks(
  input: BoardDocumentInput,
  id: string,
  reach: string,
  bank: 'left' | 'right',
): DocBlock[] {
  const { notice } = input;
  const line = notice.reaches.find((r) => r.reach === reach)?.banks.find((b) => b.bank === bank);
  const place = input.places.get(`${reach}|${bank}`);
  const width = widthsUsed(input.zones).get(`${reach}|${bank}`);
  const acts = input.prohibitedActs.filter((a) => a.trim() !== '');
  const range = place && width ? `自${place.start}至${place.end}，${beyondLine(width)}` : NOT_SET;
  return [
    { kind: 'title', text: `${notice.river}管理范围公告牌` },
    { kind: 'paragraph', text: `河段：${reach}　${BANK_NAME[bank]}　编号：${id}` },
    { kind: 'paragraph', text: `管理范围：${range}。` },
    {
      kind: 'paragraph',
      text: `本岸管理范围线长${line ? km(line.lengthM) : NOT_SET}公里；全河划定总长${km(notice.delineatedLengthM)}公里。`,
    },
    { kind: 'heading', text: '禁止行为' },
    ...(acts.length > 0
      ? acts.map((a, i): DocBlock => ({ kind: 'paragraph', text: `${i + 1}. ${a}` }))
      : [{ kind: 'paragraph', text: NOT_SET } as DocBlock]),
    { kind: 'paragraph', text: `监督单位：${input.supervisingUnit ?? NOT_SET}` },
    { kind: 'paragraph', text: `监督电话：${notice.supervisionPhone ?? NOT_SET}` },
    {
      kind: 'qr',
      text: input.riverUrl,
      sizeMm: Math.min(input.size.widthCm, input.size.heightCm) * 10 * 0.3,
      caption: '扫码查看划界成果',
    },
  ];
}

/**
 * The boards of a publication (or the one numbered `input.number`), one page each; null when that
 * board does not exist.
 * @example buildBoardDocument({ ...input, number: 'QJ01-GSP-L-01' })?.page.widthMm // 1500
 */
export function buildBoardDocument(input: BoardDocumentInput): DocumentModel | null {
  const boards = input.markers.features
    .filter((f) => f.properties?.markerType === 'notice-board')
    .filter((f) => input.number === undefined || f.properties?.id === input.number)
    .toSorted((a, b) => String(a.properties?.id).localeCompare(String(b.properties?.id)));
  if (boards.length === 0) return null;
  const blocks = boards.flatMap((b, i): DocBlock[] => {
    const p = b.properties ?? {};
    const bank = p.bank === 'right' ? 'right' : 'left';
    return [
      ...(i > 0 ? [{ kind: 'pageBreak' } as DocBlock] : []),
      ...boardBlocks(input, String(p.id), String(p.reach), bank),
    ];
  });
  const widthMm = input.size.widthCm * 10;
  const heightMm = input.size.heightCm * 10;
  return {
    title: `${input.notice.river}管理范围公告牌`,
    page: { widthMm, heightMm, marginMm: Math.min(widthMm, heightMm) * 0.05 },
    textMm: BOARD_CAP_MM / SANS_CAP_HEIGHT,
    face: 'sans',
    layout: 'board',
    blocks,
  };
}
