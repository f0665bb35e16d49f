// Importing a river course (河道底图): the one path for the API and the CLI. The file goes through
// the import pipeline every handover uses (src/domain/formats/import: SHP/GeoJSON/KML/DXF/TXT, any
// CGCS2000 zone, GBK), then the course rules (roles, nothing empty), then the store.
import type { z } from 'zod';
import type { courseFields } from '../../contract/courses';
import type { CrsCode } from '../../domain/crs/crs';
import { importFile } from '../../domain/formats/import/import-file';
import type { ImportSource, TextEncoding } from '../../domain/formats/types';
import { type Message, msg } from '../../domain/message';
import type { CountyArea } from '../../domain/notice/zone-counties';
import {
  type CourseVersion,
  courseCounties,
  type PreparedCourse,
  prepareCourse,
} from '../../domain/rivers/course';
import { findRiver } from '../../domain/rivers/river-page';
import type { Waterbody } from '../../domain/rivers/waterbody';
import type { Store } from '../store/store';

/** The checked text fields of an import. */
export type CourseFields = z.output<typeof courseFields>;

/** What an import did, or why it did nothing (`needs: 'crs'`: only the user can name the zone). */
export type CourseImport =
  | {
      ok: true;
      river: Waterbody;
      prepared: PreparedCourse;
      crs: CrsCode;
      warnings: Message[];
      stored: CourseVersion | null;
    }
  | { ok: false; kind: 'river' | 'file' | 'refused'; reasons: Message[]; needs?: 'crs' };

/** A store's refusal about a waterbody (which names it by id), naming it as people do (钦江). */
export function namingRiver(m: Message, river: Pick<Waterbody, 'name'>): Message {
  return m.params && 'river' in m.params
    ? { code: m.code, params: { ...m.params, river: river.name } }
    : m;
}

/** The waterbody a key names (id, name or alias), or null. */
export async function courseRiver(store: Store, key: string): Promise<Waterbody | null> {
  return findRiver(await store.listWaterbodies(), key);
}

/**
 * Reads a course file for a waterbody and, unless `dryRun`, stores it as the next version.
 * Refusals: no such river, a file the pipeline refuses (type, CRS, bounds, empty), a course with no
 * line or polygon, public while not declassified. Nothing is kept on any refusal.
 * @example await importCourse({ store, counties }, '钦江', { name: 'qj.zip', bytes }, fields, 'planner')
 */
export async function importCourse(
  { store, counties }: { store: Store; counties: readonly CountyArea[] },
  riverKey: string,
  file: ImportSource,
  fields: CourseFields,
  actor: string,
  dryRun = false,
): Promise<CourseImport> {
  const river = await courseRiver(store, riverKey);
  if (!river)
    return { ok: false, kind: 'river', reasons: [msg('courses.noRiver', { key: riverKey })] };
  const read = importFile(file, {
    crs: fields.crs as CrsCode | undefined,
    encoding: fields.encoding as TextEncoding | undefined,
  });
  if (!read.ok)
    return {
      ok: false,
      kind: 'file',
      reasons: read.errors,
      ...(read.needs ? { needs: read.needs } : {}),
    };
  const prepared = prepareCourse(read.features);
  if (!prepared.ok) return { ok: false, kind: 'file', reasons: prepared.reasons };
  const done = { ok: true as const, river, prepared: prepared.course, crs: read.crs };
  if (dryRun) return { ...done, warnings: read.warnings, stored: null };
  const stored = await store.addCourse(
    {
      riverId: river.id,
      ...prepared.course,
      counties: courseCounties(prepared.course.features, counties),
      source: fields.source || file.name,
      date: fields.date,
      unit: fields.unit,
      declassified: fields.declassified,
      public: fields.public,
      file: file.name,
    },
    actor,
  );
  if (!stored.ok)
    return { ok: false, kind: 'refused', reasons: [namingRiver(stored.refused, river)] };
  return { ...done, warnings: read.warnings, stored: stored.value };
}
