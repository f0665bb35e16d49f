// The notice boards (公告牌) of a publication as a document: one page per board, the page the
// board's size, laid out as a sign maker prints one: a frame, the title in a band, the content, a
// figure of the reach with the board's own position, the QR code, and a band at the bottom with the
// supervising unit, phone, issuing authority and date. Read at 5 m: the body text's capitals are at
// least 2 cm high, the title larger.
import type { FeatureCollection } from 'geojson';
import { markerCountMessage } from '../markers/count-markers';
import type { Message } from '../message';
import type { PublicNotice } from '../notice/build-notice';
import { buildZoneFigure } from './build-figure';
import type { BankPlaces } from './describe-places';
import { type DocBlock, type DocBoard, type DocumentModel, NOT_SET } from './document-model';
import { BANK_NAME, beyondLine, chineseDate, km, widthsUsed } from './document-text';

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
  /** a message (a reach's name, the marker counts) in the board's language */
  render: (m: Message) => string;
}

/**
 * Whether a board is laid out in two columns (text left; figure and QR code right) or stacked
 * (text above; figure and QR code side by side below): two columns from 1.2 : 1 on.
 * @example boardColumns({ widthCm: 150, heightCm: 100 }) // true
 */
export function boardColumns(size: { widthCm: number; heightCm: number }): boolean {
  return size.widthCm >= size.heightCm * 1.2;
}

/**
 * The figure's nominal box (mm), 160 mm wide as in the 公告 (its 12 mm of padding keeps the board's
 * mark off the frame): the writer scales it into the room it has, keeping its shape.
 */
function figureBox(input: BoardDocumentInput): { widthMm: number; heightMm: number } {
  const { widthCm: w, heightCm: h } = input.size;
  return {
    widthMm: 160,
    heightMm: boardColumns(input.size)
      ? (160 * h * 0.4) / (w * 0.38)
      : (160 * h * 0.25) / (w * 0.55),
  };
}

function boardFace(input: BoardDocumentInput, id: string, reach: string, bank: 'left' | 'right') {
  const { notice } = input;
  const ofReach = notice.reaches.find((r) => r.reach === reach);
  const line = ofReach?.banks.find((b) => b.bank === bank);
  const name = ofReach ? input.render(ofReach.label) : NOT_SET;
  const counts = input.render(markerCountMessage(notice.markerCounts));
  const place = input.places.get(`${reach}|${bank}`);
  const width = widthsUsed(input.zones).get(`${reach}|${bank}`);
  const acts = input.prohibitedActs.filter((a) => a.trim() !== '');
  const range = place && width ? `自${place.start}至${place.end}，${beyondLine(width)}` : NOT_SET;
  const box = figureBox(input);
  const reachZones: FeatureCollection = {
    type: 'FeatureCollection',
    features: input.zones.features.filter((f) => f.properties?.reach === reach),
  };
  const reachBoards: FeatureCollection = {
    type: 'FeatureCollection',
    features: input.markers.features.filter(
      (f) => f.properties?.markerType === 'notice-board' && f.properties?.reach === reach,
    ),
  };
  const figure = buildZoneFigure(
    reachZones,
    reachBoards,
    box.widthMm,
    box.heightMm,
    `${name}管理范围示意图`,
    id,
  );
  const board: DocBoard = {
    kind: 'board',
    title: `${notice.river}管理范围公告牌`,
    body: [
      // the number on a line of its own: a narrow board would break it at a hyphen
      { kind: 'paragraph', text: `河段：${name}　岸别：${BANK_NAME[bank]}` },
      { kind: 'paragraph', text: `编号：${id}`, oneLine: true },
      { kind: 'paragraph', text: `管理范围：${range}。` },
      {
        kind: 'paragraph',
        text: `长度：本岸管理范围线长${line ? km(line.lengthM) : NOT_SET}公里，全河划定总长${km(notice.delineatedLengthM)}公里，设${counts}。`,
      },
      { kind: 'heading', text: '禁止行为' },
      ...(acts.length > 0
        ? acts.map((a, i) => ({ kind: 'paragraph' as const, text: `${i + 1}. ${a}` }))
        : [{ kind: 'paragraph' as const, text: NOT_SET }]),
    ],
    figure,
    qr: { text: input.riverUrl, caption: '扫码查看划界成果' },
    footer: [
      `监督单位：${input.supervisingUnit ?? NOT_SET}`,
      `监督电话：${notice.supervisionPhone ?? NOT_SET}`,
      `发布机关：${notice.authority ?? NOT_SET}`,
      `发布日期：${chineseDate(notice.date)}`,
    ],
  };
  return board;
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
      boardFace(input, String(p.id), String(p.reach), bank),
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
