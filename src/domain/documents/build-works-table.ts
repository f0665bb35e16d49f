// 涉水工程表: the works inside the river of a publication (issue 16) as a table (written as PDF and
// XLSX beside the coordinate tables): type, name, reach, shape, and whether the management range of
// its type is set in the rule table. No width is printed or invented.
import type { Message } from '../message';
import type { WorkRow } from '../works/list-works';
import { workTypeName } from '../works/work-types';
import { A4, BODY_TEXT_MM, type DocCell, type DocumentModel } from './document-model';

const SHAPES = { Point: '点', LineString: '轴线', Polygon: '占地范围' } as const;

/**
 * The works table of a plan, or null when it has no works. `say` renders a message (in zh).
 * @example buildWorksTable('钦江', rows, zh)?.title // '钦江涉水工程表'
 */
export function buildWorksTable(
  planName: string,
  rows: readonly WorkRow[],
  say: (m: Message) => string,
): DocumentModel | null {
  if (rows.length === 0) return null;
  const title = `${planName}涉水工程表`;
  const cell = (text: string): DocCell => ({ text });
  return {
    title,
    page: { widthMm: A4.widthMm, heightMm: A4.heightMm, marginMm: 20 },
    textMm: BODY_TEXT_MM * 0.85,
    face: 'sans',
    layout: 'flow',
    blocks: [
      { kind: 'title', text: title },
      {
        kind: 'table',
        name: '涉水工程',
        widths: [1, 2, 4, 3, 2, 4],
        header: [
          ['序号', '类型', '名称', '河段', '形状', '管理范围'].map((text) => ({
            text,
            align: 'center' as const,
          })),
        ],
        rows: rows.map((r, i) => [
          { text: String(i + 1), align: 'center' },
          cell(say(workTypeName(r.type))),
          cell(r.name),
          cell(r.reachName),
          cell(SHAPES[r.shape]),
          cell(r.rangeSet ? '按规则表计算' : '尚未设置（未计入管理范围）'),
        ]),
      },
    ],
  };
}
