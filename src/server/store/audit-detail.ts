// What both stores write to the audit log for each kind of write, so that the twins agree. Secrets
// (password hashes, the Tianditu key) are never written: only that they changed.
import { type Message, msg } from '../../domain/message';
import type { CommentRow, NewUser, Settings, Store } from './store';

type UserPatch = Parameters<Store['updateUser']>[1];

/** The audit target of an account. */
export function userTarget(username: string): string {
  return `user:${username}`;
}

/** Detail of `user.create`: the account without its password hash. */
export function newUserDetail(user: NewUser): Record<string, unknown> {
  const { passwordHash: _, ...rest } = user;
  return rest;
}

/** Detail of `user.update`: what changed, the password only as "changed". */
export function userPatchDetail(patch: UserPatch): Record<string, unknown> {
  const { passwordHash, ...rest } = patch;
  return passwordHash === undefined ? { ...rest } : { ...rest, password: 'changed' };
}

/** Detail of `settings.update`: the patch, the key only as "set" or "cleared". */
export function settingsDetail(patch: Partial<Settings>): Record<string, unknown> {
  const { tiandituKey, ...rest } = patch;
  if (tiandituKey === undefined) return { ...rest };
  return { ...rest, tiandituKey: tiandituKey === null ? 'cleared' : 'set' };
}

/** The settings before an admin changes anything (DOMAIN.md: coordinates are not public by default). */
export const DEFAULT_SETTINGS: Settings = { publicCoordinates: false, tiandituKey: null };

/** Thrown by writes given a plan id that is not in the register (routes answer 404 before calling). */
export function unknownPlan(planId: string): Error {
  return new Error(`unknown plan "${planId}"`);
}

/** Comments are pinned to both coordinates or to none. */
export function checkPin(lon: number | null, lat: number | null): void {
  if ((lon === null) !== (lat === null)) throw new Error('a comment pin needs both lon and lat');
  if (lon !== null && lat !== null && (Math.abs(lon) > 180 || Math.abs(lat) > 90))
    throw new Error('a comment pin must be a lon/lat position');
}

/** The refusal of resolving a comment resolved already: by whom and when. */
export function alreadyResolved(c: CommentRow): Message {
  return msg('live.comment.alreadyResolved', {
    id: c.id,
    by: c.resolution?.by ?? '',
    at: c.resolution?.at ?? '',
  });
}
