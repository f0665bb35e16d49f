// Who may do what with a plan (issue 5). Pure rules: the server asks them on every route.

import { countyOfUnit } from '../plans/counties';
import type { PlanRecord } from '../plans/plan';
import type { Consultation } from '../review/review-types';
import type { Actor, UserActor } from './actor';

/** What the rules need to know about a plan. */
export type PlanAccess = Pick<PlanRecord, 'chief' | 'level' | 'unit'>;

/** What coordinate access depends on besides the actor and the plan. */
export interface CoordinateContext {
  /** the admin setting that opens coordinate tables of published plans to everyone */
  publicCoordinates: boolean;
  /** whether the coordinates asked for are of a published version */
  published: boolean;
}

/**
 * The people named in a register's 河长姓名 field (one or several, separated by 、 , ; / or spaces).
 * @example chiefNames('高朴、王雄昌') // ['高朴', '王雄昌']
 */
export function chiefNames(field: string): string[] {
  return field
    .split(/[、，,；;/\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Whether the actor is a chief account bound to one of the plan's chiefs.
 * @example isChiefOf(gaoPu, { chief: '高朴', level: '市级', unit: '市水利局' }) // true
 */
export function isChiefOf(actor: Actor, plan: PlanAccess): actor is UserActor {
  return (
    actor.kind === 'user' &&
    actor.role === 'chief' &&
    actor.person !== null &&
    actor.person.trim() !== '' &&
    chiefNames(plan.chief).includes(actor.person.trim())
  );
}

/**
 * Whether the actor works on the plan as a planner: an admin, or a planner whose scope holds it
 * (all plans; the city-level plans; county-level plans of the listed counties).
 * @example actsAsPlanner(cityPlanner, { chief: '高朴', level: '市级', unit: '市水利局' }) // true
 */
export function actsAsPlanner(actor: Actor, plan: PlanAccess): actor is UserActor {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'admin') return true;
  if (actor.role !== 'planner') return false;
  const { level, counties } = actor.scope;
  if (level === 'all') return true;
  if (level === 'city') return plan.level === '市级';
  const county = countyOfUnit(plan.unit);
  return plan.level === '县级' && county !== null && counties.includes(county.adcode);
}

/**
 * Whether the actor may see a plan's drafts (geometry versions, draft zones, comments, audit).
 * @example canViewDraft(PUBLIC, plan) // false
 */
export function canViewDraft(actor: Actor, plan: PlanAccess): boolean {
  return isChiefOf(actor, plan) || actsAsPlanner(actor, plan);
}

/**
 * Whether the actor may save a new geometry version of the plan (chiefs review, they do not draw).
 * @example canEditGeometry(chiefOfPlan, plan) // false
 */
export function canEditGeometry(actor: Actor, plan: PlanAccess): boolean {
  return actsAsPlanner(actor, plan);
}

/**
 * Whether the actor may publish the plan (公告实施): an admin, or a planner in scope with the
 * publish right.
 * @example canPublish({ ...planner, canPublish: false }, plan) // false
 */
export function canPublish(actor: Actor, plan: PlanAccess): boolean {
  if (!actsAsPlanner(actor, plan)) return false;
  return actor.role === 'admin' || actor.canPublish;
}

/**
 * Whether the actor may read coordinates (tables, exports) of a plan: drafts only to those who may
 * see drafts; a published version also to everyone when the setting opens coordinates.
 * @example canSeeCoordinates(PUBLIC, plan, { publicCoordinates: true, published: true }) // true
 */
export function canSeeCoordinates(
  actor: Actor,
  plan: PlanAccess,
  context: CoordinateContext,
): boolean {
  if (context.published && context.publicCoordinates) return true;
  return canViewDraft(actor, plan);
}

/**
 * Whether the actor may read the audit log of a plan, or (plan null) the whole log: admins only.
 * @example canReadAudit(admin, null) // true
 */
export function canReadAudit(actor: Actor, plan: PlanAccess | null): boolean {
  if (plan === null) return actor.kind === 'user' && actor.role === 'admin';
  return canViewDraft(actor, plan);
}

/** What the consultation rules read of a round: the departments it consults. */
export type RoundAccess = Pick<Consultation, 'departments'>;

/**
 * Whether the actor is a department account that the round consults (issue 13).
 * @example isConsulted(sthj, { departments: [{ userId: sthj.id, … }] }) // true
 */
export function isConsulted(actor: Actor, round: RoundAccess): actor is UserActor {
  return (
    actor.kind === 'user' &&
    actor.role === 'department' &&
    round.departments.some((d) => d.userId === actor.id)
  );
}

/**
 * Whether the actor may read a round and the version it consults on (map, zones, lengths, markers),
 * read-only: a department it consults, or whoever may see the plan's drafts. A department reads
 * nothing else of a plan: every other draft route asks `canViewDraft`, which is false for it.
 * @example canReadConsulted(otherDepartment, plan, round) // false
 */
export function canReadConsulted(actor: Actor, plan: PlanAccess, round: RoundAccess): boolean {
  return isConsulted(actor, round) || canViewDraft(actor, plan);
}

/**
 * Whether the actor sees the coordinates (markers' X/Y and their zone) of a consulted version: those
 * who may see the plan's drafts, and a consulted department only when the admin setting
 * `departmentCoordinates` is on (off by default).
 * @example canSeeConsultedCoordinates(sthj, plan, round, false) // false
 */
export function canSeeConsultedCoordinates(
  actor: Actor,
  plan: PlanAccess,
  round: RoundAccess,
  departmentCoordinates: boolean,
): boolean {
  return canViewDraft(actor, plan) || (departmentCoordinates && isConsulted(actor, round));
}

/**
 * Whether the map's cursor readout shows X/Y in the Gauss-Krüger zone: staff (planner, chief,
 * admin); the public and consulted departments read B/L only.
 * @example readsGridCoordinates({ kind: 'public' }) // false
 */
export function readsGridCoordinates(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role !== 'department';
}
