// The working copy kept in this browser (localStorage) while it has unsaved changes, so that a
// reload, a crash or a lost connection loses nothing. One entry per account and plan.
import { z } from 'zod/mini';
import type { EditFeature } from '../../../domain/editor/edit-types';
import { LINE_ROLES } from '../../../domain/editor/edit-types';

/** The storage a draft lives in (window.localStorage; a Map-backed twin in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const FORMAT = 'hejie-draft/1';

// zod/mini: the same checks at a tenth of the size in the lazy workspace chunk
const position = z.array(z.number()).check(z.minLength(2), z.maxLength(3));
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('LineString'), coordinates: z.array(position) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
]);
const feature = z.object({
  type: z.literal('Feature'),
  id: z.string().check(z.minLength(1)),
  geometry,
  properties: z.looseObject({
    reach: z.string(),
    role: z.nullable(z.enum([...LINE_ROLES, 'water', 'approved-boundary', 'work'])),
  }),
});
const draftSchema = z.object({
  format: z.literal(FORMAT),
  planId: z.string(),
  username: z.string(),
  baseVersion: z.int().check(z.minimum(0)),
  savedAt: z.string(),
  features: z.array(feature),
});

/** A stored draft: the working copy, the saved version it is based on, and when it was stored. */
export interface LocalDraft {
  format: typeof FORMAT;
  planId: string;
  username: string;
  baseVersion: number;
  /** ISO time the draft was stored */
  savedAt: string;
  features: EditFeature[];
}

/** What the storage holds for an account and plan. */
export type StoredDraft =
  | { kind: 'none' }
  | { kind: 'draft'; draft: LocalDraft }
  | { kind: 'unreadable'; reason: string };

/** The storage key of an account's draft of a plan: `hejie:draft:<username>:<planId>`. */
export const draftKey = (username: string, planId: string) => `hejie:draft:${username}:${planId}`;

/** The draft of an account and plan, checked; an entry that is not a draft is said to be so. */
export function readDraft(storage: DraftStorage, username: string, planId: string): StoredDraft {
  let text: string | null;
  try {
    text = storage.getItem(draftKey(username, planId));
  } catch (e) {
    return { kind: 'unreadable', reason: e instanceof Error ? e.message : String(e) };
  }
  if (text === null) return { kind: 'none' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'not JSON' };
  }
  const parsed = draftSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'unreadable', reason: `${issue?.path.join('.') || 'draft'}: ${issue?.message}` };
  }
  if (parsed.data.planId !== planId || parsed.data.username !== username)
    return {
      kind: 'unreadable',
      reason: `stored for ${parsed.data.username}/${parsed.data.planId}`,
    };
  return { kind: 'draft', draft: parsed.data as LocalDraft };
}

/** The outcome of a write: a full storage (quota) is told apart from other refusals. */
export type DraftWrite = { ok: true } | { ok: false; quota: boolean; message: string };

function isQuota(e: unknown): boolean {
  return (
    e instanceof DOMException &&
    (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22)
  );
}

/** Stores the working copy of an account's plan, stamped with the time. */
export function writeDraft(
  storage: DraftStorage,
  username: string,
  planId: string,
  baseVersion: number,
  features: readonly EditFeature[],
  now: Date = new Date(),
): DraftWrite {
  const draft: LocalDraft = {
    format: FORMAT,
    planId,
    username,
    baseVersion,
    savedAt: now.toISOString(),
    features: [...features],
  };
  try {
    storage.setItem(draftKey(username, planId), JSON.stringify(draft));
    return { ok: true };
  } catch (e) {
    return { ok: false, quota: isQuota(e), message: e instanceof Error ? e.message : String(e) };
  }
}

/** Removes the draft of an account's plan (after a save, or when the planner discards it). */
export function clearDraft(storage: DraftStorage, username: string, planId: string): void {
  try {
    storage.removeItem(draftKey(username, planId));
  } catch {
    // a storage that cannot be read cannot hold a draft either: nothing to remove
  }
}
