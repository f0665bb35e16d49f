// River courses of the in-memory twin: the same numbering, refusals and audit as the SQLite store.
import { msg } from '../../domain/message';
import type { CourseVersion } from '../../domain/rivers/course';
import { publicRefusal } from '../../domain/rivers/course-access';
import { courseImportDetail, courseTarget, summaryOf } from './course-audit';
import type { MemoryState } from './memory-workflow';
import type { CourseMethods } from './store';

const copy = <T>(v: T): T => structuredClone(v);

/** The course methods of the memory store. */
export function memoryCourses(state: Pick<MemoryState, 'audit' | 'clock'>): CourseMethods {
  const courses: CourseVersion[] = [];
  const find = (riverId: string, version: number) =>
    courses.find((c) => c.riverId === riverId && c.version === version) ?? null;
  return {
    async addCourse(course, actor) {
      const version =
        1 +
        Math.max(0, ...courses.filter((c) => c.riverId === course.riverId).map((c) => c.version));
      const refused = publicRefusal({ ...course, version }, course.public);
      if (refused) return { ok: false, refused };
      const at = state.clock().toISOString();
      const row: CourseVersion = { ...copy(course), version, by: actor, at };
      courses.push(row);
      state.audit(at, actor, 'course.import', courseTarget(row.riverId), courseImportDetail(row));
      return { ok: true, value: copy(row) };
    },
    async listCourses(riverId) {
      return courses
        .filter((c) => riverId === undefined || c.riverId === riverId)
        .map((c) => copy(summaryOf(c)))
        .sort((a, b) =>
          a.riverId === b.riverId ? b.version - a.version : a.riverId < b.riverId ? -1 : 1,
        );
    },
    async getCourse(riverId, version) {
      return copy(find(riverId, version));
    },
    async setCoursePublic(riverId, version, isPublic, actor) {
      const row = find(riverId, version);
      if (!row)
        return { ok: false, refused: msg('courses.noVersion', { river: riverId, version }) };
      const refused = publicRefusal(row, isPublic);
      if (refused) return { ok: false, refused };
      row.public = isPublic;
      state.audit(state.clock().toISOString(), actor, 'course.public', courseTarget(riverId), {
        version,
        public: isPublic,
      });
      return { ok: true, value: copy(summaryOf(row)) };
    },
  };
}
