import type { Actor } from '../access/actor';

/**
 * Whether someone may see an imagery layer (its listing and its tiles): the public and departments
 * only a public one, staff (chiefs, planners, admins) every one.
 * @example maySeeImagery({ kind: 'public' }, { public: false }) // → false
 */
export function maySeeImagery(actor: Actor, layer: { public: boolean }): boolean {
  if (layer.public) return true;
  return actor.kind === 'user' && actor.role !== 'department';
}

/**
 * Whether someone may add imagery or change its visibility: admins only.
 * @example mayManageImagery({ kind: 'public' }) // → false
 */
export function mayManageImagery(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role === 'admin';
}
