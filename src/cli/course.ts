// `hejie course import <river> <file>`: the bureau's river course (河道底图) into the store, through
// the same import pipeline and rules as the API (src/server/courses/import-course.ts).
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { courseFields } from '../contract/courses';
import type { Lang } from '../contract/messages/lang';
import { msg } from '../domain/message';
import { viewRegister } from '../domain/plans/view-register';
import { latestVisible } from '../domain/rivers/course-access';
import { mapStatusMessage } from '../domain/rivers/map-status';
import { readEnv } from '../server/config';
import { importCourse } from '../server/courses/import-course';
import { openRegister } from '../server/open-register';
import { publicGeoOf } from '../server/public-geo';
import { commandVoice } from './command-voice';
import { readImportFile } from './import';

const ROOT = resolve(import.meta.dirname, '../..');

const SPEC = {
  source: { type: 'string' },
  date: { type: 'string' },
  unit: { type: 'string' },
  declassified: { type: 'string' },
  public: { type: 'boolean' },
  crs: { type: 'string' },
  encoding: { type: 'string' },
} as const;

/** What the command needs from outside. */
interface CourseIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  lang: Lang;
}

/** Runs `course import …`; returns the exit code (2: usage, 1: refused, 0: imported). */
export async function runCourse(args: string[], io: CourseIo): Promise<number> {
  const { say, fail, usage } = commandVoice('course', msg('courses.cli.usage'), io.err, io.lang);
  let parsed: ReturnType<typeof parseArgs<{ options: typeof SPEC; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: SPEC });
  } catch (e) {
    return usage((e as Error).message);
  }
  const [sub, river, file, ...extra] = parsed.positionals;
  if (sub !== 'import' || !river || !file || extra.length > 0)
    return usage(msg('courses.cli.args'));
  const v = parsed.values;
  if (v.declassified !== undefined && !['yes', 'no', 'unknown'].includes(v.declassified))
    return usage(msg('courses.cli.declassified'));
  const fields = courseFields.safeParse({
    source: v.source ?? '',
    date: v.date ?? '',
    unit: v.unit ?? '',
    declassified: v.declassified ?? 'unknown',
    public: v.public ? 'true' : 'false',
    crs: v.crs?.toUpperCase().replace(/^(\d+)$/, 'EPSG:$1') ?? '',
    encoding: v.encoding?.toLowerCase() ?? '',
  });
  if (!fields.success) {
    const bad = String(fields.error.issues[0]?.path[0] ?? '');
    return usage(bad === 'date' ? msg('courses.cli.date') : `--${bad}`);
  }
  const bytes = await readImportFile(file, fail);
  if (!bytes) return 1;
  const cfg = readEnv(io.env);
  const { store, geodata } = await openRegister(ROOT, cfg, 'cli', cfg.clock);
  try {
    const actor = `cli:${io.env.USER ?? 'local'}`;
    const done = await importCourse(
      { store, counties: publicGeoOf(geodata.dir).counties },
      river,
      { name: basename(file), bytes },
      fields.data,
      actor,
    );
    if (!done.ok) {
      for (const r of done.reasons) fail(r);
      if (done.needs === 'crs') fail(msg('cli.import.runWithCrs'));
      return 1;
    }
    const stored = done.stored;
    if (!stored) throw new Error('importCourse stored nothing');
    for (const w of done.warnings) io.out(say(msg('cli.warning', { text: w })));
    const { counts } = stored;
    io.out(
      say(
        msg('courses.imported', {
          river: done.river.name,
          version: stored.version,
          features: counts.centreline + counts.bank + counts.water,
          ...counts,
          crs: done.crs,
          visibility: stored.public
            ? msg('courses.visibility.public')
            : msg('courses.visibility.staff'),
        }),
      ),
    );
    const view = viewRegister(
      await store.listPlans(),
      await store.listWaterbodies(),
      geodata.geometry,
      cfg.clock(),
      undefined,
      undefined,
      latestVisible(await store.listCourses(), true),
    );
    const status = view.rivers.find((r) => r.id === done.river.id)?.mapStatus ?? 'unmapped';
    io.out(
      say(msg('courses.status', { river: done.river.name, status: mapStatusMessage(status) })),
    );
    return 0;
  } finally {
    await store.close();
  }
}
