// An approved boundary (有相关成果河道, the 2019 plan's third standard): a polygon someone else approved
// — an ecological red line, a city blue line, a reserve, a drinking-water source zone, a wetland
// park — that a plan may adopt as its management range, with the approval it rests on.
import { type Message, msg } from '../message';

/** The role of an approved-boundary polygon in a plan's geometry version. */
export const APPROVED_ROLE = 'approved-boundary';

/** The kinds of approved boundary the standard allows (DOMAIN.md, "Widths"). */
export const APPROVED_CATEGORIES = [
  'ecological-redline',
  'urban-blueline',
  'nature-reserve',
  'drinking-water-source',
  'wetland-park',
] as const;

/** 生态保护红线 | 城市蓝线 | 自然保护区 | 饮用水水源保护区 | 湿地公园 */
export type ApprovedCategory = (typeof APPROVED_CATEGORIES)[number];

/** What an approved boundary rests on; the planner enters all three. */
export interface Approval {
  category: ApprovedCategory;
  /** the approval's reference (文号), as printed on it */
  approvalRef: string;
  /** the approval's date, YYYY-MM-DD */
  approvedOn: string;
  /** the name of the file the polygon was imported from, when imported */
  sourceFile?: string;
}

const CATEGORY_NAMES: Record<ApprovedCategory, Message> = {
  'ecological-redline': msg('adopted.category.ecological-redline'),
  'urban-blueline': msg('adopted.category.urban-blueline'),
  'nature-reserve': msg('adopted.category.nature-reserve'),
  'drinking-water-source': msg('adopted.category.drinking-water-source'),
  'wetland-park': msg('adopted.category.wetland-park'),
};

/**
 * A category as people read it.
 * @example categoryName('urban-blueline') // msg('adopted.category.urban-blueline') → 城市蓝线
 */
export function categoryName(c: ApprovedCategory): Message {
  return CATEGORY_NAMES[c];
}

const isDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/**
 * The approval of an approved boundary from a feature's properties or a form, or every reason it is
 * not usable: a known category, a non-empty 文号 (at most 200 characters) and a real date not after
 * `today` (YYYY-MM-DD, China).
 * @example readApproval({ category: 'urban-blueline', approvalRef: '钦规〔2099〕1号', approvedOn: '2020-01-02' }, '2026-01-01') // { ok: true, approval }
 */
export function readApproval(
  input: Readonly<Record<string, unknown>> | null | undefined,
  today: string,
): { ok: true; approval: Approval } | { ok: false; errors: Message[] } {
  const p = input ?? {};
  const errors: Message[] = [];
  const category = p.category;
  if (!APPROVED_CATEGORIES.includes(category as ApprovedCategory))
    errors.push(msg('adopted.approval.category'));
  const ref = typeof p.approvalRef === 'string' ? p.approvalRef.trim() : '';
  if (ref === '') errors.push(msg('adopted.approval.ref'));
  else if (ref.length > 200) errors.push(msg('adopted.approval.refTooLong', { max: 200 }));
  const on = typeof p.approvedOn === 'string' ? p.approvedOn : '';
  if (!isDate(on)) errors.push(msg('adopted.approval.date'));
  else if (on > today) errors.push(msg('adopted.approval.future', { date: on, today }));
  if (errors.length > 0) return { ok: false, errors };
  const source = typeof p.sourceFile === 'string' && p.sourceFile !== '' ? p.sourceFile : null;
  return {
    ok: true,
    approval: {
      category: category as ApprovedCategory,
      approvalRef: ref,
      approvedOn: on,
      ...(source === null ? {} : { sourceFile: source }),
    },
  };
}

/**
 * The sentence a publication and its 公告 print for an adopted boundary.
 * @example adoptionSentence(approval) // msg('adopted.notice.sentence', …) → 采用已批复的城市蓝线（…，2020-01-02）作为管理范围
 */
export function adoptionSentence(a: Approval): Message {
  return msg('adopted.notice.sentence', {
    category: categoryName(a.category),
    ref: a.approvalRef,
    date: a.approvedOn,
  });
}
