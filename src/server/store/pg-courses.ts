// River courses and imagery layers of the PostgreSQL store: a course version per import (only its
// public flag ever changes, a trigger refuses the rest), an imagery layer per JSON record; every
// write one transaction with its audit entry.
import type { ImageryLayer } from '../../contract/imagery';
import { msg } from '../../domain/message';
import type { CourseSummary, CourseVersion } from '../../domain/rivers/course';
import { publicRefusal } from '../../domain/rivers/course-access';
import { courseImportDetail, courseTarget } from './course-audit';
import type { PgAuditWriter, PgDb } from './pg-db';
import { json } from './pg-db';
import type { CourseMethods, Store } from './store';

const SUMMARY = `river_id AS "riverId", version, source, date, unit, declassified, public, counts,
  bbox, counties, file, by, at`;

/** The course methods over the pool. */
export function pgCourseMethods(
  { read, tx }: PgDb,
  audit: PgAuditWriter,
  clock: () => Date,
): CourseMethods {
  return {
    async addCourse(c, actor) {
      return tx(async (q) => {
        await q('SELECT pg_advisory_xact_lock(hashtext($1))', [courseTarget(c.riverId)]);
        const [next] = await q<{ v: number }>(
          'SELECT coalesce(max(version), 0) + 1 AS v FROM courses WHERE river_id = $1',
          [c.riverId],
        );
        const version = next?.v as number;
        const refused = publicRefusal({ ...c, version }, c.public);
        if (refused) return { ok: false, refused };
        const at = clock().toISOString();
        const row: CourseVersion = { ...c, version, by: actor, at };
        await q(
          `INSERT INTO courses (river_id, version, source, date, unit, declassified, public, counts,
             bbox, counties, file, by, at, features)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [
            c.riverId,
            version,
            c.source,
            c.date,
            c.unit,
            c.declassified,
            c.public,
            json(c.counts),
            json(c.bbox),
            json(c.counties),
            c.file,
            actor,
            at,
            json(c.features),
          ],
        );
        await audit(
          q,
          at,
          actor,
          'course.import',
          courseTarget(c.riverId),
          courseImportDetail(row),
        );
        return { ok: true, value: row };
      });
    },
    async listCourses(riverId) {
      return riverId === undefined
        ? read<CourseSummary>(
            `SELECT ${SUMMARY} FROM courses ORDER BY river_id COLLATE "C", version DESC`,
          )
        : read<CourseSummary>(
            `SELECT ${SUMMARY} FROM courses WHERE river_id = $1 ORDER BY version DESC`,
            [riverId],
          );
    },
    async getCourse(riverId, version) {
      const [row] = await read<CourseVersion>(
        `SELECT ${SUMMARY}, features FROM courses WHERE river_id = $1 AND version = $2`,
        [riverId, version],
      );
      return row ?? null;
    },
    async setCoursePublic(riverId, version, isPublic, actor) {
      return tx(async (q) => {
        const [row] = await q<CourseSummary>(
          `SELECT ${SUMMARY} FROM courses WHERE river_id = $1 AND version = $2 FOR UPDATE`,
          [riverId, version],
        );
        if (!row)
          return { ok: false, refused: msg('courses.noVersion', { river: riverId, version }) };
        const refused = publicRefusal(row, isPublic);
        if (refused) return { ok: false, refused };
        await q('UPDATE courses SET public = $1 WHERE river_id = $2 AND version = $3', [
          isPublic,
          riverId,
          version,
        ]);
        await audit(q, clock().toISOString(), actor, 'course.public', courseTarget(riverId), {
          version,
          public: isPublic,
        });
        return { ok: true, value: { ...row, public: isPublic } };
      });
    },
  };
}

/** listImagery, addImagery and setImageryPublic over the pool. */
export function pgImageryMethods(
  { read, tx }: PgDb,
  audit: PgAuditWriter,
  clock: () => Date,
): Pick<Store, 'listImagery' | 'addImagery' | 'setImageryPublic'> {
  return {
    async listImagery() {
      return (
        await read<{ record: ImageryLayer }>(
          'SELECT record FROM imagery ORDER BY added_at, id COLLATE "C"',
        )
      ).map((r) => r.record);
    },
    async addImagery(layer, actor) {
      return tx(async (q) => {
        const done = await q(
          'INSERT INTO imagery (id, record, added_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id',
          [layer.id, json(layer), layer.addedAt],
        );
        if (done.length === 0) return false;
        await audit(q, clock().toISOString(), actor, 'imagery.add', `imagery:${layer.id}`, {
          name: layer.name,
          file: layer.file,
          public: layer.public,
          bounds: layer.bounds,
        });
        return true;
      });
    },
    async setImageryPublic(id, isPublic, actor) {
      return tx(async (q) => {
        const [row] = await q<{ record: ImageryLayer }>(
          'SELECT record FROM imagery WHERE id = $1 FOR UPDATE',
          [id],
        );
        if (!row) return null;
        const layer = { ...row.record, public: isPublic };
        await q('UPDATE imagery SET record = $1 WHERE id = $2', [json(layer), id]);
        await audit(q, clock().toISOString(), actor, 'imagery.public', `imagery:${id}`, {
          public: isPublic,
        });
        return layer;
      });
    },
  };
}
