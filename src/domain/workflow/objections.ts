// Comments that block publishing (issue 19): an objection (异议) on a version stays open until a
// planner resolves it with a reply, and a version with an open objection is not published.
import type { Actor } from '../access/actor';
import type { PlanAccess } from '../access/permissions';
import { isChiefOf } from '../access/permissions';
import { type Message, msg } from '../message';
import { chinaDate } from '../plans/deadline';

/** What the rule reads of a comment. */
export interface CommentFacts {
  id: number;
  /** the author's display name (the route maps usernames to names) */
  author: string;
  text: string;
  at: string;
  /** the newest saved version when the comment was made */
  version: number | null;
  objection: boolean;
  resolution: { reply: string; by: string; at: string } | null;
}

/** How long a quoted comment may be in a refusal or a to-do before it is cut with …. */
const QUOTE_LENGTH = 24;

/**
 * The start of a comment's text for a refusal or a list: its first line, cut at 24 characters.
 * @example quote('城区段左岸堤脚线偏离实际堤防约 5 米，请核实后修改') // '城区段左岸堤脚线偏离实际堤防约 5 米，请核…'
 */
export function quote(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  const chars = [...line];
  return chars.length > QUOTE_LENGTH ? `${chars.slice(0, QUOTE_LENGTH).join('')}…` : line;
}

/**
 * Whether a new comment is an objection: its author marked it 异议, or the plan's river chief
 * pinned it to a place (a chief's pin asks for a change there; it is never a mere remark).
 * @example isObjection(gaoPu, plan, { pinned: true, marked: false }) // true
 */
export function isObjection(
  actor: Actor,
  plan: PlanAccess,
  comment: { pinned: boolean; marked: boolean },
): boolean {
  return comment.marked || (comment.pinned && isChiefOf(actor, plan));
}

/** The open objections on a version, oldest first. */
function openObjections<C extends CommentFacts>(comments: readonly C[], version: number): C[] {
  return comments.filter((c) => c.objection && c.resolution === null && c.version === version);
}

/**
 * Why `version` may not be published while objections on it are open, or null. The refusal names
 * the first one (author, the start of its text, its date) and how many are open:
 * `live.publish.openObjection` {author, text, date, count}.
 * @example checkOpenObjections(comments, 3) // msg('live.publish.openObjection', { author: '高朴', … })
 */
export function checkOpenObjections(
  comments: readonly CommentFacts[],
  version: number,
): Message | null {
  const open = openObjections(comments, version);
  const first = open[0];
  if (!first) return null;
  return msg('live.publish.openObjection', {
    author: first.author,
    text: quote(first.text),
    date: chinaDate(new Date(first.at)),
    count: open.length,
    version,
  });
}
