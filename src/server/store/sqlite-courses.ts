// River courses of the SQLite store (migration 7): one row per version, features as JSON; only the
// `public` column ever changes.
import type Database from 'better-sqlite3';
import type { BBox } from '../../domain/geo/bbox';
import { msg } from '../../domain/message';
import type {
  CourseSummary,
  CourseVersion,
  Declassified,
  RoleCounts,
} from '../../domain/rivers/course';
import { publicRefusal } from '../../domain/rivers/course-access';
import { courseImportDetail, courseTarget } from './course-audit';
import type { AuditWriter } from './sqlite-accounts';
import type { CourseMethods, NewCourse, ReviewWrite } from './store';

interface CourseSqlRow {
  river_id: string;
  version: number;
  source: string;
  date: string | null;
  unit: string | null;
  declassified: Declassified;
  public: number;
  counts: string;
  bbox: string;
  counties: string;
  file: string;
  by: string;
  at: string;
  features?: string;
}

const SUMMARY =
  'river_id, version, source, date, unit, declassified, public, counts, bbox, counties, file, by, at';

function toSummary(r: CourseSqlRow): CourseSummary {
  return {
    riverId: r.river_id,
    version: r.version,
    source: r.source,
    date: r.date,
    unit: r.unit,
    declassified: r.declassified,
    public: r.public === 1,
    counts: JSON.parse(r.counts) as RoleCounts,
    bbox: JSON.parse(r.bbox) as BBox,
    counties: JSON.parse(r.counties) as string[],
    file: r.file,
    by: r.by,
    at: r.at,
  };
}

/** The course methods of the SQLite store. */
export function courseMethods(
  db: Database.Database,
  audit: AuditWriter,
  clock: () => Date,
): CourseMethods {
  const next = db.prepare(
    'SELECT coalesce(max(version), 0) + 1 AS v FROM courses WHERE river_id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO courses (${SUMMARY}, features) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const one = db.prepare(
    `SELECT ${SUMMARY}, features FROM courses WHERE river_id = ? AND version = ?`,
  );
  const add = db.transaction((c: NewCourse, actor: string): ReviewWrite<CourseVersion> => {
    const version = (next.get(c.riverId) as { v: number }).v;
    const refused = publicRefusal({ ...c, version }, c.public);
    if (refused) return { ok: false, refused };
    const at = clock().toISOString();
    const row: CourseVersion = { ...c, version, by: actor, at };
    insert.run(
      c.riverId,
      version,
      c.source,
      c.date,
      c.unit,
      c.declassified,
      c.public ? 1 : 0,
      JSON.stringify(c.counts),
      JSON.stringify(c.bbox),
      JSON.stringify(c.counties),
      c.file,
      actor,
      at,
      JSON.stringify(c.features),
    );
    audit(at, actor, 'course.import', courseTarget(c.riverId), courseImportDetail(row));
    return { ok: true, value: row };
  });
  const setPublic = db.transaction(
    (riverId: string, version: number, isPublic: boolean, actor: string) => {
      const row = one.get(riverId, version) as CourseSqlRow | undefined;
      if (!row)
        return {
          ok: false,
          refused: msg('courses.noVersion', { river: riverId, version }),
        } as const;
      const refused = publicRefusal(toSummary(row), isPublic);
      if (refused) return { ok: false, refused } as const;
      db.prepare('UPDATE courses SET public = ? WHERE river_id = ? AND version = ?').run(
        isPublic ? 1 : 0,
        riverId,
        version,
      );
      audit(clock().toISOString(), actor, 'course.public', courseTarget(riverId), {
        version,
        public: isPublic,
      });
      return { ok: true, value: { ...toSummary(row), public: isPublic } } as const;
    },
  );
  return {
    async addCourse(course, actor) {
      return add.immediate(course, actor);
    },
    async listCourses(riverId) {
      const sql = `SELECT ${SUMMARY} FROM courses${riverId === undefined ? '' : ' WHERE river_id = ?'} ORDER BY river_id, version DESC`;
      const rows = (
        riverId === undefined ? db.prepare(sql).all() : db.prepare(sql).all(riverId)
      ) as CourseSqlRow[];
      return rows.map(toSummary);
    },
    async getCourse(riverId, version) {
      const row = one.get(riverId, version) as CourseSqlRow | undefined;
      if (!row) return null;
      return { ...toSummary(row), features: JSON.parse(row.features as string) };
    },
    async setCoursePublic(riverId, version, isPublic, actor) {
      return setPublic.immediate(riverId, version, isPublic, actor);
    },
  };
}
