// Who sees and changes a river course (河道底图): base data is for staff by default; an admin makes a
// version public, and only a declassified (已脱密) one. One home for these rules: routes, CLI and UI.
import type { Actor } from '../access/actor';
import { type Message, msg } from '../message';
import { type CourseSummary, declassifiedName } from './course';

/**
 * Whether the caller sees staff-only base data: the bureau's planners, admins and river chiefs.
 * Departments consulted on a plan and the public see only what is public.
 * @example seesStaffCourses({ kind: 'public' }) // false
 */
export function seesStaffCourses(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role !== 'department';
}

/**
 * Whether the caller may import a course: a planner or an admin.
 * @example mayImportCourse(planner) // true
 */
export function mayImportCourse(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.role === 'planner' || actor.role === 'admin');
}

/**
 * Whether the caller may make a course public or staff-only: an admin.
 * @example mayPublishCourse(admin) // true
 */
export function mayPublishCourse(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role === 'admin';
}

/**
 * Why a version may not be made public (null: it may): only a declassified survey goes public.
 * Making it staff-only again is always allowed.
 * @example publicRefusal({ declassified: 'unknown', … }, true) // msg('courses.public.notDeclassified', …)
 */
export function publicRefusal(
  course: Pick<CourseSummary, 'declassified' | 'riverId' | 'version'>,
  makePublic: boolean,
): Message | null {
  if (!makePublic || course.declassified === 'yes') return null;
  return msg('courses.public.notDeclassified', {
    river: course.riverId,
    version: course.version,
    status: declassifiedName(course.declassified),
  });
}

/**
 * The newest version of each waterbody's course that a caller sees: staff see every version, the
 * public only public ones.
 * @example latestVisible(summaries, false).get('qinjiang')?.public // true
 */
export function latestVisible<C extends Pick<CourseSummary, 'riverId' | 'version' | 'public'>>(
  courses: readonly C[],
  staff: boolean,
): Map<string, C> {
  const out = new Map<string, C>();
  for (const c of courses) {
    if (!staff && !c.public) continue;
    const have = out.get(c.riverId);
    if (!have || have.version < c.version) out.set(c.riverId, c);
  }
  return out;
}
